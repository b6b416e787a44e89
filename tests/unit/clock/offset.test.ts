import { describe, expect, it } from 'vitest';
import {
  estimateOf,
  OFFSET_WINDOW,
  OffsetEstimator,
  offsetOfSample,
  RESYNC_EVERY_MS,
  SYNC_SAMPLES_AT_CONNECT,
  SYNC_SAMPLES_LATER,
  type SyncSample,
} from '../../../shared/clock/offset';
import { seededRandom } from '../../bench/proxy';

/** A round trip from a client whose clock is `offset` behind the server's. */
const trip = (sentAt: number, up: number, down: number, offset: number): SyncSample => ({
  clientSentAt: sentAt,
  serverTime: sentAt + up + offset,
  clientReceivedAt: sentAt + up + down,
});

/**
 * A round trip as the clocks read it: true instants (fractional) read in whole milliseconds by
 * each side, the server's clock `offset` ahead of the client's true time.
 */
const readTrip = (sentAt: number, up: number, down: number, offset: number): SyncSample => ({
  clientSentAt: Math.floor(sentAt),
  serverTime: Math.floor(sentAt + up + offset),
  clientReceivedAt: Math.floor(sentAt + up + down),
});

/** The old rule, for comparison: the sample with the smallest round trip. */
const quickestSample = (samples: SyncSample[]): number => {
  const rtt = (s: SyncSample) => s.clientReceivedAt - s.clientSentAt;
  const best = samples.reduce((a, b) => (rtt(b) < rtt(a) ? b : a));
  return offsetOfSample(best);
};

const p99 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.99) - 1] as number;
};

describe('one sync sample', () => {
  it('puts the server answer in the middle of the round trip', () => {
    // Sent at 1000, received at 1100: the server said 5050, so at 1100 the server reads 5100.
    expect(offsetOfSample({ clientSentAt: 1000, serverTime: 5050, clientReceivedAt: 1100 })).toBe(
      4000,
    );
  });

  it('is exact on a symmetric link', () => {
    expect(offsetOfSample(trip(10_000, 40, 40, 1234))).toBe(1234);
    expect(offsetOfSample(trip(10_000, 5, 5, -777))).toBe(-777);
  });

  it('errs by at most half the round trip on a lopsided link', () => {
    const estimate = offsetOfSample(trip(10_000, 80, 20, 500));
    expect(Math.abs(estimate - 500)).toBeLessThanOrEqual(50);
  });

  it('is the estimate of a single sample, which says how far it may be wrong', () => {
    expect(estimateOf([trip(10_000, 80, 20, 500)])).toEqual({
      offsetMs: offsetOfSample(trip(10_000, 80, 20, 500)),
      boundMs: 51, // half the round trip, and a millisecond for the clocks' resolution
      roundTripMs: 100,
      samples: 1,
    });
  });
});

describe('the offset estimator', () => {
  it('knows nothing before the first sample, and serverNow is the client clock meanwhile', () => {
    const estimator = new OffsetEstimator();
    expect(estimator.estimate).toBeNull();
    expect(estimator.serverNow(42_000)).toBe(42_000);
  });

  it('takes the quickest way there and the quickest way back, even from different samples', () => {
    const estimator = new OffsetEstimator();
    // Both lopsided, opposite ways: each alone errs by 30 ms, the smallest round trip is no help.
    estimator.add(trip(0, 20, 80, 500));
    estimator.add(trip(100, 80, 20, 500));
    expect(Math.abs(offsetOfSample(trip(0, 20, 80, 500)) - 500)).toBe(30);
    const estimate = estimator.estimate;
    expect(estimate?.offsetMs).toBeCloseTo(500, 1);
    // The offset lies within [500 - 20, 500 + 20], give or take the clocks' millisecond.
    expect(estimate?.boundMs).toBeCloseTo(21, 1);
    expect(estimate).toMatchObject({ roundTripMs: 100, samples: 2 });
    expect(estimator.serverNow(100_000)).toBeCloseTo(100_500, 1);
  });

  it('is not moved by a sample with a long round trip, however lopsided', () => {
    const estimator = new OffsetEstimator();
    estimator.add(trip(0, 6, 4, 500));
    const before = estimator.estimate?.offsetMs;
    // Queued a second on the way there, then 0.7 s on the way back; quick the other way, but no
    // quicker than the first sample: nothing new is learnt.
    estimator.add(trip(50, 900, 5, 500));
    estimator.add(trip(1000, 7, 700, 500));
    expect(estimator.estimate?.offsetMs).toBeCloseTo(before ?? Number.NaN, 1);
    expect(estimator.estimate?.samples).toBe(3);
  });

  it('takes an instant reply (round trip zero) as exact', () => {
    const estimator = new OffsetEstimator();
    estimator.add({ clientSentAt: 3000, serverTime: 3400, clientReceivedAt: 3000 });
    expect(estimator.estimate).toEqual({ offsetMs: 400, boundMs: 1, roundTripMs: 0, samples: 1 });
  });

  it('ignores a sample received before it was sent (the local clock jumped back)', () => {
    const estimator = new OffsetEstimator();
    estimator.add({ clientSentAt: 5000, serverTime: 1_000_000, clientReceivedAt: 4990 });
    expect(estimator.estimate).toBeNull();
    estimator.add(trip(6000, 30, 30, 250));
    estimator.add({ clientSentAt: 8000, serverTime: 9_999_999, clientReceivedAt: 7999 });
    expect(estimator.estimate).toMatchObject({ offsetMs: 250, roundTripMs: 60, samples: 1 });
  });

  it('counts only the most recent samples of its window', () => {
    const estimator = new OffsetEstimator(3);
    estimator.add(trip(0, 1, 1, 100)); // precise, but it will leave the window
    estimator.add(trip(10, 40, 40, 110));
    estimator.add(trip(20, 40, 40, 120));
    expect(estimator.estimate).toMatchObject({ samples: 3 });
    expect(estimator.estimate?.boundMs).toBeLessThan(2.1);
    estimator.add(trip(30, 40, 40, 115));
    expect(estimator.estimate).toMatchObject({ roundTripMs: 80, samples: 3 });
    expect(estimator.estimate?.boundMs).toBeGreaterThan(30);
  });

  it(`holds ${OFFSET_WINDOW} samples by default`, () => {
    const estimator = new OffsetEstimator();
    for (let i = 0; i < 100; i++) estimator.add(trip(i * 100, 10, 10, 0));
    expect(estimator.estimate?.samples).toBe(OFFSET_WINDOW);
  });

  it('forgets everything on reset', () => {
    const estimator = new OffsetEstimator();
    estimator.add(trip(0, 10, 10, 700));
    estimator.reset();
    expect(estimator.estimate).toBeNull();
    expect(estimator.serverNow(5000)).toBe(5000);
    estimator.add(trip(9000, 10, 10, -50));
    expect(estimator.estimate).toEqual({ offsetMs: -50, boundMs: 11, roundTripMs: 20, samples: 1 });
  });

  it('follows a clock that was set: the samples before the change are left out at once', () => {
    const estimator = new OffsetEstimator();
    for (let i = 0; i < 16; i++) estimator.add(trip(i * 100, 30, 30, 1000));
    // The tablet's clock was set back 2 s: from now on the server is 2 s further ahead.
    for (let i = 0; i < 4; i++) estimator.add(trip(30_000 + i * 100, 40, 20, 3000));
    expect(estimator.estimate).toMatchObject({ samples: 4 });
    const estimate = estimator.estimate;
    expect(Math.abs((estimate?.offsetMs ?? 0) - 3000)).toBeLessThanOrEqual(estimate?.boundMs ?? 0);
  });
});

describe('the estimate through a jittery link, against the truth (seeded, deterministic)', () => {
  /** Rounds of 16 samples in a row, as a screen takes at connect, through `delays`. */
  const rounds = (
    seed: number,
    delays: (random: () => number) => { up: number; down: number },
  ): { errors: number[]; quickest: number[]; outsideBound: number } => {
    const random = seededRandom(seed);
    const errors: number[] = [];
    const quickest: number[] = [];
    let outsideBound = 0;
    for (let r = 0; r < 2000; r++) {
      const offset = 3_700 + random() * 1000; // the true offset, any fraction of a millisecond
      let at = 1_500_000_000_000 + r * 10_000 + random();
      const samples: SyncSample[] = [];
      for (let i = 0; i < SYNC_SAMPLES_AT_CONNECT; i++) {
        const { up, down } = delays(random);
        samples.push(readTrip(at, up, down, offset));
        at += up + down;
      }
      const estimate = estimateOf(samples);
      if (!estimate) throw new Error('no estimate');
      errors.push(Math.abs(estimate.offsetMs - offset));
      quickest.push(Math.abs(quickestSample(samples) - offset));
      if (Math.abs(estimate.offsetMs - offset) > estimate.boundMs) outsideBound++;
    }
    return { errors, quickest, outsideBound };
  };

  it('errs by less than 8 ms at p99 with 20-80 ms each way (the benchmark link), half the old rule', () => {
    const { errors, quickest, outsideBound } = rounds(20170724, (random) => ({
      up: 20 + 60 * random(),
      down: 20 + 60 * random(),
    }));
    expect(outsideBound).toBe(0);
    expect(p99(errors)).toBeLessThan(8);
    // The smallest round trip alone: ~16 ms.
    expect(p99(quickest)).toBeGreaterThan(13);
    expect(p99(errors)).toBeLessThan(p99(quickest) / 2);
  });

  it('errs little when the way there queues far more than the way back', () => {
    // Uplink: mostly quick, now and then a long queue (a busy Wi-Fi); downlink: steady.
    const { errors, quickest, outsideBound } = rounds(42, (random) => ({
      up: 20 + 300 * random() ** 4,
      down: 20 + 20 * random(),
    }));
    expect(outsideBound).toBe(0);
    expect(p99(errors)).toBeLessThan(4);
    expect(p99(errors)).toBeLessThan(p99(quickest));
  });

  it('holds the truth within its bound while the clocks drift apart, over an hour', () => {
    // 60 ppm apart (within MAX_DRIFT), sampled as a screen does: 16 at connect, 4 every 30 s.
    const random = seededRandom(7);
    const estimator = new OffsetEstimator();
    const start = 1_500_000_000_000;
    const offsetAt = (at: number) => 3_700 + (at - start) * 60e-6;
    const errors: number[] = [];
    let worstBeyondBound = 0;
    for (let resync = 0; resync <= 120; resync++) {
      let at = start + resync * RESYNC_EVERY_MS;
      const count = resync === 0 ? SYNC_SAMPLES_AT_CONNECT : SYNC_SAMPLES_LATER;
      for (let i = 0; i < count; i++) {
        const up = 20 + 60 * random();
        const down = 20 + 60 * random();
        estimator.add(readTrip(at, up, down, offsetAt(at)));
        at += up + down;
      }
      const estimate = estimator.estimate;
      if (!estimate) throw new Error('no estimate');
      const error = Math.abs(estimate.offsetMs - offsetAt(at));
      errors.push(error);
      worstBeyondBound = Math.max(worstBeyondBound, error - estimate.boundMs);
      expect(estimate.samples).toBeGreaterThan(resync === 0 ? 15 : 19);
    }
    expect(worstBeyondBound).toBeLessThanOrEqual(0);
    expect(Math.max(...errors)).toBeLessThan(12);
  });
});
