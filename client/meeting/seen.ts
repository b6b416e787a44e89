import type { CommandOf } from '../../shared/protocol/commands';
import type { MeetingView } from '../../shared/protocol/view';

/**
 * What a press saw of the meeting, sent with its command instead of a version (docs/protocol.md,
 * "Intent"): the server refuses the command as a `conflict` if the meeting has moved on from
 * what the button showed, and carries it out whatever else changed meanwhile (a request arriving).
 */

/** The step the button was pressed in: a press meant for a step past does nothing. */
export const stepSeen = (view: MeetingView): { fromItemId?: string; fromStepId?: string } =>
  view.current ? { fromItemId: view.current.itemId, fromStepId: view.current.stepId } : {};

/** Who had the floor when a floor-giving button was pressed, `null` for nobody: given once. */
export const turnSeen = (view: MeetingView): { turnId: string | null } => ({
  turnId: view.turn?.id ?? null,
});

/**
 * `turn.start` as the consoles send it: to the speaker named (a scheduled one by id, or anyone by
 * name), or with nobody named to the next scheduled speaker, which the server decides; with the
 * step and the turn the button saw.
 */
export const giveFloor = (
  view: MeetingView,
  who: Pick<CommandOf<'turn.start'>, 'speakerId' | 'speaker'> = {},
): CommandOf<'turn.start'> => ({
  type: 'turn.start',
  ...who,
  ...stepSeen(view),
  ...turnSeen(view),
});
