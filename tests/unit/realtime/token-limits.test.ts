import { describe, expect, it } from 'vitest';
import { type Holder, TokenLimits } from '../../../server/realtime/tokenLimits';
import { LIMITS } from '../../../shared/protocol/limits';

const T0 = 1_500_000_000_000;
const chair: Holder = { tokenKey: 'chair-token', meetingId: 'm', role: 'chair' };
const display: Holder = { tokenKey: 'display-token', meetingId: 'm', role: 'display' };
const mexico = (tokenKey: string): Holder => ({
  tokenKey,
  meetingId: 'm',
  role: 'delegate',
  delegationId: 'mexico',
});

/** How many of `count` commands sent at `now` get through (admitted, or a display's forbidden). */
const through = (limits: TokenLimits, holder: Holder, count: number, now: number): number => {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const admission = limits.admit(holder, now);
    if (admission.kind === 'admitted') n++;
    if (admission.kind === 'refused' && admission.ack.ok === false) {
      if (admission.ack.error.code === 'forbidden') n++;
    }
  }
  return n;
};

describe('command limits kept by token', () => {
  it("hold a token to its role's burst, then its rate, whatever sockets it opens", () => {
    const limits = new TokenLimits();
    const { burst, perSecond } = LIMITS.officerCommands;
    expect(through(limits, chair, burst * 3, T0)).toBe(burst);
    // A second later (a reconnection, a new socket: the same token), the refill only.
    expect(through(limits, chair, burst, T0 + 1000)).toBe(perSecond);
  });

  it('answer a display forbidden within its limit, and close its socket beyond it', () => {
    const limits = new TokenLimits();
    const kinds = Array.from(
      { length: LIMITS.delegateCommands.burst + 2 },
      () => limits.admit(display, T0).kind,
    );
    expect(kinds.slice(0, LIMITS.delegateCommands.burst).every((k) => k === 'refused')).toBe(true);
    expect(kinds.slice(LIMITS.delegateCommands.burst)).toEqual(['disconnect', 'disconnect']);
  });

  it("hold all the tokens of one delegation to the delegation's limit", () => {
    const limits = new TokenLimits();
    const tokens = ['a', 'b', 'c'].map(mexico);
    const total = tokens.reduce((n, t) => n + through(limits, t, 100, T0), 0);
    expect(total).toBe(LIMITS.delegationCommands.burst);
  });

  it('forget only buckets that have refilled, so memory stays bounded and no limit resets', () => {
    const limits = new TokenLimits();
    for (let i = 0; i < 1000; i++) limits.admit({ ...chair, tokenKey: `t${i}` }, T0);
    through(limits, chair, LIMITS.officerCommands.burst, T0);
    expect(limits.size).toBe(1001);
    // A moment later, the chair's empty bucket is kept; the others are not yet full either.
    limits.sweep(T0 + 10, true);
    expect(limits.size).toBe(1001);
    // Once they have refilled they are forgotten; a new bucket starts just as full.
    const refilledMs = (LIMITS.officerCommands.burst / LIMITS.officerCommands.perSecond) * 1000;
    limits.sweep(T0 + refilledMs, true);
    expect(limits.size).toBe(0);
    expect(through(limits, chair, 1000, T0 + refilledMs)).toBe(LIMITS.officerCommands.burst);
  });
});
