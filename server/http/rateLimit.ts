import rateLimit from '@fastify/rate-limit';
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
 */
export const registerRateLimit = async (
  app: FastifyInstance,
  perMinute: number = LIMITS.httpRequestsPerMinute,
): Promise<void> => {
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    // The server's own machine: the operator's tools (curl, a browser on the laptop, the
    // benchmark) are not counted. No device on the room's network can send from these addresses
    // (the kernel drops loopback sources arriving on a real interface), and `trustProxy` is off,
    // so no header can claim them either.
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
