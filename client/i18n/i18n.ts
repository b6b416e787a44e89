import { type Messages, setupI18n } from '@lingui/core';
import { dirOf, type Lang } from '../../shared/protocol/langs';
import type { Area } from './areas';

/**
 * The one i18n instance of the page, and the catalogues it has loaded. Each catalogue
 * (client/locales/<lang>/<area>.po, compiled by Lingui's Vite plugin) is a chunk of its own,
 * fetched the first time a screen of that area is shown in that language.
 */
export const i18n = setupI18n();

const CATALOGUES = import.meta.glob<{ messages: Messages }>('../locales/*/*.po');
const loaded = new Set<string>();

/**
 * The locales the six languages format numbers and dates with. Arabic keeps the digits 0-9, as
 * the clocks, the codes and United Nations documents in Arabic do; Chinese is simplified Chinese.
 */
const LOCALES: Record<Lang, string> = {
  ar: 'ar-u-nu-latn',
  zh: 'zh-Hans',
  en: 'en',
  fr: 'fr',
  ru: 'ru',
  es: 'es',
};

/** Loads the areas of a language that are not loaded yet. */
export const loadAreas = async (lang: Lang, areas: readonly Area[]): Promise<void> => {
  await Promise.all(
    areas.map(async (area) => {
      const key = `${lang}/${area}`;
      if (loaded.has(key)) return;
      const load = CATALOGUES[`../locales/${key}.po`];
      if (!load) throw new Error(`no catalogue ${key}`);
      const { messages } = await load();
      i18n.load(lang, messages);
      loaded.add(key);
    }),
  );
};

export const isLoaded = (lang: Lang, areas: readonly Area[]): boolean =>
  areas.every((area) => loaded.has(`${lang}/${area}`));

/** Makes `lang` the page's language: its messages, its `<html lang dir>`. */
export const activate = (lang: Lang): void => {
  i18n.activate(lang, [LOCALES[lang], 'en']);
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
};

/** The locale `Intl` formats with in a language. */
export const localeOf = (lang: Lang): string => LOCALES[lang];
