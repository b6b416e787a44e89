import { formatDuration } from '../../shared/clock/turnClock';
import type { Agenda } from '../../shared/protocol/agenda';
import type { MeetingView } from '../../shared/protocol/view';
import {
  type DiscussionSchedule,
  type ItemSchedule,
  plannedItems,
  type ScheduleNow,
  scheduleAt,
} from '../../shared/schedule/schedule';
import { calendarDateOf, clockTimeOf, instantOf } from '../../shared/schedule/zonedTime';
import type { T } from '../i18n/useT';

/**
 * Pure readings of the schedule, in the words the consoles and the room display use: each takes
 * the page's messages (`t`, the `common` catalogue's `words.schedule-*`).
 */

const MINUTE = 60_000;
/**
 * A drift this large means the sittings are planned for another day (the default agenda keeps
 * the procedural note's dates): saying "Running 4,000,000 min late" would help nobody.
 */
const ANOTHER_DAY_MS = 12 * 60 * MINUTE;

/** Whether a drift or a time left says more about the agenda's dates than about the room. */
export const isAnotherDay = (ms: number): boolean => Math.abs(ms) >= ANOTHER_DAY_MS;

const minutesOf = (ms: number): number => Math.floor(Math.abs(ms) / MINUTE);

/** "Running 12 min late", "On time" (under a minute either way), "5 min ahead". */
export const delayWords = (t: T, driftMs: number): string => {
  const minutes = minutesOf(driftMs);
  if (minutes === 0) return t('words.schedule-on-time');
  return driftMs > 0
    ? t('words.schedule-late', { minutes })
    : t('words.schedule-ahead', { minutes });
};

/** "+12 min", "−5 min", "on time": a drift in a table ("another day" when it is days). */
export const driftShort = (t: T, driftMs: number): string => {
  if (isAnotherDay(driftMs)) return t('words.schedule-another-day');
  const minutes = minutesOf(driftMs);
  if (minutes === 0) return t('words.schedule-on-time-short');
  return driftMs > 0
    ? t('words.schedule-drift-late', { minutes })
    : t('words.schedule-drift-ahead', { minutes });
};

/** `YYYY-MM-DD` of an instant in the agenda's time zone. */
export const dateOf = calendarDateOf;

/**
 * The room display's "Running 12 min late", from the view alone (the current item's start and
 * the agenda): only when the chair shows it, the session is under way, and the room is late by
 * a minute or more.
 */
export const roomDelay = (t: T, view: MeetingView, now: number): string | null => {
  if (!view.display.showDelay) return null;
  if (view.status !== 'running' && view.status !== 'suspended') return null;
  const drift = scheduleAt({ agenda: view.agenda, held: [], current: view.current, now }).current
    ?.driftMs;
  if (drift === undefined || drift < MINUTE || drift >= ANOTHER_DAY_MS) return null;
  return delayWords(t, drift);
};

export interface ScheduleSummary {
  /** "Running 12 min late", "On time", "5 min ahead", or why there is no such figure. */
  delay: string;
  /** Whether `delay` says the room runs late (a minute or more), for the header to stress it. */
  late: boolean;
  /** "Sitting ends about 13:12", when the current sitting is known. */
  sittingEnd: string | null;
}

/** The first planned item's start, and its sitting's planned end, for a meeting not yet started. */
const firstPlanned = (agenda: Agenda): { start: number; end: number | null } | null => {
  const planned = plannedItems(agenda);
  const first = planned.find((p) => p.start !== null);
  if (!first || first.start === null) return null;
  const sitting = agenda.sittings.find((s) => s.id === first.sittingId);
  const end = sitting ? instantOf(sitting.date, sitting.end, agenda.timeZone) : null;
  return { start: first.start, end };
};

/**
 * What the chair's header says of the schedule: how far ahead or behind the room is and when the
 * current sitting will end. Before the start, the room is late once the first item's planned
 * start has passed; the sitting then ends that much later.
 */
export const scheduleSummary = (
  t: T,
  view: MeetingView,
  schedule: ScheduleNow,
  now: number,
): ScheduleSummary | null => {
  const zone = view.agenda.timeZone;
  const endWords = (instant: number | null) =>
    instant === null
      ? null
      : t('words.schedule-sitting-ends', { time: clockTimeOf(instant, zone) });
  const anotherDay = (planned: number) =>
    t('words.schedule-another-day-planned', { date: dateOf(planned, zone) });
  if (view.status === 'closed') return null;
  if (view.status === 'pending') {
    const first = firstPlanned(view.agenda);
    if (!first) return null;
    const late = Math.max(0, now - first.start);
    if (Math.abs(now - first.start) >= ANOTHER_DAY_MS) {
      return { delay: anotherDay(first.start), late: false, sittingEnd: null };
    }
    return {
      late: late >= MINUTE,
      delay:
        late >= MINUTE
          ? delayWords(t, late)
          : t('words.schedule-starts', { time: clockTimeOf(first.start, zone) }),
      sittingEnd: endWords(first.end === null ? null : first.end + late),
    };
  }
  const current = schedule.current;
  if (!current || current.sittingId === null)
    return { delay: t('words.schedule-no-times'), late: false, sittingEnd: null };
  if (Math.abs(current.driftMs) >= ANOTHER_DAY_MS) {
    const planned = schedule.items.find((i) => i.itemId === current.itemId)?.start;
    const words =
      planned === undefined || planned === null
        ? t('words.schedule-no-times')
        : anotherDay(planned);
    return { delay: words, late: false, sittingEnd: null };
  }
  return {
    delay: delayWords(t, current.driftMs),
    late: minutesOf(current.driftMs) > 0 && current.driftMs > 0,
    sittingEnd: endWords(current.projectedSittingEnd),
  };
};

/** "about 7 more interventions of 3:00 fit before 12:53", and the time left for the discussion. */
export const discussionWords = (
  t: T,
  d: DiscussionSchedule,
  timeZone: string,
): { timeLeft: string; fit: string } => {
  const until = clockTimeOf(d.deadline, timeZone);
  const allowance = formatDuration(d.allowanceMs);
  const minutes = minutesOf(d.timeLeftMs);
  const timeLeft =
    d.timeLeftMs <= 0
      ? t('words.schedule-discussion-past', { minutes, until })
      : minutes === 0
        ? t('words.schedule-discussion-under-a-minute', { until })
        : t('words.schedule-discussion-left', { minutes, until });
  const count = d.interventionsThatFit;
  const fit =
    count === 0
      ? t('words.schedule-none-fit', { allowance, until })
      : t('words.schedule-fit', { count, allowance, until });
  return { timeLeft, fit };
};

/** `HH:MM–HH:MM`, either end a dash when unknown. */
export const spanWords = (start: number | null, end: number | null, timeZone: string): string => {
  const at = (instant: number | null) => (instant === null ? '–' : clockTimeOf(instant, timeZone));
  return `${at(start)}–${at(end)}`;
};

/**
 * How late an item ended (or, for the current one, will end): positive is late. Null for an item
 * not held, or not planned.
 */
export const endDriftOf = (item: ItemSchedule, schedule: ScheduleNow): number | null => {
  if (schedule.current?.itemId === item.itemId) return schedule.current.driftMs;
  if (item.actualEnd === null || item.end === null) return null;
  return item.actualEnd - item.end;
};
