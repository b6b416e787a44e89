import { describe, expect, it } from 'vitest';
import { minutes, warnAtFor } from '../../../shared/clock/allowance';
import { Allowance } from '../../../shared/protocol/agenda';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('the warning point of an allowance given only as a limit', () => {
  it('is 2:30 for the 3 minutes of an intervention from the floor', () => {
    expect(warnAtFor(3 * MINUTE)).toBe(150 * SECOND);
    expect(minutes(3)).toEqual({ limitMs: 3 * MINUTE, warnAtMs: 150 * SECOND });
  });

  it('is two minutes before the limit for 10 and 15 minutes', () => {
    expect(minutes(10)).toEqual({ limitMs: 10 * MINUTE, warnAtMs: 8 * MINUTE });
    expect(minutes(15)).toEqual({ limitMs: 15 * MINUTE, warnAtMs: 13 * MINUTE });
  });

  it('is a minute before the limit in between, and 30 seconds before for short turns', () => {
    expect(warnAtFor(5 * MINUTE)).toBe(4 * MINUTE);
    expect(warnAtFor(2 * MINUTE)).toBe(90 * SECOND);
    expect(warnAtFor(20 * SECOND)).toBe(0);
  });
});

describe('an allowance given as a range of minutes', () => {
  it('"5-7 minutes" warns at 5:00 and stops at 7:00', () => {
    expect(minutes(7, 5)).toEqual({ limitMs: 7 * MINUTE, warnAtMs: 5 * MINUTE });
  });

  it('"10-15 minutes" warns at 10:00 and stops at 15:00', () => {
    expect(minutes(15, 10)).toEqual({ limitMs: 15 * MINUTE, warnAtMs: 10 * MINUTE });
  });

  it('rounds fractions of a minute to the millisecond', () => {
    expect(minutes(2.5)).toEqual({ limitMs: 150 * SECOND, warnAtMs: 120 * SECOND });
  });

  it('makes allowances an agenda file may hold', () => {
    for (const allowance of [minutes(3), minutes(7, 5), minutes(10), minutes(15, 10), minutes(1)]) {
      expect(Allowance.parse(allowance)).toEqual(allowance);
    }
  });
});
