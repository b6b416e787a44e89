import type { TurnView } from '../../shared/protocol/view';
import { Clock } from '../components/Clock';
import { LiveRegion, useAnnouncer } from '../components/LiveAnnouncer';
import { PhaseWatch, timeInWords } from '../components/PhaseWatch';
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

/**
 * Tells screen readers, once, that the clock has entered warning or run over; the clock itself
 * stays silent (its seconds would drown everything else).
 */
const ClockNews = ({ turn }: { turn: TurnView | null }) => {
  const [announcement, announce] = useAnnouncer();
  return (
    <>
      {turn && (
        <PhaseWatch
          key={turn.id}
          turn={turn}
          onEnter={(phase, remainingMs) =>
            announce(
              phase === 'warning'
                ? `Warning: ${timeInWords(remainingMs)} left for ${turn.speaker.name}.`
                : `Time is up for ${turn.speaker.name}.`,
            )
          }
        />
      )}
      <LiveRegion announcement={announcement} />
    </>
  );
};

/** Who has the floor, their clock and its buttons: the same on the chair and moderator consoles. */
export const CurrentTurn = ({ turn }: { turn: TurnView | null }) => (
  <section className="panel current-turn" aria-labelledby="current-turn-heading">
    <h2 id="current-turn-heading">Has the floor</h2>
    <ClockNews turn={turn} />
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
