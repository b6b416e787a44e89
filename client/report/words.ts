import { useMemo } from 'react';
import { formatDuration } from '../../shared/clock/turnClock';
import type { RequestKind } from '../../shared/protocol/common';
import type { MeetingView } from '../../shared/protocol/view';
import type { CategoryKey, SexKey, Tally, TurnKind } from '../../shared/report/report';
import { clockTimeOf } from '../../shared/schedule/zonedTime';
import { localeOf } from '../i18n/i18n';
import { useLang } from '../i18n/languages';
import { type NameOf, useNames } from '../i18n/names';
import { type T, useT } from '../i18n/useT';
import { dateOf } from '../meeting/schedule';

/**
 * The words of the report, in the page's language (the catalogue area `report`): the maps give
 * message ids, `useReportWords` the helpers that fill them. Numbers and long dates go through
 * Intl in the page's locale (`localeOf`); durations are clock figures (`12:30`), and the tables'
 * days and times are the ISO figures of the record (`2026-07-24 10:42`), the same in every
 * language, as the CSV exports have them; both read left to right in Arabic too.
 */

export const CATEGORY_WORDS: Record<CategoryKey, string> = {
  'member-state': 'report.category-member-state',
  observer: 'report.category-observer',
  igo: 'report.category-igo',
  'un-system': 'report.category-un-system',
  stakeholder: 'report.category-stakeholder',
  group: 'report.category-group',
  none: 'report.category-none',
};

/** The kinds of intervention, in the room's words. */
export const TURN_KIND_WORDS: Record<TurnKind, string> = {
  speaker: 'report.kind-speaker',
  statement: 'report.kind-statement',
  'group-statement': 'report.kind-group-statement',
  reply: 'report.kind-reply',
  'point-of-order': 'report.kind-point-of-order',
};

export const SEX_WORDS: Record<SexKey, string> = {
  female: 'report.sex-female',
  male: 'report.sex-male',
  other: 'report.sex-other',
  'not-given': 'report.sex-not-given-label',
};

/** What a request asked for: one of them. */
export const REQUEST_KIND_WORDS: Record<RequestKind, string> = {
  statement: 'report.request-statement',
  reply: 'report.request-reply',
  'point-of-order': 'report.request-point-of-order',
};

/** Where the meeting stands, as the report's header says it. */
export const STATUS_WORDS: Record<MeetingView['status'], string> = {
  pending: 'report.status-pending',
  running: 'report.status-running',
  suspended: 'report.status-suspended',
  closed: 'report.status-closed',
};

/** "2026-07-24 10:42": a day and a time in the meeting's time zone, as the record has them. */
export const dayAndTime = (instant: number, zone: string): string =>
  `${dateOf(instant, zone)} ${clockTimeOf(instant, zone)}`;

export { formatDuration };

export interface ReportWords {
  t: T;
  names: NameOf;
  /** A count in the page's locale. */
  number: (n: number) => string;
  /** "4 interventions, 12:30": how many, and for how long. */
  tallyWords: (tally: Tally) => string;
  /** "4 · 12:30" beside a bar: figures only. */
  tallyShort: (tally: Tally) => string;
  /** "Friday 24 July 2026": a day of the schedule (`YYYY-MM-DD`) in the page's language. */
  longDay: (day: string) => string;
  /** "Friday 24 July 2026 at 10:42": an instant in the meeting's time zone. */
  longDayAndTime: (instant: number, zone: string) => string;
  /** "Morocco (Ms. Amina Alaoui)": a delegation, and its speaker when named apart. */
  who: (
    speakerName: string,
    delegationId: string | null | undefined,
    delegationName: string | null | undefined,
  ) => string;
}

export const useReportWords = (): ReportWords => {
  const t = useT();
  const names = useNames();
  const lang = useLang();
  return useMemo(() => {
    const locale = localeOf(lang);
    const numbers = new Intl.NumberFormat(locale);
    const number = (n: number) => numbers.format(n);
    // A calendar day is the same everywhere: formatted at noon in UTC, it never moves a day.
    const days = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
    const longDay = (day: string) => {
      const instant = Date.parse(`${day}T12:00:00Z`);
      return Number.isNaN(instant) ? day : days.format(instant);
    };
    return {
      t,
      names,
      number,
      tallyWords: (tally) =>
        t('report.tally', { count: tally.turns, time: formatDuration(tally.spokenMs) }),
      tallyShort: (tally) => `${number(tally.turns)} · ${formatDuration(tally.spokenMs)}`,
      longDay,
      longDayAndTime: (instant, zone) =>
        new Intl.DateTimeFormat(locale, {
          dateStyle: 'full',
          timeStyle: 'short',
          hourCycle: 'h23',
          timeZone: zone,
        }).format(instant),
      who: (speakerName, delegationId, delegationName) => {
        if (!delegationName) return speakerName;
        const delegation =
          delegationId === null || delegationId === undefined
            ? delegationName
            : names.delegation(delegationId, delegationName);
        return delegationName !== speakerName
          ? t('report.delegation-and-speaker', { delegation, speaker: speakerName })
          : delegation;
      },
    };
  }, [t, names, lang]);
};
