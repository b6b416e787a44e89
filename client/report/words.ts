import { CATEGORY_LABEL } from '../../shared/categories';
import { formatDuration } from '../../shared/clock/turnClock';
import type { CategoryKey, SexKey, Tally, TurnKind } from '../../shared/report/report';
import { clockTimeOf } from '../../shared/schedule/zonedTime';
import { dateOf } from '../meeting/schedule';

/** The words of the report. */

export const CATEGORY_WORDS: Record<CategoryKey, string> = {
  ...CATEGORY_LABEL,
  group: 'On behalf of groups',
  none: 'Scheduled speakers',
};

/** The kinds of intervention, in the room's words (client/meeting/requestWords.ts). */
export const TURN_KIND_WORDS: Record<TurnKind, string> = {
  speaker: 'Scheduled speakers',
  statement: 'Statements',
  'group-statement': 'Statements on behalf of groups',
  reply: 'Rights of reply',
  'point-of-order': 'Points of order',
};

export const SEX_WORDS: Record<SexKey, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  'not-given': 'Not given',
};

export const plural = (n: number, one: string, many: string): string =>
  `${n} ${n === 1 ? one : many}`;

/** "4 interventions, 12:30": how many, and for how long. */
export const tallyWords = (t: Tally): string =>
  `${plural(t.turns, 'intervention', 'interventions')}, ${formatDuration(t.spokenMs)}`;

/** "4 · 12:30" beside a bar. */
export const tallyShort = (t: Tally): string => `${t.turns} · ${formatDuration(t.spokenMs)}`;

/** "2026-07-24 10:42": a day and a time in the meeting's time zone. */
export const dayAndTime = (instant: number, zone: string): string =>
  `${dateOf(instant, zone)} ${clockTimeOf(instant, zone)}`;

export { formatDuration };
