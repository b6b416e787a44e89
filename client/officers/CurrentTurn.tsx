import type { TurnView } from '../../shared/protocol/view';
import { Clock } from '../components/Clock';
import { CATEGORY_LABEL } from '../meeting/agenda';
import { TurnControls } from './TurnControls';

export const SpeakerLine = ({ turn }: { turn: TurnView }) => {
  const { speaker } = turn;
  const details = [
    speaker.delegationName !== undefined && speaker.delegationName !== speaker.name
      ? speaker.delegationName
      : null,
    speaker.category ? CATEGORY_LABEL[speaker.category] : null,
    turn.segment === 'panel' ? 'Panel responds' : null,
  ].filter((d): d is string => d !== null);
  return (
    <p className="speaker-line">
      <strong className="speaker-name">{speaker.name}</strong>
      {details.length > 0 && <span className="speaker-details"> {details.join(' · ')}</span>}
    </p>
  );
};

/** Who has the floor, their clock and its buttons: the same on the chair and moderator consoles. */
export const CurrentTurn = ({ turn }: { turn: TurnView | null }) => (
  <section className="panel current-turn" aria-labelledby="current-turn-heading">
    <h2 id="current-turn-heading">Has the floor</h2>
    {turn ? (
      <>
        <SpeakerLine turn={turn} />
        <Clock turn={turn} size="console" />
        <TurnControls turn={turn} />
      </>
    ) : (
      <p className="quiet">Nobody has the floor.</p>
    )}
  </section>
);
