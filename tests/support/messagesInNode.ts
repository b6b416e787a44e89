import { type I18n, type Messages, setupI18n } from '@lingui/core';
import type { Area } from '../../client/i18n/areas';
import { localeOf } from '../../client/i18n/i18n';
import type { Lang } from '../../shared/protocol/langs';

/**
 * The catalogues as the browser gets them, in Node: each `.po` compiled by Lingui's Vite plugin
 * (the same plugin, the same precompiled messages as the screens' chunks), loaded into an i18n of
 * its own and activated with the page's locale. A unit test says a message descriptor in any of
 * the six languages with `i18n._(descriptor)`.
 */
const CATALOGUES = import.meta.glob<{ messages: Messages }>('../../client/locales/*/*.po');

export const i18nIn = async (lang: Lang, areas: readonly Area[]): Promise<I18n> => {
  const i18n = setupI18n();
  for (const area of areas) {
    const load = CATALOGUES[`../../client/locales/${lang}/${area}.po`];
    if (!load) throw new Error(`no catalogue ${lang}/${area}`);
    i18n.load(lang, (await load()).messages);
  }
  i18n.activate(lang, [localeOf(lang), 'en']);
  return i18n;
};
