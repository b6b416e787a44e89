import type { Refusal } from '../../shared/protocol/errors';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { useRequestWords } from '../meeting/useRequestWords';
import { nextSpeakerOf } from './presses';

export interface NextSpeaker {
  /** Who would get the floor, or why nobody would. */
  label: string;
  /** Why the press would be refused now (the chart's words), or null when it would act. */
  refusal: Refusal | null;
  /** Gives them the floor; null when the server would refuse it. */
  give: (() => void) | null;
  /** Nobody comes after them: the button will have nothing left to give. */
  last: boolean;
  pending: boolean;
}

/** "Next speaker" on a console: what it shows, whether it acts (the chart says), and the press. */
export const useNextSpeaker = (): NextSpeaker | null => {
  const words = useRequestWords();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const mayPress = useMayPress();
  const next = nextSpeakerOf(view);
  if (!next) return null;
  const refusal = mayPress(next.command);
  return {
    label: next.label(words),
    refusal,
    give: refusal ? null : () => void send(next.command),
    last: next.last,
    pending,
  };
};
