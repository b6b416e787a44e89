import { useSyncExternalStore } from 'react';

/**
 * Whether this device's consoles answer the single-key shortcuts. Some officers type into other
 * windows, or use a screen reader whose own keys would collide: they turn them off, and the choice
 * stays with the device (localStorage), for every meeting and every console.
 */

const KEY = 'rostrum.shortcuts';

const listeners = new Set<() => void>();

const read = (): boolean => {
  try {
    return window.localStorage.getItem(KEY) !== 'off';
  } catch {
    // Storage refused (a locked-down kiosk): the shortcuts stay on, as they were.
    return true;
  }
};

export const setShortcutsOn = (on: boolean): void => {
  try {
    window.localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Not remembered: nothing else to do.
  }
  for (const listener of listeners) listener();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  // Another console of this device changed it.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
};

export const useShortcutsOn = (): boolean => useSyncExternalStore(subscribe, read);
