/**
 * PostgreSQL as a child process, for `npm run cluster` and the tests (tests/support/postgres.ts):
 * Debian's binaries (`apt-get install postgresql`), a data directory of our own, no systemd and
 * no cluster of Debian's (pg_ctlcluster) involved. PostgreSQL refuses to run as root, so a root
 * process runs it as the `postgres` account that Debian's package makes.
 */
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type Account,
  account,
  freePort,
  readyWhen,
  runningAsRoot,
  stopChild,
  type Watched,
  watch,
} from './process';

const run = promisify(execFile);

/** The role initdb makes the superuser, the one every DATABASE_URL of ours names. */
export const POSTGRES_ROLE = 'rostrum';

/**
 * The folder of PostgreSQL's server binaries: POSTGRES_BIN, or the newest of Debian's
 * /usr/lib/postgresql/<major>/bin that has both `initdb` and `postgres` (the `postgresql`
 * package puts them there, off PATH).
 */
export const postgresBinaries = (): string | undefined => {
  const usable = (dir: string) => {
    try {
      accessSync(join(dir, 'initdb'), constants.X_OK);
      accessSync(join(dir, 'postgres'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  const given = process.env.POSTGRES_BIN;
  if (given) return usable(given) ? given : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  return majors.map((major) => join(root, major, 'bin')).find(usable);
};

/** The account PostgreSQL runs as: `postgres` when we are root, ourselves (undefined) otherwise. */
export const postgresAccount = (): Account | undefined =>
  runningAsRoot() ? account('postgres') : undefined;

/** Why PostgreSQL cannot be started here, or undefined when it can. */
export const whyNoPostgres = (): string | undefined => {
  if (!postgresBinaries()) {
    return 'PostgreSQL is not installed (apt-get install postgresql; or set POSTGRES_BIN to its bin folder)';
  }
  if (runningAsRoot() && !postgresAccount()) {
    return 'running as root and there is no `postgres` account to run PostgreSQL as';
  }
  return undefined;
};

/** Hands a folder to the account PostgreSQL runs as (nothing to do when that is us). */
export const giveToPostgres = (path: string): void => {
  const owner = postgresAccount();
  if (owner) chownSync(path, owner.uid, owner.gid);
};

/**
 * Whether the account PostgreSQL runs as may create files in `dir` (a folder under a home
 * directory of 0700 is out of its reach, whoever owns the folder itself).
 */
export const postgresMayWrite = (dir: string): boolean => {
  const owner = postgresAccount();
  const test = spawnSync('test', ['-w', dir, '-a', '-x', dir], {
    ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
    cwd: '/',
  });
  return test.status === 0;
};

const asPostgres = (): { uid?: number; gid?: number } => {
  const owner = postgresAccount();
  return owner ? { uid: owner.uid, gid: owner.gid } : {};
};

/**
 * Makes a new data directory (it must not exist; its parent must be writable by the account
 * PostgreSQL runs as). Local connections are trusted: the server listens on 127.0.0.1 only.
 * `sync: false` skips flushing the new files to disk (a throwaway server's, seconds saved);
 * `walSegmentMb` sets the size of the write-ahead log's files (16 MB unless told: a throwaway
 * server's data directory is copied, and one of 1 MB makes it 16 MB smaller).
 */
export const initPostgres = async (
  dataDir: string,
  options: { sync: boolean; walSegmentMb?: number },
): Promise<void> => {
  const bin = postgresBinaries();
  if (!bin) throw new Error(whyNoPostgres());
  const args = ['-D', dataDir, '-A', 'trust', '-U', POSTGRES_ROLE, '-E', 'UTF8', '--no-locale'];
  if (!options.sync) args.push('--no-sync');
  if (options.walSegmentMb !== undefined) args.push(`--wal-segsize=${options.walSegmentMb}`);
  try {
    await run(join(bin, 'initdb'), args, { ...asPostgres(), cwd: '/' });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`initdb ${dataDir} failed:\n${stderr ?? String(error)}`);
  }
};

export interface RunningPostgres {
  /** `postgres://rostrum@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  child: ChildProcess;
  /** What it logged so far. */
  output: () => string;
  exited: Watched['exited'];
  /** A fast shutdown (open sessions are cut, nothing committed is lost); resolves once it is gone. */
  stop: () => Promise<void>;
}

export interface StartPostgresOptions {
  dataDir: string;
  /** A free one when not given; a port lost to another process in the meantime is tried again. */
  port?: number;
  /** Where its Unix socket goes (psql -h DIR); the data directory when not given; '' for none. */
  socketDir?: string;
  /** More `-c name=value` settings. */
  settings?: Record<string, string>;
}

/** Starts the server on an existing data directory; resolves once it accepts connections. */
export const startPostgres = async (options: StartPostgresOptions): Promise<RunningPostgres> => {
  const bin = postgresBinaries();
  if (!bin) throw new Error(whyNoPostgres());
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const settings = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: options.socketDir ?? options.dataDir,
      ...options.settings,
    };
    const child = spawn(
      join(bin, 'postgres'),
      [
        '-D',
        options.dataDir,
        '-p',
        String(port),
        ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
      ],
      {
        ...asPostgres(),
        cwd: '/',
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: a terminal's Ctrl-C reaches the parent alone, which stops the
        // services after what depends on them.
        detached: true,
      },
    );
    const watched = watch(child);
    try {
      await readyWhen(
        child,
        watched,
        'database system is ready to accept connections',
        'PostgreSQL',
      );
    } catch (error) {
      // Another process took the port between freePort and now: try another.
      const lostPort = /could not bind|Address already in use/.test(watched.output());
      if (lostPort && options.port === undefined && attempt < 5) continue;
      child.kill('SIGKILL');
      throw error;
    }
    return {
      url: `postgres://${POSTGRES_ROLE}@127.0.0.1:${port}/postgres`,
      port,
      child,
      output: watched.output,
      exited: watched.exited,
      // SIGINT is PostgreSQL's fast shutdown; SIGQUIT, its immediate one, if that hangs.
      stop: () => stopChild(child, watched, 'SIGINT', { harder: 'SIGQUIT' }),
    };
  }
};
