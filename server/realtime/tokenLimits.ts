import { refused as reasoned } from '../../shared/engine/refusals';
import { maySendCommands } from '../../shared/permissions';
import type { Role } from '../../shared/protocol/common';
import type { CommandAck } from '../../shared/protocol/errors';
import { answerOf } from '../engine/english';
import { CommandBucket } from './commandBucket';

/** Who sends a command, as far as its limits go: the token it came with, and what it admits. */
export interface Holder {
  /** The sha256 of the token: the same for every socket the token opens, across reconnections. */
  tokenKey: string;
  meetingId: string;
  role: Role;
  delegationId?: string;
}

/** What becomes of a command before it is even parsed. */
export type Admission =
  | { kind: 'admitted' }
  | { kind: 'refused'; ack: CommandAck }
  /**
   * A role that sends nothing kept sending beyond its limit: a socket is closed; a request over
   * HTTP, which has no connection to close, is answered `ack`.
   */
  | { kind: 'disconnect'; ack: CommandAck };

const ADMITTED: Admission = { kind: 'admitted' };
const refused = (
  code: 'forbidden' | 'rate_limited',
  id: 'refusal.screen-sends-nothing' | 'refusal.device-too-fast' | 'refusal.delegation-too-fast',
): Extract<Admission, { kind: 'refused' }> => ({
  kind: 'refused',
  ack: { ok: false, error: answerOf(reasoned(code, id)) },
});
/** Made once: a display's refusal costs no allocation, no parse and no log line. */
const SENDS_NOTHING = refused('forbidden', 'refusal.screen-sends-nothing');
const TOKEN_LIMITED = refused('rate_limited', 'refusal.device-too-fast');
const BEYOND_SENDS_NOTHING: Admission = { kind: 'disconnect', ack: TOKEN_LIMITED.ack };
const DELEGATION_LIMITED = refused('rate_limited', 'refusal.delegation-too-fast');

/** How often idle buckets are forgotten (at most once per this many milliseconds). */
const SWEEP_EVERY_MS = 10_000;

/**
 * The command limits of every token and every delegation, kept here rather than on a socket, so
 * a token's limit holds across all the sockets it opens and every reconnection (issue 11: a
 * chair's token reconnecting reached 1,550 commands a second when each socket had its own).
 *
 * Memory stays bounded: only tokens that passed the handshake get a bucket, and a bucket that has
 * refilled is forgotten at the next sweep; a new one would start just as full, so forgetting it
 * gives nobody more than the limit.
 */
export class TokenLimits {
  private readonly tokens = new Map<string, CommandBucket>();
  private readonly delegations = new Map<string, CommandBucket>();
  private lastSweep = 0;

  /**
   * Takes one command from the token's bucket and, for a delegate, from its delegation's. A role
   * that may send no command is answered `forbidden` while within its limit, and its socket is
   * closed beyond it (no device of that role ever sends one: it is a script).
   */
  admit(holder: Holder, now: number): Admission {
    this.sweep(now);
    const withinToken = this.bucket(this.tokens, holder.tokenKey, () =>
      CommandBucket.forRole(holder.role, now),
    ).take(now);
    if (!maySendCommands(holder.role)) return withinToken ? SENDS_NOTHING : BEYOND_SENDS_NOTHING;
    if (!withinToken) return TOKEN_LIMITED;
    if (holder.delegationId !== undefined) {
      const key = `${holder.meetingId}/${holder.delegationId}`;
      const delegation = this.bucket(this.delegations, key, () => CommandBucket.forDelegation(now));
      if (!delegation.take(now)) return DELEGATION_LIMITED;
    }
    return ADMITTED;
  }

  /** How many buckets are kept now (for tests of the memory bound). */
  get size(): number {
    return this.tokens.size + this.delegations.size;
  }

  /** Forgets the buckets that have refilled; at most once every ten seconds. */
  sweep(now: number, force = false): void {
    if (!force && now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const table of [this.tokens, this.delegations]) {
      for (const [key, bucket] of table) if (bucket.isFull(now)) table.delete(key);
    }
  }

  private bucket(
    table: Map<string, CommandBucket>,
    key: string,
    make: () => CommandBucket,
  ): CommandBucket {
    let bucket = table.get(key);
    if (!bucket) {
      bucket = make();
      table.set(key, bucket);
    }
    return bucket;
  }
}
