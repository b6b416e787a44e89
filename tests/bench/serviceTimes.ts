/**
 * How long the tests' PostgreSQL and Redis take to start and stop, and how well a node knows
 * PostgreSQL's clock: `npx tsx tests/bench/serviceTimes.ts [rounds]` (default 5). The first
 * round makes the PostgreSQL template (initdb) unless an earlier run left it; `--fresh` removes it
 * first, to time that too.
 */
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ClusterClock, databaseClock } from '../../server/cluster/clockOffset';
import { startTestPostgres } from '../support/postgres';
import { startTestRedis } from '../support/redis';

const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
if (process.argv.includes('--fresh')) {
  for (const name of readdirSync(tmpdir())) {
    if (name.startsWith('rostrum-postgres-template-')) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
for (let i = 1; i <= rounds; i++) {
  const postgres = await startTestPostgres();
  const redis = await startTestRedis();
  const pool = new pg.Pool({ connectionString: postgres.url, max: 1 });
  // pool.end() resolves before its connections are closed: the server's shutdown may still cut
  // one, which the pool reports as an error of its own.
  pool.on('error', () => {});
  const clock = new ClusterClock(databaseClock(pool));
  await clock.measure();
  const standing = clock.standing();
  await pool.end();
  let started = performance.now();
  await postgres.stop();
  const postgresStop = performance.now() - started;
  started = performance.now();
  await redis.stop();
  const redisStop = performance.now() - started;
  const offset = standing.known
    ? `offset ${standing.offsetMs.toFixed(2)} ± ${standing.boundMs.toFixed(2)} ms (round trip ${standing.roundTripMs} ms)`
    : `offset unknown: ${standing.doubt}`;
  process.stdout.write(
    `round ${i}: PostgreSQL starts in ${ms(postgres.startedInMs)}, stops in ${ms(postgresStop)}; ` +
      `Redis starts in ${ms(redis.startedInMs)}, stops in ${ms(redisStop)}; ${offset}\n`,
  );
}
