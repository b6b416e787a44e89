import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../../server/cluster/services/process';
import { SUMMARY_FILE } from '../../server/operatorSummary';
import { ADMIN_TOKEN } from './server';

const REPO = resolve(import.meta.dirname, '../..');

/** A TCP port that was free a moment ago (the printed URL must name a real port, not 0). */
export { freePort };

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
  /**
   * The start-up summary (codes, join links): with stdout piped, as here, the server prints only
   * where it is, DATA_DIR/operator-summary.txt.
   */
  summary: () => string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The real server, `server/main.ts` under tsx, as `npm start` runs it (without building the
 * screens), in its own process. Resolves once it prints that it is listening.
 */
export const spawnServer = async (options: {
  dataDir: string;
  port: number;
  env?: Record<string, string>;
  /** The file-creation mask to start it with (octal digits, as the shell's `umask` takes). */
  umask?: string;
}): Promise<ServerProcess> => {
  const node = [process.execPath, '--import', 'tsx', 'server/main.ts'];
  const argv =
    options.umask === undefined
      ? node
      : ['/bin/sh', '-c', `umask ${options.umask} && exec "$@"`, 'sh', ...node];
  const child = spawn(argv[0] ?? process.execPath, argv.slice(1), {
    cwd: REPO,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      DATA_DIR: options.dataDir,
      ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const url = `http://127.0.0.1:${options.port}`;
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes(`listening on ${url}`)) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        ready();
      }
    };
    child.stdout?.on('data', check);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
  const summary = () => readFileSync(join(options.dataDir, SUMMARY_FILE), 'utf8');
  return { child, url, output: () => output, summary, exited };
};
