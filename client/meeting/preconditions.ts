import type { MeetingView } from '../../shared/protocol/view';
import type { Precondition } from '../live/useMeeting';
import { currentPlace } from './agenda';

const sameStepAs = (seen: MeetingView, latest: MeetingView): boolean =>
  latest.current?.itemId === seen.current?.itemId &&
  latest.current?.stepId === seen.current?.stepId;

const movedOn = (latest: MeetingView): string => {
  const here = currentPlace(latest);
  return `The meeting has moved on${here ? ` to "${here.step.title}"` : ''}: nothing was done.`;
};

/** Giving the floor: it still holds while the step and the turn are those the person saw. */
export const sameFloor = (seen: MeetingView): Precondition => ({
  holds: (latest) =>
    sameStepAs(seen, latest) && (latest.turn?.id ?? null) === (seen.turn?.id ?? null),
  explain: (latest) => {
    if (!sameStepAs(seen, latest)) return movedOn(latest);
    return latest.turn
      ? `Meanwhile ${latest.turn.speaker.name} was given the floor: nothing was done.`
      : 'Meanwhile the turn ended: nothing was done.';
  },
});

/** Moving in the agenda: it still holds while the step is the one the person saw. */
export const sameStep = (seen: MeetingView): Precondition => ({
  holds: (latest) => sameStepAs(seen, latest),
  explain: movedOn,
});
