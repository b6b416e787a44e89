import type { ReasonedRefusal } from '../../shared/protocol/refusals';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { nextSpeakerOf } from './presses';
import { useRequestNames } from './requestNames';

export interface NextSpeaker {
  /** Who would get the floor, or why nobody would, in the page's language. */
  label: string;
  /** Why the press would be refused now (the chart's reason), or null when it would act. */
  refusal: ReasonedRefusal | null;
  /** Gives them the floor; null when the server would refuse it. */
  give: (() => void) | null;
  /** Nobody comes after them: the button will have nothing left to give. */
  last: boolean;
  pending: boolean;
}

/** "Next speaker" on a console: what it shows, whether it acts (the chart says), and the press. */
export const useNextSpeaker = (): NextSpeaker | null => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const mayPress = useMayPress();
  const names = useRequestNames();
  const next = nextSpeakerOf(view);
  if (!next) return null;
  const refusal = mayPress(next.command);
  return {
    label: names.next(next.label),
    refusal,
    give: refusal ? null : () => void send(next.command),
    last: next.last,
    pending,
  };
};
