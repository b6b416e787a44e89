/**
 * What starting PostgreSQL, Redis and Rostrum's nodes as child processes has in common: a free
 * port, the account a server runs as, waiting for the line that says it is ready, and stopping it
 * with one signal and then a harder one.
 */
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** A TCP port on 127.0.0.1 that was free a moment ago (a server told to use it may still lose it). */
export const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });

/** An executable by name, on PATH, or undefined. */
export const onPath = (name: string): string | undefined => {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
};

export interface Account {
  name: string;
  uid: number;
  gid: number;
}

/** An account of this machine from /etc/passwd, or undefined. */
export const account = (name: string): Account | undefined => {
  if (!existsSync('/etc/passwd')) return undefined;
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid !== undefined && gid !== undefined) {
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  return undefined;
};

/** Whether this process runs as root (PostgreSQL refuses to). */
export const runningAsRoot = (): boolean => process.getuid?.() === 0;

/** How much of a child's output is kept: enough for the lines around a failure. */
const KEPT_OUTPUT = 64 * 1024;

export interface Watched {
  /** What it printed so far, stdout and stderr together (the last 64 KB of a long run). */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Whether it has exited. */
  gone: () => boolean;
}

/** Collects a child's output (see KEPT_OUTPUT) and notes its exit. */
export const watch = (child: ChildProcess): Watched => {
  let output = '';
  const add = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 2 * KEPT_OUTPUT) output = output.slice(-KEPT_OUTPUT);
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  let gone = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      gone = true;
      done({ code, signal });
    }),
  );
  return { output: () => output, exited, gone: () => gone };
};

/**
 * Resolves once the child printed `ready`; rejects with what it printed if it exits first or
 * says nothing of the kind within `timeoutMs`.
 */
export const readyWhen = (
  child: ChildProcess,
  watched: Watched,
  ready: string | RegExp,
  what: string,
  timeoutMs = 30_000,
): Promise<void> =>
  new Promise((resolve, reject) => {
    const said = () =>
      typeof ready === 'string' ? watched.output().includes(ready) : ready.test(watched.output());
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      if (error) reject(error);
      else resolve();
    };
    // Checked after `watch` added the chunk: its listener came first.
    const check = () => {
      if (said()) done();
    };
    const timer = setTimeout(
      () =>
        done(
          new Error(
            `${what} did not say it was ready within ${timeoutMs} ms:\n${watched.output()}`,
          ),
        ),
      timeoutMs,
    );
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    void watched.exited.then(({ code, signal }) => {
      if (!said())
        done(
          new Error(`${what} exited (${code ?? signal}) before it was ready:\n${watched.output()}`),
        );
    });
    check();
  });

/**
 * Sends `signal`, then `harder` if the child is still there after `graceMs`, then SIGKILL after as
 * long again; resolves when it is gone.
 */
export const stopChild = async (
  child: ChildProcess,
  watched: Watched,
  signal: NodeJS.Signals,
  { harder = 'SIGKILL', graceMs = 10_000 }: { harder?: NodeJS.Signals; graceMs?: number } = {},
): Promise<void> => {
  if (watched.gone()) return;
  child.kill(signal);
  const firm = setTimeout(() => child.kill(harder), graceMs);
  const last = setTimeout(() => child.kill('SIGKILL'), 2 * graceMs);
  await watched.exited;
  clearTimeout(firm);
  clearTimeout(last);
};
