import { useId, useRef } from 'react';
import { currentStep, locate, stepAfter } from '../../shared/engine/places';
import { BusyButton } from '../components/BusyButton';
import { ConfirmQuestion } from '../components/ConfirmButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { localeOf } from '../i18n/i18n';
import { useLang } from '../i18n/languages';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { useRefusalWords } from '../live/useRefusalWords';
import { nextStepCommand } from './presses';
import { useSharedWords } from './sharedWords';
import { useShortcutsOn } from './shortcutSetting';
import { usePermissions } from './usePermissions';
import { SHORTCUT_KEYS } from './useShortcuts';

interface Props {
  /** The question is open (Shift+N opens it too). */
  asking: boolean;
  setAsking: (asking: boolean) => void;
}

/**
 * "Next step", naming the step that follows. It acts at once only when nothing would be lost;
 * with a turn under way or requests waiting it first says what will end. It sends the step it
 * moves from, so a second press (the other co-chair's) is refused instead of skipping a step,
 * while a request arriving in between changes nothing.
 */
export const NextStep = ({ asking, setAsking }: Props) => {
  const t = useT();
  const lang = useLang();
  const words = useSharedWords();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
  const sayRefusal = useRefusalWords();
  const shortcutsOn = useShortcutsOn();
  const takesFocus = useTakesFocus<HTMLButtonElement>('next-step');
  // Asked from the button, the answer gives the focus back to it; asked by Shift+N, the focus
  // stays with the page, so that the next shortcut still works.
  const askedByButton = useRef(false);
  const noteId = useId();
  const here = currentStep(view);
  if (!here || !can('agenda.next')) return null;
  const command = nextStepCommand(view);
  const refusal = mayPress(command);
  if (refusal) {
    // The last step's "next" closes the meeting, and closing is the chair's (PROTOCOL.md v2): the
    // chart refuses it to a moderator as `forbidden`, said here in the console's few words.
    return (
      <p className="quiet">
        {refusal.code === 'forbidden' ? t('consoles.last-step-chair-closes') : sayRefusal(refusal)}
      </p>
    );
  }
  const after = stepAfter(view);
  const next = after && locate(view.agenda, after.itemId, after.stepId);
  const label = next ? words.place(next) : t('consoles.end-of-agenda');
  const loses = words.leaving(view, after ?? undefined);
  const go = () => void send(command);
  const answered = () => {
    if (askedByButton.current) passFocusTo('next-step');
    askedByButton.current = false;
    setAsking(false);
  };
  if (asking) {
    return (
      <ConfirmQuestion
        question={next ? t('consoles.move-on-to', { place: label }) : t('consoles.last-step-close')}
        detail={loses ?? undefined}
        confirmLabel={t(next ? 'consoles.yes-next-step' : 'consoles.yes-close-meeting')}
        onConfirm={() => {
          answered();
          go();
        }}
        onCancel={answered}
      />
    );
  }
  return (
    <div className="next-step">
      <BusyButton
        ref={takesFocus}
        className="button-large button-next-step"
        busy={pending}
        aria-keyshortcuts={shortcutsOn ? `Shift+${SHORTCUT_KEYS.nextSpeaker}` : undefined}
        aria-describedby={loses ? noteId : undefined}
        onClick={() => {
          // The last step's "next" closes the meeting: that one always asks, as does a step that
          // would end a turn or leave requests unheard.
          if (next && loses === null) go();
          else {
            askedByButton.current = true;
            setAsking(true);
          }
        }}
      >
        <span className="button-caption">{t('consoles.next-step')}</span>
        <span className="button-detail">{label}</span>
      </BusyButton>
      {loses && (
        <p className="next-step-note" id={noteId}>
          {t('consoles.asks-first', {
            what: loses.charAt(0).toLocaleLowerCase(localeOf(lang)) + loses.slice(1),
          })}
        </p>
      )}
    </div>
  );
};
