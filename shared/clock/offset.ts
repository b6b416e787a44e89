/**
 * Estimates a client's offset to the server clock from `sync` round trips.
 *
 * A sample is (client send, server time, client receive). The server's answer was made somewhere
 * inside the round trip; assuming the middle, the error is at most half the round trip, so the
 * sample with the smallest round trip is the best one. Only recent samples count, so a clock that
 * drifts or a network that changes is followed.
 */
export interface SyncSample {
  clientSentAt: number;
  serverTime: number;
  clientReceivedAt: number;
}

export interface OffsetEstimate {
  /** Add to a client instant to get the server instant. */
  offsetMs: number;
  roundTripMs: number;
  samples: number;
}

export const offsetOfSample = (s: SyncSample): number =>
  s.serverTime + (s.clientReceivedAt - s.clientSentAt) / 2 - s.clientReceivedAt;

/**
 * How the screens sample. With one-way delays of 20-80 ms, the best of 5 round trips still errs
 * by up to ~25 ms (p99) and the best of 16 by ~15 ms (npm run bench -- accuracy): so a screen
 * takes a full window at once, then a few more every 30 s to follow drift.
 */
export const OFFSET_WINDOW = 16;
export const SYNC_SAMPLES_AT_CONNECT = OFFSET_WINDOW;
export const SYNC_SAMPLES_LATER = 4;
export const RESYNC_EVERY_MS = 30_000;

export class OffsetEstimator {
  private readonly samples: SyncSample[] = [];

  constructor(private readonly window = OFFSET_WINDOW) {}

  add(sample: SyncSample): void {
    if (sample.clientReceivedAt < sample.clientSentAt) return; // a clock that jumped back: useless
    this.samples.push(sample);
    if (this.samples.length > this.window) this.samples.shift();
  }

  /** Forget everything, after a reconnect or a jump of the local clock. */
  reset(): void {
    this.samples.length = 0;
  }

  get estimate(): OffsetEstimate | null {
    let best: SyncSample | undefined;
    for (const s of this.samples) {
      if (
        !best ||
        s.clientReceivedAt - s.clientSentAt < best.clientReceivedAt - best.clientSentAt
      ) {
        best = s;
      }
    }
    if (!best) return null;
    return {
      offsetMs: offsetOfSample(best),
      roundTripMs: best.clientReceivedAt - best.clientSentAt,
      samples: this.samples.length,
    };
  }

  /** The server instant matching a client instant; the client's own clock until a sample arrives. */
  serverNow(clientNow: number): number {
    return clientNow + (this.estimate?.offsetMs ?? 0);
  }
}
