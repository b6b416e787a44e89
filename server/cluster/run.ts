/**
 * `npm run cluster`: Rostrum as several processes on one machine (issue 16), to try what
 * docs/deploy.md describes: PostgreSQL, Redis, two nodes (`NODE_ID` a and b) and a sticky proxy in
 * front of them (./proxy.ts), whose address it prints. Ctrl-C stops all of it, in order: the
 * proxy, the nodes (each finishes what it acknowledged), then Redis and PostgreSQL.
 *
 * It installs nothing: PostgreSQL and Redis are Debian's packages (`apt-get install postgresql
 * redis-server`), run as child processes with data of their own under CLUSTER_DIR (default
 * ./data-cluster: not under ./data, which `npm start` makes its user's alone, out of reach of the
 * account PostgreSQL runs as), kept between runs. Environment: CLUSTER_DIR; HOST and PORT, the
 * proxy's (default 0.0.0.0:8080, as `npm start`); ADMIN_TOKEN, shared by both nodes (made once
 * and kept in CLUSTER_DIR/nodes/admin-token when not set); LOG_LEVEL, the nodes' (default warn).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { resolveAdminToken } from '../access/adminToken';
import { publicHost } from '../operatorSummary';
import { privateDir } from '../store/privateFiles';
import { type StickyProxy, startStickyProxy } from './proxy';
import {
  giveToPostgres,
  initPostgres,
  postgresAccount,
  postgresMayWrite,
  type RunningPostgres,
  startPostgres,
  whyNoPostgres,
} from './services/postgres';
import { freePort, readyWhen, stopChild, type Watched, watch } from './services/process';
import { type RunningRedis, startRedis, whyNoRedis } from './services/redis';

const REPO = resolve(import.meta.dirname, '../..');
const NODE_IDS = ['a', 'b'] as const;
/** The database the nodes share (the superuser's `postgres` database stays PostgreSQL's). */
const DATABASE = 'rostrum';

/** What the cluster reads of the environment (an empty variable counts as unset). */
const Env = z.object({
  CLUSTER_DIR: z.string().trim().min(1).default('data-cluster'),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int('PORT must be a whole number').min(0).max(65535).default(8080),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

interface RunningNode {
  id: string;
  port: number;
  child: ChildProcess;
  watched: Watched;
}

/** Makes the data directory on the first run. */
const preparePostgres = async (dir: string): Promise<void> => {
  if (existsSync(join(dir, 'PG_VERSION'))) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  giveToPostgres(dir);
  const owner = postgresAccount();
  if (owner && !postgresMayWrite(dir)) {
    throw new Error(
      `${dir} is out of reach of the ${owner.name} account PostgreSQL runs as (a folder on its ` +
        'way is closed to others): set CLUSTER_DIR to a folder it can reach, such as /var/tmp/rostrum-cluster',
    );
  }
  say(`initdb ${dir} (first run) ...`);
  await initPostgres(dir, { sync: true });
};

/** Creates the nodes' database on the first run. */
const ensureDatabase = async (url: string): Promise<string> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
      DATABASE,
    ]);
    if (rowCount === 0) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
  return url.replace(/\/postgres$/, `/${DATABASE}`);
};

/** A node's lines, each prefixed with its id, on our output; resolves once it listens. */
const startNode = async (
  id: string,
  env: Record<string, string>,
  dataDir: string,
  /** Told of the process as soon as it exists, so that nothing is left behind if we leave. */
  spawned: (node: RunningNode) => void,
): Promise<RunningNode> => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      ...env,
      NODE_ID: id,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C reaches this script alone, which stops everything in order.
    detached: true,
  });
  const watched = watch(child);
  let partial = '';
  const echo = (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) say(`[node ${id}] ${line}`);
  };
  child.stdout?.on('data', echo);
  child.stderr?.on('data', echo);
  const node = { id, port, child, watched };
  spawned(node);
  await readyWhen(child, watched, `listening on http://127.0.0.1:${port}`, `node ${id}`, 60_000);
  return node;
};

/** The variable in the environment of every process of a run: the run's folder. */
const CLUSTER_MARKER = 'ROSTRUM_CLUSTER_DIR';

/**
 * Kills the processes (of this user: others' cannot be read) whose environment holds `marker`,
 * or whose working folder is inside `dir`, and resolves once they are gone (5 s at most). Where
 * there is no /proc, none.
 */
const stopLeftovers = async (marker: string, dir: string): Promise<number> => {
  if (!existsSync('/proc')) return 0;
  const ours = (pid: string): boolean => {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(marker)) return true;
      // Redis writes its title over its environment: it is known by its folder instead.
      return readlinkSync(`/proc/${pid}/cwd`).startsWith(`${dir}/`);
    } catch {
      return false; // gone meanwhile, or not ours
    }
  };
  const marked = (): number[] =>
    readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
      .filter(ours)
      .map(Number);
  const found = marked();
  for (const pid of found) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  for (let waited = 0; waited < 5000 && marked().length > 0; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return found.length;
};

/**
 * PostgreSQL runs as its own account, whose environment loses the marker: one left running on
 * this run's data folder is found by its lock file, and stopped (immediate shutdown).
 */
const stopLeftoverPostgres = async (pgDir: string): Promise<number> => {
  let pid: number;
  try {
    pid = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
  const runsHere = (): boolean => {
    try {
      // The postmaster writes its title over its arguments: one string, spaces between.
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      return /\bpostgres\b/.test(title) && title.includes(` -D ${pgDir} `);
    } catch {
      return false;
    }
  };
  if (!Number.isInteger(pid) || pid <= 0 || !runsHere()) return 0;
  process.kill(pid, 'SIGQUIT');
  for (let waited = 0; waited < 10_000 && runsHere(); waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return 1;
};

const main = async (): Promise<void> => {
  const missing = [whyNoPostgres(), whyNoRedis()].filter((m) => m !== undefined);
  if (missing.length > 0) {
    throw new Error(`${missing.join('; ')}.\nnpm run cluster installs nothing: see the README.`);
  }
  const present = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Bad environment: ${problems.join('; ')}`);
  }
  const { CLUSTER_DIR, HOST: host, PORT: port, LOG_LEVEL } = parsed.data;
  const dir = resolve(CLUSTER_DIR);
  mkdirSync(dir, { recursive: true });
  say(`Rostrum cluster in ${dir}`);
  // Every process this run starts carries the folder in its environment: one an earlier run
  // left behind (killed, or its terminal closed before it could stop them) is found and stopped
  // now. Left running, an old node would hold its meetings' leases under the same NODE_ID,
  // reachable by no one through the new Redis.
  const marker = `${CLUSTER_MARKER}=${dir}`;
  // PostgreSQL first, by its own immediate shutdown: killed outright, its lock file and shared
  // memory would keep the next one from starting on the folder.
  const left =
    (await stopLeftoverPostgres(join(dir, 'postgres'))) + (await stopLeftovers(marker, dir));
  if (left > 0) say(`stopped ${left} process(es) an earlier run in ${dir} left behind`);
  process.env[CLUSTER_MARKER] = dir;

  const children: { stop: () => Promise<void>; kill: () => void }[] = [];
  let proxy: StickyProxy | undefined;
  let stopping = false;
  const stopAll = async (code: number): Promise<never> => {
    if (stopping) process.exit(code);
    stopping = true;
    say('\nstopping: the proxy, the nodes, Redis, PostgreSQL (Ctrl-C again to leave at once)');
    await proxy?.close();
    // In reverse order, each stopped in turn; the list is kept whole, so that leaving early (a
    // second Ctrl-C) still kills those not stopped yet.
    for (const child of [...children].reverse()) await child.stop();
    say('stopped');
    process.exit(code);
  };
  // Ctrl-C, or leaving on an error: nothing of ours is left running.
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  // The terminal closed: as Ctrl-C (left alone, the nodes and services would outlive it).
  process.on('SIGHUP', () => void stopAll(0));
  process.on('exit', () => {
    for (const child of children) child.kill();
  });

  const logs = join(dir, 'logs');
  mkdirSync(logs, { recursive: true });
  /** Its output from now on, after what it printed while starting. */
  const logTo = (child: ChildProcess, name: string, before: string): string => {
    const file = join(logs, `${name}.log`);
    const out = createWriteStream(file, { flags: 'a' });
    out.write(before);
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    return file;
  };

  const pgDir = join(dir, 'postgres');
  await preparePostgres(pgDir);
  // No Unix socket: its path under a deep folder could pass the system's limit; psql takes -h.
  const postgres: RunningPostgres = await startPostgres({ dataDir: pgDir, socketDir: '' });
  children.push({ stop: postgres.stop, kill: () => postgres.child.kill('SIGQUIT') });
  const postgresLog = logTo(postgres.child, 'postgres', postgres.output());
  const databaseUrl = await ensureDatabase(postgres.url);
  say(`PostgreSQL  ${databaseUrl}  (log: ${postgresLog})`);

  const redisDir = join(dir, 'redis');
  mkdirSync(redisDir, { recursive: true });
  const redis: RunningRedis = await startRedis({ dir: redisDir });
  children.push({ stop: redis.stop, kill: () => redis.child.kill('SIGKILL') });
  say(`Redis       ${redis.url}  (log: ${logTo(redis.child, 'redis', redis.output())})`);

  const nodesDir = join(dir, 'nodes');
  privateDir(nodesDir);
  const adminToken = resolveAdminToken(nodesDir, process.env.ADMIN_TOKEN);
  // Both nodes on the one database: each meeting is written by the node holding its lease.
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    ADMIN_TOKEN: adminToken.value,
    // The proxy is on this machine: the client's address is in its X-Forwarded-For.
    TRUST_PROXY: '127.0.0.1',
    LOG_LEVEL,
  };
  // Both at once: each takes seconds to start.
  const nodes = await Promise.all(
    NODE_IDS.map(async (id) => {
      const node = await startNode(id, env, join(nodesDir, id), (spawned) =>
        children.push({
          stop: () => stopChild(spawned.child, spawned.watched, 'SIGTERM'),
          kill: () => spawned.child.kill('SIGKILL'),
        }),
      );
      void node.watched.exited.then(({ code, signal }) => {
        if (!stopping) {
          say(`node ${id} exited (${code ?? signal}); the proxy sends its clients to the other`);
        }
      });
      return node;
    }),
  );
  for (const node of nodes) {
    say(
      `node ${node.id}      http://127.0.0.1:${node.port}  (operator files in ${join(nodesDir, node.id)})`,
    );
  }

  proxy = await startStickyProxy({
    nodes: nodes.map((n) => ({ name: n.id, port: n.port })),
    host,
    port,
  });
  say(
    adminToken.file
      ? `operator token in ${adminToken.file}`
      : 'operator token: ADMIN_TOKEN from the environment',
  );
  say(
    'Both nodes serve every meeting, kept in PostgreSQL: each is run by the node holding its ' +
      'lease, and the other passes its commands on through Redis and shows its states. Stop ' +
      'one (kill -9 it) and the other takes its meetings within LEASE_TTL_MS + 5 s. The proxy ' +
      'keeps a browser on one node.',
  );
  say(`\nRostrum cluster listening on http://${publicHost(host)}:${proxy.port}  (Ctrl-C stops it)`);
};

main().catch((error: unknown) => {
  process.stderr.write(
    `The cluster could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
