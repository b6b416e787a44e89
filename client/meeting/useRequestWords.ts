import { useMemo } from 'react';
import { useLang } from '../i18n/languages';
import { useNames } from '../i18n/names';
import { useT } from '../i18n/useT';
import { type RequestWords, requestWords } from './requestWords';

/** The room's words in the page's language (see `RequestWords`), for a screen. */
export const useRequestWords = (): RequestWords => {
  const t = useT();
  const names = useNames();
  const lang = useLang();
  return useMemo(() => requestWords(t, names, lang), [t, names, lang]);
};
