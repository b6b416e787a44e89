import { describe, expect, it } from 'vitest';
import { OffsetEstimator, offsetOfSample, type SyncSample } from '../../../shared/clock/offset';

/** A round trip from a client whose clock is `offset` behind the server's. */
const trip = (sentAt: number, up: number, down: number, offset: number): SyncSample => ({
  clientSentAt: sentAt,
  serverTime: sentAt + up + offset,
  clientReceivedAt: sentAt + up + down,
});

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
});

describe('the offset estimator', () => {
  it('knows nothing before the first sample, and serverNow is the client clock meanwhile', () => {
    const estimator = new OffsetEstimator();
    expect(estimator.estimate).toBeNull();
    expect(estimator.serverNow(42_000)).toBe(42_000);
  });

  it('keeps the sample with the smallest round trip, whatever the order', () => {
    const estimator = new OffsetEstimator();
    estimator.add(trip(0, 80, 20, 500)); // round trip 100, skewed
    estimator.add(trip(1000, 6, 4, 500)); // round trip 10: the best
    estimator.add(trip(2000, 20, 60, 500)); // round trip 80
    expect(estimator.estimate).toEqual({ offsetMs: 501, roundTripMs: 10, samples: 3 });
    expect(estimator.serverNow(100_000)).toBe(100_501);
  });

  it('keeps the earlier of two equally short round trips', () => {
    const estimator = new OffsetEstimator();
    estimator.add(trip(0, 10, 10, 300));
    estimator.add(trip(1000, 10, 10, 900));
    expect(estimator.estimate?.offsetMs).toBe(300);
  });

  it('counts only the most recent samples of its window', () => {
    const estimator = new OffsetEstimator(3);
    estimator.add(trip(0, 1, 1, 100)); // the best, but it will leave the window
    estimator.add(trip(1000, 10, 10, 200));
    estimator.add(trip(2000, 20, 20, 300));
    expect(estimator.estimate).toMatchObject({ offsetMs: 100, samples: 3 });
    estimator.add(trip(3000, 30, 30, 400));
    expect(estimator.estimate).toEqual({ offsetMs: 200, roundTripMs: 20, samples: 3 });
  });

  it('follows a clock that drifted once the old samples have left the window', () => {
    const estimator = new OffsetEstimator(4);
    for (let i = 0; i < 4; i++) estimator.add(trip(i * 1000, 5, 5, 1000));
    for (let i = 4; i < 8; i++) estimator.add(trip(i * 1000, 15, 15, 1250));
    expect(estimator.estimate?.offsetMs).toBe(1250);
  });

  it('holds 16 samples by default', () => {
    const estimator = new OffsetEstimator();
    for (let i = 0; i < 40; i++) estimator.add(trip(i * 1000, 10, 10, 0));
    expect(estimator.estimate?.samples).toBe(16);
  });

  it('forgets everything on reset', () => {
    const estimator = new OffsetEstimator();
    estimator.add(trip(0, 10, 10, 700));
    estimator.reset();
    expect(estimator.estimate).toBeNull();
    expect(estimator.serverNow(5000)).toBe(5000);
    estimator.add(trip(9000, 10, 10, -50));
    expect(estimator.estimate).toEqual({ offsetMs: -50, roundTripMs: 20, samples: 1 });
  });

  it('ignores a sample received before it was sent (the local clock jumped back)', () => {
    const estimator = new OffsetEstimator();
    estimator.add({ clientSentAt: 5000, serverTime: 1_000_000, clientReceivedAt: 4990 });
    expect(estimator.estimate).toBeNull();
    estimator.add(trip(6000, 30, 30, 250));
    estimator.add({ clientSentAt: 8000, serverTime: 9_999_999, clientReceivedAt: 7999 });
    expect(estimator.estimate).toEqual({ offsetMs: 250, roundTripMs: 60, samples: 1 });
  });

  it('takes an instant reply (round trip zero) as exact', () => {
    const estimator = new OffsetEstimator();
    estimator.add({ clientSentAt: 3000, serverTime: 3400, clientReceivedAt: 3000 });
    expect(estimator.estimate).toEqual({ offsetMs: 400, roundTripMs: 0, samples: 1 });
  });
});
