import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CLUSTER_CLOCK_SQL,
  ClusterClock,
  databaseClock,
} from '../../../server/cluster/clockOffset';
import { freePort } from '../../../server/cluster/services/process';
import { SYNC_SAMPLES_AT_CONNECT } from '../../../shared/clock/offset';
import { servicesMissing, useServices } from '../../support/services';

/**
 * The cluster's clock against a real PostgreSQL. The database runs on this machine, on this
 * machine's clock: the true offset is 0, so every estimate must hold 0 within its bound, and the
 * bound must be small (a round trip on loopback is well under a millisecond when the machine is
 * idle, a few when it is busy).
 */
const missing = servicesMissing();

describe.skipIf(missing !== '')(`the cluster's clock is PostgreSQL's ${missing}`, () => {
  const { postgres } = useServices();
  const pools: pg.Pool[] = [];
  const pool = () => {
    const made = new pg.Pool({ connectionString: postgres().url, max: 2 });
    // pool.end() resolves before its connections are closed: the server's shutdown may still
    // cut one, which the pool reports as an error of its own (unheard, it would end the worker).
    made.on('error', () => {});
    pools.push(made);
    return made;
  };

  // Registered after useServices: run before its own, so the pools end before PostgreSQL stops.
  afterAll(async () => {
    for (const p of pools) await p.end();
  });

  it("reads the database's clock in milliseconds, with its microseconds", async () => {
    const read = databaseClock(pool());
    const before = Date.now();
    const at = await read();
    const after = Date.now();
    expect(at).toBeGreaterThanOrEqual(before - 1);
    expect(at).toBeLessThanOrEqual(after + 1);
    const { rows } = await pool().query(`${CLUSTER_CLOCK_SQL} from generate_series(1, 5)`);
    expect(rows.some((row: { now: number }) => !Number.isInteger(row.now))).toBe(true);
  });

  it('finds an offset of 0 to a PostgreSQL on this machine, within a few milliseconds', async () => {
    const clock = new ClusterClock(databaseClock(pool()));
    await clock.measure();
    const standing = clock.standing();
    if (!standing.known) throw new Error(`not known: ${standing.doubt}`);
    expect(standing.samples).toBe(SYNC_SAMPLES_AT_CONNECT);
    expect(Math.abs(standing.offsetMs)).toBeLessThanOrEqual(standing.boundMs);
    expect(standing.boundMs).toBeLessThan(10);
    expect(clock.canClaim()).toBe(true);
  });

  it('gives two nodes the same instant, within their bounds', async () => {
    const a = new ClusterClock(databaseClock(pool()));
    const b = new ClusterClock(databaseClock(pool()));
    await Promise.all([a.start(), b.start()]);
    const [sa, sb] = [a.standing(), b.standing()];
    if (!sa.known || !sb.known) throw new Error('a node does not know its offset');
    expect(Math.abs(a.now() - b.now())).toBeLessThanOrEqual(sa.boundMs + sb.boundMs + 1);
    a.stop();
    b.stop();
  });

  it('claims nothing when the database cannot be reached, and says why', async () => {
    // A port nothing listens on.
    const url = `postgres://rostrum@127.0.0.1:${await freePort()}/postgres`;
    const unreachable = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 2_000 });
    unreachable.on('error', () => {});
    pools.push(unreachable);
    const errors: unknown[] = [];
    const clock = new ClusterClock(databaseClock(unreachable), {
      onError: (error) => errors.push(error),
    });
    await clock.measure();
    expect(String(errors[0])).toMatch(/ECONNREFUSED/);
    expect(clock.standing()).toEqual({ known: false, doubt: 'unmeasured' });
    expect(clock.canClaim()).toBe(false);
  });
});
