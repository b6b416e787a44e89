/**
 * What the many-nodes suites (issue 16) set up around their tests, once: a throwaway PostgreSQL
 * and Redis for the describe block (./postgres.ts, ./redis.ts), and what each test leaves behind
 * (servers, pools, clients, folders) undone after it (./perTest.ts).
 *
 *   const missing = servicesMissing({ redis: true });
 *   describe.skipIf(missing !== '')(`... ${missing}`, () => {
 *     const { postgres, redis, later, open } = useServices({ redis: true });
 *     ...
 *   });
 */
import { afterAll, beforeAll } from 'vitest';
import { type PerTest, usePerTest } from './perTest';
import { skipNote, startTestPostgres, type TestPostgres, whyNoPostgres } from './postgres';
import { startTestRedis, type TestRedis, whyNoRedis } from './redis';

/** Which throwaway servers a describe block needs: PostgreSQL unless told not, Redis if told. */
export interface Needs {
  postgres?: boolean;
  redis?: boolean;
}

/** Words for the block's title (empty when nothing it needs is missing): skip it unless empty. */
export const servicesMissing = ({ postgres = true, redis = false }: Needs = {}): string =>
  skipNote(postgres ? whyNoPostgres() : undefined, redis ? whyNoRedis() : undefined);

export interface Services extends PerTest {
  /** The block's PostgreSQL (started before its first test): `freshDatabase()` for each test. */
  postgres: () => TestPostgres;
  /** The block's Redis (started before its first test). */
  redis: () => TestRedis;
}

/**
 * Registers the block's hooks (call it in the describe's body): its servers started before the
 * first test and stopped after the last, and each test's leftovers undone after it (`usePerTest`).
 */
export const useServices = ({
  postgres: wantsPostgres = true,
  redis: wantsRedis = false,
}: Needs = {}): Services => {
  let postgres: TestPostgres | undefined;
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([
      wantsPostgres ? startTestPostgres() : undefined,
      wantsRedis ? startTestRedis() : undefined,
    ]);
  });
  afterAll(async () => {
    await Promise.all([postgres?.stop(), redis?.stop()]);
  });
  return {
    ...usePerTest(),
    postgres: () => {
      if (!postgres) throw new Error('no PostgreSQL: useServices({ postgres: false }), or not yet');
      return postgres;
    },
    redis: () => {
      if (!redis) throw new Error('no Redis: useServices({ redis: true }), or not yet');
      return redis;
    },
  };
};
