import { type I18n, type Messages, setupI18n } from '@lingui/core';
import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/protocol/langs';
import { localeOf } from '../i18n/i18n';

/**
 * The cards' own messages in the language they are printed in, which the chair picks on the page
 * and may differ from the page's: a second i18n instance of the `cards` catalogue only, given to
 * the cards through their own `I18nProvider`. The catalogue chunks are the ones the page's
 * instance loads (client/i18n/i18n.ts): the same modules, fetched once.
 */
const CATALOGUES = import.meta.glob<{ messages: Messages }>('../locales/*/cards.po');

export interface CardMessages {
  /** The language the cards are printed in now: the one picked, once its catalogue is there. */
  lang: Lang;
  i18n: I18n;
}

/**
 * The cards' messages in `lang` once its catalogue is there; until then the language they had (so
 * a card never mixes two), and null before the first arrives.
 */
export const useCardMessages = (lang: Lang): CardMessages | null => {
  const [made, setMade] = useState<{ lang: Lang; i18n: I18n } | null>(null);
  useEffect(() => {
    let live = true;
    const load = CATALOGUES[`../locales/${lang}/cards.po`];
    if (!load) return;
    load().then(
      ({ messages }) => {
        if (!live) return;
        const i18n = setupI18n({ locale: lang, locales: [localeOf(lang), 'en'] });
        i18n.load(lang, messages);
        i18n.activate(lang, [localeOf(lang), 'en']);
        setMade({ lang, i18n });
      },
      // The server restarting: the cards keep the language they had until another is picked.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [lang]);
  return made;
};
