import { currentStep, speakersToCome } from '../../shared/engine/places';
import type { MeetingView } from '../../shared/protocol/view';
import type { RequestWords } from '../meeting/requestWords';

/** Who speaks after the one at the lectern, as the podium names them. */
export interface NextSpeaker {
  /** "Egypt, on behalf of the African Group"; a scheduled speaker's name. */
  name: string;
  /** "Right of reply", "Point of order": a request that is not a statement. */
  kind: string | null;
  /** The person speaking for the delegation, or a scheduled speaker's role. */
  detail: string | null;
}

/**
 * The next speaker, the same the room display puts first in its list: the head of the list of
 * speakers in a discussion, the first scheduled speaker not yet heard in a speakers step; null
 * when nobody is waiting.
 */
export const nextSpeaker = (words: RequestWords, view: MeetingView): NextSpeaker | null => {
  if (view.status !== 'running') return null;
  const here = currentStep(view);
  if (here?.step.kind === 'floor') {
    const head = view.floor.queue[0];
    if (!head) return null;
    return {
      name: words.speakingFor(head.name, head.onBehalfOf),
      kind: words.kindNote(head.kind),
      detail:
        head.speakerName !== undefined && head.speakerName !== head.name ? head.speakerName : null,
    };
  }
  const [first] = speakersToCome(view);
  return first ? { name: first.name, kind: null, detail: first.role } : null;
};
