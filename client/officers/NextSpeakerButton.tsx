import { BusyButton } from '../components/BusyButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { useT } from '../i18n/useT';
import { useShortcutsOn } from './shortcutSetting';
import type { NextSpeaker } from './useNextSpeaker';
import { SHORTCUT_KEYS } from './useShortcuts';

/**
 * Gives the floor to whoever comes next. It keeps the focus for the one after; when nobody comes
 * after, it can no longer act (the chart refuses it, and says why), and the focus goes to the new
 * turn's clock button (Pause), the next thing to press.
 */
export const NextSpeakerButton = ({ next }: { next: NextSpeaker }) => {
  const t = useT();
  const shortcutsOn = useShortcutsOn();
  const takesFocus = useTakesFocus<HTMLButtonElement>('next-speaker');
  return (
    <BusyButton
      ref={takesFocus}
      className="button-primary button-large next-speaker"
      busy={next.pending}
      refusal={next.refusal}
      onClick={() => {
        if (next.last) passFocusTo('turn-clock');
        next.give?.();
      }}
      aria-keyshortcuts={shortcutsOn ? SHORTCUT_KEYS.nextSpeaker : undefined}
    >
      <span className="button-caption">{t('consoles.next-speaker')}</span>
      <span className="button-detail">{next.label}</span>
    </BusyButton>
  );
};
