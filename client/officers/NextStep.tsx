import { useId, useRef } from 'react';
import { currentStep, locate, stepAfter } from '../../shared/engine/places';
import { BusyButton } from '../components/BusyButton';
import { ConfirmQuestion } from '../components/ConfirmButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { placeTitle } from '../meeting/agenda';
import { whatLeavingEnds } from '../meeting/leavingStep';
import { useRequestWords } from '../meeting/useRequestWords';
import { nextStepCommand } from './presses';
import { useShortcutsOn } from './shortcutSetting';
import { usePermissions } from './usePermissions';

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
  const words = useRequestWords();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
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
        {refusal.code === 'forbidden'
          ? 'This is the last step: only a chair may close the meeting.'
          : refusal.message}
      </p>
    );
  }
  const after = stepAfter(view);
  const next = after && locate(view.agenda, after.itemId, after.stepId);
  const label = next ? placeTitle(next) : 'End of the agenda: the meeting closes';
  const loses = whatLeavingEnds(words, view, after ?? undefined);
  const go = () => void send(command);
  const answered = () => {
    if (askedByButton.current) passFocusTo('next-step');
    askedByButton.current = false;
    setAsking(false);
  };
  if (asking) {
    return (
      <ConfirmQuestion
        question={next ? `Move on to ${label}?` : 'This is the last step. Close the meeting?'}
        detail={loses ?? undefined}
        confirmLabel={next ? 'Yes, next step' : 'Yes, close the meeting'}
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
        aria-keyshortcuts={shortcutsOn ? 'Shift+N' : undefined}
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
        <span className="button-caption">Next step</span>
        <span className="button-detail">{label}</span>
      </BusyButton>
      {loses && (
        <p className="next-step-note" id={noteId}>
          Asks first: {loses.charAt(0).toLowerCase()}
          {loses.slice(1)}
        </p>
      )}
    </div>
  );
};
