import { type ReactNode, useRef } from 'react';
import { currentStep, speakersToCome } from '../../shared/engine/places';
import type { MeetingView, TurnView } from '../../shared/protocol/view';
import { clockTimeOf } from '../../shared/schedule/zonedTime';
import { leaveMeeting } from '../app/leave';
import { Clock } from '../components/Clock';
import { ConfirmButton } from '../components/ConfirmButton';
import { ConnectionNotice } from '../components/Notices';
import { SpeakerNames } from '../components/SpeakerNames';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useServerNow } from '../live/useServerNow';
import { placeTitle } from '../meeting/agenda';
import type { RequestWords } from '../meeting/requestWords';
import { roomDelay } from '../meeting/schedule';
import { useRequestWords } from '../meeting/useRequestWords';
import { Blackout } from './Blackout';
import { useFullscreen } from './useFullscreen';
import { useIdle } from './useIdle';
import { useItemsThatFit } from './useItemsThatFit';
import '../styles/display.css';

/**
 * More than a 16:9 projector can hold at any size the back of the room can read: the list shows
 * as many of these as fit, and counts the rest.
 */
const NEXT_RENDERED = 20;

/** Names shrink to at most this share of their size before a speaker's name may be shortened. */
const SMALLEST_NAMES = 0.45;

const TimeOfDay = ({ view }: { view: MeetingView }) => {
  const { clock } = useLiveView();
  // Hours and minutes: redrawn once a minute.
  const now = useServerNow(clock, 'minute');
  return (
    <p className="display-time">
      <span className="visually-hidden">Time of day: </span>
      {clockTimeOf(now, view.agenda.timeZone)}
    </p>
  );
};

/** "Running 12 min late", when the chair shows it and the room is a minute or more late. */
const Delay = ({ view }: { view: MeetingView }) =>
  // Only then does the display need a timer for it.
  view.display.showDelay ? <ShownDelay view={view} /> : null;

const ShownDelay = ({ view }: { view: MeetingView }) => {
  const t = useT();
  const { clock } = useLiveView();
  const now = useServerNow(clock);
  const delay = roomDelay(t, view, now);
  return delay ? <p className="display-delay">{delay}</p> : null;
};

interface Upcoming {
  key: string;
  /** The delegation's name (or the scheduled speaker's), whole. */
  name: string;
  /** "on behalf of the African Group". */
  behalf?: string;
  /** "Right of reply", "Point of order": a request that is not a statement. */
  kind?: string;
  detail?: string;
}

/**
 * "on behalf of the African Group": `speakingFor`'s words after the delegation's name, on a line
 * of their own under it (the line break stands for the comma), so the name stays whole.
 */
const upcoming = (words: RequestWords, view: MeetingView): { total: number; first: Upcoming[] } => {
  const here = currentStep(view);
  if (here?.step.kind === 'floor') {
    return {
      total: view.floor.queue.length,
      first: view.floor.queue.slice(0, NEXT_RENDERED).map((r): Upcoming => {
        const behalf = words.behalfLine(r.onBehalfOf);
        const kind = words.kindNote(r.kind);
        return {
          key: r.id,
          name: r.name,
          ...(behalf !== undefined && { behalf }),
          ...(kind !== null && { kind }),
          ...(r.speakerName !== undefined && r.speakerName !== r.name && { detail: r.speakerName }),
        };
      }),
    };
  }
  const speakers = speakersToCome(view);
  return {
    total: speakers.length,
    first: speakers
      .slice(0, NEXT_RENDERED)
      .map((s) => ({ key: s.id, name: s.name, detail: s.role })),
  };
};

const NextSpeakers = ({ view }: { view: MeetingView }) => {
  const words = useRequestWords();
  const here = currentStep(view);
  const { total, first } = upcoming(words, view);
  const floor = here?.step.kind === 'floor';
  const list = useRef<HTMLOListElement>(null);
  const fitting = useItemsThatFit(
    list,
    first
      .map((n) => `${n.key} ${n.kind ?? ''} ${n.name} ${n.behalf ?? ''} ${n.detail ?? ''}`)
      .join('\n'),
  );
  // Until the first measurement, every rendered name counts as shown.
  const shown = fitting ?? first.length;
  const more = total - shown;
  return (
    <section className="display-next" aria-labelledby="next-heading">
      <h2 id="next-heading">{floor ? 'Next speakers' : 'Speakers to come'}</h2>
      {first.length === 0 ? (
        <p className="display-quiet">{floor ? 'Nobody is waiting' : 'None'}</p>
      ) : (
        <ol ref={list} className="display-next-list">
          {first.map((n, i) => (
            // Those that do not fit stay laid out (to be measured when room is made) but unseen.
            <li key={n.key} className={i < shown ? undefined : 'is-beyond'}>
              {n.kind && <span className="display-next-kind">{n.kind}</span>}
              <span className="display-next-name">{n.name}</span>
              {n.behalf && <span className="display-next-behalf">{n.behalf}</span>}
              {n.detail && <span className="display-next-detail">{n.detail}</span>}
            </li>
          ))}
        </ol>
      )}
      {more > 0 && <p className="display-more">and {more} more</p>}
      {floor && (
        <p className={`display-list ${view.floor.open ? 'is-open' : 'is-closed'}`}>
          {view.floor.open ? 'List of speakers open' : 'List of speakers closed'}
        </p>
      )}
    </section>
  );
};

/**
 * While a point of order speaks, the turn it interrupted, small: the room knows who will have the
 * floor again. A delegation's turn is named by the delegation, as the room knows it.
 */
const Interrupted = ({ turn }: { turn: TurnView }) => {
  const words = useRequestWords();
  return <p className="display-interrupted">Interrupted: {words.roomName(turn.speaker)}</p>;
};

const Floor = ({ view }: { view: MeetingView }) => {
  const { turn } = view;
  const here = currentStep(view);
  const panel = here?.step.kind === 'floor' && view.floor.segment === 'panel';
  const kind = useRequestWords().kindNote(turn?.speaker.kind);
  return (
    <div className="display-body">
      <section className="display-turn" aria-label="Has the floor">
        {(panel || kind) && (
          <div className="display-tags">
            {kind && (
              <p className={`display-kind kind-${turn?.speaker.kind ?? 'statement'}`}>{kind}</p>
            )}
            {panel && <p className="display-segment">Panel responds</p>}
          </div>
        )}
        {turn ? (
          <>
            <SpeakerNames speaker={turn.speaker} screen="display" smallest={SMALLEST_NAMES} />
            <Clock turn={turn} size="display" />
            {view.interrupted && <Interrupted turn={view.interrupted} />}
          </>
        ) : (
          <p className="display-waiting">
            {here?.step.kind === 'floor' && view.floor.open
              ? 'The floor is open for requests'
              : 'The floor is free'}
          </p>
        )}
      </section>
      <NextSpeakers view={view} />
    </div>
  );
};

const Message = ({ view, children }: { view: MeetingView; children: ReactNode }) => (
  <div className="display-message">
    <h1 className="display-title">{view.title}</h1>
    {children}
  </div>
);

const DisplayBody = ({ view }: { view: MeetingView }) => {
  switch (view.status) {
    case 'pending':
      return (
        <Message view={view}>
          {view.agenda.venue && <p className="display-venue">{view.agenda.venue}</p>}
          <p className="display-state">The meeting will begin shortly</p>
        </Message>
      );
    case 'closed':
      return (
        <Message view={view}>
          <p className="display-state">The meeting is closed</p>
        </Message>
      );
    case 'suspended':
      return (
        <Message view={view}>
          <p className="display-state">The meeting is suspended</p>
          {view.suspension?.note && <p className="display-note">{view.suspension.note}</p>}
        </Message>
      );
    case 'running':
      return <Floor view={view} />;
    default:
      return view.status satisfies never;
  }
};

/** The room display: a 16:9 projector read from the back of the room. No controls. */
export const DisplayScreen = () => {
  const { view, session } = useLiveView();
  const here = currentStep(view);
  const idle = useIdle();
  const { fullscreen, toggle } = useFullscreen();
  const running = view.status === 'running';
  // Nothing but black while the chair blacks the room out; F still toggles the full screen.
  if (view.display.blackout) return <Blackout />;
  return (
    <div className={`display status-${view.status}${idle ? ' is-idle' : ''}`}>
      <header className="display-header">
        <p className="display-place">
          {running && here ? placeTitle(here) : view.status === 'suspended' ? 'Suspended' : ''}
        </p>
        <Delay view={view} />
        <TimeOfDay view={view} />
      </header>
      <ConnectionNotice />
      <main className="display-main">
        <DisplayBody view={view} />
      </main>
      <div className="display-tools">
        <button type="button" onClick={toggle} aria-keyshortcuts="F">
          {fullscreen ? 'Leave full screen (F)' : 'Full screen (F)'}
        </button>
        <ConfirmButton
          question="Stop showing this meeting on this display?"
          confirmLabel="Leave"
          onConfirm={() => leaveMeeting(session.meetingId, session.role)}
        >
          Leave
        </ConfirmButton>
      </div>
    </div>
  );
};
