import { useEffect, useRef, useState } from 'react';
import type { MeetingView } from '../../shared/protocol/view';
import { type Announcement, useAnnouncer } from '../components/LiveAnnouncer';
import { placeInLine } from '../meeting/agenda';
import { movedBackForStates, tabletNews } from './placeNews';

export interface TabletNews {
  announcement: Announcement | null;
  announce: (text: string) => void;
  /** The place the delegation was moved back to because a State asked after it, while it holds. */
  movedBackTo: number | null;
}

/**
 * Follows the meeting as the tablet's delegation sees it: what to tell the screen reader after
 * each change, and whether its place was last moved back because States speak first.
 */
export const useTabletNews = (view: MeetingView, delegationId: string): TabletNews => {
  const [announcement, announce] = useAnnouncer();
  const [movedBackTo, setMovedBackTo] = useState<number | null>(null);
  const before = useRef(view);
  useEffect(() => {
    const was = before.current;
    before.current = view;
    if (was === view) return;
    const news = tabletNews(was, view, delegationId);
    if (news.length > 0) announce(news.join(' '));
    const place = placeInLine(view, delegationId);
    if (movedBackForStates(was, view, delegationId)) setMovedBackTo(place);
    // Any other move (the floor given to someone ahead, a new step) makes the reason stale.
    else if (
      place !== placeInLine(was, delegationId) ||
      was.current?.stepId !== view.current?.stepId
    )
      setMovedBackTo(null);
  }, [view, delegationId, announce]);
  const place = placeInLine(view, delegationId);
  return { announcement, announce, movedBackTo: place === movedBackTo ? movedBackTo : null };
};
