import type { MeetingView } from '../../shared/protocol/view';
import type { LiveMeeting } from '../live/useMeeting';

/** Space on the consoles: pauses a running clock, resumes a paused one, for the turn shown. */
export const togglePauseOf = (
  view: MeetingView,
  send: LiveMeeting['send'],
): (() => void) | null => {
  const turn = view.turn;
  if (!turn) return null;
  return () =>
    void send({ type: turn.status === 'running' ? 'turn.pause' : 'turn.resume', turnId: turn.id });
};
