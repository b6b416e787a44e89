import { useEffect, useState } from 'react';
import { listMeetings } from '../app/api';

/** Whether a meeting of that id is on this server: asked when a page has no token for it. */
export type MeetingKnown = 'asking' | 'known' | 'unknown' | 'unreachable';

/** Asks the server's list of meetings about `meetingId`; null asks nothing (answers 'asking'). */
export const useMeetingKnown = (meetingId: string | null): MeetingKnown => {
  const [answer, setAnswer] = useState<{ meetingId: string; known: MeetingKnown } | null>(null);
  useEffect(() => {
    if (meetingId === null) return;
    let current = true;
    listMeetings().then(
      (list) => {
        const known = list.some((m) => m.meetingId === meetingId) ? 'known' : 'unknown';
        if (current) setAnswer({ meetingId, known });
      },
      () => {
        if (current) setAnswer({ meetingId, known: 'unreachable' });
      },
    );
    return () => {
      current = false;
    };
  }, [meetingId]);
  return answer !== null && answer.meetingId === meetingId ? answer.known : 'asking';
};
