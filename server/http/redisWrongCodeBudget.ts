import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { LIMITS } from '../../shared/protocol/limits';
import type { ServerClock } from '../clock';
import type { SharedLimitsHealth } from './sharedRedis';
import { WRONG_CODE_WINDOW_MS, type WrongCodeBudget } from './wrongCodeLimiter';

/**
 * A wrong try: the address's sorted set gets the instant (its score), and loses what is a window
 * old and all but the last `limit` (only they matter for the answer, as in memory). The key
 * expires a window after its last try, so an address that stops is forgotten by Redis itself.
 * KEYS[1] the address's set; ARGV now, the oldest score that is a window old, window, limit,
 * a member unique to this try. The instants go as the strings JavaScript wrote: Lua's numbers
 * would print them with 14 digits.
 */
const RECORD = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[5])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[4]) + 1))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

/**
 * How long the address waits: 0 under the limit, else until the oldest of its last `limit` tries
 * is a window old (at least 1 ms). Reads only. KEYS[1] the address's set; ARGV now, the oldest
 * score that is a window old, window, limit.
 */
const RETRY_AFTER = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[3])
local limit = tonumber(ARGV[4])
local recent = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[2], '+inf', 'WITHSCORES')
local count = #recent / 2
if count < limit then return 0 end
local oldest = tonumber(recent[(count - limit) * 2 + 2])
return math.max(1, math.ceil(oldest + window - now))
`;

const Wait = z.number().int().min(0);

/**
 * The wrong-code budget on Redis, shared by every node of a cluster: the same contract and
 * answers as `WrongCodeLimiter`, one sorted set of instants per address. The instants are the
 * app's clock's (with DATABASE_URL, the cluster's one clock, so every node counts on the same
 * time). Without Redis it fails open (`SharedLimitsHealth` says why): no wait, nothing counted.
 */
export class RedisWrongCodeBudget implements WrongCodeBudget {
  /** Each try's member: this process's tag and a counter, so two tries never collide. */
  private readonly tag = randomBytes(6).toString('hex');
  private tries = 0;

  constructor(
    private readonly redis: SharedLimitsHealth,
    private readonly clock: ServerClock,
    private readonly options: { limit?: number; windowMs?: number; prefix?: string } = {},
  ) {}

  async retryAfterMs(address: string): Promise<number> {
    const reply = await this.redis.evaluate(
      'wrong-code budget',
      RETRY_AFTER,
      [this.keyOf(address)],
      this.argsAt(this.clock.now()),
    );
    if (reply === undefined) return 0;
    return Wait.parse(reply);
  }

  async recordFailure(address: string): Promise<void> {
    this.tries += 1;
    await this.redis.evaluate(
      'wrong-code budget',
      RECORD,
      [this.keyOf(address)],
      [...this.argsAt(this.clock.now()), `${this.tag}:${this.tries}`],
    );
  }

  /** Nothing to free here: the keys expire in Redis, and the client is the cluster's. */
  close(): void {}

  /** Both scripts' first arguments: now, the last instant that is a window old, window, limit. */
  private argsAt(now: number): number[] {
    return [now, now - this.windowMs, this.windowMs, this.limit];
  }

  private get limit(): number {
    return this.options.limit ?? LIMITS.wrongCodesPerMinute;
  }

  private get windowMs(): number {
    return this.options.windowMs ?? WRONG_CODE_WINDOW_MS;
  }

  private keyOf(address: string): string {
    return `${this.options.prefix ?? 'rostrum:'}wrong-codes:${address}`;
  }
}
