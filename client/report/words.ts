import { CATEGORY_LABEL } from '../../shared/categories';
import { formatDuration } from '../../shared/clock/turnClock';
import type { CategoryKey, SexKey, Tally } from '../../shared/report/report';

/** The words of the report. */

export const CATEGORY_WORDS: Record<CategoryKey, string> = {
  ...CATEGORY_LABEL,
  none: 'Scheduled speakers',
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

export { formatDuration };
