import { useEffect, useState } from 'react';
import type { HeldStep } from '../../../shared/protocol/record';
import type { MeetingView } from '../../../shared/protocol/view';
import { fetchHeldSteps } from '../../app/api';
import type { Session } from '../../app/sessions';

/**
 * The steps held so far, read over HTTP (the room's broadcast does not carry the record). A step
 * is recorded when the meeting leaves it, and stored before the new state is sent: so they are
 * read again whenever the current step or the status changes.
 */
export const useHeldSteps = (session: Session, view: MeetingView): HeldStep[] => {
  const [held, setHeld] = useState<HeldStep[]>([]);
  const stepKey = `${view.status} ${view.current?.itemId} ${view.current?.stepId} ${view.current?.startedAt}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: stepKey says when to read them again
  useEffect(() => {
    let live = true;
    fetchHeldSteps(session.meetingId, session.token).then(
      (answer) => {
        if (live) setHeld(answer.steps);
      },
      () => {
        // Not read this time: the schedule keeps the steps it had, and the next step reads again.
      },
    );
    return () => {
      live = false;
    };
  }, [session.meetingId, session.token, stepKey]);
  return held;
};
