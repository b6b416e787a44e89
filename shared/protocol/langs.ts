/**
 * The six languages of the United Nations (contract version 2, "Languages"), in the UN's order:
 * Arabic, Chinese, English, French, Russian, Spanish. No zod here: every screen reads this.
 */
export const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Lang = (typeof LANGS)[number];

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
