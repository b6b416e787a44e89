import { CATEGORIES } from '../categories';
import type { Agenda } from '../protocol/agenda';
import type { Category, RequestKind, Sex } from '../protocol/common';
import type { OnBehalfOf, RequestRecord, StepRecord, TurnRecord } from '../protocol/view';
import { type ItemSchedule, scheduleAt } from '../schedule/schedule';

/**
 * The co-chairs' report: who spoke, how long, by category, delegation, group and sex, the
 * rights of reply and the points of order, overtime, what became of the requests, and the
 * schedule as planned against as held. Pure: from the record.
 *
 * A statement made on behalf of a group is the group's: it counts under the group (`byGroup`,
 * and the category `group`), never as the speaking delegation's own time. Replies and points of
 * order are the delegation's own, and have their own tallies besides (`replies`,
 * `pointsOfOrder`, `byKind`).
 */

export interface Tally {
  turns: number;
  spokenMs: number;
}

/**
 * Scheduled speakers who speak for no delegation have no category; a statement on behalf of a
 * group counts under `group`, whatever the category of the delegation that made it.
 */
export type CategoryKey = Category | 'group' | 'none';
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
  /** The delegation's id names it in the report's language (the roster's `names`). */
  longest: {
    speakerName: string;
    delegationId: string | null;
    delegationName: string | null;
    itemTitle: string;
  } | null;
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

/**
 * What a turn was: a scheduled speaker's (or one given the floor by name for no delegation), a
 * delegation's statement, a statement on behalf of a group, a right of reply, a point of order.
 */
export type TurnKind = 'speaker' | 'statement' | 'group-statement' | 'reply' | 'point-of-order';

/** A group's statements: how many, how long, and which delegations made them. */
export interface GroupTally extends Tally {
  groupId: string;
  name: string;
  /** The delegations that spoke for the group, most time first. */
  speakers: DelegationTally[];
}

/** The rights of reply: in all, and by delegation, most time first. */
export interface RepliesSummary extends Tally {
  byDelegation: DelegationTally[];
}

/** The turn a point of order interrupted, as the record tells it. */
export interface InterruptedTurn {
  turnId: string;
  speakerName: string;
  /** The delegation's id names it in the report's language (the roster's `names`). */
  delegationId?: string;
  delegationName?: string;
  onBehalfOf?: OnBehalfOf;
  kind: RequestKind;
}

/** One point of order: who raised it, where, when, for how long, and what it interrupted. */
export interface PointOfOrderEntry {
  turnId: string;
  delegationId: string | null;
  delegationName: string | null;
  speakerName: string;
  itemId: string;
  itemTitle: string;
  stepTitle: string;
  startedAt: number;
  spokenMs: number;
  /** Null when nobody was speaking as it was raised. */
  interrupted: InterruptedTurn | null;
}

export interface PointsOfOrderSummary extends Tally {
  /** In the order they were raised. */
  list: PointOfOrderEntry[];
}

export interface ReportSection extends Tally {
  byCategory: Record<CategoryKey, Tally>;
  /** Every delegation's time in its own name: group statements are not in it. */
  byDelegation: DelegationTally[];
  /** Statements on behalf of groups, by group, most time first. */
  byGroup: GroupTally[];
  byKind: Record<TurnKind, Tally>;
  replies: RepliesSummary;
  pointsOfOrder: PointsOfOrderSummary;
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
  /** What it asked for; a statement may be on behalf of a group. */
  kind: RequestKind;
  onBehalfOf?: OnBehalfOf;
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
  kind: RequestKind;
  onBehalfOf?: OnBehalfOf;
  requestedAt: number;
  waitingAtClose: boolean;
}

/** Every category of the roster (from the one list, so a new category is never left out). */
export const CATEGORY_KEYS: readonly CategoryKey[] = [...CATEGORIES, 'group', 'none'];
export const TURN_KINDS: readonly TurnKind[] = [
  'speaker',
  'statement',
  'group-statement',
  'reply',
  'point-of-order',
];
export const SEX_KEYS: readonly SexKey[] = ['female', 'male', 'other', 'not-given'];

const emptyTally = (): Tally => ({ turns: 0, spokenMs: 0 });
const add = (t: Tally, turn: TurnRecord) => {
  t.turns += 1;
  t.spokenMs += turn.spokenMs;
};
const tallies = <K extends string>(keys: readonly K[]): Record<K, Tally> =>
  Object.fromEntries(keys.map((k) => [k, emptyTally()])) as Record<K, Tally>;

/** Most time first, then by name: the order of every list of the report. */
const byTime = <T extends Tally & { name: string }>(list: Iterable<T>): T[] =>
  [...list].sort((a, b) => b.spokenMs - a.spokenMs || a.name.localeCompare(b.name));

/** Tallies by delegation, each made when its first turn comes. */
class DelegationTallies {
  private readonly byId = new Map<string, DelegationTally>();

  add(delegationId: string, turn: TurnRecord): void {
    let d = this.byId.get(delegationId);
    if (!d) {
      d = {
        delegationId,
        name: turn.delegationName ?? delegationId,
        category: turn.category ?? null,
        ...emptyTally(),
      };
      this.byId.set(delegationId, d);
    }
    add(d, turn);
  }

  list(): DelegationTally[] {
    return byTime(this.byId.values());
  }
}

export const turnKindOf = (turn: TurnRecord): TurnKind => {
  if (turn.kind === 'reply' || turn.kind === 'point-of-order') return turn.kind;
  if (turn.onBehalfOf !== undefined) return 'group-statement';
  // A scheduled speaker may speak for a delegation too: the agenda's id says it is theirs.
  return turn.delegationId !== undefined && turn.speakerId === undefined ? 'statement' : 'speaker';
};

/**
 * The turn each point of order interrupted, by the point of order's id. The record has no link
 * between them, but its order tells: turns are recorded as they end, and the turn a point of
 * order interrupts is kept while it speaks and ends after it. So it is the first turn recorded
 * after the point of order, in the same step, that had started by the time it was raised (any
 * turn that started before and ended before was recorded before). Another point of order is
 * never the one interrupted: a point of order raised during one ends it.
 */
export const interruptedTurns = (turns: readonly TurnRecord[]): Map<string, TurnRecord> => {
  const found = new Map<string, TurnRecord>();
  turns.forEach((point, i) => {
    if (point.kind !== 'point-of-order') return;
    const interrupted = turns
      .slice(i + 1)
      .find(
        (t) =>
          t.kind !== 'point-of-order' &&
          t.itemId === point.itemId &&
          t.stepId === point.stepId &&
          t.startedAt <= point.startedAt,
      );
    if (interrupted) found.set(point.id, interrupted);
  });
  return found;
};

const pointsOfOrderIn = (turns: readonly TurnRecord[]): PointsOfOrderSummary => {
  const points = turns.filter((t) => t.kind === 'point-of-order');
  const interrupted = interruptedTurns(turns);
  const total = emptyTally();
  for (const t of points) add(total, t);
  return {
    ...total,
    list: points
      .map((t): PointOfOrderEntry => {
        const i = interrupted.get(t.id);
        return {
          turnId: t.id,
          delegationId: t.delegationId ?? null,
          delegationName: t.delegationName ?? null,
          speakerName: t.speakerName,
          itemId: t.itemId,
          itemTitle: t.itemTitle,
          stepTitle: t.stepTitle,
          startedAt: t.startedAt,
          spokenMs: t.spokenMs,
          interrupted: i
            ? {
                turnId: i.id,
                speakerName: i.speakerName,
                ...(i.delegationId !== undefined && { delegationId: i.delegationId }),
                ...(i.delegationName !== undefined && { delegationName: i.delegationName }),
                ...(i.onBehalfOf !== undefined && { onBehalfOf: i.onBehalfOf }),
                kind: i.kind,
              }
            : null,
        };
      })
      .sort((a, b) => a.startedAt - b.startedAt),
  };
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
  const byCategory = tallies(CATEGORY_KEYS);
  const bySex = tallies(SEX_KEYS);
  const byKind = tallies(TURN_KINDS);
  const delegations = new DelegationTallies();
  const groups = new Map<string, { tally: GroupTally; speakers: DelegationTallies }>();
  const replies = { total: emptyTally(), delegations: new DelegationTallies() };
  const total = emptyTally();
  for (const turn of turns) {
    add(total, turn);
    add(bySex[turn.sex ?? 'not-given'], turn);
    add(byKind[turnKindOf(turn)], turn);
    const group = turn.onBehalfOf;
    if (group) {
      // The group's time, not the delegation's: it spoke for the group.
      add(byCategory.group, turn);
      let g = groups.get(group.id);
      if (!g) {
        g = {
          tally: { groupId: group.id, name: group.name, ...emptyTally(), speakers: [] },
          speakers: new DelegationTallies(),
        };
        groups.set(group.id, g);
      }
      add(g.tally, turn);
      if (turn.delegationId !== undefined) g.speakers.add(turn.delegationId, turn);
      continue;
    }
    add(byCategory[turn.category ?? 'none'], turn);
    if (turn.delegationId !== undefined) delegations.add(turn.delegationId, turn);
    if (turn.kind === 'reply') {
      add(replies.total, turn);
      if (turn.delegationId !== undefined) replies.delegations.add(turn.delegationId, turn);
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
    byDelegation: delegations.list(),
    byGroup: byTime(
      [...groups.values()].map(({ tally, speakers }) => ({ ...tally, speakers: speakers.list() })),
    ),
    byKind,
    replies: { ...replies.total, byDelegation: replies.delegations.list() },
    pointsOfOrder: pointsOfOrderIn(turns),
    overtime: {
      count: over.length,
      medianMs: median(over.map((t) => t.overtimeMs)),
      longestMs: longestTurn?.overtimeMs ?? 0,
      longest: longestTurn && {
        speakerName: longestTurn.speakerName,
        delegationId: longestTurn.delegationId ?? null,
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
    kind: r.kind,
    ...(r.onBehalfOf !== undefined && { onBehalfOf: r.onBehalfOf }),
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
