import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { currentPlace, speakersToCome } from '../meeting/agenda';
import { sameFloor } from '../meeting/preconditions';

export interface NextSpeaker {
  /** Who would get the floor, or why nobody would. */
  label: string;
  /** Gives them the floor; null when there is nobody to give it to. */
  give: (() => void) | null;
  /** Nobody comes after them: the button will have nothing left to give. */
  last: boolean;
  pending: boolean;
}

/**
 * "Next speaker" as the consoles show it: in a discussion, the request at the top of the queue,
 * granted by its id (a second press finds it gone); in a speakers step, the next scheduled
 * speaker not yet heard, with the version seen, so that two presses at once give the floor once.
 */
export const useNextSpeaker = (): NextSpeaker | null => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const here = currentPlace(view);
  if (view.status !== 'running' || !here) return null;
  if (here.step.kind === 'floor') {
    const first = view.floor.queue[0];
    if (!first) return { label: 'Nobody is waiting', give: null, last: true, pending };
    const who = first.speakerName ? `${first.name} (${first.speakerName})` : first.name;
    return {
      label: who,
      give: () => void send({ type: 'floor.grant', requestId: first.id }),
      last: view.floor.queue.length === 1,
      pending,
    };
  }
  const toCome = speakersToCome(view);
  const next = toCome[0];
  if (!next) {
    return { label: 'Every scheduled speaker has been heard', give: null, last: true, pending };
  }
  return {
    label: next.name,
    give: () =>
      void send(
        { type: 'turn.start', speakerId: next.id, expectedVersion: view.version },
        sameFloor(view),
      ),
    last: toCome.length === 1,
    pending,
  };
};
