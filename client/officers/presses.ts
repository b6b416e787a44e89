import { currentStep, scheduledSpeaker, speakersToCome } from '../../shared/engine/places';
import type { Command } from '../../shared/protocol/commands';
import type { MeetingView, QueueEntry } from '../../shared/protocol/view';
import type { RequestWords } from '../meeting/requestWords';
import { giveFloor, stepSeen, turnSeen } from '../meeting/seen';

/**
 * What the consoles' two main buttons send, built from what the console shows (pure, so that a
 * test can send them to the engine): the press carries what its sender saw, never a version.
 */

/**
 * A request as "Next speaker" names it: "Egypt, on behalf of the African Group", the speaker in
 * brackets when named, and the kind first when it is not a statement ("Point of order: Egypt").
 */
export const requestLabel = (
  words: RequestWords,
  request: Pick<QueueEntry, 'name' | 'speakerName' | 'kind' | 'onBehalfOf'>,
): string => {
  const who = words.speakingFor(request.name, request.onBehalfOf);
  const named = request.speakerName ? `${who} (${request.speakerName})` : who;
  const note = words.kindNote(request.kind);
  return note ? `${note}: ${named}` : named;
};

/** What "Next step" sends: the step it moves from, so that a second press is a conflict. */
export const nextStepCommand = (view: MeetingView): Command => ({
  type: 'agenda.next',
  ...stepSeen(view),
});

/** "Next speaker" as the consoles show it, before asking whether it may be pressed. */
export interface NextSpeakerPress {
  /** Who would get the floor, or why nobody would, in the screen's words. */
  label: (words: RequestWords) => string;
  /** What the press sends: it names nobody; the server gives the floor to whoever is next. */
  command: Command;
  /** Nobody comes after them: the button will have nothing left to give. */
  last: boolean;
}

/**
 * In a discussion, the request at the head of the queue (`floor.next` with the head shown and
 * the turn seen: a request arriving meanwhile changes nothing, a head granted meanwhile is a
 * conflict); in a speakers step, the next scheduled speaker not yet heard, as the engine picks
 * them (`scheduledSpeaker`, the same function), sent as `turn.start` naming nobody with the step
 * and turn seen, so that two presses at once give the floor once. Null with no step under way.
 */
export const nextSpeakerOf = (view: MeetingView): NextSpeakerPress | null => {
  const here = currentStep(view);
  if (!here) return null;
  if (here.step.kind === 'floor') {
    const head = view.floor.queue[0];
    return {
      label: (words) => (head ? requestLabel(words, head) : 'Nobody is waiting'),
      command: { type: 'floor.next', ...(head && { requestId: head.id }), ...turnSeen(view) },
      last: view.floor.queue.length <= 1,
    };
  }
  return {
    label: () => scheduledSpeaker(view)?.speaker.name ?? 'Every scheduled speaker has been heard',
    command: giveFloor(view),
    last: speakersToCome(view).length <= 1,
  };
};
