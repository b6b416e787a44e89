import type { Command } from '../../shared/protocol/commands';
import type { MeetingView } from '../../shared/protocol/view';
import type { MayPress } from '../live/mayPress';
import type { LiveMeeting } from '../live/useMeeting';

/**
 * Space on the consoles: pauses the clock of the turn shown, or resumes it, whichever the chart
 * lets act now (neither while the session is suspended and the clock stopped with it).
 */
export const togglePauseOf = (
  view: MeetingView,
  mayPress: MayPress,
  send: LiveMeeting['send'],
): (() => void) | null => {
  const turn = view.turn;
  if (!turn) return null;
  const press = (['turn.pause', 'turn.resume'] as const)
    .map((type): Command => ({ type, turnId: turn.id }))
    .find((command) => mayPress(command) === null);
  return press ? () => void send(press) : null;
};
