import { type I18n, type Messages, setupI18n } from '@lingui/core';
import { AREAS } from '../../client/i18n/areas';
import { localeOf } from '../../client/i18n/i18n';
import type { NameOf } from '../../client/i18n/names';
import { type RequestWords, requestWords } from '../../client/meeting/requestWords';
import type { Lang } from '../../shared/protocol/langs';

/**
 * A language's catalogues as a screen gets them: every area's `.po`, compiled by Lingui's Vite
 * plugin (the test runner uses the build's plugins), loaded into an i18n of its own and active in
 * the locale the page would format with.
 */
export const i18nIn = async (lang: Lang): Promise<I18n> => {
  const i18n = setupI18n();
  for (const area of AREAS) {
    const catalogue = (await import(`../../client/locales/${lang}/${area}.po`)) as {
      messages: Messages;
    };
    i18n.load(lang, catalogue.messages);
  }
  i18n.activate(lang, [localeOf(lang), 'en']);
  return i18n;
};

/** Names as the view carries them: the roster's English, as for a roster without `names`. */
export const VIEW_NAMES: NameOf = {
  delegation: (_id, english) => english,
  group: (_id, english) => english,
};

/** The room's words in a language, as `useRequestWords()` gives them to a screen. */
export const wordsIn = async (lang: Lang, names: NameOf = VIEW_NAMES): Promise<RequestWords> => {
  const i18n = await i18nIn(lang);
  return requestWords(i18n._.bind(i18n), names, lang);
};
