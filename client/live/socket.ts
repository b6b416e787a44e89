import { io, type Socket } from 'socket.io-client';
import type { SignedOut } from '../../shared/protocol/access';
import type { Command } from '../../shared/protocol/commands';
import type { CommandAck } from '../../shared/protocol/errors';
import type { MeetingState } from '../../shared/protocol/state';

/** The socket.io events of the contract (PROTOCOL.md, "Socket.io"). */
export interface ServerEvents {
  /** The agenda only on connect and when it changes: `useMeeting` completes it. */
  state: (state: MeetingState) => void;
  /** Added: the chair revoked this device's token; the server closes the socket next. */
  signed_out: (signal: SignedOut) => void;
}

export interface ClientEvents {
  command: (command: Command, ack: (answer: CommandAck) => void) => void;
  sync: (clientTime: number, ack: (serverNow: number) => void) => void;
}

export type MeetingSocket = Socket<ServerEvents, ClientEvents>;

/** Connects to the server this page came from, WebSocket first, reconnecting with back-off. */
export const connectMeeting = (token: string): MeetingSocket =>
  io({
    auth: { token },
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

export const SYNC_TIMEOUT_MS = 2_000;
export const COMMAND_TIMEOUT_MS = 10_000;

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
