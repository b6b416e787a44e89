import type { Allowance } from './agenda';

/**
 * What a step gets where it sets nothing (contract version 2), without zod: the engine applies
 * these on the tablet and the consoles too, and the agenda editor shows them. ./agenda.ts
 * re-exports them beside the schemas of the steps that may override them.
 */

/** A point of order's clock when its step sets none (contract version 2). */
export const POINT_OF_ORDER_ALLOWANCE: Allowance = { limitMs: 120_000, warnAtMs: 90_000 };
/** A statement on behalf of a group, when its step sets no `groupAllowance` (contract version 2). */
export const GROUP_ALLOWANCE: Allowance = { limitMs: 300_000, warnAtMs: 240_000 };
/**
 * A delegation's first and second rights of reply in an item, when the step sets no
 * `replyAllowances` (contract version 2, after General Assembly practice: 10 then 5 minutes).
 */
export const REPLY_ALLOWANCES: readonly [Allowance, Allowance] = [
  { limitMs: 600_000, warnAtMs: 540_000 },
  { limitMs: 300_000, warnAtMs: 240_000 },
];
/** At most this many rights of reply per delegation and agenda item. */
export const MAX_REPLIES_PER_ITEM = REPLY_ALLOWANCES.length;
/** Under the `interleave` policy, one of the others after this many States, unless the step says. */
export const INTERLEAVE_EVERY = 3;
