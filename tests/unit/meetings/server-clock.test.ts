import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { ManualClock } from '../../support/clock';

/** One turn of the event loop's timers: what a timer due now waits for, and no more. */
const nextTick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the clock tests give the server', () => {
  it('stands still until moved, and fires what falls due, in order, each at its own instant', () => {
    const clock = new ManualClock({ start: 1_000 });
    const fired: [string, number][] = [];
    const note = (name: string) => () => fired.push([name, clock.now()]);
    clock.after(300, note('c'));
    clock.after(100, note('a'));
    clock.after(300, note('d'));
    clock.after(200, () => {
      note('b')();
      // Set while time passes, and due before the move ends: it fires in the same move.
      clock.after(50, note('b+50'));
    });
    expect(clock.now()).toBe(1_000);
    clock.advance(99);
    expect(fired).toEqual([]);
    clock.advance(201);
    expect(fired).toEqual([
      ['a', 1_100],
      ['b', 1_200],
      ['b+50', 1_250],
      ['c', 1_300],
      ['d', 1_300],
    ]);
    expect(clock.now()).toBe(1_300);
    expect(clock.pending).toBe(0);
    expect(() => clock.advance(-1)).toThrow();
  });

  it('forgets a cancelled timer', () => {
    const clock = new ManualClock({ start: 0 });
    let fired = false;
    const timer = clock.after(10, () => {
      fired = true;
    });
    timer.cancel();
    clock.advance(60_000);
    expect(fired).toBe(false);
    expect(clock.pending).toBe(0);
  });

  it('fires a timer already due without being moved, but never inside the call that set it', async () => {
    const clock = new ManualClock({ start: 0 });
    let fired = 0;
    clock.after(0, () => fired++);
    clock.after(-5, () => fired++);
    expect(fired).toBe(0);
    await nextTick();
    expect(fired).toBe(2);
    expect(clock.now()).toBe(0);
  });

  it('flowing, runs with the system clock and jumps when moved', () => {
    const clock = new ManualClock({ flowing: true });
    const before = Date.now();
    const read = clock.now();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(Date.now());
    let firedAt = 0;
    clock.after(60_000, () => {
      firedAt = clock.now();
    });
    clock.advance(60_000);
    expect(firedAt).toBeGreaterThanOrEqual(read + 60_000);
    expect(clock.now()).toBeGreaterThanOrEqual(firedAt);
  });

  it('in production is the system clock, its timers cancellable', async () => {
    const before = Date.now();
    expect(systemClock.now()).toBeGreaterThanOrEqual(before);
    let fired = false;
    systemClock.after(0, () => {
      fired = true;
    });
    await nextTick();
    expect(fired).toBe(true);
    const cancelled = systemClock.after(0, () => {
      fired = false;
    });
    cancelled.cancel();
    await nextTick();
    expect(fired).toBe(true);
  });
});
