import { describe, expect, it } from 'vitest';
import { minutes } from '../../../shared/clock/allowance';
import {
  elapsedAt,
  formatDuration,
  formatRemaining,
  nextSecondAt,
  overtimeOf,
  phaseAt,
  phaseOf,
  remainingAt,
} from '../../../shared/clock/turnClock';
import type { TurnClock } from '../../../shared/protocol/view';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const T0 = Date.UTC(2017, 6, 24, 14, 0, 0);

/**
 * An intervention from the floor: the house allowance of 3 minutes (warning at 2:30, see
 * allowance.test.ts), started at T0 and never paused.
 */
const floorTurn = (over: Partial<TurnClock> = {}): TurnClock => ({
  ...minutes(3),
  status: 'running',
  startedAt: T0,
  elapsedMs: 0,
  ...over,
});

/** The same clock paused after `spoken` of speech. */
const paused = (spoken: number, over: Partial<TurnClock> = {}): TurnClock =>
  floorTurn({ status: 'paused', startedAt: null, elapsedMs: spoken, ...over });

/** What `turn.adjust` does to a clock: the limit and the warning point move together. */
const adjusted = (clock: TurnClock, deltaMs: number): TurnClock => ({
  ...clock,
  limitMs: clock.limitMs + deltaMs,
  warnAtMs: Math.max(0, clock.warnAtMs + deltaMs),
});

describe('the phase of a 3-minute intervention warned at 2:30', () => {
  it('has the allowance of the house rule', () => {
    expect(floorTurn()).toMatchObject({ limitMs: 3 * MINUTE, warnAtMs: 150 * SECOND });
  });

  it('is normal up to the last millisecond before 2:30', () => {
    expect(phaseAt(floorTurn(), T0)).toBe('normal');
    expect(phaseAt(floorTurn(), T0 + 150 * SECOND - 1)).toBe('normal');
  });

  it('turns amber exactly at 2:30 and stays so up to the last millisecond before 3:00', () => {
    expect(phaseAt(floorTurn(), T0 + 150 * SECOND)).toBe('warning');
    expect(phaseAt(floorTurn(), T0 + 3 * MINUTE - 1)).toBe('warning');
  });

  it('is overtime exactly at 3:00 and after', () => {
    expect(phaseAt(floorTurn(), T0 + 3 * MINUTE)).toBe('overtime');
    expect(phaseAt(floorTurn(), T0 + 10 * MINUTE)).toBe('overtime');
  });

  it('reads the same from elapsed time alone', () => {
    const allowance = { limitMs: 3 * MINUTE, warnAtMs: 150 * SECOND };
    expect(phaseOf(allowance, 149_999)).toBe('normal');
    expect(phaseOf(allowance, 150_000)).toBe('warning');
    expect(phaseOf(allowance, 179_999)).toBe('warning');
    expect(phaseOf(allowance, 180_000)).toBe('overtime');
  });

  it('has no warning phase when the warning point is the limit', () => {
    const allowance = { limitMs: 3 * MINUTE, warnAtMs: 3 * MINUTE };
    expect(phaseOf(allowance, 3 * MINUTE - 1)).toBe('normal');
    expect(phaseOf(allowance, 3 * MINUTE)).toBe('overtime');
  });
});

describe('a running clock', () => {
  it('counts the time since its last start on top of the time spoken before', () => {
    const resumed = floorTurn({ startedAt: T0 + MINUTE, elapsedMs: 40 * SECOND });
    expect(elapsedAt(resumed, T0 + MINUTE)).toBe(40 * SECOND);
    expect(elapsedAt(resumed, T0 + 2 * MINUTE)).toBe(100 * SECOND);
    expect(remainingAt(resumed, T0 + 2 * MINUTE)).toBe(80 * SECOND);
  });

  it('never counts backwards when asked about an instant before its start', () => {
    expect(elapsedAt(floorTurn({ elapsedMs: 5 * SECOND }), T0 - MINUTE)).toBe(5 * SECOND);
  });

  it('goes negative past the limit, and the overtime is what was spoken beyond it', () => {
    expect(remainingAt(floorTurn(), T0 + 3 * MINUTE + 12 * SECOND)).toBe(-12 * SECOND);
    expect(overtimeOf(3 * MINUTE, 3 * MINUTE + 12 * SECOND)).toBe(12 * SECOND);
    expect(overtimeOf(3 * MINUTE, 2 * MINUTE)).toBe(0);
  });
});

describe('a paused clock', () => {
  it('stands still however much time passes', () => {
    const clock = paused(100 * SECOND);
    expect(elapsedAt(clock, T0)).toBe(100 * SECOND);
    expect(elapsedAt(clock, T0 + 60 * MINUTE)).toBe(100 * SECOND);
    expect(phaseAt(clock, T0 + 60 * MINUTE)).toBe('normal');
  });

  it('leaves the pause out of the time spoken once resumed', () => {
    // Spoke 0:00-1:40, paused 1:40-6:40, resumed: at 7:30 the speaker has spoken 2:30.
    const resumed = floorTurn({ startedAt: T0 + 400 * SECOND, elapsedMs: 100 * SECOND });
    expect(elapsedAt(resumed, T0 + 450 * SECOND)).toBe(150 * SECOND);
    expect(phaseAt(resumed, T0 + 450 * SECOND - 1)).toBe('normal');
    expect(phaseAt(resumed, T0 + 450 * SECOND)).toBe('warning');
  });
});

describe('an adjusted allowance', () => {
  it('moves the warning point and the limit by the same amount', () => {
    const longer = adjusted(floorTurn(), 30 * SECOND);
    expect(longer).toMatchObject({ limitMs: 210 * SECOND, warnAtMs: 180 * SECOND });
    expect(phaseAt(longer, T0 + 180 * SECOND - 1)).toBe('normal');
    expect(phaseAt(longer, T0 + 180 * SECOND)).toBe('warning');
    expect(phaseAt(longer, T0 + 210 * SECOND)).toBe('overtime');
    expect(remainingAt(longer, T0 + 3 * MINUTE)).toBe(30 * SECOND);
  });

  it('brings both points nearer when time is taken away', () => {
    const shorter = adjusted(floorTurn(), -MINUTE);
    expect(shorter).toMatchObject({ limitMs: 2 * MINUTE, warnAtMs: 90 * SECOND });
    expect(phaseAt(shorter, T0 + 90 * SECOND)).toBe('warning');
    expect(phaseAt(shorter, T0 + 2 * MINUTE)).toBe('overtime');
  });
});

describe('the clock face (formatRemaining)', () => {
  it('shows 3:00 for a full allowance and keeps showing it until a whole second has gone', () => {
    expect(formatRemaining(3 * MINUTE)).toBe('3:00');
    expect(formatRemaining(3 * MINUTE - 1)).toBe('3:00');
    expect(formatRemaining(3 * MINUTE - SECOND)).toBe('2:59');
  });

  it('shows 0:01 with a millisecond left and 0:00 exactly at the limit', () => {
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
  });

  it('counts up with a minus sign past the limit, from one whole second over', () => {
    expect(formatRemaining(-1)).toBe('0:00');
    expect(formatRemaining(-999)).toBe('0:00');
    expect(formatRemaining(-SECOND)).toBe('-0:01');
    expect(formatRemaining(-(2 * MINUTE + 5 * SECOND + 500))).toBe('-2:05');
  });

  it('shows hours from an hour on, either way', () => {
    expect(formatRemaining(59 * MINUTE + 59 * SECOND)).toBe('59:59');
    expect(formatRemaining(60 * MINUTE)).toBe('1:00:00');
    expect(formatRemaining(60 * MINUTE + 1)).toBe('1:00:01');
    expect(formatRemaining(-(61 * MINUTE + 5 * SECOND))).toBe('-1:01:05');
    expect(formatRemaining(6 * 60 * MINUTE)).toBe('6:00:00');
  });

  it('reads durations truncated to the second', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(999)).toBe('0:00');
    expect(formatDuration(192_000)).toBe('3:12');
    expect(formatDuration(2 * 60 * MINUTE + 3 * MINUTE + 4 * SECOND)).toBe('2:03:04');
    expect(formatDuration(-5 * SECOND)).toBe('0:00');
  });
});

describe('the next instant the clock face changes (nextSecondAt)', () => {
  /** What the face shows for a clock at an instant. */
  const face = (clock: TurnClock, now: number) => formatRemaining(remainingAt(clock, now));

  it('is one second away at a whole second', () => {
    expect(nextSecondAt(floorTurn(), T0)).toBe(T0 + SECOND);
    expect(nextSecondAt(floorTurn(), T0 + 3 * MINUTE)).toBe(T0 + 3 * MINUTE + SECOND);
    expect(nextSecondAt(floorTurn(), T0 + 4 * MINUTE)).toBe(T0 + 4 * MINUTE + SECOND);
  });

  it('is the rest of the second in between, before and past the limit', () => {
    expect(nextSecondAt(floorTurn(), T0 + 300)).toBe(T0 + SECOND);
    expect(nextSecondAt(floorTurn(), T0 + 3 * MINUTE - 1)).toBe(T0 + 3 * MINUTE);
    expect(nextSecondAt(floorTurn(), T0 + 3 * MINUTE + 1)).toBe(T0 + 3 * MINUTE + SECOND);
    expect(nextSecondAt(floorTurn(), T0 + 3 * MINUTE + 999)).toBe(T0 + 3 * MINUTE + SECOND);
  });

  it('is exactly when the face changes, and not a millisecond before', () => {
    const clock = floorTurn({ startedAt: T0 + 123, elapsedMs: 17_456 });
    let now = T0 + 500;
    for (let i = 0; i < 400; i++) {
      const next = nextSecondAt(clock, now);
      if (next === null) throw new Error('a running clock has a next second');
      expect(next).toBeGreaterThan(now);
      expect(face(clock, next - 1)).toBe(face(clock, now));
      expect(face(clock, next)).not.toBe(face(clock, now));
      now = next;
    }
    // 400 changes from 2:43 on reach past the limit.
    expect(face(clock, now).startsWith('-')).toBe(true);
  });

  it('is null while the clock is paused', () => {
    expect(nextSecondAt(paused(10 * SECOND), T0)).toBeNull();
  });
});
