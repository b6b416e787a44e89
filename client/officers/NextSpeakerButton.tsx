import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { useShortcutsOn } from './shortcutSetting';
import type { NextSpeaker } from './useNextSpeaker';

/**
 * Gives the floor to whoever comes next. It keeps the focus for the one after; when nobody comes
 * after, the focus goes to the new turn's clock button (Pause), the next thing to press.
 */
export const NextSpeakerButton = ({ next }: { next: NextSpeaker }) => {
  const shortcutsOn = useShortcutsOn();
  const takesFocus = useTakesFocus<HTMLButtonElement>('next-speaker');
  return (
    <button
      ref={takesFocus}
      type="button"
      className="button-primary button-large next-speaker"
      disabled={!next.give || next.pending}
      onClick={() => {
        passFocusTo(next.last ? 'turn-clock' : 'next-speaker');
        next.give?.();
      }}
      aria-keyshortcuts={shortcutsOn ? 'N' : undefined}
    >
      <span className="button-caption">Next speaker</span>
      <span className="button-detail">{next.label}</span>
    </button>
  );
};
