import { elapsedAt } from '../../shared/clock/turnClock';
import type { MeetingView, OnBehalfOf, TurnRecord, TurnView } from '../../shared/protocol/view';
import { calendarDateOf, instantOf } from '../../shared/schedule/zonedTime';
import type { Timed } from '../live/useTimedValue';

/**
 * Speaking time so far, per delegation and per group, in this item and today: what the
 * moderator's console shows beside the floor (issue 14, from OpenSlides' users). Pure: from the
 * record's turns, the turns that ended since the record was read, and the turns on the floor now.
 *
 * Counted as the report counts it (shared/report/report.ts): a statement on behalf of a group is
 * the group's time, never the speaking delegation's own; replies and points of order are the
 * delegation's own. Speakers for no delegation (a scheduled expert) are in neither list.
 */

/** A turn as this count needs it: the record's, or one on the floor with its time so far. */
export interface CountedTurn {
  id: string;
  itemId: string;
  /** When it first started: it counts on that day. */
  startedAt: number;
  delegationId?: string;
  delegationName?: string;
  onBehalfOf?: OnBehalfOf;
  /** Time spoken, pauses excluded. */
  spokenMs: number;
}

export const countedFromRecord = (turn: TurnRecord): CountedTurn => ({
  id: turn.id,
  itemId: turn.itemId,
  startedAt: turn.startedAt,
  ...(turn.delegationId !== undefined && { delegationId: turn.delegationId }),
  ...(turn.delegationName !== undefined && { delegationName: turn.delegationName }),
  ...(turn.onBehalfOf !== undefined && { onBehalfOf: turn.onBehalfOf }),
  spokenMs: turn.spokenMs,
});

/** A turn of the view, in the item it is held in, with `spokenMs` spoken so far. */
export const countedFromView = (turn: TurnView, itemId: string, spokenMs: number): CountedTurn => {
  const { delegationId, delegationName, onBehalfOf } = turn.speaker;
  return {
    id: turn.id,
    itemId,
    startedAt: turn.firstStartedAt,
    ...(delegationId !== undefined && { delegationId }),
    ...(delegationName !== undefined && { delegationName }),
    ...(onBehalfOf !== undefined && { onBehalfOf }),
    spokenMs,
  };
};

/**
 * The turns on the floor now, not yet in the record: the current one, with `currentSpokenMs`
 * spoken (the console's own reading of its clock), and the one a point of order interrupted,
 * paused with its time intact.
 */
export const onTheFloor = (view: MeetingView, currentSpokenMs: number): CountedTurn[] => {
  const itemId = view.current?.itemId;
  if (itemId === undefined) return [];
  const turns: CountedTurn[] = [];
  if (view.turn) turns.push(countedFromView(view.turn, itemId, currentSpokenMs));
  if (view.interrupted) {
    turns.push(countedFromView(view.interrupted, itemId, view.interrupted.elapsedMs));
  }
  return turns;
};

/**
 * Every turn once: the record's first (it is the truth once a turn has ended), then those that
 * ended since it was read, then those on the floor. A screen may read a record that already has
 * a turn its view still shows on the floor, for the moment between the server's store and the
 * state reaching it: the record's wins.
 */
export const mergeTurns = (...sources: readonly (readonly CountedTurn[])[]): CountedTurn[] => {
  const seen = new Set<string>();
  const merged: CountedTurn[] = [];
  for (const source of sources) {
    for (const turn of source) {
      if (seen.has(turn.id)) continue;
      seen.add(turn.id);
      merged.push(turn);
    }
  }
  return merged;
};

export interface Spoken {
  turns: number;
  spokenMs: number;
}

/** One delegation's or group's time. */
export interface SpeakingRow {
  /** The delegation's or the group's id. */
  id: string;
  name: string;
  /** In the current agenda item. */
  item: Spoken;
  /** Since midnight in the meeting's time zone. */
  today: Spoken;
  /** It has the floor now (its time is still growing). */
  speaking: boolean;
}

export interface SpeakingTimes {
  delegations: SpeakingRow[];
  groups: SpeakingRow[];
}

export interface SpeakingScope {
  /** The agenda item under way; null when no step is. */
  itemId: string | null;
  /** Midnight today, in the meeting's time zone. */
  dayStart: number;
}

/** Midnight of today in the meeting's time zone: "today" is the room's day, not the device's. */
export const dayStartOf = (now: number, timeZone: string): number =>
  instantOf(calendarDateOf(now, timeZone), '00:00', timeZone);

/** Whose time a turn is: the group's for a statement on its behalf, else the delegation's. */
export const whoseTime = (
  turn: Pick<CountedTurn, 'delegationId' | 'delegationName' | 'onBehalfOf'>,
): { list: keyof SpeakingTimes; id: string; name: string } | null => {
  if (turn.onBehalfOf) {
    return { list: 'groups', id: turn.onBehalfOf.id, name: turn.onBehalfOf.name };
  }
  if (turn.delegationId === undefined) return null;
  return {
    list: 'delegations',
    id: turn.delegationId,
    name: turn.delegationName ?? turn.delegationId,
  };
};

const add = (spoken: Spoken, turn: CountedTurn) => {
  spoken.turns += 1;
  spoken.spokenMs += turn.spokenMs;
};

/**
 * The delegations and groups that have spoken today or in this item, with their time in each.
 * `speakingNow`: the turn on the floor now, whose delegation or group is marked as speaking.
 * Unsorted: the console sorts as the moderator asks (`sortRows`).
 */
export const speakingTimes = (
  turns: readonly CountedTurn[],
  scope: SpeakingScope,
  speakingNow: CountedTurn | null = null,
): SpeakingTimes => {
  const lists = {
    delegations: new Map<string, SpeakingRow>(),
    groups: new Map<string, SpeakingRow>(),
  };
  const now = speakingNow ? whoseTime(speakingNow) : null;
  for (const turn of turns) {
    const inItem = scope.itemId !== null && turn.itemId === scope.itemId;
    const today = turn.startedAt >= scope.dayStart;
    if (!inItem && !today) continue;
    const whose = whoseTime(turn);
    if (!whose) continue;
    const list = lists[whose.list];
    let row = list.get(whose.id);
    if (!row) {
      row = {
        id: whose.id,
        name: whose.name,
        item: { turns: 0, spokenMs: 0 },
        today: { turns: 0, spokenMs: 0 },
        speaking: now !== null && now.list === whose.list && now.id === whose.id,
      };
      list.set(whose.id, row);
    }
    if (inItem) add(row.item, turn);
    if (today) add(row.today, turn);
  }
  return { delegations: [...lists.delegations.values()], groups: [...lists.groups.values()] };
};

export type SpeakingSort = 'item' | 'today';

/**
 * Most time first in the chosen column, then most time in the other, then by name, in the order
 * of `locale`'s alphabet (the rows' names in the page's language).
 */
export const sortRows = (
  rows: readonly SpeakingRow[],
  by: SpeakingSort,
  locale?: string,
): SpeakingRow[] => {
  const other: SpeakingSort = by === 'item' ? 'today' : 'item';
  return [...rows].sort(
    (a, b) =>
      b[by].spokenMs - a[by].spokenMs ||
      b[other].spokenMs - a[other].spokenMs ||
      a.name.localeCompare(b.name, locale),
  );
};

/**
 * The current turn's time spoken, in whole seconds: the console's tally changes once a second
 * while the clock runs, and not at all while it is paused (one timer, at the next whole second,
 * as `useTimedValue` sets it; no frame loop).
 */
export const SPOKEN_SO_FAR: Timed<TurnView | null, number> = {
  valueAt: (turn, serverNow) => (turn ? Math.floor(elapsedAt(turn, serverNow) / 1000) * 1000 : 0),
  nextRedrawAt: (turn, offsetMs, localNow) => {
    if (turn?.status !== 'running' || turn.startedAt === null) return null;
    // Before the turn's start (this device's estimate running a little behind) it stands still.
    const from = Math.max(localNow + offsetMs, turn.startedAt);
    const spoken = elapsedAt(turn, from);
    const nextWhole = (Math.floor(spoken / 1000) + 1) * 1000;
    return from + (nextWhole - spoken) - offsetMs;
  },
  same: (a, b) => a === b,
};
