import type { Agenda } from '../protocol/agenda';
import type { Category, Sex } from '../protocol/common';
import type { RequestRecord, StepRecord, TurnRecord } from '../protocol/view';
import { type ItemSchedule, scheduleAt } from '../schedule/schedule';

/**
 * The co-chairs' report: who spoke, how long, by category, delegation and sex, overtime, what
 * became of the requests, and the schedule as planned against as held. Pure: from the record.
 */

export interface Tally {
  turns: number;
  spokenMs: number;
}

/** Scheduled speakers who speak for no delegation have no category. */
export type CategoryKey = Category | 'none';
export type SexKey = Sex | 'not-given';

export interface DelegationTally extends Tally {
  delegationId: string;
  name: string;
  category: Category | null;
}

export interface OvertimeSummary {
  count: number;
  medianMs: number;
  longestMs: number;
  longest: { speakerName: string; delegationName: string | null; itemTitle: string } | null;
}

export interface RequestSummary {
  made: number;
  granted: number;
  withdrawn: number;
  removed: number;
  /** Left in the queue when the step ended. */
  unheard: number;
  /**
   * Waiting when the list of speakers was closed: those that left the queue since, and those
   * still waiting behind the closed list now.
   */
  waitingAtClose: number;
}

export interface ReportSection extends Tally {
  byCategory: Record<CategoryKey, Tally>;
  byDelegation: DelegationTally[];
  bySex: Record<SexKey, Tally>;
  overtime: OvertimeSummary;
  requests: RequestSummary;
}

/** A request nobody heard: still waiting now, or left in its queue when its step ended. */
export interface LeftWaiting {
  id: string;
  delegationId: string;
  delegationName: string;
  speakerName?: string;
  /** When the delegation asked for the floor. */
  requestedAt: number;
  itemId: string;
  itemTitle: string;
  stepId: string;
  stepTitle: string;
  /** When its step ended; absent for a request still waiting now. */
  endedAt?: number;
  /** The list of speakers was closed while it waited. */
  waitingAtClose: boolean;
}

export interface Report {
  title: string;
  meeting: ReportSection;
  items: { itemId: string; title: string; section: ReportSection }[];
  schedule: ItemSchedule[];
  /** Who was left waiting, by name: the counts alone do not say who to call first next time. */
  leftWaiting: { now: LeftWaiting[]; unheard: LeftWaiting[] };
}

/** A request in the queue now, as the report needs it (the queue's own fields and its step). */
export interface WaitingNow {
  id: string;
  itemId: string;
  stepId: string;
  delegationId: string;
  delegationName: string;
  speakerName?: string;
  requestedAt: number;
  waitingAtClose: boolean;
}

export const CATEGORY_KEYS: readonly CategoryKey[] = [
  'member-state',
  'observer',
  'un-system',
  'stakeholder',
  'none',
];
export const SEX_KEYS: readonly SexKey[] = ['female', 'male', 'other', 'not-given'];

const emptyTally = (): Tally => ({ turns: 0, spokenMs: 0 });
const add = (t: Tally, turn: TurnRecord) => {
  t.turns += 1;
  t.spokenMs += turn.spokenMs;
};

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
};

export const sectionOf = (
  turns: readonly TurnRecord[],
  requests: readonly RequestRecord[],
  waiting: readonly WaitingNow[] = [],
): ReportSection => {
  const byCategory = Object.fromEntries(CATEGORY_KEYS.map((k) => [k, emptyTally()])) as Record<
    CategoryKey,
    Tally
  >;
  const bySex = Object.fromEntries(SEX_KEYS.map((k) => [k, emptyTally()])) as Record<SexKey, Tally>;
  const delegations = new Map<string, DelegationTally>();
  const total = emptyTally();
  for (const turn of turns) {
    add(total, turn);
    add(byCategory[turn.category ?? 'none'], turn);
    add(bySex[turn.sex ?? 'not-given'], turn);
    if (turn.delegationId !== undefined) {
      let d = delegations.get(turn.delegationId);
      if (!d) {
        d = {
          delegationId: turn.delegationId,
          name: turn.delegationName ?? turn.delegationId,
          category: turn.category ?? null,
          ...emptyTally(),
        };
        delegations.set(turn.delegationId, d);
      }
      add(d, turn);
    }
  }
  const over = turns.filter((t) => t.overtimeMs > 0);
  const longestTurn = over.reduce<TurnRecord | null>(
    (best, t) => (best === null || t.overtimeMs > best.overtimeMs ? t : best),
    null,
  );
  return {
    ...total,
    byCategory,
    bySex,
    byDelegation: [...delegations.values()].sort(
      (a, b) => b.spokenMs - a.spokenMs || a.name.localeCompare(b.name),
    ),
    overtime: {
      count: over.length,
      medianMs: median(over.map((t) => t.overtimeMs)),
      longestMs: longestTurn?.overtimeMs ?? 0,
      longest: longestTurn && {
        speakerName: longestTurn.speakerName,
        delegationName: longestTurn.delegationName ?? null,
        itemTitle: longestTurn.itemTitle,
      },
    },
    requests: {
      made: requests.length,
      granted: requests.filter((r) => r.outcome === 'granted').length,
      withdrawn: requests.filter((r) => r.outcome === 'withdrawn').length,
      removed: requests.filter((r) => r.outcome === 'removed').length,
      unheard: requests.filter((r) => r.outcome === 'unheard').length,
      // Those still waiting behind a closed list count too: they were waiting when it closed.
      waitingAtClose:
        requests.filter((r) => r.waitingAtClose).length +
        waiting.filter((r) => r.waitingAtClose).length,
    },
  };
};

export interface ReportInput {
  agenda: Agenda;
  turns: readonly TurnRecord[];
  requests: readonly RequestRecord[];
  steps: readonly StepRecord[];
  /** The requests in the queue now. */
  waiting: readonly WaitingNow[];
  current: { itemId: string; stepId: string; startedAt: number } | null;
  now: number;
}

/** Titles of an item and a step as the agenda has them now; the ids when they are gone. */
const titlesIn = (agenda: Agenda) => (itemId: string, stepId: string) => {
  const item = agenda.items.find((i) => i.id === itemId);
  return {
    itemTitle: item?.title ?? itemId,
    stepTitle: item?.steps.find((s) => s.id === stepId)?.title ?? stepId,
  };
};

const leftWaiting = (input: ReportInput): Report['leftWaiting'] => {
  const titles = titlesIn(input.agenda);
  const entry = (r: RequestRecord | WaitingNow, endedAt?: number): LeftWaiting => ({
    id: r.id,
    delegationId: r.delegationId,
    delegationName: r.delegationName,
    ...(r.speakerName !== undefined && { speakerName: r.speakerName }),
    requestedAt: r.requestedAt,
    itemId: r.itemId,
    stepId: r.stepId,
    ...titles(r.itemId, r.stepId),
    ...(endedAt !== undefined && { endedAt }),
    waitingAtClose: r.waitingAtClose,
  });
  return {
    now: input.waiting.map((r) => entry(r)),
    unheard: input.requests.filter((r) => r.outcome === 'unheard').map((r) => entry(r, r.endedAt)),
  };
};

export const buildReport = (input: ReportInput): Report => {
  const { agenda, turns, requests, waiting } = input;
  return {
    title: agenda.title,
    meeting: sectionOf(turns, requests, waiting),
    items: agenda.items.map((item) => ({
      itemId: item.id,
      title: item.title,
      section: sectionOf(
        turns.filter((t) => t.itemId === item.id),
        requests.filter((r) => r.itemId === item.id),
        waiting.filter((r) => r.itemId === item.id),
      ),
    })),
    schedule: scheduleAt({
      agenda,
      held: input.steps,
      current: input.current,
      now: input.now,
    }).items,
    leftWaiting: leftWaiting(input),
  };
};
