import { refused } from '../../shared/engine/refusals';
import type { Refusal } from '../../shared/protocol/errors';
import { LIMITS } from '../../shared/protocol/limits';
import { answerOf } from '../engine/english';

/**
 * How soon a delegation may ask for the floor again after withdrawing its request. Each request
 * and each withdrawal changes the queue, and every change reaches every device of the room: a
 * tablet alternating the two within its rate limit made the server send ten states a second to
 * all (issue 11). A moment's pause costs a person nothing. It is a limit of this server, not a
 * rule of procedure, so it lives here and not in the engine: it is not in the log, a restart
 * forgets it, and an officer's `floor.add` for the delegation is never held back.
 */
export class RequestCooldown {
  /** When each delegation last withdrew (bounded by the roster). */
  private readonly withdrawnAt = new Map<string, number>();

  constructor(private readonly cooldownMs: number = LIMITS.requestCooldownMs) {}

  /** The refusal of a delegation's request made too soon after its withdrawal, or null. */
  check(delegationId: string, now: number): Refusal | null {
    const at = this.withdrawnAt.get(delegationId);
    if (at === undefined) return null;
    const waitMs = at + this.cooldownMs - now;
    if (waitMs <= 0) {
      this.withdrawnAt.delete(delegationId);
      return null;
    }
    return answerOf(
      refused('rate_limited', 'refusal.request-cooldown', { seconds: Math.ceil(waitMs / 1000) }),
    );
  }

  withdrew(delegationId: string, now: number): void {
    this.withdrawnAt.set(delegationId, now);
  }
}
