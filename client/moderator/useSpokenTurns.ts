import { useEffect, useState } from 'react';
import type { MeetingView } from '../../shared/protocol/view';
import { call } from '../app/api';
import type { Session } from '../app/sessions';
import type { ServerClock } from '../live/serverClock';
import type { LiveMeeting } from '../live/useMeeting';
import { endedSince, watchAfter, watchFloor } from './floorWatch';
import { type CountedTurn, countedFromRecord } from './speakingTime';

/** A failed read of the record is tried again after this long (the room network may blink). */
const RETRY_MS = 3_000;

/**
 * The turns that have ended, for the moderator's speaking times: the record, read over HTTP
 * (`GET /api/meetings/:id/record`, an officer's token) when the console opens and again each
 * time a turn leaves the floor (its id leaves the view), never on a timer. Until a read begun after
 * a turn left comes back, that turn counts with the time it had when it left (`floorWatch.ts`),
 * so that no tally drops for the moment of the read.
 *
 * Null until the first read answers.
 */
export const useSpokenTurns = (
  session: Session,
  view: MeetingView,
  clock: ServerClock,
  onState: LiveMeeting['onState'],
): CountedTurn[] | null => {
  const [watch, setWatch] = useState(() => watchFloor(view));
  const [read, setRead] = useState<{ turns: CountedTurn[]; generation: number } | null>(null);

  // Every state, as it arrives: a turn that began and ended between two drawings (states that
  // arrive together are drawn once) still leaves the floor here, and the record is read again.
  // The update goes with the state's own, so it is drawn in the same render.
  useEffect(
    () => onState((next) => setWatch((w) => watchAfter(w, next, clock.now()))),
    [onState, clock],
  );
  // The state drawn, in this very render, as `useTimedValue` does: one that came before the
  // listener above was there is not missed, and no render shows a turn that left uncounted.
  const current = watchAfter(watch, view, clock.now());
  if (current !== watch) setWatch(current);

  const { generation } = current;
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      call('record', { params: { id: session.meetingId }, token: session.token }).then(
        (answer) => {
          if (!live) return;
          setRead({ turns: answer.turns.map(countedFromRecord), generation });
          // What the record now has need not be kept.
          setWatch((w) => ({ ...w, ended: endedSince(w, generation) }));
        },
        () => {
          if (live) timer = setTimeout(load, RETRY_MS);
        },
      );
    };
    load();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [session.meetingId, session.token, generation]);

  if (read === null) return null;
  return [...read.turns, ...endedSince(current, read.generation)];
};
