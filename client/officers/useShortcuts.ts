import { useEffect, useRef } from 'react';
import { letGoOfFocus } from '../components/focusHandoff';

/**
 * The letters of the shortcuts, as printed on the key (and as `aria-keyshortcuts` names them).
 * On a keyboard whose layout is not Latin (Russian, Arabic) the key that prints N types "т" or
 * "ى": the shortcut is that key all the same, found by its place (`KeyboardEvent.code`).
 */
export const SHORTCUT_KEYS = { nextSpeaker: 'N', clearCue: 'C' } as const;
const PLACES: Record<(typeof SHORTCUT_KEYS)[keyof typeof SHORTCUT_KEYS], string> = {
  N: 'KeyN',
  C: 'KeyC',
};

/** Whether a key press is the key of `letter`: the letter typed, or its key on another script. */
const isKey = (event: KeyboardEvent, letter: keyof typeof PLACES): boolean =>
  event.key.toLowerCase() === letter.toLowerCase() ||
  (!/^[a-z]$/i.test(event.key) && event.code === PLACES[letter]);

export interface Shortcuts {
  /** Space. */
  togglePause?: (() => void) | null;
  /** N. */
  nextSpeaker?: (() => void) | null;
  /** Shift+N: asks first, it cannot be undone. */
  askNextStep?: (() => void) | null;
  /** C: clears the cue to the speaker. */
  clearCue?: (() => void) | null;
}

/** What takes keys of its own: the native controls and the ARIA widgets. */
const CONTROLS = [
  'a[href]',
  'button',
  'input',
  'select',
  'textarea',
  'summary',
  'iframe',
  '[contenteditable]:not([contenteditable="false"])',
  ...[
    'button',
    'link',
    'checkbox',
    'radio',
    'switch',
    'tab',
    'menuitem',
    'option',
    'slider',
    'spinbutton',
    'textbox',
    'combobox',
    'listbox',
    'gridcell',
  ].map((role) => `[role="${role}"]`),
].join(',');

/**
 * Whether a control has the keyboard: then Space and Enter are the control's (Space on "+30 s"
 * adds time, it does not pause the speaker), and a letter may be typing.
 */
const aControlHasTheFocus = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest(CONTROLS) !== null;

/** A button or a link hands the keyboard back to the page on Escape; a field keeps it. */
const letsGoOnEscape = (target: EventTarget | null): target is HTMLElement =>
  target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;

/**
 * The consoles' single-key shortcuts. They act only when no control has the focus (the focus is
 * on the page itself, or on text), and only while `on` (a device may turn them off).
 */
export const useShortcuts = (shortcuts: Shortcuts, on: boolean): void => {
  const current = useRef(shortcuts);
  current.current = shortcuts;

  useEffect(() => {
    if (!on) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (aControlHasTheFocus(event.target)) {
        // Escape lets go of a button, so that a keyboard alone can reach the shortcuts again.
        if (event.key === 'Escape' && letsGoOnEscape(event.target)) letGoOfFocus(event.target);
        return;
      }
      const { togglePause, nextSpeaker, askNextStep, clearCue } = current.current;
      if (event.key === ' ') {
        // Space on the page would scroll it.
        event.preventDefault();
        if (!event.repeat) togglePause?.();
      } else if (isKey(event, SHORTCUT_KEYS.nextSpeaker) && !event.repeat) {
        event.preventDefault();
        if (event.shiftKey) askNextStep?.();
        else nextSpeaker?.();
      } else if (isKey(event, SHORTCUT_KEYS.clearCue) && !event.shiftKey && !event.repeat) {
        event.preventDefault();
        clearCue?.();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [on]);
};
