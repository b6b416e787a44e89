import { Trans } from '@lingui/react';
import { type ReactNode, useRef } from 'react';
import { currentStep, speakersToCome } from '../../shared/engine/places';
import type { MeetingView, TurnView } from '../../shared/protocol/view';
import { clockTimeOf } from '../../shared/schedule/zonedTime';
import { leaveMeeting } from '../app/leave';
import { Clock } from '../components/Clock';
import { ConfirmButton } from '../components/ConfirmButton';
import { ConnectionNotice } from '../components/Notices';
import { SpeakerNames } from '../components/SpeakerNames';
import { useRoomLang } from '../i18n/languages';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useServerNow } from '../live/useServerNow';
import { placeTitle } from '../meeting/agenda';
import { Blackout } from './Blackout';
import { minutesLate } from './lateness';
import { RoomLanguageMenu } from './RoomLanguageMenu';
import { type RoomWords, useRoomWords } from './roomWords';
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
  const t = useT();
  const { clock } = useLiveView();
  // Hours and minutes: redrawn once a minute.
  const now = useServerNow(clock, 'minute');
  return (
    <p className="display-time">
      <span className="visually-hidden">{t('room.time-of-day')} </span>
      {/* A time of day reads left to right in every language. */}
      <bdi dir="ltr">{clockTimeOf(now, view.agenda.timeZone)}</bdi>
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
  const minutes = minutesLate(view, now);
  return minutes === null ? null : (
    <p className="display-delay">{t('room.running-late', { minutes })}</p>
  );
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
const upcoming = (view: MeetingView, words: RoomWords): { total: number; first: Upcoming[] } => {
  const here = currentStep(view);
  if (here?.step.kind === 'floor') {
    return {
      total: view.floor.queue.length,
      first: view.floor.queue.slice(0, NEXT_RENDERED).map((r): Upcoming => {
        const behalf = words.behalf(r.onBehalfOf);
        const kind = words.kind(r.kind);
        return {
          key: r.id,
          name: words.delegation(r.delegationId, r.name),
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
  const t = useT();
  const words = useRoomWords();
  const here = currentStep(view);
  const { total, first } = upcoming(view, words);
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
      <h2 id="next-heading">{t(floor ? 'room.next-speakers' : 'room.speakers-to-come')}</h2>
      {first.length === 0 ? (
        <p className="display-quiet">{t(floor ? 'room.nobody-waiting' : 'room.none-to-come')}</p>
      ) : (
        <ol ref={list} className="display-next-list">
          {first.map((n, i) => (
            // Those that do not fit stay laid out (to be measured when room is made) but unseen.
            <li key={n.key} className={i < shown ? undefined : 'is-beyond'}>
              {n.kind && <span className="display-next-kind">{n.kind}</span>}
              <span className="display-next-name">{n.name}</span>
              {n.behalf && <span className="display-next-behalf">{n.behalf}</span>}
              {n.detail && (
                // A speaker's name, or a role, as written: cut at its own end if it must be.
                <span className="display-next-detail" dir="auto">
                  {n.detail}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {more > 0 && <p className="display-more">{t('room.and-more', { count: more })}</p>}
      {floor && (
        <p className={`display-list ${view.floor.open ? 'is-open' : 'is-closed'}`}>
          {t(view.floor.open ? 'room.list-open' : 'room.list-closed')}
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
  const words = useRoomWords();
  return (
    <p className="display-interrupted">
      <Trans
        id="room.interrupted"
        values={{ name: words.roomName(turn.speaker) }}
        components={{ 0: <bdi /> }}
      />
    </p>
  );
};

const Floor = ({ view }: { view: MeetingView }) => {
  const t = useT();
  const words = useRoomWords();
  const { turn } = view;
  const here = currentStep(view);
  const panel = here?.step.kind === 'floor' && view.floor.segment === 'panel';
  const kind = words.kind(turn?.speaker.kind);
  return (
    <div className="display-body">
      <section className="display-turn" aria-label={t('room.has-the-floor')}>
        {(panel || kind) && (
          <div className="display-tags">
            {kind && (
              <p className={`display-kind kind-${turn?.speaker.kind ?? 'statement'}`}>{kind}</p>
            )}
            {panel && <p className="display-segment">{t('room.panel-responds')}</p>}
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
            {t(
              here?.step.kind === 'floor' && view.floor.open
                ? 'room.floor-open-for-requests'
                : 'room.floor-free',
            )}
          </p>
        )}
      </section>
      <NextSpeakers view={view} />
    </div>
  );
};

const Message = ({ view, children }: { view: MeetingView; children: ReactNode }) => (
  <div className="display-message">
    <h1 className="display-title" dir="auto">
      {view.title}
    </h1>
    {children}
  </div>
);

const DisplayBody = ({ view }: { view: MeetingView }) => {
  const t = useT();
  switch (view.status) {
    case 'pending':
      return (
        <Message view={view}>
          {view.agenda.venue && (
            <p className="display-venue" dir="auto">
              {view.agenda.venue}
            </p>
          )}
          <p className="display-state">{t('room.meeting-begins-shortly')}</p>
        </Message>
      );
    case 'closed':
      return (
        <Message view={view}>
          <p className="display-state">{t('room.meeting-closed')}</p>
        </Message>
      );
    case 'suspended':
      return (
        <Message view={view}>
          <p className="display-state">{t('room.meeting-suspended')}</p>
          {view.suspension?.note && (
            <p className="display-note" dir="auto">
              {view.suspension.note}
            </p>
          )}
        </Message>
      );
    case 'running':
      return <Floor view={view} />;
    default:
      return view.status satisfies never;
  }
};

/**
 * The room display: a 16:9 projector read from the back of the room, in the language the chair
 * chose for the room (`display.lang`) unless this device pins one. No controls but those the
 * pointer wakes: the full screen, the language, leaving.
 */
export const DisplayScreen = () => {
  const t = useT();
  const { view, session } = useLiveView();
  useRoomLang(view.display.lang);
  const here = currentStep(view);
  const idle = useIdle();
  const { fullscreen, toggle } = useFullscreen();
  const running = view.status === 'running';
  // Nothing but black while the chair blacks the room out; F still toggles the full screen.
  if (view.display.blackout) return <Blackout />;
  return (
    <div className={`display status-${view.status}${idle ? ' is-idle' : ''}`}>
      <header className="display-header">
        {/* The agenda's titles are as the chair wrote them, in any script. */}
        <p className="display-place" dir="auto">
          {running && here
            ? placeTitle(here)
            : view.status === 'suspended'
              ? t('room.suspended')
              : ''}
        </p>
        <Delay view={view} />
        <TimeOfDay view={view} />
      </header>
      <ConnectionNotice />
      <main className="display-main">
        <DisplayBody view={view} />
      </main>
      <div className="display-tools">
        <RoomLanguageMenu chairLang={view.display.lang} />
        <button type="button" onClick={toggle} aria-keyshortcuts="F">
          {t(fullscreen ? 'room.leave-full-screen' : 'room.full-screen')}
        </button>
        <ConfirmButton
          question={t('room.leave-question')}
          confirmLabel={t('room.leave')}
          onConfirm={() => leaveMeeting(session.meetingId, session.role)}
        >
          {t('room.leave')}
        </ConfirmButton>
      </div>
    </div>
  );
};
