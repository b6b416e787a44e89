import { useRef } from 'react';
import { currentStep } from '../../shared/engine/places';
import type { Cue, MeetingView, TurnView } from '../../shared/protocol/view';
import { Clock } from '../components/Clock';
import { ConnectionNotice } from '../components/Notices';
import { SpeakerNames } from '../components/SpeakerNames';
import { useFittedText } from '../components/useFittedText';
import { Blackout } from '../display/Blackout';
import { useFullscreen } from '../display/useFullscreen';
import { useIdle } from '../display/useIdle';
import { useLive } from '../live/LiveContext';
import { useRequestWords } from '../meeting/useRequestWords';
import { type NextSpeaker, nextSpeaker } from './nextSpeaker';
import '../styles/podium.css';

/** A cue of 80 characters shrinks to this share of its size before it may be clipped. */
const SMALLEST_CUE = 0.5;

/** Names shrink to at most this share of their size, to leave the clock its room. */
const SMALLEST_NAMES = 0.5;

/**
 * The chair's cue, in the largest letters the band holds: "Please conclude" on one line, 80
 * characters on three. A flashing cue blinks once a second (or, for a speaker who asked for less
 * motion, stands in a thick border instead).
 */
const CueBand = ({ cue }: { cue: Cue }) => {
  const box = useRef<HTMLDivElement>(null);
  useFittedText(box, SMALLEST_CUE, cue.text);
  return (
    <div ref={box} className={`podium-cue${cue.flash ? ' is-flashing' : ''}`}>
      <p className="podium-cue-text">{cue.text}</p>
    </div>
  );
};

/** While a point of order speaks: the turn it interrupted, which has the floor again after it. */
const Interrupted = ({ turn }: { turn: TurnView }) => {
  const words = useRequestWords();
  return <p className="podium-interrupted">Interrupted: {words.roomName(turn.speaker)}</p>;
};

const Turn = ({ turn, interrupted }: { turn: TurnView; interrupted: TurnView | null }) => {
  const kind = useRequestWords().kindNote(turn.speaker.kind);
  return (
    <section className="podium-turn" aria-label="Has the floor">
      {kind && <p className={`podium-kind kind-${turn.speaker.kind ?? 'statement'}`}>{kind}</p>}
      <SpeakerNames speaker={turn.speaker} screen="podium" smallest={SMALLEST_NAMES} />
      <Clock turn={turn} size="podium" />
      {interrupted && <Interrupted turn={interrupted} />}
    </section>
  );
};

/** Who speaks next, at the foot of the screen: the speaker sees it coming while they conclude. */
const Next = ({ next }: { next: NextSpeaker | null }) => (
  <footer className="podium-next">
    <p>
      <span className="podium-next-label">Next</span>{' '}
      {next ? (
        <>
          {next.kind && (
            <>
              <span className="podium-next-kind">{next.kind}</span>{' '}
            </>
          )}
          <span className="podium-next-name">{next.name}</span>
          {next.detail && <span className="podium-next-detail"> {next.detail}</span>}
        </>
      ) : (
        <span className="podium-next-none">Nobody is waiting</span>
      )}
    </p>
  </footer>
);

const STATE_WORDS: Record<Exclude<MeetingView['status'], 'running'>, string> = {
  pending: 'The meeting will begin shortly',
  suspended: 'The meeting is suspended',
  closed: 'The meeting is closed',
};

const Body = ({ view }: { view: MeetingView }) => {
  if (view.status !== 'running') {
    return (
      <div className="podium-message">
        <h1 className="podium-title">{view.title}</h1>
        <p className="podium-state">{STATE_WORDS[view.status]}</p>
        {view.status === 'suspended' && view.suspension?.note && (
          <p className="podium-note">{view.suspension.note}</p>
        )}
      </div>
    );
  }
  if (view.turn) return <Turn turn={view.turn} interrupted={view.interrupted} />;
  const here = currentStep(view);
  return (
    <p className="podium-free">
      {here?.step.kind === 'floor' && view.floor.open
        ? 'The floor is open for requests'
        : 'The floor is free'}
    </p>
  );
};

/**
 * The podium: a screen at the lectern, 10 to 15 inches, read by the speaker from two metres.
 * The chair's cue above everything, the speaker and the clock, who speaks next; the room
 * display's blackout blacks it out too. No controls but the full screen.
 */
export const PodiumScreen = () => {
  const words = useRequestWords();
  const { view } = useLive();
  const idle = useIdle();
  const { fullscreen, toggle } = useFullscreen();
  if (!view) {
    return (
      <div className="podium is-idle">
        <p className="podium-free" role="status">
          Connecting to the meeting…
        </p>
      </div>
    );
  }
  if (view.display.blackout) return <Blackout />;
  const { cue } = view;
  return (
    <div
      className={`podium status-${view.status}${idle ? ' is-idle' : ''}${cue ? ' has-cue' : ''}`}
    >
      <ConnectionNotice />
      {/* A live region that is always there, so that a screen reader says each new cue. */}
      <div className="podium-cue-region" role="status" aria-live="assertive">
        {cue && <CueBand key={cue.sentAt} cue={cue} />}
      </div>
      <main className="podium-main">
        <Body view={view} />
      </main>
      {view.status === 'running' && <Next next={nextSpeaker(words, view)} />}
      <div className="podium-tools">
        <button type="button" onClick={toggle} aria-keyshortcuts="F">
          {fullscreen ? 'Leave full screen (F)' : 'Full screen (F)'}
        </button>
      </div>
    </div>
  );
};
