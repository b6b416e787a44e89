/**
 * Estimates a client's offset to the server clock from `sync` round trips.
 *
 * A sample is (client send, server time, client receive). The server read its clock somewhere
 * inside the round trip, so the offset (server minus client) lies between
 * `serverTime - clientReceivedAt` (an answer that left at once and took the whole round trip to
 * come back) and `serverTime - clientSentAt` (a request that took the whole round trip to get
 * there): every sample gives an interval that holds the true offset, whatever its delays.
 *
 * The estimate is the middle of what all the samples' intervals have in common. Its edges are
 * made by the quickest way there and the quickest way back among all the samples, even when no
 * single sample was quick both ways, so it errs by half the difference of the two smallest
 * one-way delays: with one-way delays of 20-80 ms, the best single sample of 16 (the smallest
 * round trip) errs by up to ~16 ms (p99), the common part of the same 16 by ~7 ms
 * (tests/unit/clock/offset.test.ts; npm run bench -- accuracy measures it through a real link).
 * A sample with a long round trip gives a wide interval and changes nothing: no outlier can pull
 * the estimate outside what the others allow.
 *
 * Two clocks drift apart (quartz: tens of parts per million), so an older sample's interval is
 * widened by what they may have drifted since (MAX_DRIFT), and only the last OFFSET_WINDOW samples
 * count. A sample that contradicts every newer one (its interval and theirs have nothing in
 * common: one of the clocks was set since) ends the estimate there: it and all older ones are
 * left out.
 */
export interface SyncSample {
  clientSentAt: number;
  serverTime: number;
  clientReceivedAt: number;
}

export interface OffsetEstimate {
  /** Add to a client instant to get the server instant. */
  offsetMs: number;
  /**
   * How far the true offset can be from `offsetMs`, if the clocks drift no faster than
   * MAX_DRIFT: half the width of what the samples have in common.
   */
  boundMs: number;
  /** The shortest round trip among the samples the estimate rests on. */
  roundTripMs: number;
  /** The samples the estimate rests on (the window, less any contradicted ones). */
  samples: number;
}

/** The offset a single sample gives, assuming its answer was made in the middle of the round trip. */
export const offsetOfSample = (s: SyncSample): number =>
  s.serverTime + (s.clientReceivedAt - s.clientSentAt) / 2 - s.clientReceivedAt;

/**
 * How the screens sample. A screen takes 16 samples in a row at connect (about 1.6 s through a
 * 50 ms link), then 4 every 30 s to follow drift; the last 32 count, so an estimate rests on
 * two minutes of samples at least.
 */
export const OFFSET_WINDOW = 32;
export const SYNC_SAMPLES_AT_CONNECT = 16;
export const SYNC_SAMPLES_LATER = 4;
export const RESYNC_EVERY_MS = 30_000;

/**
 * How fast two clocks may drift apart, as a fraction: 100 parts per million (two quartz clocks
 * within 50 ppm each; clocks kept by NTP stay far within it). An interval 30 s old is widened by
 * 3 ms each way.
 */
export const MAX_DRIFT = 100e-6;

/**
 * Clocks read in whole milliseconds: an instant read as `t` happened in [t, t + 1), so each
 * interval is widened by a millisecond each way (two instant replies read across a tick of either
 * clock would otherwise contradict each other).
 */
const RESOLUTION_MS = 1;

/** The offsets a sample allows, widened for the clocks' resolution and their drift since. */
const intervalOf = (s: SyncSample, newestAt: number): { low: number; high: number } => {
  const slack = RESOLUTION_MS + MAX_DRIFT * Math.max(0, newestAt - s.clientReceivedAt);
  return {
    low: s.serverTime - s.clientReceivedAt - slack,
    high: s.serverTime - s.clientSentAt + slack,
  };
};

/** The estimate of a run of samples, oldest first. */
export const estimateOf = (samples: readonly SyncSample[]): OffsetEstimate | null => {
  const newest = samples[samples.length - 1];
  if (!newest) return null;
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  let roundTripMs = Number.POSITIVE_INFINITY;
  let used = 0;
  // Newest first: the first sample that contradicts the newer ones ends the run.
  for (let i = samples.length - 1; i >= 0; i--) {
    const s = samples[i] as SyncSample;
    const interval = intervalOf(s, newest.clientReceivedAt);
    const nextLow = Math.max(low, interval.low);
    const nextHigh = Math.min(high, interval.high);
    if (nextLow > nextHigh) break;
    low = nextLow;
    high = nextHigh;
    roundTripMs = Math.min(roundTripMs, s.clientReceivedAt - s.clientSentAt);
    used++;
  }
  return { offsetMs: (low + high) / 2, boundMs: (high - low) / 2, roundTripMs, samples: used };
};

export class OffsetEstimator {
  private readonly samples: SyncSample[] = [];
  private current: OffsetEstimate | null = null;

  constructor(private readonly window = OFFSET_WINDOW) {}

  add(sample: SyncSample): void {
    if (sample.clientReceivedAt < sample.clientSentAt) return; // a clock that jumped back: useless
    this.samples.push(sample);
    if (this.samples.length > this.window) this.samples.shift();
    this.current = estimateOf(this.samples);
  }

  /** Forget everything, after a reconnect or a jump of the local clock. */
  reset(): void {
    this.samples.length = 0;
    this.current = null;
  }

  get estimate(): OffsetEstimate | null {
    return this.current;
  }

  /** The server instant matching a client instant; the client's own clock until a sample arrives. */
  serverNow(clientNow: number): number {
    return clientNow + (this.current?.offsetMs ?? 0);
  }
}
