import { formatRemaining } from '../../shared/clock/turnClock';
import type { TurnView } from '../../shared/protocol/view';
import { Clock } from '../components/Clock';
import { LiveRegion, useAnnouncer } from '../components/LiveAnnouncer';
import { PhaseWatch, timeInWords } from '../components/PhaseWatch';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useRequestWords } from '../meeting/useRequestWords';
import { CueControls } from './CueControls';
import { KindTag } from './KindTag';
import { addresseeNames } from './queueWords';
import { TurnControls } from './TurnControls';

/**
 * Who speaks, and for whom: "Egypt, on behalf of the African Group", the kind of turn when it is
 * not a statement, and the panelists its questions address.
 */
export const SpeakerLine = ({ turn }: { turn: TurnView }) => {
  const words = useRequestWords();
  const { view } = useLiveView();
  const { speaker } = turn;
  const forDelegation =
    speaker.delegationName !== undefined && speaker.delegationName === speaker.name;
  const details = [
    speaker.delegationName !== undefined && !forDelegation
      ? words.speakingFor(speaker.delegationName, speaker.onBehalfOf)
      : null,
    speaker.category ? words.category(speaker.category) : null,
    turn.segment === 'panel' ? 'Panel responds' : null,
  ].filter((d): d is string => d !== null);
  const addressed = speaker.addressedTo ?? [];
  return (
    <div className="speaker-line">
      <KindTag kind={speaker.kind} />
      <p>
        <strong className="speaker-name">
          {forDelegation ? words.speakingFor(speaker.name, speaker.onBehalfOf) : speaker.name}
        </strong>
        {details.length > 0 && <span className="speaker-details"> {details.join(' · ')}</span>}
      </p>
      {addressed.length > 0 && (
        <p className="addressed">Questions to {addresseeNames(view, addressed).join(', ')}</p>
      )}
    </div>
  );
};

/**
 * The turn a point of order interrupted: who, and the time left on their paused clock, and what
 * ending the point of order does. Its clock stands still, so it is drawn once.
 */
const InterruptedTurn = ({ turn }: { turn: TurnView }) => (
  <div className="interrupted">
    <p>
      <strong>Interrupted:</strong> {turn.speaker.name}, paused at{' '}
      <span className="digits">{formatRemaining(turn.limitMs - turn.elapsedMs)}</span>
    </p>
    <p className="quiet">
      Ending the point of order gives the floor back to {turn.speaker.name}, paused: then Resume
      continues their clock.
    </p>
  </div>
);

/**
 * Tells screen readers, once, that the clock has entered warning or run over; the clock itself
 * stays silent (its seconds would drown everything else).
 */
const ClockNews = ({ turn }: { turn: TurnView | null }) => {
  const t = useT();
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
                ? `Warning: ${timeInWords(t, remainingMs)} left for ${turn.speaker.name}.`
                : `Time is up for ${turn.speaker.name}.`,
            )
          }
        />
      )}
      <LiveRegion announcement={announcement} />
    </>
  );
};

/**
 * Who has the floor, their clock and its buttons, and the cue to them: the same on the chair and
 * moderator consoles.
 */
export const CurrentTurn = ({ turn }: { turn: TurnView | null }) => {
  const { view } = useLiveView();
  return (
    <section className="panel current-turn" aria-labelledby="current-turn-heading">
      <h2 id="current-turn-heading">Has the floor</h2>
      <ClockNews turn={turn} />
      {turn ? (
        <>
          <SpeakerLine turn={turn} />
          <Clock turn={turn} size="console" />
          {view.interrupted && <InterruptedTurn turn={view.interrupted} />}
          <TurnControls turn={turn} interrupted={view.interrupted} />
          <CueControls />
        </>
      ) : (
        <p className="quiet">Nobody has the floor.</p>
      )}
    </section>
  );
};
