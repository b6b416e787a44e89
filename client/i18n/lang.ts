import { isLang, LANGS, type Lang } from '../../shared/protocol/langs';

/**
 * Which language this device reads (contract version 2, "Languages"): what `?lang=xx` in the
 * address says (and from then on, kept), else what the device chose and kept, else the first of
 * the browser's preferred languages that is one of the six, else English.
 */
const KEY = 'rostrum.lang';

/** `?lang=xx` in the page's address, when it names one of the six. */
export const langInAddress = (): Lang | null => {
  const asked = new URLSearchParams(window.location.search).get('lang');
  return isLang(asked) ? asked : null;
};

/** The language this device kept, if any (private browsing may refuse storage: then none). */
export const keptLang = (): Lang | null => {
  try {
    const kept = window.localStorage.getItem(KEY);
    return isLang(kept) ? kept : null;
  } catch {
    return null;
  }
};

export const keepLang = (lang: Lang): void => {
  try {
    window.localStorage.setItem(KEY, lang);
  } catch {
    // Storage refused (private browsing, full): the choice holds for this page only.
  }
};

/** The first of the browser's languages (`fr-CH`, `zh-Hans-CN`...) that is one of the six. */
export const browserLang = (
  languages: readonly string[] = navigator.languages ?? [],
): Lang | null => {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    const found = LANGS.find((lang) => lang === base);
    if (found) return found;
  }
  return null;
};

/** The device's language at start: the address, what it kept, the browser, English. */
export const startingLang = (): Lang => {
  const asked = langInAddress();
  if (asked) keepLang(asked);
  return asked ?? keptLang() ?? browserLang() ?? 'en';
};
