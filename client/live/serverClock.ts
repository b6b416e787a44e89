import {
  OffsetEstimator,
  RESYNC_EVERY_MS,
  SYNC_SAMPLES_AT_CONNECT,
  SYNC_SAMPLES_LATER,
} from '../../shared/clock/offset';

/** Sends one `sync` and resolves with the server's instant, or null when no answer came in time. */
export type SyncProbe = (clientTime: number) => Promise<number | null>;

/**
 * The server's clock as seen from this device: the offset comes from several `sync` round trips,
 * the one with the smallest round trip winning (shared/clock/offset.ts). Until the first sample
 * answers, the `serverTime` of the first state stands in, late by one network delay at most;
 * after a reconnection, the previous estimate stands in until a new one is made.
 */
export class ServerClock {
  private readonly estimator = new OffsetEstimator();
  private fallbackOffsetMs = 0;
  private measured = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private round = 0;

  now(): number {
    return Date.now() + this.offsetMs();
  }

  /** Add to a local instant to get the server's. */
  offsetMs(): number {
    return this.estimator.estimate?.offsetMs ?? this.fallbackOffsetMs;
  }

  /** The instant a state was made on the server, received now. */
  noteServerTime(serverTime: number): void {
    if (!this.measured) this.fallbackOffsetMs = serverTime - Date.now();
  }

  /** A fresh estimate after a (re)connection, then a few more samples every 30 s. */
  start(probe: SyncProbe): void {
    this.stop();
    this.fallbackOffsetMs = this.offsetMs();
    this.estimator.reset();
    void this.sample(probe, SYNC_SAMPLES_AT_CONNECT);
    this.timer = setInterval(() => void this.sample(probe, SYNC_SAMPLES_LATER), RESYNC_EVERY_MS);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.round++;
  }

  /** One sample at a time: samples sent together would queue behind each other. */
  private async sample(probe: SyncProbe, count: number): Promise<void> {
    const round = this.round;
    for (let i = 0; i < count && round === this.round; i++) {
      const clientSentAt = Date.now();
      const serverTime = await probe(clientSentAt);
      if (serverTime === null || round !== this.round) return;
      this.estimator.add({ clientSentAt, serverTime, clientReceivedAt: Date.now() });
      this.measured = true;
    }
  }
}
