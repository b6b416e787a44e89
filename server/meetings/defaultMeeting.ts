import { DEFAULT_TIME_ZONE, defaultAgenda } from '../../shared/defaults/agenda';
import type { Agenda } from '../../shared/protocol/agenda';
import { calendarDateOf } from '../../shared/schedule/zonedTime';

/**
 * The default agenda as a new meeting gets it: its first day is today in the meeting's time
 * zone (New York's today, not the server's), so the schedule's drift is real from the start.
 */
export const defaultMeetingAgenda = (now: number): Agenda =>
  defaultAgenda(calendarDateOf(now, DEFAULT_TIME_ZONE));
