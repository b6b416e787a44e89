import type { CommandType } from '../../shared/protocol/commands';
import type { TurnView } from '../../shared/protocol/view';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { usePermissions } from './usePermissions';

/** What each button shows, and what it is called: the shown text first, as a voice user says it. */
const ADJUSTMENTS = [
  { deltaMs: -60_000, label: '−1 min', words: 'remove one minute' },
  { deltaMs: -30_000, label: '−30 s', words: 'remove 30 seconds' },
  { deltaMs: 30_000, label: '+30 s', words: 'add 30 seconds' },
  { deltaMs: 60_000, label: '+1 min', words: 'add one minute' },
] as const;

type Adjustment = (typeof ADJUSTMENTS)[number];

/** One time button. Its command disables it for a moment; pressed by keyboard, it keeps the focus. */
const AdjustButton = ({
  adjustment: { deltaMs, label, words },
  disabled,
  onPress,
}: {
  adjustment: Adjustment;
  disabled: boolean;
  onPress: (deltaMs: number) => void;
}) => {
  const taker = `adjust ${deltaMs}`;
  const takesFocus = useTakesFocus<HTMLButtonElement>(taker);
  return (
    <button
      ref={takesFocus}
      type="button"
      aria-label={`${label}: ${words}`}
      disabled={disabled}
      onClick={() => {
        passFocusTo(taker);
        onPress(deltaMs);
      }}
    >
      {label}
    </button>
  );
};

/**
 * The clock buttons of the current turn. Each names the turn it means (`turnId`), so a press
 * that arrives after the turn changed is refused rather than acting on the next speaker.
 */
export const TurnControls = ({ turn }: { turn: TurnView }) => {
  const [send, pending] = useCommand();
  const can = usePermissions();
  const onTurn = (type: Extract<CommandType, 'turn.pause' | 'turn.resume' | 'turn.end'>) => {
    // Pause gives way to Resume and back; after End turn, the next speaker is what comes next.
    passFocusTo(type === 'turn.end' ? 'next-speaker' : 'turn-clock');
    void send({ type, turnId: turn.id });
  };
  const clockButton = useTakesFocus<HTMLButtonElement>('turn-clock');
  const { view } = useLiveView();
  const running = turn.status === 'running';
  // A suspension pauses the clock; it runs again when the session resumes, not before.
  const suspended = view.status === 'suspended';
  return (
    <div className="turn-controls">
      <div className="button-row">
        {running && can('turn.pause') && (
          <button
            ref={clockButton}
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
            ref={clockButton}
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
          {ADJUSTMENTS.map((adjustment) => (
            <AdjustButton
              key={adjustment.deltaMs}
              adjustment={adjustment}
              disabled={pending}
              onPress={(deltaMs) =>
                void send({
                  type: 'turn.adjust',
                  turnId: turn.id,
                  fromLimitMs: turn.limitMs,
                  deltaMs,
                })
              }
            />
          ))}
        </fieldset>
      )}
    </div>
  );
};
