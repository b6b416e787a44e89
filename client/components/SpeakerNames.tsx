import { useRef } from 'react';
import type { TurnSpeaker } from '../../shared/protocol/view';
import { useRequestWords } from '../meeting/useRequestWords';
import { useFittedText } from './useFittedText';

/**
 * Who has the floor, whole, on the room display and the podium: a person's name over the
 * delegation's, then the group spoken for on a line of its own ("on behalf of the African
 * Group"), delegations and groups named in the page's language. The names shrink, down to
 * `smallest` of their size, to leave the clock its room.
 * `screen` prefixes the class names, so each screen keeps its own sizes.
 */
export const SpeakerNames = ({
  speaker,
  screen,
  smallest,
}: {
  speaker: TurnSpeaker;
  screen: 'display' | 'podium';
  smallest: number;
}) => {
  const words = useRequestWords();
  const box = useRef<HTMLDivElement>(null);
  const delegation =
    speaker.delegationName && speaker.delegationName !== speaker.name
      ? words.delegation(speaker)
      : null;
  const name = words.speaker(speaker);
  const behalf = words.behalfLine(speaker.onBehalfOf);
  useFittedText(box, smallest, `${name}\n${delegation ?? ''}\n${behalf ?? ''}`);
  return (
    <div className={`${screen}-names`} ref={box}>
      <p className={`${screen}-speaker${delegation ? ' is-person' : ''}`}>{name}</p>
      {delegation && <p className={`${screen}-delegation`}>{delegation}</p>}
      {behalf && <p className={`${screen}-behalf`}>{behalf}</p>}
    </div>
  );
};
