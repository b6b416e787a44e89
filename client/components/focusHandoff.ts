import { type RefCallback, useCallback, useEffect, useRef } from 'react';

/**
 * Keeps a keyboard user's place when the button they pressed goes away. Chromium drops the focus
 * to the page's top when a focused button is removed, moved, or disabled while its command waits;
 * "Close list" becomes "Reopen list", "Pause" becomes "Resume", a question's answer closes it.
 * The pressed control names the one that takes its place, and that one takes the focus when it
 * appears (or is enabled again), but only if the focus was lost meanwhile: a person who has moved
 * on to another control keeps it.
 */

let wanted: string | null = null;
let wantedAt = 0;
/**
 * A handoff not taken by then is forgotten (a command refused, a taker that stayed disabled): the
 * focus must not jump, long after the press, onto a button the person no longer expects.
 */
const HANDOFF_MS = 12_000;

const focusLost = (): boolean =>
  document.activeElement === null || document.activeElement === document.body;

if (typeof document !== 'undefined') {
  // Focus that arrives anywhere (the person moved on, or the taker took it) ends the handoff.
  document.addEventListener('focusin', () => {
    wanted = null;
  });
}

/** Called by a control as it acts: the control named `taker` should have the focus next. */
export const passFocusTo = (taker: string): void => {
  wanted = taker;
  wantedAt = Date.now();
};

/** Escape on a console: the focus leaves the control for the page, and no handoff is pending. */
export const letGoOfFocus = (element: HTMLElement): void => {
  wanted = null;
  element.blur();
};

const takeIfWanted = (taker: string, element: HTMLElement | null): void => {
  if (wanted !== taker || !element || !element.isConnected || !focusLost()) return;
  if (Date.now() - wantedAt > HANDOFF_MS) {
    wanted = null;
    return;
  }
  if (element instanceof HTMLButtonElement && element.disabled) return;
  element.focus();
  wanted = null;
};

/**
 * The ref of a control that may take the focus handed to `taker`: it takes it when it appears,
 * and after every render (a button enabled again once its command is answered).
 */
export const useTakesFocus = <T extends HTMLElement>(taker: string): RefCallback<T> => {
  const element = useRef<T | null>(null);
  useEffect(() => takeIfWanted(taker, element.current));
  return useCallback(
    (node: T | null) => {
      element.current = node;
      takeIfWanted(taker, node);
    },
    [taker],
  );
};
