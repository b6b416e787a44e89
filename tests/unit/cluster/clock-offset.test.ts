import { describe, expect, it } from 'vitest';
import {
  ClusterClock,
  type ClusterClockOptions,
  MAX_BOUND_MS,
  RETRY_FIRST_MS,
  type ReadClusterClock,
  STALE_AFTER_MS,
} from '../../../server/cluster/clockOffset';
import {
  MAX_DRIFT,
  RESYNC_EVERY_MS,
  SYNC_SAMPLES_AT_CONNECT,
  SYNC_SAMPLES_LATER,
} from '../../../shared/clock/offset';
import { seededRandom } from '../../bench/proxy';
import { ManualClock } from '../../support/clock';

/**
 * A database whose clock is `aheadMs` ahead of the node's, reached through a link whose each way
 * takes `minMs` to `maxMs` (the node's clock moves on while a sample travels). Counts its reads.
 */
const database = (
  node: ManualClock,
  {
    aheadMs,
    minMs,
    maxMs,
    seed = 1,
  }: { aheadMs: number; minMs: number; maxMs: number; seed?: number },
) => {
  const random = seededRandom(seed);
  const way = () => minMs + random() * (maxMs - minMs);
  const reads = { count: 0 };
  const read: ReadClusterClock = async () => {
    reads.count++;
    node.advance(way());
    const answer = node.now() + aheadMs;
    node.advance(way());
    return answer;
  };
  return { read, reads };
};

const clockWith = (
  node: ManualClock,
  link: { aheadMs: number; minMs: number; maxMs: number },
  options: ClusterClockOptions = {},
) => {
  const db = database(node, link);
  return { cluster: new ClusterClock(db.read, { local: node, ...options }), reads: db.reads };
};

describe("a node's offset to the cluster's clock", () => {
  it('is unknown until a round trip answers: the node keeps its own time and claims nothing', () => {
    const node = new ManualClock({ start: 1_000_000 });
    const { cluster } = clockWith(node, { aheadMs: 250, minMs: 0.2, maxMs: 0.5 });
    expect(cluster.standing()).toEqual({ known: false, doubt: 'unmeasured' });
    expect(cluster.canClaim()).toBe(false);
    expect(cluster.now()).toBe(1_000_000);
  });

  it("is found from several round trips, within its bound, and moves the node's instants", async () => {
    const node = new ManualClock({ start: 1_000_000 });
    const { cluster, reads } = clockWith(node, { aheadMs: 250, minMs: 0.2, maxMs: 3 });
    await cluster.measure();
    expect(reads.count).toBe(SYNC_SAMPLES_AT_CONNECT);
    const standing = cluster.standing();
    if (!standing.known) throw new Error(`not known: ${standing.doubt}`);
    expect(Math.abs(standing.offsetMs - 250)).toBeLessThanOrEqual(standing.boundMs);
    // The quickest ways there and back among 16 samples, and a millisecond of resolution.
    expect(standing.boundMs).toBeLessThan(2);
    expect(standing.samples).toBe(SYNC_SAMPLES_AT_CONNECT);
    expect(cluster.canClaim()).toBe(true);
    expect(Math.abs(cluster.now() - (node.now() + 250))).toBeLessThanOrEqual(standing.boundMs);
  });

  it('over a slow link is too uncertain to claim a meeting', async () => {
    const node = new ManualClock({ start: 1_000_000 });
    const { cluster } = clockWith(node, { aheadMs: 0, minMs: 150, maxMs: 400 });
    await cluster.measure();
    const standing = cluster.standing();
    expect(standing).toMatchObject({ known: false, doubt: 'uncertain' });
    if (standing.known) return;
    expect(standing.reading?.boundMs).toBeGreaterThan(MAX_BOUND_MS);
  });

  it("of several seconds is measured and corrected, but the node's clock is too far to claim", async () => {
    const node = new ManualClock({ start: 1_000_000 });
    const { cluster } = clockWith(node, { aheadMs: -5_000, minMs: 0.2, maxMs: 1 });
    await cluster.measure();
    const standing = cluster.standing();
    expect(standing).toMatchObject({ known: false, doubt: 'far' });
    expect(Math.abs(cluster.now() - (node.now() - 5_000))).toBeLessThan(2);
  });

  it('widens with the drift since the last sample, and goes stale when the samples stop', async () => {
    const node = new ManualClock({ start: 1_000_000 });
    const { cluster } = clockWith(node, { aheadMs: 30, minMs: 0.2, maxMs: 1 });
    await cluster.measure();
    const fresh = cluster.standing();
    if (!fresh.known) throw new Error(`not known: ${fresh.doubt}`);
    node.advance(60_000);
    const later = cluster.standing();
    if (!later.known) throw new Error(`not known: ${later.doubt}`);
    expect(later.boundMs).toBeCloseTo(fresh.boundMs + MAX_DRIFT * 60_000, 6);
    node.advance(STALE_AFTER_MS - 60_000 + 1);
    expect(cluster.standing()).toMatchObject({ known: false, doubt: 'stale' });
    await cluster.measure(1);
    expect(cluster.canClaim()).toBe(true);
  });

  it('stays unknown while the database does not answer, and says why', async () => {
    const node = new ManualClock({ start: 1_000_000 });
    const errors: unknown[] = [];
    let reads = 0;
    const cluster = new ClusterClock(
      async () => {
        reads++;
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
      { local: node, onError: (error) => errors.push(error) },
    );
    await cluster.measure();
    // The round stops at the first failure rather than knocking 16 times.
    expect(reads).toBe(1);
    expect(errors).toHaveLength(1);
    expect(cluster.standing()).toEqual({ known: false, doubt: 'unmeasured' });
  });

  it('takes one round at a time, and follows drift every 30 s once started, until stopped', async () => {
    const node = new ManualClock({ start: 1_000_000 });
    const { cluster, reads } = clockWith(node, { aheadMs: 10, minMs: 0.2, maxMs: 1 });
    const first = cluster.start();
    expect(cluster.measure()).toBe(cluster.measure());
    await first;
    expect(reads.count).toBe(SYNC_SAMPLES_AT_CONNECT);
    node.advance(RESYNC_EVERY_MS);
    // The round the timer began: measure() waits for it rather than starting another.
    await cluster.measure();
    expect(reads.count).toBe(SYNC_SAMPLES_AT_CONNECT + SYNC_SAMPLES_LATER);
    node.advance(RESYNC_EVERY_MS);
    await cluster.measure();
    expect(reads.count).toBe(SYNC_SAMPLES_AT_CONNECT + 2 * SYNC_SAMPLES_LATER);
    cluster.stop();
    node.advance(10 * RESYNC_EVERY_MS);
    expect(node.pending).toBe(0);
    expect(reads.count).toBe(SYNC_SAMPLES_AT_CONNECT + 2 * SYNC_SAMPLES_LATER);
  });

  it('measures again soon while it may not claim, backing off, and then every 30 s', async () => {
    const node = new ManualClock({ start: 1_000_000 });
    let down = true;
    const db = database(node, { aheadMs: 10, minMs: 0.2, maxMs: 1 });
    const reads: number[] = [];
    const cluster = new ClusterClock(
      async () => {
        reads.push(node.now());
        if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        return db.read();
      },
      { local: node },
    );
    await cluster.start();
    expect(cluster.canClaim()).toBe(false);
    // 1 s, then 2 s later: each a round that fails at its first read.
    node.advance(RETRY_FIRST_MS);
    await cluster.measure();
    node.advance(2 * RETRY_FIRST_MS);
    await cluster.measure();
    expect(reads).toEqual([1_000_000, 1_000_000 + RETRY_FIRST_MS, 1_000_000 + 3 * RETRY_FIRST_MS]);
    // The database answers: the next try, 4 s later, is a whole round, and the node may claim.
    down = false;
    node.advance(4 * RETRY_FIRST_MS);
    await cluster.measure();
    expect(cluster.canClaim()).toBe(true);
    expect(reads).toHaveLength(3 + SYNC_SAMPLES_AT_CONNECT);
    // From then on, every 30 s.
    node.advance(RESYNC_EVERY_MS - 1);
    expect(reads).toHaveLength(3 + SYNC_SAMPLES_AT_CONNECT);
    node.advance(1);
    await cluster.measure();
    expect(reads).toHaveLength(3 + SYNC_SAMPLES_AT_CONNECT + SYNC_SAMPLES_LATER);
    cluster.stop();
  });
});
