import type { ReactNode } from 'react';
import type { MeetingView } from '../../shared/protocol/view';
import { clockTimeOf } from '../../shared/schedule/zonedTime';
import { leaveMeeting } from '../app/leave';
import { Clock } from '../components/Clock';
import { ConfirmButton } from '../components/ConfirmButton';
import { ConnectionNotice } from '../components/Notices';
import { useLiveView } from '../live/LiveContext';
import { useServerNow } from '../live/useServerNow';
import { currentPlace, placeTitle, speakersToCome } from '../meeting/agenda';
import { roomDelay } from '../meeting/schedule';
import { useFullscreen } from './useFullscreen';
import { useIdle } from './useIdle';
import '../styles/display.css';

const NEXT_SHOWN = 5;

const TimeOfDay = ({ view }: { view: MeetingView }) => {
  const { clock } = useLiveView();
  const now = useServerNow(clock);
  return (
    <p className="display-time">
      <span className="visually-hidden">Time of day: </span>
      {clockTimeOf(now, view.agenda.timeZone)}
    </p>
  );
};

/** "Running 12 min late", when the chair shows it and the room is a minute or more late. */
const Delay = ({ view }: { view: MeetingView }) => {
  const { clock } = useLiveView();
  const now = useServerNow(clock);
  const delay = roomDelay(view, now);
  return delay ? <p className="display-delay">{delay}</p> : null;
};

interface Upcoming {
  key: string;
  name: string;
  detail?: string;
}

const upcoming = (view: MeetingView): Upcoming[] => {
  const here = currentPlace(view);
  if (here?.step.kind === 'floor') {
    return view.floor.queue.slice(0, NEXT_SHOWN).map((r) => ({
      key: r.id,
      name: r.name,
      ...(r.speakerName !== undefined && r.speakerName !== r.name && { detail: r.speakerName }),
    }));
  }
  return speakersToCome(view)
    .slice(0, NEXT_SHOWN)
    .map((s) => ({ key: s.id, name: s.name, detail: s.role }));
};

const NextSpeakers = ({ view }: { view: MeetingView }) => {
  const here = currentPlace(view);
  const next = upcoming(view);
  const floor = here?.step.kind === 'floor';
  return (
    <section className="display-next" aria-labelledby="next-heading">
      <h2 id="next-heading">{floor ? 'Next speakers' : 'Speakers to come'}</h2>
      {next.length === 0 ? (
        <p className="display-quiet">{floor ? 'Nobody is waiting' : 'None'}</p>
      ) : (
        <ol>
          {next.map((n) => (
            <li key={n.key}>
              <span className="display-next-name">{n.name}</span>
              {n.detail && <span className="display-next-detail">{n.detail}</span>}
            </li>
          ))}
        </ol>
      )}
      {floor && (
        <p className={`display-list ${view.floor.open ? 'is-open' : 'is-closed'}`}>
          {view.floor.open ? 'List of speakers open' : 'List of speakers closed'}
        </p>
      )}
    </section>
  );
};

const Floor = ({ view }: { view: MeetingView }) => {
  const { turn } = view;
  const here = currentPlace(view);
  const panel = here?.step.kind === 'floor' && view.floor.segment === 'panel';
  return (
    <div className="display-body">
      <section className="display-turn" aria-label="Has the floor">
        {panel && <p className="display-segment">Panel responds</p>}
        {turn ? (
          <>
            <p className="display-speaker">{turn.speaker.name}</p>
            {turn.speaker.delegationName && turn.speaker.delegationName !== turn.speaker.name && (
              <p className="display-delegation">{turn.speaker.delegationName}</p>
            )}
            <Clock turn={turn} size="display" />
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
  const here = currentPlace(view);
  const idle = useIdle();
  const { fullscreen, toggle } = useFullscreen();
  const running = view.status === 'running';
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
