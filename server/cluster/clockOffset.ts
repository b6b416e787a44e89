/**
 * One clock for the cluster (issue 16; PROTOCOL.md version 2, "Many nodes"). Every node reads
 * instants (a turn's start, a `sync` answer, a deadline) off PostgreSQL's clock rather than its
 * own, so a running clock shows the same time whichever node serves it, before and after a
 * failover. A node does not ask the database at every instant: it estimates the offset of the
 * database's clock to its own, as a screen estimates the server's, with the same estimator
 * (shared/clock/offset.ts: the common part of several round trips' intervals, widened for drift)
 * and the same rhythm (16 round trips at start, 4 every 30 s), and adds it to its own clock.
 *
 * A node whose offset is unknown (not measured yet, or not for a long while: the database is out
 * of reach) or large (too uncertain, or too far from its own clock) must claim no meeting; it
 * tests `standing()` or `canClaim()` before it does.
 */
import { z } from 'zod';
import {
  MAX_DRIFT,
  type OffsetEstimate,
  OffsetEstimator,
  RESYNC_EVERY_MS,
  SYNC_SAMPLES_AT_CONNECT,
  SYNC_SAMPLES_LATER,
} from '../../shared/clock/offset';
import { type ClockTimer, type ServerClock, systemClock } from '../clock';

/** Reads the cluster's clock once: milliseconds since the epoch, as `Date.now()` counts them. */
export type ReadClusterClock = () => Promise<number>;

/**
 * PostgreSQL's clock at the moment the statement runs (`now()` would be the transaction's start),
 * in milliseconds with its microseconds as a fraction.
 */
export const CLUSTER_CLOCK_SQL =
  'select (extract(epoch from clock_timestamp()) * 1000)::float8 as now';

const ClockRow = z.object({ now: z.number().finite() });

/** What the clock needs of a `pg` Pool or Client. */
export interface Queryable {
  query(text: string): Promise<{ rows: unknown[] }>;
}

/**
 * The database's clock through `db` (a `pg` Pool or Client). A sample that waited for a free
 * connection of a busy pool is merely a wide one: the estimator lets the quick ones decide.
 */
export const databaseClock =
  (db: Queryable): ReadClusterClock =>
  async () => {
    const { rows } = await db.query(CLUSTER_CLOCK_SQL);
    return ClockRow.parse(rows[0]).now;
  };

/**
 * The most the offset may be uncertain by (each way) for a node to claim meetings: two nodes
 * within it disagree by at most twice as much (a tenth of a second), far below the second a
 * clock's digits show and the 250 ms a `turn.phase` event may be late.
 */
export const MAX_BOUND_MS = 50;

/**
 * The most a node's own clock may be off the database's for it to claim meetings. Its instants
 * are corrected whatever the offset, but a clock a second off is not kept by NTP: it may drift
 * faster than the estimator allows (MAX_DRIFT) or be stepped at any moment, and what reads it
 * uncorrected (its logs, socket.io's heartbeats) disagrees with the other nodes'.
 */
export const MAX_OFFSET_MS = 1_000;

/**
 * A node that has not measured for this long (three rounds missed: the database was out of
 * reach) no longer trusts its offset.
 */
export const STALE_AFTER_MS = 3 * RESYNC_EVERY_MS;

/** How soon a node whose clock is not known well enough measures again (doubling each time). */
export const RETRY_FIRST_MS = 1000;

/** Why a node's offset does not let it claim meetings. */
export type ClockDoubt =
  /** No round trip has answered yet. */
  | 'unmeasured'
  /** The last answer is older than STALE_AFTER_MS. */
  | 'stale'
  /** The offset is known to less than MAX_BOUND_MS each way. */
  | 'uncertain'
  /** The node's clock is more than MAX_OFFSET_MS off the database's. */
  | 'far';

export interface ClockReading {
  /** Add to the node's instant to get the cluster's. */
  offsetMs: number;
  /**
   * How far the true offset can be from `offsetMs` now: the estimate's own bound, widened by
   * what the clocks may have drifted since its last sample.
   */
  boundMs: number;
  /** The shortest round trip the estimate rests on, and how many samples it rests on. */
  roundTripMs: number;
  samples: number;
  /** The node's instant of the last sample. */
  measuredAt: number;
}

/** Where a node stands with the cluster's clock: known, or the reason it is not. */
export type ClockStanding =
  | ({ known: true } & ClockReading)
  | { known: false; doubt: ClockDoubt; reading?: ClockReading };

export interface ClusterClockOptions {
  /** The node's own clock (the system's unless a test gives its own). */
  local?: ServerClock;
  maxBoundMs?: number;
  maxOffsetMs?: number;
  staleAfterMs?: number;
  /** Told when a round of samples fails (the database did not answer); the round stops there. */
  onError?: (error: unknown) => void;
}

/**
 * The cluster's clock as one node sees it. It is a ServerClock: `now()` is the node's clock plus
 * the offset (plus nothing until a sample answers: a node in that state claims no meeting), and
 * timers run on the node's own clock, which counts durations as well as the database's.
 */
export class ClusterClock implements ServerClock {
  private readonly estimator = new OffsetEstimator();
  private readonly local: ServerClock;
  private readonly maxBoundMs: number;
  private readonly maxOffsetMs: number;
  private readonly staleAfterMs: number;
  private readonly onError: (error: unknown) => void;
  private measuredAt: number | undefined;
  private measuring: Promise<void> | undefined;
  private timer: ClockTimer | undefined;
  private running = false;

  constructor(
    private readonly read: ReadClusterClock,
    options: ClusterClockOptions = {},
  ) {
    this.local = options.local ?? systemClock;
    this.maxBoundMs = options.maxBoundMs ?? MAX_BOUND_MS;
    this.maxOffsetMs = options.maxOffsetMs ?? MAX_OFFSET_MS;
    this.staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
    this.onError = options.onError ?? (() => {});
  }

  /**
   * Whole milliseconds, as `Date.now()`: the instants are stored as PostgreSQL bigints and
   * compared for equality, and the offset's fraction is far inside its bound anyway.
   */
  now(): number {
    return Math.round(this.local.now() + (this.estimator.estimate?.offsetMs ?? 0));
  }

  after(delayMs: number, fire: () => void): ClockTimer {
    return this.local.after(delayMs, fire);
  }

  /**
   * Takes `count` samples one after another (samples sent together would queue behind each
   * other and widen each other); a call while a round runs waits for that round instead.
   * Resolves when the round is over, failed or not: a failure goes to `onError`.
   */
  measure(count: number = SYNC_SAMPLES_AT_CONNECT): Promise<void> {
    this.measuring ??= this.round(count).finally(() => {
      this.measuring = undefined;
    });
    return this.measuring;
  }

  /**
   * Measures now (resolving when that first round is over) and then SYNC_SAMPLES_LATER samples
   * every RESYNC_EVERY_MS, to follow drift, until `stop()`.
   */
  start(): Promise<void> {
    this.running = true;
    let retryMs = RETRY_FIRST_MS;
    const again = () => {
      if (!this.running) return;
      // A node that may not claim (the round failed, or its bound or offset is too wide) tries
      // again soon, a whole round, backing off to the usual interval: otherwise a database late
      // at the start would keep it from serving any meeting for RESYNC_EVERY_MS.
      const known = this.canClaim();
      const delay = known ? RESYNC_EVERY_MS : retryMs;
      retryMs = known ? RETRY_FIRST_MS : Math.min(2 * retryMs, RESYNC_EVERY_MS);
      this.timer = this.local.after(delay, () => {
        void this.measure(known ? SYNC_SAMPLES_LATER : SYNC_SAMPLES_AT_CONNECT).then(again);
      });
    };
    return this.measure().then(again);
  }

  stop(): void {
    this.running = false;
    this.timer?.cancel();
    this.timer = undefined;
  }

  /** Where this node stands now: whether its offset is known well enough to claim meetings. */
  standing(): ClockStanding {
    const estimate: OffsetEstimate | null = this.estimator.estimate;
    if (!estimate || this.measuredAt === undefined) return { known: false, doubt: 'unmeasured' };
    const sinceMs = Math.max(0, this.local.now() - this.measuredAt);
    const reading: ClockReading = {
      offsetMs: estimate.offsetMs,
      boundMs: estimate.boundMs + MAX_DRIFT * sinceMs,
      roundTripMs: estimate.roundTripMs,
      samples: estimate.samples,
      measuredAt: this.measuredAt,
    };
    if (sinceMs > this.staleAfterMs) return { known: false, doubt: 'stale', reading };
    if (reading.boundMs > this.maxBoundMs) return { known: false, doubt: 'uncertain', reading };
    if (Math.abs(reading.offsetMs) > this.maxOffsetMs) {
      return { known: false, doubt: 'far', reading };
    }
    return { known: true, ...reading };
  }

  /** Whether this node may claim a meeting now. */
  canClaim(): boolean {
    return this.standing().known;
  }

  private async round(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const clientSentAt = this.local.now();
      let serverTime: number;
      try {
        serverTime = await this.read();
      } catch (error) {
        this.onError(error);
        return;
      }
      const clientReceivedAt = this.local.now();
      this.estimator.add({ clientSentAt, serverTime, clientReceivedAt });
      this.measuredAt = clientReceivedAt;
    }
  }
}
