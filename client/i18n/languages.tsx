import { I18nProvider } from '@lingui/react';
import { type ReactNode, useEffect, useSyncExternalStore } from 'react';
import type { Lang } from '../../shared/protocol/langs';
import type { Area } from './areas';
import { activate, i18n, isLoaded, loadAreas } from './i18n';
import {
  deviceLang,
  dropLangFromAddress,
  keepLang,
  keepRoomLang,
  keptRoomLang,
  langInAddress,
  startingLang,
} from './lang';

/**
 * The page's language and the catalogue areas its screens need. The language changes only once
 * every area shown is loaded in the new one, so a screen never flashes ids or a half-translated
 * page; until then it stays in the language it had.
 */
let wanted: Lang = startingLang();
let shown: Lang | null = null;
const areas = new Map<Area, number>();
const listeners = new Set<() => void>();
let version = 0;

const changed = () => {
  version++;
  for (const listener of listeners) listener();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Loads what the wanted language lacks, then shows it (unless another was wanted meanwhile). */
const settle = async (): Promise<void> => {
  const target = wanted;
  try {
    await loadAreas(target, ['common', ...areas.keys()]);
  } catch {
    // A catalogue that cannot be fetched (the server restarting): the next change tries again,
    // and the page keeps the language it shows.
    return;
  }
  if (target !== wanted) return;
  if (shown !== target) {
    activate(target);
    shown = target;
  }
  changed();
};

// The shell's messages, from the first moment: Lingui's provider renders nothing until a
// language is active.
void settle();

/** The device's own choice, from its language menu: shown now, kept for next time. */
export const chooseLang = (lang: Lang): void => {
  keepLang(lang);
  wanted = lang;
  void settle();
};

/** Wants `lang`, unless the page shows it already. */
const want = (lang: Lang): void => {
  if (lang === wanted && shown === lang) return;
  wanted = lang;
  void settle();
};

/**
 * The room screens' language (the display, the podium, the overlay; contract version 2,
 * "Languages"). They follow the chair's `display.lang`, unless this device pins a language:
 * `?lang=` in the screen's address (an overflow room's projector in French), else one picked on
 * the display's own menu and kept on the device until "Follow the chair's choice" is picked there.
 * Picking on the menu takes `?lang=` out of the address, so the last choice made on the device is
 * the one that holds. The room's language is never kept as the device's own: once no room screen
 * is shown (the display left the meeting), the page goes back to the device's language.
 */
let roomScreens = 0;
/** The chair's `display.lang`, as the last room screen's view said it. */
let chairLang: Lang | null = null;
/** The menu's pin, read once from the device (and kept here if storage refuses it). */
let roomPin: Lang | null = keptRoomLang();

const roomPinned = (): Lang | null => langInAddress() ?? roomPin;

const followRoom = (): void => {
  const next = roomPinned() ?? chairLang;
  if (next) want(next);
};

/**
 * Makes the page a room screen following `roomLang` (the view's `display.lang`; undefined until
 * the view arrives, when only a pin applies).
 */
export const useRoomLang = (roomLang: Lang | undefined): void => {
  useEffect(() => {
    roomScreens++;
    return () => {
      roomScreens--;
      if (roomScreens > 0) return;
      chairLang = null;
      want(deviceLang());
    };
  }, []);
  useEffect(() => {
    if (roomLang !== undefined) chairLang = roomLang;
    followRoom();
  }, [roomLang]);
};

/** Pins this device's room screens to `lang`, or (null) follows the chair's choice again. */
export const pinRoomLang = (lang: Lang | null): void => {
  roomPin = lang;
  keepRoomLang(lang);
  dropLangFromAddress();
  followRoom();
  changed();
};

/** The language this device's room screens are pinned to; null while they follow the chair. */
export const useRoomPin = (): Lang | null => {
  useSyncExternalStore(subscribe, () => version);
  return roomPinned();
};

/** The language the page shows now (English until the first catalogue arrives). */
export const useLang = (): Lang => {
  useSyncExternalStore(subscribe, () => version);
  return shown ?? wanted;
};

/** The language this device's menu would show as chosen. */
export const useWantedLang = (): Lang => {
  useSyncExternalStore(subscribe, () => version);
  return wanted;
};

/**
 * Renders its children once the areas are loaded in the page's language; meanwhile nothing (a
 * catalogue is a few kilobytes from the laptop in the room: a frame or two).
 */
export const Catalogues = ({
  areas: needed,
  children,
}: {
  areas: readonly Area[];
  children: ReactNode;
}) => {
  useSyncExternalStore(subscribe, () => version);
  const key = needed.join(' ');
  useEffect(() => {
    const mine = key.split(' ') as Area[];
    for (const area of mine) areas.set(area, (areas.get(area) ?? 0) + 1);
    void settle();
    return () => {
      for (const area of mine) {
        const left = (areas.get(area) ?? 1) - 1;
        if (left > 0) areas.set(area, left);
        else areas.delete(area);
      }
    };
  }, [key]);
  return shown && isLoaded(shown, needed) ? children : null;
};

/** The root of the page: Lingui's provider, once the shell's own messages are there. */
export const Languages = ({ children }: { children: ReactNode }) => (
  <I18nProvider i18n={i18n}>
    <Catalogues areas={['common']}>{children}</Catalogues>
  </I18nProvider>
);
