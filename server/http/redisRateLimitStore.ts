import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import { z } from 'zod';
import type { SharedLimitsHealth } from './sharedRedis';

/**
 * One request: the key's counter goes up; the first of a window sets its expiry. Answers the
 * count and the milliseconds left in the window. The same fixed window as the plugin's own stores
 * (its in-memory one, and its Redis one over ioredis, which we do not have).
 */
const INCREMENT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  return {current, tonumber(ARGV[1])}
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`;

/** The same, without counting (the plugin's `{ increment: false }` peeks). */
const READ = `
local current = redis.call('GET', KEYS[1])
if not current then return {0, 0} end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = 0 end
return {tonumber(current), ttl}
`;

const Counted = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

type Answer = Parameters<FastifyRateLimitStore['incr']>[1];

/** The settings the plugin gives a store (the global ones, or a route's for `child`). */
const StoreSettings = z.object({
  continueExceeding: z.boolean().optional(),
  exponentialBackoff: z.boolean().optional(),
  routeInfo: z.object({ method: z.string().optional(), url: z.string().optional() }).optional(),
});

/**
 * @fastify/rate-limit's store on the cluster's node-redis client, so every node counts one
 * address's requests together: the plugin's `redis` option wants ioredis, and a second Redis
 * client of another library for one counter is not worth its weight. The plugin builds the store
 * itself (`new Store(options)`), so this makes the class around the client.
 *
 * Without Redis it fails open (`SharedLimitsHealth` says why): the store answers an error, and
 * the plugin, registered with `skipOnError`, lets the request through.
 */
export const redisRateLimitStore = (
  redis: SharedLimitsHealth,
  prefix = 'rostrum:requests:',
): FastifyRateLimitStoreCtor => {
  class RedisRateLimitStore implements FastifyRateLimitStore {
    constructor(
      options: FastifyRateLimitOptions | unknown,
      private readonly key: string = prefix,
    ) {
      // Only the fixed window is written here; an option that would silently not apply is refused.
      const asked = StoreSettings.parse(options);
      if (asked.continueExceeding || asked.exponentialBackoff) {
        throw new Error('the Redis rate-limit store counts fixed windows only');
      }
    }

    incr(key: string, answer: Answer, timeWindow: number): void {
      this.run(INCREMENT, key, timeWindow, answer);
    }

    read(key: string, answer: Answer, timeWindow: number): void {
      this.run(READ, key, timeWindow, answer);
    }

    /** A route with limits of its own counts apart, under its method and path. */
    child(routeOptions: unknown): FastifyRateLimitStore {
      const route = StoreSettings.parse(routeOptions).routeInfo;
      const where = `${route?.method ?? ''}${route?.url ?? ''}`;
      return new RedisRateLimitStore(routeOptions, `${this.key}${where}:`);
    }

    private run(script: string, key: string, timeWindow: number, answer: Answer): void {
      redis.evaluate('HTTP rate limit', script, [this.key + key], [timeWindow]).then(
        (reply) => {
          if (reply === undefined) answer(new Error('Redis did not answer'));
          else {
            const [current, ttl] = Counted.parse(reply);
            answer(null, { current, ttl });
          }
        },
        (error: unknown) => answer(error instanceof Error ? error : new Error(String(error))),
      );
    }
  }
  return RedisRateLimitStore;
};
