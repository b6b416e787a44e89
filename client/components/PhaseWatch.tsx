import { useEffect, useRef } from 'react';
import { type Phase, remainingAt } from '../../shared/clock/turnClock';
import type { TurnView } from '../../shared/protocol/view';
import type { T } from '../i18n/useT';
import { useLive } from '../live/LiveContext';
import { useTurnPhase } from '../live/useTurnClock';

/**
 * "1 minute 30 seconds", "30 seconds": the time left as a screen reader should say it, in the
 * page's language (each count with its language's plural form).
 */
export const timeInWords = (t: T, ms: number): string => {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return t('components.time-seconds', { seconds });
  if (seconds === 0) return t('components.time-minutes', { minutes });
  return t('components.time-minutes-seconds', { minutes, seconds });
};

/**
 * Calls `onEnter` when a turn's clock enters warning or runs over: once per entry, never for the
 * seconds in between, and not for the phase a turn already had when the screen first saw it.
 * Give it `key={turn.id}`: a new turn starts a new watch.
 */
export const PhaseWatch = ({
  turn,
  onEnter,
}: {
  turn: TurnView;
  onEnter: (phase: Exclude<Phase, 'normal'>, remainingMs: number) => void;
}) => {
  const { clock } = useLive();
  // Its own timer wakes only at the warning point and the limit, not on every second.
  const phase = useTurnPhase(turn, clock);
  const seen = useRef<Phase | null>(null);
  const latest = useRef({ turn, onEnter });
  latest.current = { turn, onEnter };
  useEffect(() => {
    const before = seen.current;
    seen.current = phase;
    if (before === null || before === phase || phase === 'normal') return;
    latest.current.onEnter(phase, remainingAt(latest.current.turn, clock.now()));
  }, [phase, clock]);
  return null;
};
