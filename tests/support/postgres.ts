/**
 * A throwaway PostgreSQL for a test file: a copy of a template data directory in a folder of its
 * own, a free port, stopped and removed after. `initdb` takes seconds; copying its result takes a
 * fraction of one, so the template is made once (per machine and PostgreSQL build: it stays in the
 * system's temporary folder) and every test server starts from a copy.
 *
 * Tests that need it skip when it is not installed:
 *   describe.skipIf(!postgresAvailable())(`... ${skipNote(whyNoPostgres())}`, ...)
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import {
  giveToPostgres,
  initPostgres,
  postgresBinaries,
  type RunningPostgres,
  startPostgres,
  whyNoPostgres,
} from '../../server/cluster/services/postgres';

export { whyNoPostgres };

const run = promisify(execFile);

/** Whether PostgreSQL's binaries are here (and, as root, the account to run them as). */
export const postgresAvailable = (): boolean => whyNoPostgres() === undefined;

/** Words for a skipped suite's title: empty when nothing is missing. */
export const skipNote = (...missing: (string | undefined)[]): string => {
  const reasons = missing.filter((m): m is string => m !== undefined);
  return reasons.length === 0 ? '' : `(skipped: ${reasons.join('; ')})`;
};

/**
 * Settings for a server whose data nobody keeps: nothing is flushed to disk (a crash of the
 * machine loses the database, which the next run makes again). What a test checks about
 * durability is Rostrum's own (an ack only after the commit), not the disk's.
 */
const THROWAWAY = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

/** How the template is made: a template made otherwise is another one. */
const TEMPLATE_OPTIONS = { sync: false, walSegmentMb: 1 };

/** The template's folder: one per PostgreSQL build, way of making it and user running the tests. */
const templateDir = (bin: string): string => {
  const build = createHash('sha256')
    .update(`${bin} ${JSON.stringify(TEMPLATE_OPTIONS)}`)
    .digest('hex')
    .slice(0, 12);
  return join(tmpdir(), `rostrum-postgres-template-${build}-${process.getuid?.() ?? 'user'}`);
};

/**
 * The template data directory, made now if it is not there. Test files run in parallel workers:
 * each makes its own in a folder beside it and renames it into place, so a worker sees either no
 * template or a whole one, and a worker that loses the race throws its copy away.
 */
const template = async ({ anew }: { anew: boolean }): Promise<string> => {
  const bin = postgresBinaries();
  if (!bin) throw new Error(whyNoPostgres());
  const dir = templateDir(bin);
  if (anew) rmSync(dir, { recursive: true, force: true });
  if (existsSync(join(dir, 'data', 'PG_VERSION'))) return join(dir, 'data');
  const making = mkdtempSync(`${dir}.making-`);
  try {
    giveToPostgres(making);
    await initPostgres(join(making, 'data'), TEMPLATE_OPTIONS);
    try {
      renameSync(making, dir);
    } catch {
      // Another worker's template got there first.
    }
  } finally {
    rmSync(making, { recursive: true, force: true });
  }
  return join(dir, 'data');
};

export interface TestPostgres {
  /** `postgres://rostrum@127.0.0.1:<port>/postgres`, the superuser's; see `freshDatabase`. */
  url: string;
  port: number;
  server: RunningPostgres;
  /** Milliseconds from the call to a server accepting connections (copy and start). */
  startedInMs: number;
  /** A new empty database on this server, answered as its URL. */
  freshDatabase: () => Promise<string>;
  /** Stops the server and removes its folder. */
  stop: () => Promise<void>;
}

/** Servers still running, stopped at the latest when the test process leaves. */
const running = new Set<{ server: RunningPostgres; folder: string }>();
process.once('exit', () => {
  for (const { server, folder } of running) {
    server.child.kill('SIGQUIT'); // PostgreSQL's immediate shutdown
    rmSync(folder, { recursive: true, force: true });
  }
});

/** Starts a throwaway PostgreSQL (see the top of this file). */
export const startTestPostgres = async (): Promise<TestPostgres> => {
  const started = performance.now();
  const folder = await mkdtemp(join(tmpdir(), 'rostrum-postgres-'));
  giveToPostgres(folder);
  const dataDir = join(folder, 'data');
  const copyAndStart = async (anew: boolean) => {
    const source = await template({ anew });
    // cp -a keeps the owner (PostgreSQL's account, when we are root) and the data folder's 0700.
    await run('cp', ['-a', source, dataDir]);
    return startPostgres({ dataDir, socketDir: folder, settings: THROWAWAY });
  };
  let server: RunningPostgres;
  try {
    server = await copyAndStart(false);
  } catch {
    // A template the system's cleaner trimmed, or left by a broken run: once more, made anew.
    await rm(dataDir, { recursive: true, force: true });
    server = await copyAndStart(true);
  }
  const entry = { server, folder };
  running.add(entry);
  const startedInMs = performance.now() - started;
  let databases = 0;
  return {
    url: server.url,
    port: server.port,
    server,
    startedInMs,
    freshDatabase: async () => {
      const name = `test_${++databases}`;
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return server.url.replace(/\/postgres$/, `/${name}`);
    },
    stop: async () => {
      await server.stop();
      running.delete(entry);
      await rm(folder, { recursive: true, force: true });
    },
  };
};
