import { useMemo } from 'react';
import { i18n } from '../i18n/i18n';
import { useLang } from '../i18n/languages';
import { useNames } from '../i18n/names';
import { useT } from '../i18n/useT';
import { type RefusalWords, refusalWordsIn } from './refusalWords';

/**
 * How this screen says a refusal (`refusalWordsIn`): in its language, with the names its roster
 * brings. The words change with the language and with the names.
 */
export const useRefusalWords = (): RefusalWords => {
  const t = useT();
  const names = useNames();
  const lang = useLang();
  return useMemo(
    () => refusalWordsIn({ t, known: (id) => i18n.messages[id] !== undefined, names, lang }),
    [t, names, lang],
  );
};
