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
  return deviceLang();
};

/** The device's own language now: the address, what it kept, the browser, English. */
export const deviceLang = (): Lang => langInAddress() ?? keptLang() ?? browserLang() ?? 'en';

/**
 * The language a room screen of this device (display, podium, overlay) is pinned to, whatever the
 * chair chooses: picked on the display's own menu, kept apart from the device's language so that
 * a laptop that is also a chair's console does not pin its projector by choosing its own.
 */
const ROOM_KEY = 'rostrum.room-lang';

export const keptRoomLang = (): Lang | null => {
  try {
    const kept = window.localStorage.getItem(ROOM_KEY);
    return isLang(kept) ? kept : null;
  } catch {
    return null;
  }
};

/** Pins the room screens of this device to `lang`; null follows the chair's choice again. */
export const keepRoomLang = (lang: Lang | null): void => {
  try {
    if (lang === null) window.localStorage.removeItem(ROOM_KEY);
    else window.localStorage.setItem(ROOM_KEY, lang);
  } catch {
    // Storage refused: the pin holds for this page only (languages.tsx keeps it too).
  }
};

/** Takes `?lang=` out of the address (the display's menu has the last word), keeping the rest. */
export const dropLangFromAddress = (): void => {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('lang')) return;
  url.searchParams.delete('lang');
  window.history.replaceState(window.history.state, '', url);
};
