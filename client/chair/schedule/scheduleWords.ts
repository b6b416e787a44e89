import type { MessageDescriptor } from '@lingui/core';
import { formatDuration } from '../../../shared/clock/turnClock';
import type { Agenda } from '../../../shared/protocol/agenda';
import type { MeetingView } from '../../../shared/protocol/view';
import {
  type DiscussionSchedule,
  plannedItems,
  type ScheduleNow,
} from '../../../shared/schedule/schedule';
import { instantOf } from '../../../shared/schedule/zonedTime';
import { isAnotherDay } from '../../meeting/schedule';
import type { MeetingTimes } from '../meetingTimes';

/**
 * The chair's readings of the schedule, as messages of the `chair` catalogue: the header's "Running
 * 12 min late", the discussion's time left, the schedule table's drift. Pure: the times come
 * formatted by `MeetingTimes` (the page's language, the meeting's time zone), the words from the
 * component's `t`.
 */

const MINUTE = 60_000;

const minutesOf = (ms: number): number => Math.floor(Math.abs(ms) / MINUTE);

/** "Running 12 min late", "On time" (under a minute either way), "5 min ahead". */
export const delayMessage = (driftMs: number): MessageDescriptor => {
  const minutes = minutesOf(driftMs);
  if (minutes === 0) return { id: 'chair.on-time' };
  return driftMs > 0
    ? { id: 'chair.running-late', values: { minutes } }
    : { id: 'chair.running-ahead', values: { minutes } };
};

/** "+12 min", "−5 min", "on time": a drift in the schedule's table ("another day" when it is days). */
export const driftMessage = (driftMs: number): MessageDescriptor => {
  if (isAnotherDay(driftMs)) return { id: 'chair.drift-another-day' };
  const minutes = minutesOf(driftMs);
  if (minutes === 0) return { id: 'chair.drift-on-time' };
  return driftMs > 0
    ? { id: 'chair.drift-late', values: { minutes } }
    : { id: 'chair.drift-ahead', values: { minutes } };
};

export interface ScheduleSummary {
  /** How far ahead or behind the room is, or why there is no such figure. */
  delay: MessageDescriptor;
  /** The room runs a minute or more late (the header shows it in red). */
  late: boolean;
  /** "Sitting ends about 13:12", when the current sitting is known. */
  sittingEnd: MessageDescriptor | null;
}

/** The first planned item's start, and its sitting's planned end, for a meeting not yet started. */
const firstPlanned = (agenda: Agenda): { start: number; end: number | null } | null => {
  const first = plannedItems(agenda).find((p) => p.start !== null);
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
  view: MeetingView,
  schedule: ScheduleNow,
  now: number,
  times: MeetingTimes,
): ScheduleSummary | null => {
  const endWords = (instant: number | null): MessageDescriptor | null =>
    instant === null
      ? null
      : { id: 'chair.sitting-ends-about', values: { time: times.time(instant) } };
  const anotherDay = (planned: number): ScheduleSummary => ({
    delay: { id: 'chair.sittings-planned-for', values: { date: times.date(planned) } },
    late: false,
    sittingEnd: null,
  });
  const noPlannedTimes: ScheduleSummary = {
    delay: { id: 'chair.no-planned-times' },
    late: false,
    sittingEnd: null,
  };
  if (view.status === 'closed') return null;
  if (view.status === 'pending') {
    const first = firstPlanned(view.agenda);
    if (!first) return null;
    if (isAnotherDay(now - first.start)) return anotherDay(first.start);
    const late = Math.max(0, now - first.start);
    return {
      delay:
        late >= MINUTE
          ? delayMessage(late)
          : { id: 'chair.starts-at', values: { time: times.time(first.start) } },
      late: late >= MINUTE,
      sittingEnd: endWords(first.end === null ? null : first.end + late),
    };
  }
  const current = schedule.current;
  if (!current || current.sittingId === null) return noPlannedTimes;
  if (isAnotherDay(current.driftMs)) {
    const planned = schedule.items.find((i) => i.itemId === current.itemId)?.start;
    return planned === undefined || planned === null ? noPlannedTimes : anotherDay(planned);
  }
  return {
    delay: delayMessage(current.driftMs),
    late: current.driftMs >= MINUTE,
    sittingEnd: endWords(current.projectedSittingEnd),
  };
};

/** "About 7 more interventions of 3:00 fit before 12:53", and the time left for the discussion. */
export const discussionMessages = (
  d: DiscussionSchedule,
  times: MeetingTimes,
): { timeLeft: MessageDescriptor; fit: MessageDescriptor } => {
  const until = times.time(d.deadline);
  const allowance = formatDuration(d.allowanceMs);
  const minutes = minutesOf(d.timeLeftMs);
  const timeLeft: MessageDescriptor =
    d.timeLeftMs <= 0
      ? { id: 'chair.discussion-past-end', values: { minutes, until } }
      : minutes === 0
        ? { id: 'chair.discussion-under-a-minute', values: { until } }
        : { id: 'chair.discussion-time-left', values: { minutes, until } };
  const count = d.interventionsThatFit;
  const fit: MessageDescriptor =
    count === 0
      ? { id: 'chair.discussion-none-fit', values: { allowance, until } }
      : { id: 'chair.discussion-fit', values: { count, allowance, until } };
  return { timeLeft, fit };
};
