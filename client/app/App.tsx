import type { MessageDescriptor } from '@lingui/core';
import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
import type { Role } from '../../shared/protocol/common';
import { AlertRegion } from '../components/Notices';
import { PAGE_AREAS } from '../i18n/areas';
import { Catalogues } from '../i18n/languages';
import { NamesProvider } from '../i18n/names';
import { useT } from '../i18n/useT';
import { ByDisplayCode } from '../join/ByDisplayCode';
import { JoinByLink } from '../join/JoinByLink';
import { JoinScreen } from '../join/JoinScreen';
import { UnknownMeeting } from '../join/UnknownMeeting';
import { useMeetingKnown } from '../join/useMeetingKnown';
import { LiveProvider } from '../live/LiveContext';
import { useMeeting } from '../live/useMeeting';
import { backToJoining, leaveMeeting } from './leave';
import { screenPath, useRoute } from './router';
import { loadSession, type Session, useSessionAmong, useStoredSession } from './sessions';
// The overlay's page is transparent from its first paint, before any screen's chunk arrives.
import '../styles/overlayPage.css';

// Each screen is its own chunk: a display or a tablet loads only what it shows.
const SCREENS: Record<Role, ComponentType> = {
  chair: lazy(() => import('../chair/ChairScreen').then((m) => ({ default: m.ChairScreen }))),
  moderator: lazy(() =>
    import('../moderator/ModeratorScreen').then((m) => ({ default: m.ModeratorScreen })),
  ),
  display: lazy(() =>
    import('../display/DisplayScreen').then((m) => ({ default: m.DisplayScreen })),
  ),
  delegate: lazy(() =>
    import('../delegate/DelegateScreen').then((m) => ({ default: m.DelegateScreen })),
  ),
};

/** The chair's printable pages: their own chunks too, so no screen of the room carries them. */
type PrintPage = 'report' | 'cards' | 'devices';
const PAGES: Record<PrintPage, ComponentType<{ session: Session }>> = {
  report: lazy(() => import('../report/ReportScreen').then((m) => ({ default: m.ReportScreen }))),
  cards: lazy(() => import('../cards/CardsScreen').then((m) => ({ default: m.CardsScreen }))),
  devices: lazy(() =>
    import('../chair/devices/DevicesScreen').then((m) => ({ default: m.DevicesScreen })),
  ),
};
/**
 * Who may open them: the report is a chair's or a moderator's (as the record); cards, devices and
 * codes a chair's.
 */
const PAGE_ROLES: Record<PrintPage, readonly Role[]> = {
  report: ['chair', 'moderator'],
  cards: ['chair'],
  devices: ['chair'],
};
const NOT_YOURS: Record<PrintPage, string> = {
  report: 'app.report-not-yours',
  cards: 'app.cards-not-yours',
  devices: 'app.devices-not-yours',
};

/** "This device has not joined this meeting", and who may open the page. */
const NOT_JOINED_PAGE: Record<PrintPage, string> = {
  report: 'app.not-joined-report',
  cards: 'app.not-joined-cards',
  devices: 'app.not-joined-devices',
};

/** A page on its way, saying what it waits for (a message id). */
const Waiting = ({ message }: { message: string }) => {
  const t = useT();
  return (
    <main className="waiting">
      <p role="status">{t(message)}</p>
    </main>
  );
};

/** What a tab of each role is called, in its header and in the browser's list of tabs. */
export const ROLE_SCREEN: Record<Role, string> = {
  chair: 'app.screen-chair',
  moderator: 'app.screen-moderator',
  display: 'app.screen-display',
  delegate: 'app.screen-delegate',
};

/** Why the chair signed this device out (`signed_out`), for the join page. */
const SIGNED_OUT = {
  'delegation-signed-out': { id: 'app.signed-out-delegation' },
  'code-rotated': { id: 'app.signed-out-code-rotated' },
} as const satisfies Record<string, MessageDescriptor>;

const LiveScreen = ({ session }: { session: Session }) => {
  const t = useT();
  const live = useMeeting(session, (signedOut) => {
    // Another page of this device holds a newer token of this role (its chair rotated the chair
    // code): the route has taken it up, or is about to; forgetting it would sign that page out.
    const stored = loadSession(session.meetingId, session.role);
    if (stored && stored.token !== session.token) return;
    leaveMeeting(
      session.meetingId,
      session.role,
      signedOut ? SIGNED_OUT[signedOut] : { id: 'app.no-longer-admitted' },
    );
  });
  const title = live.view?.title;
  useEffect(() => {
    // A laptop with the chair's and the moderator's consoles in two tabs tells them apart here.
    const screen = t(ROLE_SCREEN[session.role]);
    document.title = `${screen}${title ? ` · ${title}` : ''} · Rostrum`;
    return () => {
      document.title = 'Rostrum';
    };
  }, [session.role, title, t]);
  const Screen = SCREENS[session.role];
  return (
    <LiveProvider live={live}>
      {/* The names serve the refusals' alerts too: "Mexico is already waiting" in Spanish. */}
      <NamesProvider meetingId={session.meetingId}>
        {live.view ? (
          <Suspense fallback={<Waiting message="app.opening-screen" />}>
            <Catalogues areas={PAGE_AREAS[session.role]}>
              <Screen />
            </Catalogues>
          </Suspense>
        ) : (
          <Waiting
            message={
              live.connection === 'reconnecting' ? 'app.server-unreachable' : 'app.connecting'
            }
          />
        )}
        <AlertRegion />
      </NamesProvider>
    </LiveProvider>
  );
};

/**
 * A page of a meeting this device holds no token for: an unknown meeting says so; a known one
 * sends the tab to the join page, saying what it lacks.
 */
const NotJoined = ({ meetingId, lacking }: { meetingId: string; lacking: MessageDescriptor }) => {
  const known = useMeetingKnown(meetingId);
  useEffect(() => {
    if (known === 'known' || known === 'unreachable') backToJoining(meetingId, lacking);
  }, [known, meetingId, lacking]);
  if (known === 'unknown') return <UnknownMeeting meetingId={meetingId} />;
  return <Waiting message="app.opening" />;
};

/**
 * A screen's path: its role picks which of this device's tokens for the meeting the tab uses, so
 * a tab keeps its role whatever another tab joins as.
 */
const ScreenRoute = ({ meetingId, screen }: { meetingId: string; screen: Role }) => {
  const session = useStoredSession(meetingId, screen);
  if (!session) {
    return <NotJoined meetingId={meetingId} lacking={{ id: NOT_JOINED_AS[screen] }} />;
  }
  return <LiveScreen key={session.token} session={session} />;
};

const NOT_JOINED_AS: Record<Role, string> = {
  chair: 'app.not-joined-chair',
  moderator: 'app.not-joined-moderator',
  display: 'app.not-joined-display',
  delegate: 'app.not-joined-delegate',
};

/** Which of the device's tokens a printable page reads with: a chair's before a moderator's. */
const PAGE_SESSION_ORDER: readonly Role[] = ['chair', 'moderator', 'display', 'delegate'];

/** A printable page, read over HTTP with the token this device holds for the meeting. */
const PrintRoute = ({ meetingId, page }: { meetingId: string; page: PrintPage }) => {
  const t = useT();
  const stored = useSessionAmong(meetingId, PAGE_SESSION_ORDER);
  // A page already open keeps its session when another page of this device forgets it (a console
  // whose token was revoked): it says so in its own words rather than vanishing.
  const [kept, keep] = useState(stored);
  if (stored && stored !== kept) keep(stored);
  const session = stored ?? kept;
  if (!session) {
    return <NotJoined meetingId={meetingId} lacking={{ id: NOT_JOINED_PAGE[page] }} />;
  }
  if (!PAGE_ROLES[page].includes(session.role)) {
    return (
      <main className="join">
        <h1>{t('app.not-for-this-device')}</h1>
        <p>{t(NOT_YOURS[page])}</p>
        <p>
          <a href={screenPath(meetingId, session.role)}>{t('app.back-to-your-screen')}</a>
        </p>
      </main>
    );
  }
  const Page = PAGES[page];
  return (
    <NamesProvider meetingId={meetingId}>
      <Suspense fallback={<Waiting message="app.opening" />}>
        <Catalogues areas={PAGE_AREAS[page]}>
          <Page session={session} />
        </Catalogues>
      </Suspense>
    </NamesProvider>
  );
};

export const App = () => {
  const t = useT();
  const route = useRoute();
  switch (route.page) {
    case 'home':
      return <JoinScreen key={route.meetingId ?? ''} />;
    case 'join':
      return <JoinByLink meetingId={route.meetingId} code={route.code} />;
    case 'screen':
      return <ScreenRoute meetingId={route.meetingId} screen={route.screen} />;
    case 'report':
    case 'cards':
    case 'devices':
      return <PrintRoute key={route.meetingId} meetingId={route.meetingId} page={route.page} />;
    case 'podium':
    case 'overlay':
      return (
        <ByDisplayCode
          key={`${route.meetingId}.${route.page}`}
          meetingId={route.meetingId}
          screen={route.page}
          code={route.code}
        />
      );
    case 'unknown':
      return (
        <main className="join">
          <h1>{t('app.not-a-page')}</h1>
          <p>
            <a href="/">{t('app.to-joining')}</a>
          </p>
        </main>
      );
    default:
      return route satisfies never;
  }
};
