import type { MessageDescriptor } from '@lingui/core';
import {
  type ComponentType,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import type { SignedOut } from '../../shared/protocol/access';
import { ApiError, joinMeeting, joinProblem } from '../app/api';
import { type DisplayCodeScreen, displayCodePath, navigate } from '../app/router';
import {
  forgetSession,
  loadSession,
  type Session,
  saveSession,
  useStoredSession,
} from '../app/sessions';
import { Catalogues } from '../i18n/languages';
import { NamesProvider } from '../i18n/names';
import { useT } from '../i18n/useT';
import { LiveProvider } from '../live/LiveContext';
import { useMeeting } from '../live/useMeeting';
import { CodeForm } from './CodeForm';
import { UnknownMeeting } from './UnknownMeeting';

/**
 * The podium and the overlay: screens of the room display's code. Each is its own chunk, as the
 * room's other screens are; both render from the first moment (the podium says it is connecting,
 * the overlay shows nothing), so a mixer's browser source never shows a page of ours while it
 * waits.
 */
const SCREENS: Record<DisplayCodeScreen, ComponentType> = {
  podium: lazy(() => import('../podium/PodiumScreen').then((m) => ({ default: m.PodiumScreen }))),
  overlay: lazy(() =>
    import('../overlay/OverlayScreen').then((m) => ({ default: m.OverlayScreen })),
  ),
};

/** What each screen is called, on its page and in the browser's list of tabs (message ids). */
const SCREEN_NAME: Record<DisplayCodeScreen, string> = {
  podium: 'room.podium',
  overlay: 'room.overlay',
};

const SCREEN_LEAD: Record<DisplayCodeScreen, string> = {
  podium: 'room.podium-lead',
  overlay: 'room.overlay-lead',
};

/** Another role's code, refused here: a podium or an overlay is never a console or a tablet. */
class NotTheDisplayCode extends Error {}

/** A join with the room display's code; any other role's code is refused here, not kept. */
const joinAsDisplay = async (meetingId: string, code: string): Promise<Session> => {
  const answer = await joinMeeting(meetingId, code);
  if (answer.role !== 'display') throw new NotTheDisplayCode(answer.role);
  const session: Session = { meetingId, token: answer.token, role: 'display' };
  saveSession(session);
  return session;
};

const problemOf = (error: unknown): MessageDescriptor => {
  if (error instanceof NotTheDisplayCode) return { id: 'room.not-the-display-code' };
  if (error instanceof ApiError && error.code === 'unauthorized') {
    return { id: 'room.code-refused' };
  }
  return joinProblem(error);
};

/** Why the page asks for a code again, once the server no longer admits its token. */
const SIGNED_OUT: Record<SignedOut['reason'], MessageDescriptor> = {
  'code-rotated': { id: 'room.signed-out-code-rotated' },
  // A delegation's sign-out never reaches the room display's token; said plainly all the same.
  'delegation-signed-out': { id: 'room.no-longer-admitted' },
};

/**
 * No token, and no code to join with: the page asks for the room display's code where it stands,
 * so the device stays on the podium (or the overlay) once joined. An overlay says it too, in a
 * corner a production team sees while setting up the browser source (docs/overlay.md).
 */
const DisplayCodeForm = ({
  meetingId,
  screen,
  problem,
  onUnknown,
}: {
  meetingId: string;
  screen: DisplayCodeScreen;
  problem: MessageDescriptor | null;
  onUnknown: () => void;
}) => {
  const t = useT();
  return (
    <main className={`join join-${screen}`}>
      <h1>{t(SCREEN_NAME[screen])}</h1>
      <p className="join-lead">{t(SCREEN_LEAD[screen])}</p>
      <CodeForm
        fieldName="room.display-code"
        emptyProblem="room.type-the-code"
        problem={problem}
        join={async (code) => {
          try {
            await joinAsDisplay(meetingId, code);
          } catch (error) {
            if (error instanceof ApiError && error.code === 'not_found') onUnknown();
            throw error;
          }
        }}
        problemOf={problemOf}
      />
    </main>
  );
};

const LiveDisplayCodeScreen = ({
  session,
  screen,
  onUnauthorized,
}: {
  session: Session;
  screen: DisplayCodeScreen;
  onUnauthorized: (signedOut?: SignedOut['reason']) => void;
}) => {
  const t = useT();
  const live = useMeeting(session, onUnauthorized);
  const title = live.view?.title;
  const name = t(SCREEN_NAME[screen]);
  useEffect(() => {
    document.title = `${name}${title ? ` · ${title}` : ''} · Rostrum`;
    return () => {
      document.title = 'Rostrum';
    };
  }, [name, title]);
  const Screen = SCREENS[screen];
  // The screen itself follows the room's language (`display.lang`, useRoomLang), and names
  // delegations and groups in it.
  return (
    <LiveProvider live={live}>
      <NamesProvider meetingId={session.meetingId}>
        <Suspense fallback={null}>
          <Screen />
        </Suspense>
      </NamesProvider>
    </LiveProvider>
  );
};

/**
 * `/m/<id>/podium` and `/m/<id>/overlay`, with or without `?code=<the room display's code>`.
 * The token is the room display's, kept in this device's storage under the display role (a
 * laptop driving the projector and the podium holds one). The code of the address is used when
 * the device holds no token, or once when the one it holds is refused (the chair gave the room
 * display a new code, and the production team pasted the new address): so an address pasted
 * into a browser source joins once and keeps its token through every reload the mixer makes.
 * The code then leaves the address bar (not the mixer's settings), as a join link's does.
 */
export const ByDisplayCode = (props: {
  meetingId: string;
  screen: DisplayCodeScreen;
  code: string;
}) => (
  // The words of the room's screens, and of this page's own form, in the page's language.
  <Catalogues areas={['room']}>
    <DisplayCodePage {...props} />
  </Catalogues>
);

const DisplayCodePage = ({
  meetingId,
  screen,
  code,
}: {
  meetingId: string;
  screen: DisplayCodeScreen;
  code: string;
}) => {
  const t = useT();
  const session = useStoredSession(meetingId, 'display');
  // The address's code, kept once it leaves the address bar.
  const [addressCode] = useState(() => code.trim());
  /** Whether the address's code was used: at most once in the life of the page. */
  const codeUsed = useRef(false);
  const [problem, setProblem] = useState<MessageDescriptor | null>(null);
  const [joining, setJoining] = useState(false);
  const [unknown, setUnknown] = useState(false);

  useEffect(() => {
    if (code === '') return;
    const query = new URLSearchParams(window.location.search);
    query.delete('code');
    const rest = query.toString();
    navigate(`${displayCodePath(meetingId, screen)}${rest ? `?${rest}` : ''}`, { replace: true });
  }, [code, meetingId, screen]);

  useEffect(() => {
    if (session || addressCode === '' || codeUsed.current) return;
    codeUsed.current = true;
    setJoining(true);
    joinAsDisplay(meetingId, addressCode).then(
      () => setJoining(false),
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'not_found') setUnknown(true);
        setProblem(problemOf(error));
        setJoining(false);
      },
    );
  }, [session, addressCode, meetingId]);

  const onUnauthorized = useCallback(
    (signedOut?: SignedOut['reason']) => {
      // Another page of this device took a newer token of the room display: it is shown already.
      const stored = loadSession(meetingId, 'display');
      if (stored && stored.token !== session?.token) return;
      forgetSession(meetingId, 'display');
      // With a code still to use, the join above takes it; otherwise the page asks for one.
      if (addressCode === '' || codeUsed.current) {
        setProblem(signedOut ? SIGNED_OUT[signedOut] : { id: 'room.no-longer-admitted' });
      }
    },
    [meetingId, session?.token, addressCode],
  );

  if (unknown) return <UnknownMeeting meetingId={meetingId} />;
  if (session) {
    return (
      <LiveDisplayCodeScreen
        key={session.token}
        session={session}
        screen={screen}
        onUnauthorized={onUnauthorized}
      />
    );
  }
  if (joining || (addressCode !== '' && !codeUsed.current)) {
    return screen === 'overlay' ? null : (
      <main className="waiting">
        <p role="status">{t('join.joining')}</p>
      </main>
    );
  }
  return (
    <DisplayCodeForm
      key={problem ? JSON.stringify(problem) : ''}
      meetingId={meetingId}
      screen={screen}
      problem={problem}
      onUnknown={() => setUnknown(true)}
    />
  );
};
