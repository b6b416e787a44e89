import { useEffect, useRef } from 'react';

export interface Shortcuts {
  /** Space. */
  togglePause?: (() => void) | null;
  /** N. */
  nextSpeaker?: (() => void) | null;
  /** Shift+N: asks first, it cannot be undone. */
  askNextStep?: (() => void) | null;
}

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The consoles' keyboard shortcuts. Space belongs to the clock even when a button has the focus
 * (a button pressed a moment ago must not be pressed again by Space); Enter still presses it.
 * Nothing fires while someone types in a field.
 */
export const useShortcuts = (shortcuts: Shortcuts): void => {
  const current = useRef(shortcuts);
  current.current = shortcuts;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target)) return;
      const { togglePause, nextSpeaker, askNextStep } = current.current;
      if (event.key === ' ') {
        event.preventDefault();
        if (!event.repeat) togglePause?.();
      } else if (event.key.toLowerCase() === 'n' && !event.repeat) {
        event.preventDefault();
        if (event.shiftKey) askNextStep?.();
        else nextSpeaker?.();
      }
    };
    const onKeyUp = (event: KeyboardEvent) => {
      // A focused button is pressed by Space on key up: Space is the clock's here.
      if (event.key === ' ' && !isTyping(event.target)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);
};
