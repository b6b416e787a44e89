import {
  OffsetEstimator,
  RESYNC_EVERY_MS,
  SYNC_SAMPLES_AT_CONNECT,
  SYNC_SAMPLES_LATER,
} from '../../shared/clock/offset';

/** Sends one `sync` and resolves with the server's instant, or null when no answer came in time. */
export type SyncProbe = (clientTime: number) => Promise<number | null>;

/**
 * The server's clock as seen from this device: the offset comes from several `sync` round trips
 * (shared/clock/offset.ts). Until the first sample answers, the `serverTime` of the first state
 * stands in, late by one network delay at most; after a reconnection, the previous estimate
 * stands in until a new one is made.
 *
 * The clocks on screen sleep between the instants their digits change (useTimedValue.ts), timed
 * with the offset of the moment: they ask to hear when it moves, so a better estimate moves their
 * next change at once rather than a second late.
 */
export class ServerClock {
  private readonly estimator = new OffsetEstimator();
  private fallbackOffsetMs = 0;
  private measured = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private round = 0;
  private readonly listeners = new Set<() => void>();
  private toldOffsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs();
  }

  /** Add to a local instant to get the server's. */
  offsetMs(): number {
    return this.estimator.estimate?.offsetMs ?? this.fallbackOffsetMs;
  }

  /** Calls `listener` whenever the offset changes; returns the way to stop. */
  onOffsetChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The instant a state was made on the server, received now. */
  noteServerTime(serverTime: number): void {
    if (this.measured) return;
    this.fallbackOffsetMs = serverTime - Date.now();
    this.tell();
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
      this.tell();
    }
  }

  private tell(): void {
    const offset = this.offsetMs();
    if (offset === this.toldOffsetMs) return;
    this.toldOffsetMs = offset;
    for (const listener of this.listeners) listener();
  }
}
