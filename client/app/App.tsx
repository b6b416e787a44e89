import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
import type { Role } from '../../shared/protocol/common';
import { AlertRegion } from '../components/Notices';
import { JoinByLink } from '../join/JoinByLink';
import { JoinScreen } from '../join/JoinScreen';
import { LiveProvider } from '../live/LiveContext';
import { useMeeting } from '../live/useMeeting';
import { leaveMeeting } from './leave';
import { homePath, navigate, screenPath, useRoute } from './router';
import { loadSession, type Session, useStoredSession } from './sessions';

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
  report: 'Only a chair or a moderator can read the report.',
  cards: 'Only a chair can print the join cards.',
  devices: 'Only a chair can manage the devices and codes of the meeting.',
};

const Waiting = ({ children }: { children: string }) => (
  <main className="waiting">
    <p role="status">{children}</p>
  </main>
);

const LiveScreen = ({ session }: { session: Session }) => {
  const live = useMeeting(session, (signedOut) => {
    // Another page of this device holds a newer token (its chair rotated the chair code): the
    // route has taken it up, or is about to; forgetting it would sign that page out too.
    const stored = loadSession(session.meetingId);
    if (stored && stored.token !== session.token) return;
    leaveMeeting(
      session.meetingId,
      signedOut ??
        'This device is no longer admitted to the meeting. Join again with an access code.',
    );
  });
  const Screen = SCREENS[session.role];
  return (
    <LiveProvider live={live}>
      {live.view ? (
        <Suspense fallback={<Waiting>Opening the screen…</Waiting>}>
          <Screen />
        </Suspense>
      ) : (
        <Waiting>
          {live.connection === 'reconnecting'
            ? 'The server cannot be reached. Trying again…'
            : 'Connecting to the meeting…'}
        </Waiting>
      )}
      <AlertRegion />
    </LiveProvider>
  );
};

/** A screen's path: the token this device holds for the meeting decides which screen it is. */
const ScreenRoute = ({ meetingId, screen }: { meetingId: string; screen: Role }) => {
  const session = useStoredSession(meetingId);
  const target = !session
    ? homePath(meetingId)
    : session.role !== screen
      ? screenPath(meetingId, session.role)
      : null;
  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target]);
  if (!session || target) return <Waiting>Opening…</Waiting>;
  return <LiveScreen key={session.token} session={session} />;
};

/** A printable page, read over HTTP with the token this device holds for the meeting. */
const PrintRoute = ({ meetingId, page }: { meetingId: string; page: PrintPage }) => {
  const stored = useStoredSession(meetingId);
  // A page already open keeps its session when another page of this device forgets it (a console
  // whose token was revoked): it says so in its own words rather than vanishing.
  const [kept, keep] = useState(stored);
  if (stored && stored !== kept) keep(stored);
  const session = stored ?? kept;
  const joined = session !== null;
  useEffect(() => {
    if (!joined) navigate(homePath(meetingId), { replace: true });
  }, [joined, meetingId]);
  if (!session) return <Waiting>Opening…</Waiting>;
  if (!PAGE_ROLES[page].includes(session.role)) {
    return (
      <main className="join">
        <h1>Not for this device</h1>
        <p>{NOT_YOURS[page]}</p>
        <p>
          <a href={screenPath(meetingId, session.role)}>Back to your screen</a>
        </p>
      </main>
    );
  }
  const Page = PAGES[page];
  return (
    <Suspense fallback={<Waiting>Opening…</Waiting>}>
      <Page session={session} />
    </Suspense>
  );
};

export const App = () => {
  const route = useRoute();
  switch (route.page) {
    case 'home':
      return <JoinScreen key={route.meetingId ?? ''} meetingId={route.meetingId} />;
    case 'join':
      return <JoinByLink meetingId={route.meetingId} code={route.code} />;
    case 'screen':
      return <ScreenRoute meetingId={route.meetingId} screen={route.screen} />;
    case 'report':
    case 'cards':
    case 'devices':
      return <PrintRoute key={route.meetingId} meetingId={route.meetingId} page={route.page} />;
    case 'unknown':
      return (
        <main className="join">
          <h1>Not a Rostrum page</h1>
          <p>
            <a href="/">Go to the list of meetings</a>
          </p>
        </main>
      );
    default:
      return route satisfies never;
  }
};
