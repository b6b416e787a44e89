/**
 * What the many-nodes suites (issue 16) set up around their tests, once: a throwaway PostgreSQL
 * and Redis for the describe block (tests/support/postgres.ts, ./redis.ts), and what each test
 * leaves behind (servers, pools, clients, folders) undone after it, last made first.
 *
 *   const missing = servicesMissing({ redis: true });
 *   describe.skipIf(missing !== '')(`... ${missing}`, () => {
 *     const { postgres, redis, later, open } = useServices({ redis: true });
 *     ...
 *   });
 */
import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { skipNote, startTestPostgres, type TestPostgres, whyNoPostgres } from './postgres';
import { startTestRedis, type TestRedis, whyNoRedis } from './redis';
import { type Client, connect, tempDir } from './server';

/** Which throwaway servers a describe block needs: PostgreSQL unless told not, Redis if told. */
export interface Needs {
  postgres?: boolean;
  redis?: boolean;
}

/** Words for the block's title (empty when nothing it needs is missing): skip it unless empty. */
export const servicesMissing = ({ postgres = true, redis = false }: Needs = {}): string =>
  skipNote(postgres ? whyNoPostgres() : undefined, redis ? whyNoRedis() : undefined);

export interface Services {
  /** The block's PostgreSQL (started before its first test): `freshDatabase()` for each test. */
  postgres: () => TestPostgres;
  /** The block's Redis (started before its first test). */
  redis: () => TestRedis;
  /** Something to undo after this test, before what was registered earlier. */
  later: (step: () => unknown) => void;
  /** A client connected with `token`, closed after the test unless `closeClients` did it first. */
  open: (url: string, token: string) => Promise<Client>;
  /** Closes every client `open` made that is still open: the devices gone, mid-test. */
  closeClients: () => void;
  /** A DATA_DIR of its own, removed after the test. */
  dataDir: (prefix?: string) => Promise<string>;
}

/**
 * Registers the block's hooks (call it in the describe's body): its servers started before the
 * first test and stopped after the last; after each test, the clients closed and then the steps
 * undone in reverse.
 */
export const useServices = ({ postgres: wantsPostgres = true, redis: wantsRedis }: Needs = {}) => {
  let postgres: TestPostgres | undefined;
  let redis: TestRedis | undefined;
  const steps: (() => unknown)[] = [];
  const clients: Client[] = [];
  const closeClients = () => {
    for (const client of clients.splice(0)) client.close();
  };

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([
      wantsPostgres ? startTestPostgres() : undefined,
      wantsRedis ? startTestRedis() : undefined,
    ]);
  });
  afterEach(async () => {
    closeClients();
    for (const step of steps.splice(0).reverse()) await step();
  });
  afterAll(async () => {
    await Promise.all([postgres?.stop(), redis?.stop()]);
  });

  const services: Services = {
    postgres: () => {
      if (!postgres) throw new Error('no PostgreSQL: useServices({ postgres: false }), or not yet');
      return postgres;
    },
    redis: () => {
      if (!redis) throw new Error('no Redis: useServices({ redis: true }), or not yet');
      return redis;
    },
    later: (step) => {
      steps.push(step);
    },
    open: async (url, token) => {
      const client = await connect(url, token);
      clients.push(client);
      return client;
    },
    closeClients,
    dataDir: async (prefix) => {
      const dir = await tempDir(prefix);
      steps.push(() => rm(dir, { recursive: true, force: true }));
      return dir;
    },
  };
  return services;
};
