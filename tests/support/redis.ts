/**
 * A throwaway Redis for a test file: a free port, a folder of its own, stopped and removed after.
 * Redis starts in a few milliseconds, so there is nothing to share between files.
 *
 * Tests that need it skip when it is not installed:
 *   describe.skipIf(!redisAvailable())(`... ${skipNote(whyNoRedis())}`, ...)
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningRedis, startRedis, whyNoRedis } from '../../server/cluster/services/redis';

export { whyNoRedis };

/** Whether `redis-server` is here. */
export const redisAvailable = (): boolean => whyNoRedis() === undefined;

export interface TestRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  server: RunningRedis;
  /** Milliseconds from the call to a server accepting connections. */
  startedInMs: number;
  /** Stops the server and removes its folder. */
  stop: () => Promise<void>;
}

/** Servers still running, stopped at the latest when the test process leaves. */
const running = new Set<{ server: RunningRedis; folder: string }>();
process.once('exit', () => {
  for (const { server, folder } of running) {
    server.child.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  }
});

/** Starts a throwaway Redis. */
export const startTestRedis = async (): Promise<TestRedis> => {
  const started = performance.now();
  const folder = await mkdtemp(join(tmpdir(), 'rostrum-redis-'));
  const server = await startRedis({ dir: folder });
  const entry = { server, folder };
  running.add(entry);
  return {
    url: server.url,
    port: server.port,
    server,
    startedInMs: performance.now() - started,
    stop: async () => {
      await server.stop();
      running.delete(entry);
      await rm(folder, { recursive: true, force: true });
    },
  };
};
