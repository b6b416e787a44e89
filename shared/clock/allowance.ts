import type { Allowance } from '../protocol/agenda';

const MINUTE = 60_000;

/**
 * The house rule for warning points when a step gives only a limit: 3 minutes warn at 2:30,
 * 10 and 15 minutes warn 2 minutes before the limit, anything between warns a minute before.
 */
export const warnAtFor = (limitMs: number): number => {
  if (limitMs <= 3 * MINUTE) return Math.max(0, limitMs - 30_000);
  if (limitMs >= 10 * MINUTE) return limitMs - 2 * MINUTE;
  return limitMs - MINUTE;
};

/** "5-7 minutes" is allowance(7, 5): warning at 5:00, limit at 7:00. */
export const minutes = (limitMinutes: number, warnAtMinutes?: number): Allowance => {
  const limitMs = Math.round(limitMinutes * MINUTE);
  return {
    limitMs,
    warnAtMs: warnAtMinutes === undefined ? warnAtFor(limitMs) : Math.round(warnAtMinutes * MINUTE),
  };
};
