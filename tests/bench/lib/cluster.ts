/**
 * A cluster for the benchmark's many-nodes scenarios (issue 16): a throwaway PostgreSQL and Redis
 * (the tests' own, tests/support/postgres.ts and redis.ts, which need no test runner), and real
 * node processes, `server/main.ts` as `npm start` runs it with DATABASE_URL, REDIS_URL,
 * LEASE_TTL_MS and NODE_ID (tests/support/process.ts `spawnServer`). Every node and service is
 * stopped when the scenario ends, and killed at the latest when the benchmark leaves.
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import type { MeetingCodes } from '../../../shared/protocol/http';
import { startTestPostgres, type TestPostgres, whyNoPostgres } from '../../support/postgres';
import { freePort, type ServerProcess, spawnServer } from '../../support/process';
import { startTestRedis, type TestRedis, whyNoRedis } from '../../support/redis';
import { defaultMeetingOf, http, join } from '../../support/server';
import { now, sleep } from './clock';
import type { ScenarioResult } from './report';

/** Why the cluster cannot run here (PostgreSQL or Redis not installed), or undefined. */
export const whyNoCluster = (): string | undefined => {
  const reasons = [whyNoPostgres(), whyNoRedis()].filter((r): r is string => r !== undefined);
  return reasons.length === 0 ? undefined : reasons.join('; ');
};

/** What a cluster scenario hands back when it cannot run: the reason, printed and in the report. */
export const skippedScenario = (
  name: string,
  title: string,
  reason: string,
  target: string,
): ScenarioResult => {
  process.stderr.write(`  skipped: ${reason}\n`);
  return {
    name,
    title,
    seconds: 0,
    tables: [],
    targets: [{ scenario: name, target, measured: `skipped: ${reason}`, met: null }],
    notes: [`Skipped: ${reason}.`],
    data: { skipped: reason },
  };
};

/** Node processes still running, killed when the benchmark leaves whatever happened. */
const live = new Set<ServerProcess>();
process.once('exit', () => {
  for (const p of live) {
    p.child.kill('SIGCONT');
    p.child.kill('SIGKILL');
  }
});

export interface ClusterNode {
  id: string;
  url: string;
  process: ServerProcess;
  /** `kill -9`; resolves once the process is gone. */
  kill: () => Promise<void>;
  /** SIGTERM (a clean close), SIGKILL if it lingers; removes its DATA_DIR. */
  stop: () => Promise<void>;
}

export class BenchCluster {
  private readonly nodes = new Set<ClusterNode>();

  private constructor(
    readonly postgres: TestPostgres,
    readonly redis: TestRedis,
  ) {}

  static async start(): Promise<BenchCluster> {
    const [postgres, redis] = await Promise.allSettled([startTestPostgres(), startTestRedis()]);
    if (postgres.status === 'fulfilled' && redis.status === 'fulfilled')
      return new BenchCluster(postgres.value, redis.value);
    if (postgres.status === 'fulfilled') await postgres.value.stop();
    if (redis.status === 'fulfilled') await redis.value.stop();
    const failed = [postgres, redis].find((s) => s.status === 'rejected');
    throw failed?.status === 'rejected' ? failed.reason : new Error('unreachable');
  }

  /** PostgreSQL's version and settings, for the report. */
  async description(): Promise<string> {
    const client = await this.sql(this.postgres.url);
    try {
      const { rows } = await client.query(
        "SELECT current_setting('server_version') AS v, current_setting('synchronous_commit') AS s",
      );
      const row = z.object({ v: z.string(), s: z.string() }).parse(rows[0]);
      return `PostgreSQL ${row.v} (synchronous_commit=${row.s}, fsync=off: a throwaway server) and Redis on loopback`;
    } finally {
      await client.end();
    }
  }

  /** A connected client on `url`, for reading past the nodes (the lease, the log, the clock). */
  async sql(url: string): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    return client;
  }

  /** A real node process on `databaseUrl`, listening once this resolves. */
  async node(databaseUrl: string, id: string, ttlMs: number): Promise<ClusterNode> {
    const dataDir = await mkdtemp(joinPath(tmpdir(), 'rostrum-bench-node-'));
    let process: ServerProcess;
    try {
      process = await spawnServer({
        dataDir,
        port: await freePort(),
        env: {
          DATABASE_URL: databaseUrl,
          REDIS_URL: this.redis.url,
          LEASE_TTL_MS: String(ttlMs),
          NODE_ID: id,
        },
      });
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
    live.add(process);
    const gone = process.exited.then(() => {
      live.delete(process);
    });
    const node: ClusterNode = {
      id,
      url: process.url,
      process,
      kill: async () => {
        process.child.kill('SIGKILL');
        await gone;
      },
      stop: async () => {
        this.nodes.delete(node);
        if (process.child.exitCode === null && process.child.signalCode === null) {
          process.child.kill('SIGTERM');
          const late = setTimeout(() => process.child.kill('SIGKILL'), 10_000);
          await gone;
          clearTimeout(late);
        }
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
    this.nodes.add(node);
    return node;
  }

  /** Stops every node still running (the services stay). */
  async stopNodes(): Promise<void> {
    await Promise.allSettled([...this.nodes].map((n) => n.stop()));
  }

  /** Stops every node, then PostgreSQL and Redis. */
  async stop(): Promise<void> {
    await this.stopNodes();
    await Promise.allSettled([this.postgres.stop(), this.redis.stop()]);
  }
}

/** The node holding a live lease on the meeting now, on the database's clock (null: none). */
export const leaseHolder = async (client: pg.Client, meetingId: string): Promise<string | null> => {
  const { rows } = await client.query(
    `SELECT node_id FROM meeting_leases WHERE meeting_id = $1
       AND expires_at > (extract(epoch from clock_timestamp()) * 1000)::bigint`,
    [meetingId],
  );
  return z.array(z.object({ node_id: z.string() })).parse(rows)[0]?.node_id ?? null;
};

/** Polls `check` every `everyMs` until it holds; answers the instant (lib/clock.ts) it first did. */
export const until = async (
  check: () => Promise<boolean>,
  withinMs: number,
  what: string,
  everyMs = 10,
): Promise<number> => {
  const since = now();
  for (;;) {
    if (await check()) return now();
    if (now() - since > withinMs) throw new Error(`${what}: not within ${withinMs} ms`);
    await sleep(everyMs);
  }
};

/** The default meeting the nodes made on their empty database, and its codes. */
export const defaultMeeting = async (
  url: string,
): Promise<{ meetingId: string; codes: MeetingCodes }> => {
  // The first node makes it on start; its codes are the same on every node (PostgreSQL's).
  await until(
    async () => (await http(url, '/api/meetings')).status === 200,
    10_000,
    'the meeting list',
  );
  return defaultMeetingOf(url);
};

/** A token for `code` on the meeting, joined through `url`. */
export const tokenFor = async (url: string, meetingId: string, code: string): Promise<string> =>
  (await join(url, meetingId, code)).token;

/** Waits until `node` serves the meeting's roster: it reaches the meeting in PostgreSQL. */
export const reaches = (node: ClusterNode, meetingId: string): Promise<number> =>
  until(
    async () => (await http(node.url, `/api/meetings/${meetingId}/roster`)).status === 200,
    20_000,
    `${node.id} reaching the meeting`,
    50,
  );
