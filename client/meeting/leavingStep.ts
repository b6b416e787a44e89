import type { MeetingView } from '../../shared/protocol/view';

/**
 * What leaving the current step ends, in words, for the question asked before "Next step" or
 * "Go to": the turn under way, and the requests for the floor that will not be heard (they leave
 * the queue with the step). Null when nothing would be lost.
 */
export const whatLeavingEnds = (view: MeetingView): string | null => {
  const turn = view.turn;
  const waiting = view.floor.queue.length;
  const speaker = turn
    ? turn.speaker.delegationName && turn.speaker.delegationName !== turn.speaker.name
      ? `${turn.speaker.name} (${turn.speaker.delegationName})`
      : turn.speaker.name
    : null;
  const unheard =
    waiting === 0
      ? null
      : waiting === 1
        ? '1 request for the floor will be left unheard'
        : `${waiting} requests for the floor will be left unheard`;
  if (speaker && unheard) return `The turn of ${speaker} ends, and ${unheard}.`;
  if (speaker) return `The turn of ${speaker} ends.`;
  if (unheard) return `${unheard}.`;
  return null;
};
