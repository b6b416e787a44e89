import type { Sitting } from '../../shared/protocol/agenda';
import { clockTimeOf, localParts } from '../../shared/schedule/zonedTime';

/** Zones far enough apart that one of them always has the whole sitting inside one day. */
const ZONES = [
  'UTC',
  'Asia/Tokyo',
  'America/New_York',
  'Europe/Paris',
  'Asia/Kolkata',
  'America/Los_Angeles',
  'Pacific/Auckland',
];

const MINUTE = 60_000;

/**
 * A sitting that began `startedMinutesAgo` minutes before `now` (to the minute) and lasts
 * `minutes`, in a time zone where it starts and ends on the same day, as the schema wants.
 */
export const sittingAround = (
  now: number,
  options: { id?: string; startedMinutesAgo: number; minutes: number },
): { timeZone: string; sitting: Sitting; start: number } => {
  const start = Math.floor((now - options.startedMinutesAgo * MINUTE) / MINUTE) * MINUTE;
  const end = start + options.minutes * MINUTE;
  for (const timeZone of ZONES) {
    const from = localParts(start, timeZone);
    const to = localParts(end, timeZone);
    if (from.day !== to.day || to.hour * 60 + to.minute <= from.hour * 60 + from.minute) continue;
    const date = `${from.year}-${String(from.month).padStart(2, '0')}-${String(from.day).padStart(2, '0')}`;
    return {
      timeZone,
      start,
      sitting: {
        id: options.id ?? 'sitting',
        date,
        start: clockTimeOf(start, timeZone),
        end: clockTimeOf(end, timeZone),
      },
    };
  }
  throw new Error('no time zone has that sitting inside one day');
};
