import { useMemo } from 'react';
import { useLang } from '../i18n/languages';
import { type MeetingTimes, meetingTimes } from './meetingTimes';

/** The meeting's times in the page's language (formatters made once per language and zone). */
export const useMeetingTimes = (timeZone: string): MeetingTimes => {
  const lang = useLang();
  return useMemo(() => meetingTimes(lang, timeZone), [lang, timeZone]);
};
