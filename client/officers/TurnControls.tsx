import type { CommandType } from '../../shared/protocol/commands';
import type { TurnView } from '../../shared/protocol/view';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { usePermissions } from './usePermissions';

const ADJUSTMENTS = [
  { deltaMs: -60_000, label: '−1 min', words: 'Remove one minute' },
  { deltaMs: -30_000, label: '−30 s', words: 'Remove 30 seconds' },
  { deltaMs: 30_000, label: '+30 s', words: 'Add 30 seconds' },
  { deltaMs: 60_000, label: '+1 min', words: 'Add one minute' },
] as const;

/**
 * The clock buttons of the current turn. Each names the turn it means (`turnId`), so a press
 * that arrives after the turn changed is refused rather than acting on the next speaker.
 */
export const TurnControls = ({ turn }: { turn: TurnView }) => {
  const [send, pending] = useCommand();
  const can = usePermissions();
  const onTurn = (type: Extract<CommandType, 'turn.pause' | 'turn.resume' | 'turn.end'>) =>
    void send({ type, turnId: turn.id });
  const { view } = useLiveView();
  const running = turn.status === 'running';
  // A suspension pauses the clock; it runs again when the session resumes, not before.
  const suspended = view.status === 'suspended';
  return (
    <div className="turn-controls">
      <div className="button-row">
        {running && can('turn.pause') && (
          <button
            type="button"
            className="button-primary"
            disabled={pending}
            onClick={() => onTurn('turn.pause')}
          >
            Pause
          </button>
        )}
        {!running && can('turn.resume') && (
          <button
            type="button"
            className="button-primary"
            disabled={pending || suspended}
            onClick={() => onTurn('turn.resume')}
          >
            Resume
          </button>
        )}
        {can('turn.end') && (
          <button type="button" disabled={pending} onClick={() => onTurn('turn.end')}>
            End turn
          </button>
        )}
      </div>
      {suspended && !running && (
        <p className="quiet">The session is suspended: resume the session to run the clock.</p>
      )}
      {can('turn.adjust') && (
        <fieldset className="button-row">
          <legend className="visually-hidden">Adjust the time</legend>
          {ADJUSTMENTS.map(({ deltaMs, label, words }) => (
            <button
              type="button"
              key={deltaMs}
              aria-label={words}
              title={words}
              disabled={pending}
              onClick={() =>
                void send({
                  type: 'turn.adjust',
                  turnId: turn.id,
                  fromLimitMs: turn.limitMs,
                  deltaMs,
                })
              }
            >
              {label}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
};
