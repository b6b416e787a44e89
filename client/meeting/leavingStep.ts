import { currentStep, locate, queueStep } from '../../shared/engine/places';
import type { MeetingView, TurnView } from '../../shared/protocol/view';

const speakerOf = (turn: TurnView): string =>
  turn.speaker.delegationName && turn.speaker.delegationName !== turn.speaker.name
    ? `${turn.speaker.name} (${turn.speaker.delegationName})`
    : turn.speaker.name;

/**
 * How many of the queue's requests go with the meeting to `to`: the statements asked for early
 * (contract version 2, "Early requests") when `to` is, further on in the item, the discussion
 * they wait for. The engine's rule (shared/engine/effects.ts, `earlyRequestsFor`), read from the
 * view; the rest of the queue is left unheard.
 */
const carriedTo = (
  view: MeetingView,
  to: { itemId: string; stepId: string } | undefined,
): number => {
  const forStep = view.floor.forStep;
  const here = currentStep(view);
  if (!to || !forStep?.early || !here || here.item.id !== to.itemId) return 0;
  const target = locate(view.agenda, to.itemId, to.stepId);
  if (!target || target.stepIndex <= here.stepIndex) return 0;
  if (queueStep({ agenda: view.agenda, current: to })?.step.id !== forStep.stepId) return 0;
  return view.floor.queue.filter((r) => r.kind === 'statement').length;
};

/**
 * What leaving the current step for `to` ends, in words, for the question asked before "Next
 * step" or "Go to": the turn under way (and the turn a point of order interrupted), and the
 * requests for the floor that will not be heard (they leave the queue with the step, unless they
 * were asked early for the discussion `to` is). Null when nothing would be lost. Without `to`,
 * every request waiting counts as left unheard.
 */
export const whatLeavingEnds = (
  view: MeetingView,
  to?: { itemId: string; stepId: string },
): string | null => {
  const turn = view.turn;
  const waiting = view.floor.queue.length - carriedTo(view, to);
  const ends = turn
    ? view.interrupted
      ? `The turns of ${speakerOf(turn)} and of ${speakerOf(view.interrupted)} end`
      : `The turn of ${speakerOf(turn)} ends`
    : null;
  const unheard =
    waiting === 0
      ? null
      : waiting === 1
        ? '1 request for the floor will be left unheard'
        : `${waiting} requests for the floor will be left unheard`;
  if (ends && unheard) return `${ends}, and ${unheard}.`;
  if (ends) return `${ends}.`;
  if (unheard) return `${unheard}.`;
  return null;
};
