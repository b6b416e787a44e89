import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, runningAsRoot } from '../../../server/cluster/services/process';
import { skipNote, whyNoPostgres } from '../../support/postgres';
import { whyNoRedis } from '../../support/redis';

/**
 * `npm run cluster` as a user runs it (without building the screens): it prints where
 * everything is, every part answers, and Ctrl-C (SIGINT) leaves nothing running.
 */
const REPO = resolve(import.meta.dirname, '../../..');

interface Cluster {
  output: () => string;
  exited: Promise<number | null>;
  signal: (signal: NodeJS.Signals) => void;
  /**
   * Stops it as the operator would (SIGTERM), and kills it only if that did not end it: killed
   * at once, it could not stop the nodes, Redis and PostgreSQL it started (their own process
   * groups), which a failed test would leave running.
   */
  stop: () => Promise<void>;
}

const runCluster = (env: Record<string, string>): Cluster => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cluster/run.ts'], {
    cwd: REPO,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const ended = await Promise.race([
      exited.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 20_000)),
    ]);
    if (!ended) child.kill('SIGKILL');
  };
  return { output: () => output, exited, signal: (s) => child.kill(s), stop };
};

const until = async (cluster: Cluster, text: string, timeoutMs = 90_000): Promise<void> => {
  const started = Date.now();
  let gone = false;
  void cluster.exited.then(() => {
    gone = true;
  });
  while (!cluster.output().includes(text)) {
    if (gone || Date.now() - started > timeoutMs) {
      throw new Error(`no "${text}" from the cluster:\n${cluster.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Whether something accepts connections on the port. */
const listening = (port: number): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });

const portOf = (url: string): number => Number(new URL(url).port);

const missing = skipNote(whyNoPostgres(), whyNoRedis());

describe.skipIf(missing !== '')(`npm run cluster ${missing}`, () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /** A folder for the cluster's data that PostgreSQL's account can reach (mkdtemp's is 0700). */
  const clusterDir = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'rostrum-cluster-'));
    await chmod(dir, 0o755);
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    return join(dir, 'data');
  };

  it('starts PostgreSQL, Redis, two nodes and the proxy, and Ctrl-C stops them all', async () => {
    const dir = await clusterDir();
    const port = await freePort();
    const cluster = runCluster({ CLUSTER_DIR: dir, PORT: String(port) });
    cleanup.push(() => cluster.stop());
    await until(cluster, `Rostrum cluster listening on http://127.0.0.1:${port}`);
    const output = cluster.output();
    expect(output).toContain(`Rostrum cluster in ${dir}`);
    expect(output).toContain('initdb');
    expect(output).toMatch(/Both nodes serve every meeting, kept in PostgreSQL/);

    const databaseUrl = output.match(/PostgreSQL +(postgres:\/\/\S+)/)?.[1] ?? '';
    const redisUrl = output.match(/Redis +(redis:\/\/\S+)/)?.[1] ?? '';
    const nodePorts = [...output.matchAll(/node [ab] +http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) =>
      Number(m[1]),
    );
    expect(nodePorts).toHaveLength(2);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    expect((await db.query('select current_database() as name')).rows).toEqual([
      { name: 'rostrum' },
    ]);
    // Both nodes on it, started together: one default meeting, held by one of them.
    const meetings = (await db.query('select id from meetings')).rows;
    expect(meetings).toEqual([{ id: expect.any(String) }]);
    const leases = (await db.query('select meeting_id, node_id from meeting_leases')).rows;
    expect(leases).toEqual([
      { meeting_id: meetings[0]?.id, node_id: expect.stringMatching(/^[ab]$/) },
    ]);
    await db.end();
    const redis = createClient({ url: redisUrl });
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
    redis.destroy();

    // Both nodes take the one operator token, through the proxy; the holder alone serves it.
    const token = (await readFile(join(dir, 'nodes', 'admin-token'), 'utf8')).trim();
    const served: Record<string, unknown> = {};
    for (const node of ['a', 'b']) {
      const answer = await fetch(`http://127.0.0.1:${port}/api/meetings`, {
        headers: { authorization: `Bearer ${token}`, cookie: `rostrum-node=${node}` },
      });
      expect(answer.status).toBe(200);
      served[node] = await answer.json();
    }
    // One node holds the meeting; both serve it (the other through the holder, over Redis).
    expect(['a', 'b']).toContain(String(leases[0]?.node_id));
    for (const node of ['a', 'b']) {
      expect(served[node]).toEqual([{ meetingId: meetings[0]?.id, title: expect.any(String) }]);
    }

    cluster.signal('SIGINT');
    expect(await cluster.exited).toBe(0);
    expect(cluster.output()).toContain('stopped');
    for (const p of [port, portOf(databaseUrl), portOf(redisUrl), ...nodePorts]) {
      expect(await listening(p)).toBe(false);
    }

    // The data stays: a second run finds it and makes nothing anew.
    const again = runCluster({ CLUSTER_DIR: dir, PORT: String(port) });
    cleanup.push(() => again.stop());
    await until(again, `Rostrum cluster listening on http://127.0.0.1:${port}`);
    expect(again.output()).not.toContain('initdb');
    expect((await readFile(join(dir, 'nodes', 'admin-token'), 'utf8')).trim()).toBe(token);
    // The meeting of the first run, held again (its lease was let go at the stop), no other made.
    const urlAgain = again.output().match(/PostgreSQL +(postgres:\/\/\S+)/)?.[1] ?? '';
    const dbAgain = new pg.Client({ connectionString: urlAgain });
    await dbAgain.connect();
    expect((await dbAgain.query('select id from meetings')).rows).toEqual(meetings);
    expect((await dbAgain.query('select meeting_id from meeting_leases')).rows).toEqual([
      { meeting_id: meetings[0]?.id },
    ]);
    await dbAgain.end();
    again.signal('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 240_000);

  it('stops what an earlier run left behind when it was killed, before it starts again', async () => {
    const dir = await clusterDir();
    const port = await freePort();
    const first = runCluster({ CLUSTER_DIR: dir, PORT: String(port) });
    cleanup.push(() => first.stop());
    await until(first, `Rostrum cluster listening on http://127.0.0.1:${port}`);
    const nodePorts = [...first.output().matchAll(/node [ab] +http:\/\/127\.0\.0\.1:(\d+)/g)].map(
      (m) => Number(m[1]),
    );
    const services = ['PostgreSQL', 'Redis'].map((name) =>
      portOf(first.output().match(new RegExp(`${name} +(\\w+://\\S+)`))?.[1] ?? ''),
    );
    // Killed outright: it cannot stop its nodes and services, which run on.
    first.signal('SIGKILL');
    await first.exited;
    for (const p of [...nodePorts, ...services]) expect(await listening(p)).toBe(true);

    const again = runCluster({ CLUSTER_DIR: dir, PORT: String(port) });
    cleanup.push(() => again.stop());
    await until(again, `Rostrum cluster listening on http://127.0.0.1:${port}`);
    expect(again.output()).toMatch(/stopped \d+ process\(es\) an earlier run in .* left behind/);
    const newPorts = [...again.output().matchAll(/node [ab] +http:\/\/127\.0\.0\.1:(\d+)/g)].map(
      (m) => Number(m[1]),
    );
    for (const p of nodePorts.filter((p) => !newPorts.includes(p))) {
      expect(await listening(p)).toBe(false);
    }
    again.signal('SIGTERM');
    expect(await again.exited).toBe(0);
    // Nothing of either run is left: the first run's services were stopped by the second.
    for (const p of [...nodePorts, ...services, ...newPorts])
      expect(await listening(p)).toBe(false);
  }, 240_000);

  it.skipIf(!runningAsRoot())(
    "says so when PostgreSQL's account cannot reach the folder",
    async () => {
      const closed = await mkdtemp(join(tmpdir(), 'rostrum-cluster-closed-'));
      cleanup.push(() => rm(closed, { recursive: true, force: true }));
      const cluster = runCluster({ CLUSTER_DIR: join(closed, 'data'), PORT: '0' });
      expect(await cluster.exited).toBe(1);
      expect(cluster.output()).toMatch(/out of reach of the postgres account .* set CLUSTER_DIR/s);
    },
    60_000,
  );
});
