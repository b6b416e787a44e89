import type { CommandType } from '../../shared/protocol/commands';
import type { TurnView } from '../../shared/protocol/view';
import { BusyButton } from '../components/BusyButton';
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

/** One time button: it keeps the focus while its command waits, for the next press. */
const AdjustButton = ({
  adjustment: { deltaMs, label, words },
  busy,
  onPress,
}: {
  adjustment: Adjustment;
  busy: boolean;
  onPress: (deltaMs: number) => void;
}) => (
  <BusyButton aria-label={`${label}: ${words}`} busy={busy} onClick={() => onPress(deltaMs)}>
    {label}
  </BusyButton>
);

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
          <BusyButton
            ref={clockButton}
            className="button-primary"
            busy={pending}
            onClick={() => onTurn('turn.pause')}
          >
            Pause
          </BusyButton>
        )}
        {!running && can('turn.resume') && (
          <BusyButton
            ref={clockButton}
            className="button-primary"
            busy={pending}
            disabled={suspended}
            onClick={() => onTurn('turn.resume')}
          >
            Resume
          </BusyButton>
        )}
        {can('turn.end') && (
          <BusyButton busy={pending} onClick={() => onTurn('turn.end')}>
            End turn
          </BusyButton>
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
              busy={pending}
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
