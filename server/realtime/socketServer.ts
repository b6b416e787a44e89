import type { Server as HttpServer } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { Role } from '../../shared/protocol/common';
import {
  type AckOf,
  type ClientEvent,
  type ConnectRefusal,
  HandshakeAuth,
  type ReceivedClientEvents,
  type ServerToClientEvents,
} from '../../shared/protocol/contract';
import { LIMITS } from '../../shared/protocol/limits';
import { tokenHash } from '../access/tokens';
import type { ServerClock } from '../clock';
import type { ClusterBus, InterServerEvents } from '../cluster/bus';
import type { MeetingRegistry } from '../meetings/registry';
import type { CommandIntake } from './commandIntake';
import type { HandshakeGuard } from './handshakeGuard';
import type { RoomStates } from './roomStates';
import { SyncLimit } from './syncLimit';

/**
 * The events are the contract's (`shared/protocol/contract.ts`): what the server sends is typed
 * as the screens read it; what it receives is `unknown` until parsed (`ReceivedClientEvents`), and
 * what it answers through an ack is typed by `AckOf`.
 */

/** What the handshake learnt from the token: the server's own, never sent. */
export interface SocketData {
  meetingId: string;
  role: Role;
  delegationId?: string;
  /** The token's hash: its command limits are kept under it, across sockets and reconnections. */
  tokenKey: string;
}

export type RostrumSocketServer = Server<
  ReceivedClientEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type RostrumSocket = Socket<
  ReceivedClientEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** The socket.io room of a meeting: every device of that meeting, whatever its role. */
export const roomOf = (meetingId: string): string => `meeting:${meetingId}`;

/** An ack as the server calls it: with the answer the contract gives that event. */
type Ack<E extends ClientEvent> = (answer: AckOf<E>) => void;

/** The ack callback socket.io passes last, when the client asked for one. */
const ackOf = <E extends ClientEvent>(args: unknown[]): Ack<E> | null => {
  const last = args[args.length - 1];
  // socket.io puts a function last only for an ack: it sends the answer back, whatever it is.
  return typeof last === 'function' ? (last as Ack<E>) : null;
};

/**
 * socket.io on the server's own origin, default path. A message over 16 KiB closes the
 * connection (engine.io's `maxHttpBufferSize`). In a cluster, `adapter` is the Redis streams
 * adapter: rooms, sign-outs and device counts span the nodes.
 */
export const createSocketServer = (
  httpServer: HttpServer,
  adapter?: ServerOptions['adapter'],
): RostrumSocketServer =>
  new Server<ReceivedClientEvents, ServerToClientEvents, InterServerEvents, SocketData>(
    httpServer,
    {
      ...(adapter !== undefined && { adapter }),
      maxHttpBufferSize: LIMITS.socketMessageBytes,
      serveClient: false,
      // Tokens travel in the handshake's auth payload, not in cookies: no cross-site risk.
      cookie: false,
      // A connection that has not completed the handshake within 10 s is closed (default 45 s),
      // so half-open connections cannot pile up.
      connectTimeout: 10_000,
      // Frequent enough for a screen to notice a silent network within 5 s (LIMITS).
      pingInterval: LIMITS.heartbeatIntervalMs,
    },
  );

/**
 * The handshake (a token, or `connect_error: unauthorized`), the `state` on connect, and the
 * `command` and `sync` handlers. Every handler is wrapped: an exception is logged with its stack
 * and answered `unavailable`, and the process goes on. Commands go through `commands`, the
 * intake the control API shares (`commandIntake.ts`).
 */
export const attachRealtime = (
  io: RostrumSocketServer,
  registry: MeetingRegistry,
  log: FastifyBaseLogger,
  guard: HandshakeGuard,
  clock: ServerClock,
  commands: CommandIntake,
  rooms: RoomStates,
  bus: ClusterBus | null,
): void => {
  // socket.io takes the middleware's `next` whenever it comes: the token is looked up in the
  // store, which may answer later. The promise is not socket.io's: every failure ends in `next`.
  io.use(async (socket, next) => {
    try {
      // Before any look-up: an address over its wrong-code budget, a connection refused before.
      const early = await guard.early(socket);
      if (early) {
        await guard.refuse(socket, next, early);
        return;
      }
      const auth = HandshakeAuth.safeParse(socket.handshake.auth);
      const token = auth.success ? auth.data.token : null;
      const issued = token === null ? null : await registry.authenticate(token);
      if (!issued || token === null) {
        await guard.refuse(socket, next, 'unauthorized');
        return;
      }
      socket.data.meetingId = issued.meetingId;
      socket.data.role = issued.role;
      if (issued.delegationId !== undefined) socket.data.delegationId = issued.delegationId;
      socket.data.tokenKey = tokenHash(token);
      next();
    } catch (error) {
      log.error({ err: error }, 'handshake failed');
      const refusal: ConnectRefusal = 'unavailable';
      next(new Error(refusal));
    }
  });

  io.on('connection', (socket) => {
    try {
      const { meetingId } = socket.data;
      const runtime = registry.get(meetingId);
      if (!runtime && !bus) {
        socket.disconnect(true);
        return;
      }
      void socket.join(roomOf(meetingId));
      // The state now, whole: from the meeting's runtime on its owner; elsewhere, the latest
      // this node relayed, or else the owner's answer. With no owner (a failover under way) the
      // socket waits in the room: the next owner publishes the meeting as soon as it holds it.
      if (runtime) rooms.welcome(socket, meetingId, runtime.stateForNewcomer());
      else if (!rooms.welcome(socket, meetingId, null) && bus) {
        void bus.stateOf(meetingId).then((view) => {
          if (socket.connected) rooms.welcome(socket, meetingId, view);
        });
      }
      // One socket's answers go in the order its commands came, as when each was answered at
      // once: a refusal answered at once waits for the answer before it (and so for its commit).
      let answered: Promise<void> = Promise.resolve();
      socket.on('command', (...args) => {
        answered = onCommand(socket, commands, log, args, answered);
      });
      const syncs = new SyncLimit(clock.now());
      socket.on('sync', (...args) => {
        const verdict = syncs.admit(clock.now());
        if (verdict === 'disconnect') {
          log.warn({ meetingId: socket.data.meetingId }, 'disconnected a socket flooding sync');
          socket.disconnect(true);
          return;
        }
        const ack = ackOf<'sync'>(args);
        if (ack && verdict === 'answer') answer(ack, clock.now(), log);
      });
    } catch (error) {
      log.error({ err: error }, 'connection failed');
      socket.disconnect(true);
    }
  });
};

const answer = <E extends ClientEvent>(
  ack: Ack<E>,
  value: AckOf<E>,
  log: FastifyBaseLogger,
): void => {
  try {
    ack(value);
  } catch (error) {
    log.error({ err: error }, 'could not send an ack');
  }
};

/**
 * A command on a socket: the intake's answer through the ack, or the socket closed, once the
 * socket's earlier commands are answered (`before`). Settles when it is answered; never rejects.
 */
const onCommand = (
  socket: RostrumSocket,
  commands: CommandIntake,
  log: FastifyBaseLogger,
  args: unknown[],
  before: Promise<void>,
): Promise<void> => {
  const ack = ackOf<'command'>(args);
  // Without an ack the sender could never learn the outcome: such a message is ignored.
  if (!ack) return before;
  // The command is the first argument when there is one besides the ack. The intake never
  // rejects: its answer comes once the meeting has stored the command (or refused it).
  const handled = commands.take(socket.data, args.length > 1 ? args[0] : undefined, 'socket');
  return Promise.all([handled, before])
    .then(([outcome]) => {
      if (outcome.kind === 'close') {
        socket.disconnect(true);
        return;
      }
      answer(ack, outcome.ack, log);
    })
    .catch((error: unknown) => log.error({ err: error }, 'could not answer a command'));
};
