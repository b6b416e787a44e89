/**
 * Wall-clock times in the meeting's time zone, without a time-zone library: Intl knows every
 * zone's offset at any instant, and two rounds of correction settle the offset of a local time.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatter = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export const localParts = (instant: number, timeZone: string): LocalParts => {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
};

/** How far the zone's wall clock is ahead of UTC at `instant`. */
const zoneOffsetAt = (instant: number, timeZone: string): number => {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
};

/**
 * The instant of a local date (`YYYY-MM-DD`) and time (`HH:MM`) in `timeZone`. A time that
 * happens twice (autumn) is the earlier; a time that never happens (the spring gap) moves on
 * by the gap, as a wall clock does.
 */
export const instantOf = (date: string, time: string, timeZone: string): number => {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  const first = wall - zoneOffsetAt(wall - zoneOffsetAt(wall, timeZone), timeZone);
  const second = wall - zoneOffsetAt(first, timeZone);
  const showsWall = (instant: number) => wall - instant === zoneOffsetAt(instant, timeZone);
  const exact = [first, second].filter(showsWall);
  return exact.length > 0 ? Math.min(...exact) : Math.max(first, second);
};

/** `HH:MM` of an instant in `timeZone`. */
export const clockTimeOf = (instant: number, timeZone: string): string => {
  const p = localParts(instant, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};

/** The calendar date (`YYYY-MM-DD`) of an instant in `timeZone`: "today" there. */
export const calendarDateOf = (instant: number, timeZone: string): string => {
  const p = localParts(instant, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};
