import { LIMITS } from '../../shared/protocol/limits';
import type { ServerClock } from '../clock';

const WINDOW_MS = 60_000;

/**
 * Counts wrong access codes (and wrong operator tokens) per address over the last minute. From
 * the limit on, that address is refused until its oldest wrong attempt is a minute old. Right
 * codes are not counted: a room full of tablets behind one address joins freely.
 */
export class WrongCodeLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly clock: ServerClock,
    private readonly limit: number = LIMITS.wrongCodesPerMinute,
    private readonly windowMs: number = WINDOW_MS,
  ) {
    // Forget addresses whose wrong attempts are all old, so the map cannot grow without end. A
    // real interval: it only frees memory, and what it forgets is decided by the clock's instants.
    this.sweeper = setInterval(() => this.sweep(this.clock.now()), windowMs);
    this.sweeper.unref();
  }

  /** Milliseconds until this address may try again; 0 when it may now. */
  retryAfterMs(address: string, now = this.clock.now()): number {
    const recent = this.recent(address, now);
    if (recent.length < this.limit) return 0;
    const oldest = recent[recent.length - this.limit] ?? now;
    return Math.max(1, oldest + this.windowMs - now);
  }

  recordFailure(address: string, now = this.clock.now()): void {
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
