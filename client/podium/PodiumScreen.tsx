import { Trans } from '@lingui/react';
import { useRef } from 'react';
import { currentStep } from '../../shared/engine/places';
import type { Cue, MeetingView, TurnView } from '../../shared/protocol/view';
import { Clock } from '../components/Clock';
import { ConnectionNotice } from '../components/Notices';
import { SpeakerNames } from '../components/SpeakerNames';
import { useFittedText } from '../components/useFittedText';
import { Blackout } from '../display/Blackout';
import { useRoomWords } from '../display/roomWords';
import { useFullscreen } from '../display/useFullscreen';
import { useIdle } from '../display/useIdle';
import { useRoomLang } from '../i18n/languages';
import { useT } from '../i18n/useT';
import { useLive } from '../live/LiveContext';
import { type NextSpeaker, nextSpeaker } from './nextSpeaker';
import '../styles/podium.css';

/** A cue of 80 characters shrinks to this share of its size before it may be clipped. */
const SMALLEST_CUE = 0.5;

/** Names shrink to at most this share of their size, to leave the clock its room. */
const SMALLEST_NAMES = 0.5;

/**
 * The chair's cue, in the largest letters the band holds: "Please conclude" on one line, 80
 * characters on three. A flashing cue blinks once a second (or, for a speaker who asked for less
 * motion, stands in a thick border instead). The text is what the console sent, in the words it
 * chose (its presets are sent in the room's language): the podium shows it as it came.
 */
const CueBand = ({ cue }: { cue: Cue }) => {
  const box = useRef<HTMLDivElement>(null);
  useFittedText(box, SMALLEST_CUE, cue.text);
  return (
    <div ref={box} className={`podium-cue${cue.flash ? ' is-flashing' : ''}`}>
      <p className="podium-cue-text" dir="auto">
        {cue.text}
      </p>
    </div>
  );
};

/** While a point of order speaks: the turn it interrupted, which has the floor again after it. */
const Interrupted = ({ turn }: { turn: TurnView }) => {
  const words = useRoomWords();
  return (
    <p className="podium-interrupted">
      <Trans
        id="room.interrupted"
        values={{ name: words.roomName(turn.speaker) }}
        components={{ 0: <bdi /> }}
      />
    </p>
  );
};

const Turn = ({ turn, interrupted }: { turn: TurnView; interrupted: TurnView | null }) => {
  const t = useT();
  const words = useRoomWords();
  const kind = words.kind(turn.speaker.kind);
  return (
    <section className="podium-turn" aria-label={t('room.has-the-floor')}>
      {kind && <p className={`podium-kind kind-${turn.speaker.kind ?? 'statement'}`}>{kind}</p>}
      <SpeakerNames speaker={turn.speaker} screen="podium" smallest={SMALLEST_NAMES} />
      <Clock turn={turn} size="podium" />
      {interrupted && <Interrupted turn={interrupted} />}
    </section>
  );
};

/** Who speaks next, at the foot of the screen: the speaker sees it coming while they conclude. */
const Next = ({ next }: { next: NextSpeaker | null }) => {
  const t = useT();
  return (
    <footer className="podium-next">
      <p>
        <span className="podium-next-label">{t('room.podium-next')}</span>{' '}
        {next ? (
          <>
            {next.kind && (
              <>
                <span className="podium-next-kind">{next.kind}</span>{' '}
              </>
            )}
            <span className="podium-next-name">{next.name}</span>
            {next.detail && (
              <>
                {' '}
                <bdi className="podium-next-detail">{next.detail}</bdi>
              </>
            )}
          </>
        ) : (
          <span className="podium-next-none">{t('room.nobody-waiting')}</span>
        )}
      </p>
    </footer>
  );
};

const STATE_WORDS: Record<Exclude<MeetingView['status'], 'running'>, string> = {
  pending: 'room.meeting-begins-shortly',
  suspended: 'room.meeting-suspended',
  closed: 'room.meeting-closed',
};

const Body = ({ view }: { view: MeetingView }) => {
  const t = useT();
  if (view.status !== 'running') {
    return (
      <div className="podium-message">
        <h1 className="podium-title" dir="auto">
          {view.title}
        </h1>
        <p className="podium-state">{t(STATE_WORDS[view.status])}</p>
        {view.status === 'suspended' && view.suspension?.note && (
          <p className="podium-note" dir="auto">
            {view.suspension.note}
          </p>
        )}
      </div>
    );
  }
  if (view.turn) return <Turn turn={view.turn} interrupted={view.interrupted} />;
  const here = currentStep(view);
  return (
    <p className="podium-free">
      {t(
        here?.step.kind === 'floor' && view.floor.open
          ? 'room.floor-open-for-requests'
          : 'room.floor-free',
      )}
    </p>
  );
};

/**
 * The podium: a screen at the lectern, 10 to 15 inches, read by the speaker from two metres.
 * The chair's cue above everything, the speaker and the clock, who speaks next; the room
 * display's blackout blacks it out too; the room display's language (`display.lang`), unless the
 * address pins one. No controls but the full screen.
 */
export const PodiumScreen = () => {
  const t = useT();
  const { view } = useLive();
  const words = useRoomWords();
  useRoomLang(view?.display.lang);
  const idle = useIdle();
  const { fullscreen, toggle } = useFullscreen();
  if (!view) {
    return (
      <div className="podium is-idle">
        <p className="podium-free" role="status">
          {t('room.connecting')}
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
      {view.status === 'running' && <Next next={nextSpeaker(view, words)} />}
      <div className="podium-tools">
        <button type="button" onClick={toggle} aria-keyshortcuts="F">
          {t(fullscreen ? 'room.leave-full-screen' : 'room.full-screen')}
        </button>
      </div>
    </div>
  );
};
