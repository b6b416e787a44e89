import type { ConnectRefusal } from '../../shared/protocol/contract';
import type { WrongCodeLimiter } from '../http/wrongCodeLimiter';
import type { EngineConnection } from './engineConnection';
import type { RostrumSocketServer } from './socketServer';

/** What a refused handshake's `connect_error` says, when the guard refuses it. */
export type HandshakeRefusal = Extract<ConnectRefusal, 'unauthorized' | 'rate_limited'>;

/** The handshake as the guard sees it: the engine.io connection under it and the device's address. */
interface Handshaking {
  conn: { close(): unknown };
  handshake: { address: string };
}

/**
 * Guards the socket.io handshake against a flood of wrong tokens.
 *
 * One engine.io connection can carry any number of socket.io CONNECT packets, each a try at a
 * token. So: a refused handshake closes its engine.io connection (the `connect_error` is sent
 * first); every refused token counts against its address's wrong-code budget, the one HTTP joins
 * use; and an address over that budget, or a connection already refused, is refused before any
 * token is looked up.
 */
export class HandshakeGuard {
  /** Connections that were refused once: whatever they still send is refused without a look-up. */
  private readonly refused = new WeakSet<object>();

  constructor(private readonly limiter: WrongCodeLimiter) {}

  /**
   * Closes every engine.io connection whose socket.io handshake was refused, whatever refused it
   * (a token, the budget, or socket.io itself: an unknown namespace).
   */
  install(io: RostrumSocketServer): void {
    io.engine.on('connection', (conn: EngineConnection) => {
      conn.on('packetCreate', (packet: { type: string; data?: unknown }) => {
        // A socket.io CONNECT_ERROR is packet type 4, the first character of the message.
        if (packet.type !== 'message' || typeof packet.data !== 'string') return;
        if (!packet.data.startsWith('4')) return;
        // The packet is being queued now: close once it is, and close() sends it before closing.
        process.nextTick(() => conn.close());
      });
    });
  }

  /** The refusal due before any token is looked up, or null when the handshake may go on. */
  early(socket: Handshaking): HandshakeRefusal | null {
    if (this.refused.has(socket.conn)) return 'unauthorized';
    return this.limiter.retryAfterMs(socket.handshake.address) > 0 ? 'rate_limited' : null;
  }

  /** Refuses the handshake; a wrong token counts against its address's budget. */
  refuse(socket: Handshaking, next: (error: Error) => void, why: HandshakeRefusal): void {
    const { conn } = socket;
    const first = !this.refused.has(conn);
    if (first) {
      // Counted once per connection: what it sends after its first refusal is not looked up.
      this.refused.add(conn);
      if (why === 'unauthorized') this.limiter.recordFailure(socket.handshake.address);
    }
    // socket.io queues the CONNECT_ERROR on the next tick; closing right behind it (close() sends
    // what is queued first) also stops the CONNECT packets already read from being answered.
    next(new Error(why));
    if (first) process.nextTick(() => conn.close());
  }
}
