import type { ItemSchedule, ScheduleNow } from '../../shared/schedule/schedule';
import { calendarDateOf } from '../../shared/schedule/zonedTime';

/**
 * Readings of the schedule every screen shares; the words are each screen's own messages (the
 * chair's client/chair/schedule/scheduleWords.ts, the display's client/display/lateness.ts).
 */

const MINUTE = 60_000;
/**
 * A drift this large means the sittings are planned for another day (the default agenda keeps
 * the procedural note's dates): saying "Running 4,000,000 min late" would help nobody.
 */
const ANOTHER_DAY_MS = 12 * 60 * MINUTE;

/** Whether a drift or a time left says more about the agenda's dates than about the room. */
export const isAnotherDay = (ms: number): boolean => Math.abs(ms) >= ANOTHER_DAY_MS;

/** `YYYY-MM-DD` of an instant in the agenda's time zone. */
export const dateOf = calendarDateOf;

/**
 * How late an item ended (or, for the current one, will end): positive is late. Null for an item
 * not held, or not planned.
 */
export const endDriftOf = (item: ItemSchedule, schedule: ScheduleNow): number | null => {
  if (schedule.current?.itemId === item.itemId) return schedule.current.driftMs;
  if (item.actualEnd === null || item.end === null) return null;
  return item.actualEnd - item.end;
};
