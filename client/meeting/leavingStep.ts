import { currentStep, locate, queueStep } from '../../shared/engine/places';
import type { MeetingView, TurnView } from '../../shared/protocol/view';
import type { RequestWords } from './requestWords';

/** "Ms. Ana Pérez (Egypt)", or the delegation alone when it speaks for itself. */
const speakerOf = (words: RequestWords, turn: TurnView): string => {
  const { speaker } = turn;
  if (speaker.delegationName === undefined || speaker.delegationName === speaker.name) {
    return words.speaker(speaker);
  }
  return words.t('words.person-for', {
    person: speaker.name,
    delegation: words.delegation(speaker) ?? speaker.delegationName,
  });
};

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
  words: RequestWords,
  view: MeetingView,
  to?: { itemId: string; stepId: string },
): string | null => {
  const { t } = words;
  const turn = view.turn;
  const count = view.floor.queue.length - carriedTo(view, to);
  if (!turn) return count === 0 ? null : t('words.leaving-unheard', { count });
  const speaker = speakerOf(words, turn);
  if (view.interrupted) {
    const interrupted = speakerOf(words, view.interrupted);
    return count === 0
      ? t('words.leaving-turns', { speaker, interrupted })
      : t('words.leaving-turns-and-unheard', { speaker, interrupted, count });
  }
  return count === 0
    ? t('words.leaving-turn', { speaker })
    : t('words.leaving-turn-and-unheard', { speaker, count });
};
