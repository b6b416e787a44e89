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
 * exactly then; null while paused. Before the turn's start (a screen whose estimate of the
 * server's time runs a little behind) the clock stands still, and moves from the start.
 */
export const nextSecondAt = (clock: TurnClock, now: number): number | null => {
  if (clock.status !== 'running' || clock.startedAt === null) return null;
  const from = Math.max(now, clock.startedAt);
  const remaining = remainingAt(clock, from);
  // Remaining time is shown rounded up while positive (2:59.2 shows 3:00) and down past zero, so
  // the digits change each time it reaches a whole second.
  const intoSecond = ((remaining % 1000) + 1000) % 1000;
  return from + (intoSecond === 0 ? 1000 : intoSecond);
};

/**
 * The instant the phase next changes (normal to warning at `warnAtMs` spoken, to overtime at
 * `limitMs`); null while paused or once over time. The limit always falls on a change of the
 * digits (0:01 becomes 0:00 there), but the warning point does only when the time left at it is
 * whole seconds: `limitMs - warnAtMs` is any number of milliseconds (an allowance of 2.51
 * minutes, a `turn.adjust` that clamped the warning at zero), so it is a change of its own.
 */
export const nextPhaseAt = (clock: TurnClock, now: number): number | null => {
  if (clock.status !== 'running' || clock.startedAt === null) return null;
  const from = Math.max(now, clock.startedAt);
  const spoken = elapsedAt(clock, from);
  const next = [clock.warnAtMs, clock.limitMs].find((at) => at > spoken);
  return next === undefined ? null : from + (next - spoken);
};

/** The instant the clock's face (its digits or its phase) next changes; null while paused. */
export const nextChangeAt = (clock: TurnClock, now: number): number | null => {
  const second = nextSecondAt(clock, now);
  const phase = nextPhaseAt(clock, now);
  if (second === null || phase === null) return second ?? phase;
  return Math.min(second, phase);
};

/**
 * A schedule on the server's time axis brought to a device's own clock: given the device's
 * offset (add it to a local instant to get the server's) and its local now, the local instant at
 * which to redraw, or null for never.
 */
const onDeviceClock =
  (next: (clock: TurnClock, serverNow: number) => number | null) =>
  (clock: TurnClock, offsetMs: number, localNow: number): number | null => {
    const at = next(clock, localNow + offsetMs);
    return at === null ? null : at - offsetMs;
  };

/** When a screen must next redraw a turn's clock face, on its own clock (see onDeviceClock). */
export const redrawAt = onDeviceClock(nextChangeAt);

/** When a screen that follows only the phase must next look again, on its own clock. */
export const phaseRedrawAt = onDeviceClock(nextPhaseAt);

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
