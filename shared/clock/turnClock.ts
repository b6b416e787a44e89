import type { TurnClock } from '../protocol/view';

export type Phase = 'normal' | 'warning' | 'overtime';

/** Time spoken at server instant `now`, pauses excluded. */
export const elapsedAt = (clock: TurnClock, now: number): number =>
  clock.elapsedMs +
  (clock.status === 'running' && clock.startedAt !== null ? Math.max(0, now - clock.startedAt) : 0);

/** Time left at `now`; negative is overtime. */
export const remainingAt = (clock: TurnClock, now: number): number =>
  clock.limitMs - elapsedAt(clock, now);

export const phaseOf = (
  clock: Pick<TurnClock, 'limitMs' | 'warnAtMs'>,
  elapsedMs: number,
): Phase =>
  elapsedMs < clock.warnAtMs ? 'normal' : elapsedMs < clock.limitMs ? 'warning' : 'overtime';

export const phaseAt = (clock: TurnClock, now: number): Phase =>
  phaseOf(clock, elapsedAt(clock, now));

/** Time spoken beyond the limit. */
export const overtimeOf = (limitMs: number, elapsedMs: number): number =>
  Math.max(0, elapsedMs - limitMs);

/**
 * The instant the clock next shows a different whole second, so a screen can change its digits
 * exactly then; null while paused.
 */
export const nextSecondAt = (clock: TurnClock, now: number): number | null => {
  if (clock.status !== 'running' || clock.startedAt === null) return null;
  const remaining = remainingAt(clock, now);
  // Remaining time is shown rounded up while positive (2:59.2 shows 3:00) and down past zero.
  const intoSecond = ((remaining % 1000) + 1000) % 1000;
  return now + (intoSecond === 0 ? 1000 : intoSecond);
};

/**
 * `M:SS` of the time left, counted up as `-M:SS` past the limit. While time remains it rounds up,
 * so a full 3-minute allowance shows 3:00 until a whole second has gone, and 0:00 appears exactly
 * at the limit.
 */
export const formatRemaining = (remainingMs: number): string => {
  if (remainingMs > 0) return formatDuration(Math.ceil(remainingMs / 1000) * 1000);
  const over = Math.floor(-remainingMs / 1000) * 1000;
  return over === 0 ? '0:00' : `-${formatDuration(over)}`;
};

/** `M:SS` (or `H:MM:SS` from an hour) of a non-negative duration, truncated to the second. */
export const formatDuration = (ms: number): string => {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
};
