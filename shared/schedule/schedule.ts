import type { Agenda, AgendaItem, Step } from '../protocol/agenda';
import type { StepRecord } from '../protocol/view';
import { instantOf } from './zonedTime';

/**
 * The schedule as planned, from the sittings and the allowances, and as held, from the steps'
 * records: how far behind the room is, when the current sitting will end, and how many more
 * interventions fit in a discussion. Pure: every instant comes in as an argument.
 */

export interface PlannedItem {
  itemId: string;
  title: string;
  sittingId: string | null;
  /** Null when the item belongs to no sitting. */
  start: number | null;
  end: number | null;
}

/** How long a step is planned to take; null for a discussion with no planned length. */
export const plannedStepMs = (step: Step): number | null => {
  if (step.kind === 'floor') return step.plannedMs ?? null;
  return step.speakers.reduce((sum, s) => sum + (s.allowance ?? step.allowance).limitMs, 0);
};

const knownStepsMs = (item: AgendaItem): number =>
  item.steps.reduce((sum, s) => sum + (plannedStepMs(s) ?? 0), 0);

const isElastic = (item: AgendaItem): boolean => item.steps.some((s) => plannedStepMs(s) === null);

/**
 * Planned start and end of each item. An item's start is its own `plannedStart`, else the end of
 * the item before it in the same sitting, else the sitting's start. Its end is its own
 * `plannedEnd`, else its steps' allowances added up; a discussion with no planned length
 * stretches to the next item's start or the sitting's end.
 */
export const plannedItems = (agenda: Agenda): PlannedItem[] => {
  const sittings = new Map(agenda.sittings.map((s) => [s.id, s]));
  const at = (date: string, time: string) => instantOf(date, time, agenda.timeZone);
  const out: PlannedItem[] = [];
  agenda.items.forEach((item, i) => {
    const sitting = item.sittingId === undefined ? undefined : sittings.get(item.sittingId);
    if (!sitting) {
      out.push({ itemId: item.id, title: item.title, sittingId: null, start: null, end: null });
      return;
    }
    const previous = out[i - 1];
    const start =
      item.plannedStart !== undefined
        ? at(sitting.date, item.plannedStart)
        : previous?.sittingId === sitting.id && previous.end !== null
          ? previous.end
          : at(sitting.date, sitting.start);
    let end: number;
    if (item.plannedEnd !== undefined) {
      end = at(sitting.date, item.plannedEnd);
    } else if (isElastic(item)) {
      const next = agenda.items[i + 1];
      end =
        next?.sittingId === sitting.id && next.plannedStart !== undefined
          ? at(sitting.date, next.plannedStart)
          : at(sitting.date, sitting.end);
    } else {
      end = start + knownStepsMs(item);
    }
    out.push({
      itemId: item.id,
      title: item.title,
      sittingId: sitting.id,
      start,
      end: Math.max(start, end),
    });
  });
  return out;
};

/** Each step's planned length inside its item: elastic discussions share what is left. */
const stepSpans = (item: AgendaItem, planned: PlannedItem): number[] => {
  const known = knownStepsMs(item);
  const elastic = item.steps.filter((s) => plannedStepMs(s) === null).length;
  const span = planned.start !== null && planned.end !== null ? planned.end - planned.start : known;
  const share = elastic > 0 ? Math.max(0, span - known) / elastic : 0;
  return item.steps.map((s) => plannedStepMs(s) ?? share);
};

export interface ItemSchedule extends PlannedItem {
  actualStart: number | null;
  actualEnd: number | null;
  /** Actual start minus planned start, once the item has started. */
  startDriftMs: number | null;
}

export interface CurrentSchedule {
  itemId: string;
  /** When the current item will end if what is left of it takes its planned time. */
  projectedItemEnd: number;
  /** Projected end minus planned end: positive is late. */
  driftMs: number;
  sittingId: string | null;
  sittingPlannedEnd: number | null;
  /** The sitting's planned end moved by the drift: the items after this one keep their lengths. */
  projectedSittingEnd: number | null;
}

export interface DiscussionSchedule {
  /** When the discussion must end for the rest of the item to finish on time. */
  deadline: number;
  timeLeftMs: number;
  allowanceMs: number;
  /** Whole interventions at the current allowance that still fit, after the current turn. */
  interventionsThatFit: number;
}

export interface ScheduleNow {
  items: ItemSchedule[];
  current: CurrentSchedule | null;
  discussion: DiscussionSchedule | null;
}

export interface ScheduleInput {
  agenda: Agenda;
  /** Steps held so far (the record). */
  held: readonly StepRecord[];
  current: { itemId: string; stepId: string; startedAt: number; itemStartedAt?: number } | null;
  /** Time left on the current turn's clock, if one runs (negative in overtime). */
  turnRemainingMs?: number | null;
  now: number;
}

export const scheduleAt = (input: ScheduleInput): ScheduleNow => {
  const { agenda, held, current, now } = input;
  const planned = plannedItems(agenda);
  const items: ItemSchedule[] = planned.map((p) => {
    const steps = held.filter((h) => h.itemId === p.itemId);
    const starts = steps.map((h) => h.startedAt);
    if (current?.itemId === p.itemId) starts.push(current.itemStartedAt ?? current.startedAt);
    const actualStart = starts.length > 0 ? Math.min(...starts) : null;
    const actualEnd =
      current?.itemId === p.itemId || steps.length === 0
        ? null
        : Math.max(...steps.map((h) => h.endedAt));
    return {
      ...p,
      actualStart,
      actualEnd,
      startDriftMs: actualStart !== null && p.start !== null ? actualStart - p.start : null,
    };
  });
  if (!current) return { items, current: null, discussion: null };

  const itemIndex = agenda.items.findIndex((i) => i.id === current.itemId);
  const item = agenda.items[itemIndex];
  const plan = planned[itemIndex];
  const schedule = items[itemIndex];
  if (!item || !plan || !schedule) return { items, current: null, discussion: null };
  const stepIndex = item.steps.findIndex((s) => s.id === current.stepId);
  const spans = stepSpans(item, plan);
  const afterCurrent = spans.slice(stepIndex + 1).reduce((a, b) => a + b, 0);
  const leftOfCurrent = Math.max(0, (spans[stepIndex] ?? 0) - (now - current.startedAt));
  const plannedLength = spans.reduce((a, b) => a + b, 0);
  const actualStart = schedule.actualStart ?? current.startedAt;
  const projectedItemEnd = Math.max(
    actualStart + plannedLength,
    now + leftOfCurrent + afterCurrent,
  );

  let currentSchedule: CurrentSchedule;
  if (plan.end === null) {
    currentSchedule = {
      itemId: item.id,
      projectedItemEnd,
      driftMs: 0,
      sittingId: null,
      sittingPlannedEnd: null,
      projectedSittingEnd: null,
    };
  } else {
    const driftMs = projectedItemEnd - plan.end;
    const sitting = agenda.sittings.find((s) => s.id === plan.sittingId);
    const sittingPlannedEnd = sitting
      ? instantOf(sitting.date, sitting.end, agenda.timeZone)
      : null;
    currentSchedule = {
      itemId: item.id,
      projectedItemEnd,
      driftMs,
      sittingId: plan.sittingId,
      sittingPlannedEnd,
      projectedSittingEnd: sittingPlannedEnd === null ? null : sittingPlannedEnd + driftMs,
    };
  }

  const step = item.steps[stepIndex];
  let discussion: DiscussionSchedule | null = null;
  if (step?.kind === 'floor') {
    const end = plan.end ?? current.startedAt + plannedLength;
    const deadline = end - afterCurrent;
    const timeLeftMs = deadline - now;
    const turnLeft = Math.max(0, input.turnRemainingMs ?? 0);
    discussion = {
      deadline,
      timeLeftMs,
      allowanceMs: step.allowance.limitMs,
      interventionsThatFit: Math.max(
        0,
        Math.floor((timeLeftMs - turnLeft) / step.allowance.limitMs),
      ),
    };
  }
  return { items, current: currentSchedule, discussion };
};
