import {
  type ComponentType,
  type FormEvent,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import type { Lang } from '../../shared/protocol/common';
import { ApiError, joinMeeting, joinProblem } from '../app/api';
import { type DisplayCodeScreen, displayCodePath, navigate } from '../app/router';
import {
  forgetSession,
  loadSession,
  type Session,
  saveSession,
  useStoredSession,
} from '../app/sessions';
import { i18n } from '../i18n/i18n';
import { LiveProvider } from '../live/LiveContext';
import { useMeeting } from '../live/useMeeting';
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

const SCREEN_NAME: Record<DisplayCodeScreen, string> = {
  podium: 'Podium',
  overlay: 'Overlay',
};

const NOT_THE_DISPLAY_CODE =
  "That is not the room display's code. The podium and the overlay open with the code of the room display.";

/** The podium and the overlay speak the room display's language (`display.lang`). */
const useDocumentLang = (lang: Lang | undefined): void => {
  useEffect(() => {
    if (lang === undefined) return;
    const root = document.documentElement;
    const was = root.lang;
    root.lang = lang;
    return () => {
      root.lang = was;
    };
  }, [lang]);
};

/** A join with the room display's code; any other role's code is refused here, not kept. */
const joinAsDisplay = async (meetingId: string, code: string): Promise<Session> => {
  const answer = await joinMeeting(meetingId, code);
  if (answer.role !== 'display') throw new Error(NOT_THE_DISPLAY_CODE);
  const session: Session = { meetingId, token: answer.token, role: 'display' };
  saveSession(session);
  return session;
};

const problemOf = (error: unknown): string => {
  if (error instanceof ApiError && error.code === 'unauthorized') {
    return "That code does not open this meeting: type the room display's current code.";
  }
  if (error instanceof ApiError) return i18n._(joinProblem(error));
  return error instanceof Error ? error.message : 'Joining failed. Try again.';
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
  problem: string | null;
  onUnknown: () => void;
}) => {
  const [code, setCode] = useState('');
  const [message, setMessage] = useState(problem);
  const [busy, setBusy] = useState(false);
  const codeId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() === '') {
      setMessage("Type the room display's access code.");
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await joinAsDisplay(meetingId, code.trim());
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') onUnknown();
      setMessage(problemOf(error));
      setBusy(false);
    }
  };
  return (
    <main className={`join join-${screen}`}>
      <h1>{SCREEN_NAME[screen]}</h1>
      <p className="join-lead">
        {screen === 'podium'
          ? "The podium shows the speaker, the clock and the chair's cues at the lectern. It opens with the room display's access code."
          : "The overlay is a lower third for a webcast mixer's browser source. It opens with the room display's access code: add ?code=<the code> to its address, or type the code here."}
      </p>
      <form className="join-card" onSubmit={submit}>
        <label htmlFor={codeId}>Access code of the room display</label>
        <input
          id={codeId}
          className="code-input"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={64}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="button-primary button-wide" disabled={busy}>
          Join
        </button>
        <div role="alert" className="join-problem">
          {message && <p>{message}</p>}
        </div>
      </form>
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
  onUnauthorized: (signedOut?: string) => void;
}) => {
  const live = useMeeting(session, onUnauthorized);
  const title = live.view?.title;
  useDocumentLang(live.view?.display.lang);
  useEffect(() => {
    document.title = `${SCREEN_NAME[screen]}${title ? ` · ${title}` : ''} · Rostrum`;
    return () => {
      document.title = 'Rostrum';
    };
  }, [screen, title]);
  const Screen = SCREENS[screen];
  return (
    <LiveProvider live={live}>
      <Suspense fallback={null}>
        <Screen />
      </Suspense>
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
export const ByDisplayCode = ({
  meetingId,
  screen,
  code,
}: {
  meetingId: string;
  screen: DisplayCodeScreen;
  code: string;
}) => {
  const session = useStoredSession(meetingId, 'display');
  // The address's code, kept once it leaves the address bar.
  const [addressCode] = useState(() => code.trim());
  /** Whether the address's code was used: at most once in the life of the page. */
  const codeUsed = useRef(false);
  const [problem, setProblem] = useState<string | null>(null);
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
    (signedOut?: string) => {
      // Another page of this device took a newer token of the room display: it is shown already.
      const stored = loadSession(meetingId, 'display');
      if (stored && stored.token !== session?.token) return;
      forgetSession(meetingId, 'display');
      // With a code still to use, the join above takes it; otherwise the page asks for one.
      if (addressCode === '' || codeUsed.current) {
        setProblem(
          signedOut ??
            "This screen is no longer admitted to the meeting: type the room display's new access code.",
        );
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
        <p role="status">Joining the meeting…</p>
      </main>
    );
  }
  return (
    <DisplayCodeForm
      key={problem ?? ''}
      meetingId={meetingId}
      screen={screen}
      problem={problem}
      onUnknown={() => setUnknown(true)}
    />
  );
};
