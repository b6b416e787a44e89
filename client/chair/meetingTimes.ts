import type { Lang } from '../../shared/protocol/langs';
import { calendarDateOf } from '../../shared/schedule/zonedTime';
import { localeOf } from '../i18n/i18n';

/**
 * Times of day as the chair's pages show them: in the meeting's time zone (the agenda's, not the
 * laptop's: a chair in Geneva preparing a New York meeting reads New York's hours), in the page's
 * language through Intl, on the 24-hour clock every United Nations document uses. Dates are the
 * ISO calendar date (`2017-07-24`), as the report writes them: a figure of the schedule that
 * reads the same in the six languages.
 */
export interface MeetingTimes {
  /** `13:05` */
  time: (instant: number) => string;
  /** `13:05:09` */
  timeWithSeconds: (instant: number) => string;
  /** `2017-07-24` */
  date: (instant: number) => string;
}

export const meetingTimes = (lang: Lang, timeZone: string): MeetingTimes => {
  const clock = (second: boolean) =>
    new Intl.DateTimeFormat(localeOf(lang), {
      hour: '2-digit',
      minute: '2-digit',
      ...(second && { second: '2-digit' }),
      hourCycle: 'h23',
      timeZone,
    });
  const minutes = clock(false);
  const seconds = clock(true);
  return {
    time: (instant) => minutes.format(instant),
    timeWithSeconds: (instant) => seconds.format(instant),
    date: (instant) => calendarDateOf(instant, timeZone),
  };
};
