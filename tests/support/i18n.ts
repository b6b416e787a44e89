import { type I18n, type Messages, setupI18n } from '@lingui/core';
import { AREAS, type Area } from '../../client/i18n/areas';
import { localeOf } from '../../client/i18n/i18n';
import type { NameOf } from '../../client/i18n/names';
import { type RequestWords, requestWords } from '../../client/meeting/requestWords';
import { LANGS, type Lang } from '../../shared/protocol/langs';

/**
 * The catalogues as the browser gets them, in Node: each `.po` compiled by Lingui's Vite plugin
 * (the test runner uses the build's plugins: the same precompiled messages as the screens'
 * chunks), loaded into an i18n of its own and activated with the page's locale. A test says a
 * message in any of the six languages with `i18n._(id, values)` or `i18n._(descriptor)`.
 */
const CATALOGUES = import.meta.glob<{ messages: Messages }>('../../client/locales/*/*.po');

/** The messages of `areas` (every area unless told) in `lang`. */
export const i18nIn = async (lang: Lang, areas: readonly Area[] = AREAS): Promise<I18n> => {
  const i18n = setupI18n();
  for (const area of areas) {
    const load = CATALOGUES[`../../client/locales/${lang}/${area}.po`];
    if (!load) throw new Error(`no catalogue ${lang}/${area}`);
    i18n.load(lang, (await load()).messages);
  }
  i18n.activate(lang, [localeOf(lang), 'en']);
  return i18n;
};

/** The messages of `areas` in each of the six languages, loaded at once for tests that say many. */
export const i18nsOf = async (areas: readonly Area[]): Promise<Record<Lang, I18n>> =>
  Object.fromEntries(
    await Promise.all(LANGS.map(async (lang) => [lang, await i18nIn(lang, areas)] as const)),
  ) as Record<Lang, I18n>;

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
