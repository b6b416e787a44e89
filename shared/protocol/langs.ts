import { LANGS, type Lang } from './enums';

/**
 * The six languages of the United Nations (contract version 2, "Languages"), in the UN's order
 * (the list itself is in ./enums.ts, with the other closed word lists): what a screen needs to
 * show them. No zod here: every screen reads this.
 */
export { LANGS, type Lang };

export const isLang = (value: unknown): value is Lang =>
  typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/** Arabic is written right to left; the five others left to right. */
export const dirOf = (lang: Lang): 'rtl' | 'ltr' => (lang === 'ar' ? 'rtl' : 'ltr');

/** Each language's name in itself, for the language menu (a reader finds their own). */
export const NATIVE_NAME: Record<Lang, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};
