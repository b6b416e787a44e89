import { describe, expect, it } from 'vitest';
import { defaultMeetingAgenda } from '../../../server/meetings/defaultMeeting';
import { DEFAULT_TIME_ZONE, defaultAgenda } from '../../../shared/defaults/agenda';
import { calendarDateOf, instantOf } from '../../../shared/schedule/zonedTime';

describe('the default agenda, a function of its first day', () => {
  it('holds its four sittings on that day and the next, at the procedural note’s hours', () => {
    const agenda = defaultAgenda('2026-03-09');
    expect(agenda.timeZone).toBe('America/New_York');
    expect(agenda.sittings.map((s) => [s.id, s.date, s.start, s.end])).toEqual([
      ['day-1-morning', '2026-03-09', '10:00', '13:00'],
      ['day-1-afternoon', '2026-03-09', '15:00', '18:00'],
      ['day-2-morning', '2026-03-10', '10:00', '13:00'],
      ['day-2-afternoon', '2026-03-10', '15:00', '18:00'],
    ]);
  });

  it('is otherwise the same meeting whatever the day: items, steps and allowances', () => {
    const { sittings: _a, ...one } = defaultAgenda('2017-07-24');
    const { sittings: _b, ...other } = defaultAgenda('2031-12-31');
    expect(one).toEqual(other);
  });

  it('crosses months, years and leap days to its second day', () => {
    const dayTwo = (first: string) => defaultAgenda(first).sittings[2]?.date;
    expect(dayTwo('2026-01-31')).toBe('2026-02-01');
    expect(dayTwo('2026-12-31')).toBe('2027-01-01');
    expect(dayTwo('2028-02-28')).toBe('2028-02-29');
    expect(dayTwo('2027-02-28')).toBe('2027-03-01');
  });

  it('refuses a day that is not a date, saying what it must be', () => {
    expect(() => defaultAgenda('24 July 2017')).toThrow(
      'The default agenda\'s first day must be a date as YYYY-MM-DD, not "24 July 2017".',
    );
  });
});

describe('today in the meeting’s time zone', () => {
  it('is New York’s date, not the server’s: late evening there is already tomorrow in UTC', () => {
    const evening = instantOf('2026-07-24', '22:30', DEFAULT_TIME_ZONE);
    expect(new Date(evening).toISOString().slice(0, 10)).toBe('2026-07-25');
    expect(calendarDateOf(evening, DEFAULT_TIME_ZONE)).toBe('2026-07-24');
    expect(defaultMeetingAgenda(evening).sittings[0]?.date).toBe('2026-07-24');
  });

  it('puts the first sitting at 10:00 of that day in New York', () => {
    const now = instantOf('2026-11-02', '08:00', DEFAULT_TIME_ZONE);
    const first = defaultMeetingAgenda(now).sittings[0];
    expect(first && instantOf(first.date, first.start, DEFAULT_TIME_ZONE)).toBe(
      now + 2 * 60 * 60_000,
    );
  });
});
