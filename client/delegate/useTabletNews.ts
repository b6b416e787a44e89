import type { MessageDescriptor } from '@lingui/core';
import { useEffect, useRef, useState } from 'react';
import type { MeetingView } from '../../shared/protocol/view';
import { type Announcement, useAnnouncer } from '../components/LiveAnnouncer';
import { requestsInLine } from '../meeting/agenda';
import { useRequestWords } from '../meeting/useRequestWords';
import { tabletNews, whyMovedBack } from './placeNews';

/** Why a request of the delegation was last moved back, at the place it was moved back to. */
interface MovedBack {
  place: number;
  why: MessageDescriptor;
}

export interface TabletNews {
  announcement: Announcement | null;
  announce: (text: string) => void;
  /**
   * Why each request of the delegation was moved back by a rule of the room (a State, a group, a
   * point of order asked after it), by request id, while it keeps that place: a message, so that
   * it reads in whichever language the tablet shows meanwhile.
   */
  movedBack: ReadonlyMap<string, MessageDescriptor>;
}

/**
 * Follows the meeting as the tablet's delegation sees it: what to tell the screen reader after
 * each change (in the page's language at that moment), and why each of its requests was last
 * moved back.
 */
export const useTabletNews = (view: MeetingView, delegationId: string): TabletNews => {
  const words = useRequestWords();
  const [announcement, announce] = useAnnouncer();
  const [reasons, setReasons] = useState<ReadonlyMap<string, MovedBack>>(new Map());
  const before = useRef(view);
  // Read when the view changes: a change of language alone tells the screen reader nothing.
  const latestWords = useRef(words);
  latestWords.current = words;
  useEffect(() => {
    const was = before.current;
    before.current = view;
    if (was === view) return;
    const news = tabletNews(latestWords.current, was, view, delegationId);
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
  const movedBack = new Map<string, MessageDescriptor>();
  for (const { request, place } of requestsInLine(view, delegationId)) {
    const reason = reasons.get(request.id);
    if (reason?.place === place) movedBack.set(request.id, reason.why);
  }
  return { announcement, announce, movedBack };
};
