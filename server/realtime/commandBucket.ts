import type { Role } from '../../shared/protocol/common';
import { LIMITS } from '../../shared/protocol/limits';

/**
 * A token bucket: `burst` commands at once, then `perSecond` as the bucket refills. One per
 * token (whatever the sockets it opens) and one per delegation: `tokenLimits.ts`. Its instants
 * are given by the caller, from the server's clock (`server/clock.ts`).
 */
export class CommandBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** The limits of a role: chairs and moderators run the room, delegates ask for the floor. */
  static forRole(role: Role, now: number): CommandBucket {
    const limits =
      role === 'chair' || role === 'moderator' ? LIMITS.officerCommands : LIMITS.delegateCommands;
    return new CommandBucket(limits.burst, limits.perSecond, now);
  }

  /** The limits of all the devices of one delegation together. */
  static forDelegation(now: number): CommandBucket {
    const limits = LIMITS.delegationCommands;
    return new CommandBucket(limits.burst, limits.perSecond, now);
  }

  /**
   * Whether the bucket has refilled by `now`: it is then no different from a new one, so a table
   * of buckets may forget it without giving anyone more than the limit.
   */
  isFull(now: number): boolean {
    const elapsed = Math.max(0, now - this.last);
    return this.tokens + (elapsed / 1000) * this.perSecond >= this.burst;
  }

  /** Takes one command's token; false when the bucket is empty. */
  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.last);
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed / 1000) * this.perSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
