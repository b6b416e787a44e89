import type { Phase } from '../../shared/clock/turnClock';
import type { TurnView } from '../../shared/protocol/view';
import { useLive } from '../live/LiveContext';
import { useTurnClock } from '../live/useTurnClock';

const PHASE_LABEL: Record<Phase, string> = {
  normal: 'Time left',
  warning: 'Warning',
  overtime: 'Time is up',
};

/** Colour is never the only cue: each phase also says itself in words, and shows a mark. */
const PHASE_MARK: Record<Phase, string> = { normal: '', warning: '▲', overtime: '■' };

export type ClockSize = 'console' | 'display' | 'tablet' | 'podium' | 'overlay';

/** A turn's clock: `M:SS` left, `-M:SS` past the limit, with the phase in words. */
export const Clock = ({ turn, size }: { turn: TurnView; size: ClockSize }) => {
  const { clock } = useLive();
  const { text, phase } = useTurnClock(turn, clock);
  const paused = turn.status === 'paused';
  return (
    <div
      className={`clock clock-${size} phase-${phase}${paused ? ' is-paused' : ''}${
        // "-12:34" and "1:02:03" need narrower digits to stay inside the screen.
        text.length > 5 ? ' is-long' : ''
      }`}
    >
      <div
        className="clock-time"
        role="timer"
        aria-live="off"
        aria-label={`Speaking time of ${turn.speaker.name}`}
      >
        {text}
      </div>
      <p className="clock-phase">
        {PHASE_MARK[phase] && (
          <span className="clock-mark" aria-hidden="true">
            {PHASE_MARK[phase]}{' '}
          </span>
        )}
        {PHASE_LABEL[phase]}
        {paused && <span className="clock-paused"> · Paused</span>}
      </p>
    </div>
  );
};
