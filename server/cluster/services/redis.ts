/**
 * Redis as a child process, for `npm run cluster` and the tests (tests/support/redis.ts): Debian's
 * `redis-server` (`apt-get install redis-server`), no systemd. Rostrum keeps nothing in Redis that
 * must outlive it (socket.io's streams adapter passes states between nodes), so it keeps nothing
 * on disk: no snapshots, no append-only file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { freePort, onPath, readyWhen, stopChild, type Watched, watch } from './process';

/** `redis-server`: REDIS_SERVER, or the one on PATH. */
export const redisBinary = (): string | undefined => {
  const given = process.env.REDIS_SERVER;
  if (!given) return onPath('redis-server');
  try {
    accessSync(given, constants.X_OK);
    return given;
  } catch {
    return undefined;
  }
};

/** Why Redis cannot be started here, or undefined when it can. */
export const whyNoRedis = (): string | undefined =>
  redisBinary()
    ? undefined
    : 'Redis is not installed (apt-get install redis-server; or set REDIS_SERVER to the binary)';

export interface RunningRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  exited: Watched['exited'];
  /** A clean shutdown; resolves once it is gone. */
  stop: () => Promise<void>;
}

export interface StartRedisOptions {
  /** Its working folder (Redis writes nothing there with these settings, but wants one). */
  dir: string;
  /** A free one when not given; a port lost to another process in the meantime is tried again. */
  port?: number;
}

/** Starts Redis on 127.0.0.1; resolves once it accepts connections. */
export const startRedis = async (options: StartRedisOptions): Promise<RunningRedis> => {
  const bin = redisBinary();
  if (!bin) throw new Error(whyNoRedis());
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const child = spawn(
      bin,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        options.dir,
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--logfile',
        '',
      ],
      {
        cwd: options.dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: a terminal's Ctrl-C reaches the parent alone, which stops the
        // services after what depends on them.
        detached: true,
      },
    );
    const watched = watch(child);
    try {
      await readyWhen(child, watched, 'Ready to accept connections', 'Redis');
    } catch (error) {
      const lostPort = /Address already in use|Could not create server TCP/.test(watched.output());
      if (lostPort && options.port === undefined && attempt < 5) continue;
      child.kill('SIGKILL');
      throw error;
    }
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      child,
      output: watched.output,
      exited: watched.exited,
      stop: () => stopChild(child, watched, 'SIGTERM'),
    };
  }
};
