import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { LIMITS } from '../../shared/protocol/limits';
import { LOOPBACK } from './connectionLimits';
import { HttpError } from './errors';

const seconds = (n: number): string => `${n} second${n === 1 ? '' : 's'}`;

/**
 * Every HTTP request from one address, counted over a minute: far above what any device of a
 * real room sends (a screen loads a handful of files, joins once, reads the record now and
 * then), so it only stops a device that floods. Beyond it: 429 `rate_limited` in the contract's
 * shape, with `retry-after`. socket.io's own requests do not pass through Fastify and are not
 * counted here; commands have their per-socket buckets, wrong codes their own limit.
 *
 * One node counts in its memory. Several (issue 16) count together: `store` is then the Redis
 * one (redisRateLimitStore.ts), and a store that fails lets the request through (`skipOnError`:
 * the shared limits fail open, sharedRedis.ts says why).
 */
export const registerRateLimit = async (
  app: FastifyInstance,
  options: { perMinute?: number; store?: FastifyRateLimitStoreCtor } = {},
): Promise<void> => {
  await app.register(rateLimit, {
    global: true,
    max: options.perMinute ?? LIMITS.httpRequestsPerMinute,
    timeWindow: 60_000,
    ...(options.store && { store: options.store, skipOnError: true }),
    // The server's own machine: the operator's tools (curl, a browser on the laptop, the
    // benchmark) are not counted. No device on the room's network can send from these addresses
    // (the kernel drops loopback sources arriving on a real interface). Behind trusted proxies
    // (TRUST_PROXY), `request.ip` is the forwarded client's, so a proxy on this same machine (our
    // `npm run cluster`) does not make every device look local; only a request the proxy itself
    // makes, or one from the proxy's machine, is. An untrusted peer's header is never read.
    allowList: (request) => LOOPBACK.has(request.ip),
    errorResponseBuilder: (_request, context) => {
      const wait = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpError(
        'rate_limited',
        `Too many requests from this address: try again in ${seconds(wait)}.`,
        { 'retry-after': String(wait) },
      );
    },
  });
};
