import { io, type Socket } from 'socket.io-client';
import type { Command } from '../../shared/protocol/commands';
import type {
  AckOf,
  ClientToServerEvents,
  HandshakeAuth,
  ServerToClientEvents,
} from '../../shared/protocol/contract';

/**
 * A screen's socket, typed by the contract's events (docs/protocol.md, "Socket.io";
 * `shared/protocol/contract.ts`): `state` and `signed_out` in, `command` and `sync` out with their
 * acks.
 */
export type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Connects to the server this page came from (or to `url`: the tests drive this from Node),
 * WebSocket first, reconnecting with back-off.
 */
export const connectMeeting = (token: string, url?: string): MeetingSocket => {
  const auth: HandshakeAuth = { token };
  return io(url, {
    auth,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    randomizationFactor: 0.5,
    // An attempt that has not opened within 5 s is given up and made again (default 20 s): on the
    // room's network a connection opens in milliseconds, and one made while the network was
    // silent never will, even once the network is back.
    timeout: 5_000,
  });
};

export const SYNC_TIMEOUT_MS = 2_000;
export const COMMAND_TIMEOUT_MS = 10_000;

/**
 * Sends a command and waits for its ack, `CommandAck` as the contract types it; rejects when none
 * came within `timeoutMs`. (socket.io's own `timeout().emitWithAck()` answers `any`: its types
 * cannot see the ack behind the timeout's error argument.)
 */
export const emitCommand = (
  socket: MeetingSocket,
  command: Command,
  timeoutMs = COMMAND_TIMEOUT_MS,
): Promise<AckOf<'command'>> =>
  new Promise((resolve, reject) => {
    socket.timeout(timeoutMs).emit('command', command, (error, ack) => {
      if (error) reject(error);
      else resolve(ack);
    });
  });

export const probeOf =
  (socket: MeetingSocket) =>
  (clientTime: number): Promise<number | null> =>
    new Promise((resolve) => {
      if (!socket.connected) {
        resolve(null);
        return;
      }
      socket.timeout(SYNC_TIMEOUT_MS).emit('sync', clientTime, (error, serverNow) => {
        resolve(error || typeof serverNow !== 'number' ? null : serverNow);
      });
    });
