import { useEffect, useRef, useState } from 'react';
import type { MeetingView } from '../../shared/protocol/view';
import { type Announcement, useAnnouncer } from '../components/LiveAnnouncer';
import { requestsInLine } from '../meeting/agenda';
import { tabletNews, whyMovedBack } from './placeNews';

/** Why a request of the delegation was last moved back, at the place it was moved back to. */
interface MovedBack {
  place: number;
  why: string;
}

export interface TabletNews {
  announcement: Announcement | null;
  announce: (text: string) => void;
  /**
   * Why each request of the delegation was moved back by a rule of the room (a State, a group, a
   * point of order asked after it), by request id, while it keeps that place.
   */
  movedBack: ReadonlyMap<string, string>;
}

/**
 * Follows the meeting as the tablet's delegation sees it: what to tell the screen reader after
 * each change, and why each of its requests was last moved back.
 */
export const useTabletNews = (view: MeetingView, delegationId: string): TabletNews => {
  const [announcement, announce] = useAnnouncer();
  const [reasons, setReasons] = useState<ReadonlyMap<string, MovedBack>>(new Map());
  const before = useRef(view);
  useEffect(() => {
    const was = before.current;
    before.current = view;
    if (was === view) return;
    const news = tabletNews(was, view, delegationId);
    if (news.length > 0) announce(news.join(' '));
    setReasons((known) => {
      const next = new Map<string, MovedBack>();
      for (const { request, place } of requestsInLine(view, delegationId)) {
        const why = whyMovedBack(was, view, request.id);
        const kept = known.get(request.id);
        // Any other move (the floor given to someone ahead, a new step) makes a reason stale.
        if (why) next.set(request.id, { place, why });
        else if (kept && kept.place === place && was.current?.stepId === view.current?.stepId) {
          next.set(request.id, kept);
        }
      }
      return next;
    });
  }, [view, delegationId, announce]);
  const movedBack = new Map<string, string>();
  for (const { request, place } of requestsInLine(view, delegationId)) {
    const reason = reasons.get(request.id);
    if (reason?.place === place) movedBack.set(request.id, reason.why);
  }
  return { announcement, announce, movedBack };
};
