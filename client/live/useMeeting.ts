import { useCallback, useEffect, useRef, useState } from 'react';
import type { SignedOut } from '../../shared/protocol/access';
import type { Command } from '../../shared/protocol/commands';
import type { CommandAck } from '../../shared/protocol/errors';
import { StateFollower } from '../../shared/protocol/state';
import type { MeetingView } from '../../shared/protocol/view';
import type { Session } from '../app/sessions';
import { useT } from '../i18n/useT';
import { CommandSender } from './commandSender';
import { watchHeartbeat } from './heartbeat';
import type { ShownRefusal } from './refusalWords';
import { ServerClock } from './serverClock';
import { connectMeeting, probeOf } from './socket';

export type Connection = 'connecting' | 'online' | 'reconnecting';

/** A refusal shown to the person who pressed: its words come in the page's language. */
export interface Notice {
  id: number;
  refusal: ShownRefusal;
}

export interface LiveMeeting {
  session: Session;
  /**
   * What the server last said, the agenda always included (kept from the last state that carried
   * it); null until the first state arrives.
   */
  view: MeetingView | null;
  connection: Connection;
  clock: ServerClock;
  /**
   * Sends a command and answers the server's ack; a refusal is also shown to the person. A
   * command carries what its sender saw (`turnId`, `fromStepId`, the request at the head), so a
   * `conflict` means the meeting moved on meanwhile, in words that say how: it is shown, never
   * retried (docs/protocol.md, "Intent"). What is sent again is only a command whose answer never
   * came, once, with its command id, after reconnecting (`CommandSender`): the server applies it
   * at most once, and the caller waits for that answer.
   */
  send: (command: Command) => Promise<CommandAck>;
  /**
   * Calls `listener` with every state the screen takes, in order, as it arrives; answers how to
   * stop. React may draw only the last of several states that arrive together (a busy machine, a
   * reconnection's burst): a part that must see each one, such as a turn that came and went
   * between two drawings, listens here.
   */
  onState: (listener: (view: MeetingView) => void) => () => void;
  notices: Notice[];
  dismiss: (id: number) => void;
}

/**
 * A refusal this screen makes itself, never sent (`live.*`, in the `common` catalogue): its reason,
 * which the screens say in their language as any refusal's, and its words in the page's language
 * when it was made.
 */
const unsent = (id: 'live.not-connected' | 'live.no-answer', words: string): CommandAck => ({
  ok: false,
  error: { code: 'unavailable', message: words, reason: { id } },
});

const NOTICE_MS = 12_000;

/**
 * The one live connection of a screen: the meeting's state as the server pushes it, the offset to
 * the server's clock, and the one way to send a command. Nothing here changes the view on its
 * own: the screen shows what the server says.
 */
export const useMeeting = (
  session: Session,
  onUnauthorized: (signedOut?: SignedOut['reason']) => void,
): LiveMeeting => {
  const t = useT();
  // The refusals this screen makes itself are worded when they are made, in the page's language.
  const say = useRef(t);
  say.current = t;
  const [view, setView] = useState<MeetingView | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [notices, setNotices] = useState<Notice[]>([]);
  const [clock] = useState(() => new ServerClock());
  const senderRef = useRef<CommandSender | null>(null);
  const unauthorizedRef = useRef(onUnauthorized);
  unauthorizedRef.current = onUnauthorized;
  const nextNotice = useRef(1);
  const stateListeners = useRef(new Set<(view: MeetingView) => void>());

  const dismiss = useCallback((id: number) => {
    setNotices((all) => all.filter((n) => n.id !== id));
  }, []);

  const notify = useCallback(
    (refusal: ShownRefusal) => {
      const id = nextNotice.current++;
      // The newest refusal replaces older ones: the person reads one message, the latest.
      setNotices([{ id, refusal }]);
      setTimeout(() => dismiss(id), NOTICE_MS);
    },
    [dismiss],
  );

  useEffect(() => {
    const socket = connectMeeting(session.token);
    const sender = new CommandSender(socket);
    senderRef.current = sender;
    const probe = probeOf(socket);
    const stopWatching = watchHeartbeat(socket);
    let retry: ReturnType<typeof setTimeout> | undefined;
    // Why the chair signed this device out, for the join screen to say in its language.
    let signedOut: SignedOut['reason'] | undefined;

    socket.on('connect', () => {
      setConnection('online');
      clock.start(probe);
    });
    // One follower for the life of the screen, across reconnections: it never shows an older
    // state than one shown, and completes lean states with the agenda it last got.
    const follower = new StateFollower();
    socket.on('state', (state) => {
      const next = follower.receive(state);
      if (!next) return;
      clock.noteServerTime(next.serverTime);
      setView(next);
      for (const listener of stateListeners.current) listener(next);
    });
    socket.on('signed_out', (signal) => {
      signedOut = signal.reason;
    });
    socket.on('disconnect', (reason) => {
      setConnection('reconnecting');
      clock.stop();
      // The server let go of this socket on purpose (a restart, say): socket.io will not retry.
      // i18n-ignore: socket.io's name for that reason, not words a person reads
      if (reason === 'io server disconnect') retry = setTimeout(() => socket.connect(), 1_000);
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') {
        socket.disconnect();
        unauthorizedRef.current(signedOut);
        return;
      }
      setConnection((was) => (was === 'online' ? 'reconnecting' : was));
      // A refusal by the server's middleware stops socket.io's own retries; keep trying.
      if (!socket.active) retry = setTimeout(() => socket.connect(), 2_000);
    });

    const onVisible = () => {
      // A tablet waking from sleep: its clock may have jumped, so measure the offset again.
      if (document.visibilityState === 'visible' && socket.connected) clock.start(probe);
    };
    document.addEventListener('visibilitychange', onVisible);

    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      stopWatching();
      if (retry !== undefined) clearTimeout(retry);
      clock.stop();
      sender.close();
      socket.removeAllListeners();
      socket.disconnect();
      senderRef.current = null;
    };
  }, [session.token, clock]);

  const emit = useCallback(async (command: Command): Promise<CommandAck> => {
    const sent = await (senderRef.current?.send(command) ?? { kind: 'not-connected' as const });
    switch (sent.kind) {
      case 'answered':
        return sent.ack;
      case 'not-connected':
        return unsent('live.not-connected', say.current('live.not-connected'));
      case 'no-answer':
        return unsent('live.no-answer', say.current('live.no-answer'));
      default:
        return sent satisfies never;
    }
  }, []);

  const send = useCallback(
    async (command: Command): Promise<CommandAck> => {
      const ack = await emit(command);
      if (!ack.ok) notify(ack.error);
      return ack;
    },
    [emit, notify],
  );

  const onState = useCallback((listener: (view: MeetingView) => void) => {
    stateListeners.current.add(listener);
    return () => {
      stateListeners.current.delete(listener);
    };
  }, []);

  return { session, view, connection, clock, send, onState, notices, dismiss };
};
