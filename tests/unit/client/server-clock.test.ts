import { afterEach, describe, expect, it } from 'vitest';
import { ServerClock, type SyncProbe } from '../../../client/live/serverClock';
import { SYNC_SAMPLES_AT_CONNECT } from '../../../shared/clock/offset';

/** A server whose clock is `aheadMs` ahead of this machine's, answering at once. */
const serverAhead =
  (aheadMs: number, asked: number[] = []): SyncProbe =>
  async (clientTime) => {
    asked.push(clientTime);
    return Date.now() + aheadMs;
  };

/** Lets the probe's answers (promises already resolved) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("a screen's ServerClock", () => {
  const clocks: ServerClock[] = [];
  const make = () => {
    const clock = new ServerClock();
    clocks.push(clock);
    return clock;
  };
  afterEach(() => {
    for (const clock of clocks.splice(0)) clock.stop();
  });

  it('takes the first state’s time until it has measured, and tells its listeners', () => {
    const clock = make();
    let told = 0;
    clock.onOffsetChange(() => told++);
    clock.noteServerTime(Date.now() + 60_000);
    expect(clock.offsetMs()).toBeGreaterThan(59_990);
    expect(told).toBe(1);
  });

  it('measures at connect, tells its listeners of each new offset, and no more once it stands', async () => {
    const clock = make();
    const asked: number[] = [];
    let told = 0;
    const stop = clock.onOffsetChange(() => told++);
    clock.start(serverAhead(5_000, asked));
    await settle();
    expect(asked).toHaveLength(SYNC_SAMPLES_AT_CONNECT);
    expect(Math.abs(clock.offsetMs() - 5_000)).toBeLessThanOrEqual(2);
    expect(told).toBeGreaterThanOrEqual(1);
    expect(told).toBeLessThanOrEqual(SYNC_SAMPLES_AT_CONNECT);
    // A state's serverTime no longer moves a measured offset, so nobody is woken for it.
    const before = told;
    clock.noteServerTime(Date.now() - 99_000);
    expect(told).toBe(before);
    // A listener that stopped listening hears nothing of a new measurement.
    stop();
    clock.start(serverAhead(9_000));
    await settle();
    expect(Math.abs(clock.offsetMs() - 9_000)).toBeLessThanOrEqual(2);
    expect(told).toBe(before);
  });
});
