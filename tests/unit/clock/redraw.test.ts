import { describe, expect, it } from 'vitest';
import { nextStepAt } from '../../../client/live/useServerNow';
import { minutes } from '../../../shared/clock/allowance';
import {
  formatRemaining,
  nextChangeAt,
  nextPhaseAt,
  phaseAt,
  phaseRedrawAt,
  redrawAt,
  remainingAt,
} from '../../../shared/clock/turnClock';
import type { TurnClock } from '../../../shared/protocol/view';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const T0 = Date.UTC(2017, 6, 24, 14, 0, 0);
/** A tablet whose clock runs 3.7 s fast: add the offset to its instants to get the server's. */
const FAST = -3_700;

/** The house allowance of 3 minutes (warning at 2:30), started at T0 on the server. */
const floorTurn = (over: Partial<TurnClock> = {}): TurnClock => ({
  ...minutes(3),
  status: 'running',
  startedAt: T0,
  elapsedMs: 0,
  ...over,
});

/** The face a screen draws at a server instant: digits and phase. */
const face = (clock: TurnClock, serverNow: number) =>
  `${formatRemaining(remainingAt(clock, serverNow))} ${phaseAt(clock, serverNow)}`;

/** The local instant of a tablet with offset `offset` at which the server reads `serverAt`. */
const local = (serverAt: number, offset = FAST) => serverAt - offset;

describe('when a screen redraws a running clock (redrawAt)', () => {
  it('is the next whole second of the face, on the screen’s own clock', () => {
    // 0.3 s into the turn the face shows 3:00; it shows 2:59 at 1 s on the server's clock.
    expect(redrawAt(floorTurn(), FAST, local(T0 + 300))).toBe(local(T0 + SECOND));
    expect(redrawAt(floorTurn(), 0, T0 + 300)).toBe(T0 + SECOND);
    expect(redrawAt(floorTurn(), 2_500, T0 + 300 - 2_500)).toBe(T0 + SECOND - 2_500);
  });

  it('follows a change of the offset estimate: the same server instant, another local one', () => {
    const before = redrawAt(floorTurn(), FAST, local(T0 + 300));
    const after = redrawAt(floorTurn(), FAST + 12, local(T0 + 300));
    expect(before).toBe(T0 + SECOND + 3_700);
    expect(after).toBe(T0 + SECOND + 3_700 - 12);
  });

  it('is never for a paused clock', () => {
    const paused = floorTurn({ status: 'paused', startedAt: null, elapsedMs: 42_300 });
    expect(redrawAt(paused, FAST, local(T0 + 5 * MINUTE))).toBeNull();
    expect(phaseRedrawAt(paused, FAST, local(T0 + 5 * MINUTE))).toBeNull();
    expect(nextPhaseAt(paused, T0)).toBeNull();
  });

  it('counts overtime up, a second at a time', () => {
    const clock = floorTurn();
    // 3:00.25 spoken: the face shows 0:00 until a whole second over, then -0:01.
    expect(face(clock, T0 + 3 * MINUTE + 250)).toBe('0:00 overtime');
    expect(redrawAt(clock, FAST, local(T0 + 3 * MINUTE + 250))).toBe(
      local(T0 + 3 * MINUTE + SECOND),
    );
    expect(face(clock, T0 + 3 * MINUTE + SECOND)).toBe('-0:01 overtime');
    expect(redrawAt(clock, FAST, local(T0 + 7 * MINUTE + 999))).toBe(local(T0 + 7 * MINUTE + 1000));
    // No phase comes after overtime: a screen following only the phase sleeps for good.
    expect(phaseRedrawAt(clock, FAST, local(T0 + 3 * MINUTE + 250))).toBeNull();
  });

  it('wakes at the limit, where 0:01 becomes 0:00 and the phase becomes overtime at once', () => {
    const clock = floorTurn();
    const at = redrawAt(clock, FAST, local(T0 + 3 * MINUTE - 400));
    expect(at).toBe(local(T0 + 3 * MINUTE));
    expect(face(clock, T0 + 3 * MINUTE - 1)).toBe('0:01 warning');
    expect(face(clock, T0 + 3 * MINUTE)).toBe('0:00 overtime');
  });

  it('wakes at a warning point that falls between two seconds of the face', () => {
    // 3 minutes, warned at 2:30.4 spoken: 29.6 s left, while the face shows 0:30.
    const clock = floorTurn({ warnAtMs: 150_400 });
    expect(face(clock, T0 + 150_399)).toBe('0:30 normal');
    expect(face(clock, T0 + 150_400)).toBe('0:30 warning');
    expect(redrawAt(clock, FAST, local(T0 + 150_000))).toBe(local(T0 + 150_400));
    expect(redrawAt(clock, FAST, local(T0 + 150_400))).toBe(local(T0 + 151_000));
    // Following the phase alone: the warning point, then the limit, then nothing.
    expect(phaseRedrawAt(clock, FAST, local(T0 + 10 * SECOND))).toBe(local(T0 + 150_400));
    expect(phaseRedrawAt(clock, FAST, local(T0 + 150_400))).toBe(local(T0 + 3 * MINUTE));
  });

  it('wakes once for a warning point on a whole second: the digits and the phase change together', () => {
    const clock = floorTurn(); // warning at 2:30 spoken, 0:30 left
    expect(redrawAt(clock, FAST, local(T0 + 149_500))).toBe(local(T0 + 150_000));
    expect(face(clock, T0 + 150_000)).toBe('0:30 warning');
    expect(face(clock, T0 + 149_999)).toBe('0:31 normal');
  });

  it('knows a clock warned from the start and one with no warning before its limit', () => {
    // turn.adjust clamps the warning at zero: warning from the first instant, then overtime.
    const early = floorTurn({ limitMs: 20_500, warnAtMs: 0 });
    expect(face(early, T0)).toBe('0:21 warning');
    expect(nextPhaseAt(early, T0 + 5_000)).toBe(T0 + 20_500);
    const none = floorTurn({ limitMs: 20_000, warnAtMs: 20_000 });
    expect(nextPhaseAt(none, T0 + 5_000)).toBe(T0 + 20_000);
    expect(face(none, T0 + 20_000)).toBe('0:00 overtime');
  });

  it('counts from the start for a screen whose estimate is still a little before it', () => {
    // The screen believes the server is 3 ms short of the start: the face moves at 1 s of speech.
    expect(nextChangeAt(floorTurn(), T0 - 3)).toBe(T0 + SECOND);
    expect(redrawAt(floorTurn(), FAST, local(T0 - 3))).toBe(local(T0 + SECOND));
    // A resumed turn (elapsed 17.4 s before the pause) changes when 17.4 + x reaches 18 s.
    const resumed = floorTurn({ elapsedMs: 17_400, startedAt: T0 + MINUTE });
    expect(nextChangeAt(resumed, T0 + MINUTE - 50)).toBe(T0 + MINUTE + 600);
  });

  it('is exactly when the face changes, and never later, for any offset, even fractional', () => {
    const clock = floorTurn({ startedAt: T0 + 123, elapsedMs: 17_456, warnAtMs: 150_321 });
    for (const offset of [FAST, 0, 12.5, -0.25, 987_654.5]) {
      let now = local(T0 + 500, offset);
      const seen = new Set<string>();
      for (let i = 0; i < 250; i++) {
        const next = redrawAt(clock, offset, now);
        if (next === null) throw new Error('a running clock changes again');
        expect(next).toBeGreaterThan(now);
        // Unchanged up to a hair before, changed at the instant.
        expect(face(clock, next - 0.01 + offset)).toBe(face(clock, now + offset));
        expect(face(clock, next + offset)).not.toBe(face(clock, now + offset));
        seen.add(face(clock, next + offset).split(' ')[1] ?? '');
        now = next;
      }
      // The walk went through the warning point and the limit.
      expect([...seen].sort()).toEqual(['normal', 'overtime', 'warning']);
    }
  });
});

describe('the server time of day and waiting times (nextStepAt)', () => {
  it('is the next whole second or minute of the server’s time', () => {
    expect(nextStepAt(SECOND, T0)).toBe(T0 + SECOND);
    expect(nextStepAt(SECOND, T0 + 1)).toBe(T0 + SECOND);
    expect(nextStepAt(SECOND, T0 + 999.5)).toBe(T0 + SECOND);
    expect(nextStepAt(MINUTE, T0 + 12_345)).toBe(T0 + MINUTE);
  });
});
