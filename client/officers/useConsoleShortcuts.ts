import { useState } from 'react';
import { useLiveView } from '../live/LiveContext';
import { useMayPress } from '../live/useMayPress';
import { CLEAR_CUE } from './cues';
import { nextStepCommand } from './presses';
import { useShortcutsOn } from './shortcutSetting';
import { togglePauseOf } from './useClockShortcut';
import { useNextSpeaker } from './useNextSpeaker';
import { useShortcuts } from './useShortcuts';

/**
 * The keyboard of both consoles: Space pauses or resumes the clock, N gives the floor to the next
 * speaker, Shift+N asks whether to move to the next step, C clears the cue to the speaker, unless
 * this device turned them off.
 * Each acts only when its button would (the chart decides, `useMayPress`).
 * Answers whether that question is open, and the next speaker the panels offer.
 */
export const useConsoleShortcuts = () => {
  const { view, send } = useLiveView();
  const [askingNextStep, setAskingNextStep] = useState(false);
  const next = useNextSpeaker();
  const mayPress = useMayPress();
  useShortcuts(
    {
      togglePause: togglePauseOf(view, mayPress, send),
      nextSpeaker: next?.give ?? null,
      askNextStep: mayPress(nextStepCommand(view)) === null ? () => setAskingNextStep(true) : null,
      clearCue: mayPress(CLEAR_CUE) === null ? () => void send(CLEAR_CUE) : null,
    },
    useShortcutsOn(),
  );
  return { askingNextStep, setAskingNextStep, next };
};
