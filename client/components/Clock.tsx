import type { Phase } from '../../shared/clock/turnClock';
import type { TurnView } from '../../shared/protocol/view';
import { useT } from '../i18n/useT';
import { useLive } from '../live/LiveContext';
import { useTurnClock } from '../live/useTurnClock';
import { useRequestWords } from '../meeting/useRequestWords';

const PHASE_WORDS: Record<Phase, string> = {
  normal: 'components.clock-normal',
  warning: 'components.clock-warning',
  overtime: 'components.clock-overtime',
};

/** Colour is never the only cue: each phase also says itself in words, and shows a mark. */
const PHASE_MARK: Record<Phase, string> = { normal: '', warning: '▲', overtime: '■' };

export type ClockSize = 'console' | 'display' | 'tablet' | 'podium' | 'overlay';

/**
 * A turn's clock: `M:SS` left, `-M:SS` past the limit, with the phase in words. The time reads
 * left to right in every language (`dir="ltr"`): a clock in an Arabic page is still `-0:12`.
 */
export const Clock = ({ turn, size }: { turn: TurnView; size: ClockSize }) => {
  const t = useT();
  const words = useRequestWords();
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
        dir="ltr"
        role="timer"
        aria-live="off"
        aria-label={t('components.clock-label', { speaker: words.speaker(turn.speaker) })}
      >
        {text}
      </div>
      <p className="clock-phase">
        {PHASE_MARK[phase] && (
          <span className="clock-mark" aria-hidden="true">
            {PHASE_MARK[phase]}{' '}
          </span>
        )}
        {t(PHASE_WORDS[phase])}
        {paused && <span className="clock-paused">{t('components.clock-paused')}</span>}
      </p>
    </div>
  );
};
