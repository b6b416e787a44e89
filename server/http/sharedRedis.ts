import type { FastifyBaseLogger } from 'fastify';

/**
 * The little of a node-redis 5 client (`createClient` from `redis`) that the shared limits use:
 * whatever modules or options the cluster's client was made with, it fits this shape. Every call
 * is one `EVAL`, so a check-and-count is atomic on Redis however many nodes ask at once.
 */
export interface SharedRedis {
  /** Connected and past its handshake: a command sent now is written now, not queued. */
  readonly isReady: boolean;
  sendCommand(args: string[], options?: { timeout?: number }): Promise<unknown>;
}

/** How long a limit waits for Redis before letting the request through (see `SharedLimitsHealth`). */
export const REDIS_LIMIT_TIMEOUT_MS = 500;

/**
 * Redis's health as the shared limits see it, and what they do without it: they fail OPEN. A
 * room locked out of its own meeting (every join refused because Redis is away) is worse than an
 * attacker who gets a slower, per-request budget for the minutes Redis is down: the budgets only
 * slow guessing (a code has 10^8 values at the least), and every node still caps connections and
 * commands on its own. So a limit that cannot ask Redis answers "go on", at once when the client
 * knows it is disconnected, after `REDIS_LIMIT_TIMEOUT_MS` at most otherwise. The first failure
 * is logged as a warning, and the return as information, not every request in between.
 */
export class SharedLimitsHealth {
  private failing = false;

  constructor(
    private readonly redis: SharedRedis,
    private readonly log: Pick<FastifyBaseLogger, 'warn' | 'info'>,
    private readonly timeoutMs: number = REDIS_LIMIT_TIMEOUT_MS,
  ) {}

  /** Runs one script; undefined (the limit lets the request through) when Redis did not answer. */
  async evaluate(
    what: string,
    script: string,
    keys: string[],
    args: (string | number)[],
  ): Promise<unknown> {
    if (!this.redis.isReady) {
      this.failed(what, new Error('the Redis client is not connected'));
      return undefined;
    }
    try {
      const reply = await this.redis.sendCommand(
        ['EVAL', script, String(keys.length), ...keys, ...args.map(String)],
        { timeout: this.timeoutMs },
      );
      if (this.failing) {
        this.failing = false;
        this.log.info('Redis answers again: rate limits and wrong-code budgets are shared again');
      }
      return reply;
    } catch (error) {
      this.failed(what, error);
      return undefined;
    }
  }

  private failed(what: string, error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.log.warn(
      { err: error, limit: what },
      'Redis did not answer: rate limits and wrong-code budgets let requests through until it does',
    );
  }
}
