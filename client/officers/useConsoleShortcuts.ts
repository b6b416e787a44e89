import { useState } from 'react';
import { useLiveView } from '../live/LiveContext';
import { currentPlace } from '../meeting/agenda';
import { useShortcutsOn } from './shortcutSetting';
import { togglePauseOf } from './useClockShortcut';
import { useNextSpeaker } from './useNextSpeaker';
import { useShortcuts } from './useShortcuts';

/**
 * The keyboard of both consoles: Space pauses or resumes the clock, N gives the floor to the next
 * speaker, Shift+N asks whether to move to the next step, unless this device turned them off.
 * Answers whether that question is open, and the next speaker the panels offer.
 */
export const useConsoleShortcuts = () => {
  const { view, send } = useLiveView();
  const [askingNextStep, setAskingNextStep] = useState(false);
  const next = useNextSpeaker();
  const live = view.status === 'running' || view.status === 'suspended';
  useShortcuts(
    {
      togglePause: togglePauseOf(view, send),
      nextSpeaker: next?.give ?? null,
      askNextStep: live && currentPlace(view) ? () => setAskingNextStep(true) : null,
    },
    useShortcutsOn(),
  );
  return { askingNextStep, setAskingNextStep, next };
};
