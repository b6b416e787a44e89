import { LIMITS } from '../../shared/protocol/limits';
import type { ServerClock } from '../clock';

export const WRONG_CODE_WINDOW_MS = 60_000;

/**
 * The wrong-code budget: wrong access codes (and wrong operator tokens) per address over the last
 * minute. From the limit on, that address is refused until its oldest wrong attempt is a minute
 * old. Right codes are not counted: a room full of tablets behind one address joins freely.
 *
 * Two kinds: `WrongCodeLimiter`, this node's memory (one process); `RedisWrongCodeBudget`
 * (redisWrongCodeBudget.ts), shared by every node on one Redis, so that N nodes behind a load
 * balancer do not give an attacker N budgets. Asynchronous for the second; the callers await
 * the count before they answer, so a refusal is counted before the next try is checked.
 */
export interface WrongCodeBudget {
  /** Milliseconds until this address may try again; 0 when it may now. */
  retryAfterMs(address: string): Promise<number>;
  recordFailure(address: string): Promise<void>;
  close(): void;
}

/** The wrong-code budget in this node's memory: the one-process server's. */
export class WrongCodeLimiter implements WrongCodeBudget {
  private readonly failures = new Map<string, number[]>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly clock: ServerClock,
    private readonly limit: number = LIMITS.wrongCodesPerMinute,
    private readonly windowMs: number = WRONG_CODE_WINDOW_MS,
  ) {
    // Forget addresses whose wrong attempts are all old, so the map cannot grow without end. A
    // real interval: it only frees memory, and what it forgets is decided by the clock's instants.
    this.sweeper = setInterval(() => this.sweep(this.clock.now()), windowMs);
    this.sweeper.unref();
  }

  async retryAfterMs(address: string): Promise<number> {
    return this.retryAfterMsAt(address, this.clock.now());
  }

  async recordFailure(address: string): Promise<void> {
    this.recordFailureAt(address, this.clock.now());
  }

  /** Milliseconds until this address may try again at `now`; 0 when it may. */
  retryAfterMsAt(address: string, now: number): number {
    const recent = this.recent(address, now);
    if (recent.length < this.limit) return 0;
    const oldest = recent[recent.length - this.limit] ?? now;
    return Math.max(1, oldest + this.windowMs - now);
  }

  recordFailureAt(address: string, now: number): void {
    const recent = this.recent(address, now);
    recent.push(now);
    // Only the last `limit` matter for the answer.
    if (recent.length > this.limit) recent.splice(0, recent.length - this.limit);
    this.failures.set(address, recent);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.failures.clear();
  }

  private recent(address: string, now: number): number[] {
    const all = this.failures.get(address);
    if (!all) return [];
    const recent = all.filter((at) => at > now - this.windowMs);
    if (recent.length === 0) this.failures.delete(address);
    else if (recent.length < all.length) this.failures.set(address, recent);
    return recent;
  }

  private sweep(now: number): void {
    for (const address of [...this.failures.keys()]) this.recent(address, now);
  }
}
