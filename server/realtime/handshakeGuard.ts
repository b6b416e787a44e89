import type { IncomingMessage } from 'node:http';
import type { ConnectRefusal } from '../../shared/protocol/contract';
import type { ClientAddresses } from '../http/clientAddress';
import type { WrongCodeBudget } from '../http/wrongCodeLimiter';
import type { EngineConnection } from './engineConnection';
import type { RostrumSocketServer } from './socketServer';

/** What a refused handshake's `connect_error` says, when the guard refuses it. */
export type HandshakeRefusal = Extract<ConnectRefusal, 'unauthorized' | 'rate_limited'>;

/** The handshake as the guard sees it: the engine.io connection under it and its HTTP request. */
interface Handshaking {
  conn: { close(): unknown };
  request: IncomingMessage;
}

/**
 * Guards the socket.io handshake against a flood of wrong tokens.
 *
 * One engine.io connection can carry any number of socket.io CONNECT packets, each a try at a
 * token. So: a refused handshake closes its engine.io connection (the `connect_error` is sent
 * first); every refused token counts against its address's wrong-code budget, the one HTTP joins
 * use; and an address over that budget, or a connection already refused, is refused before any
 * token is looked up. The address is the client's as `addresses` reads it: behind a trusted proxy,
 * the forwarded one, as HTTP's `request.ip` (clientAddress.ts).
 */
export class HandshakeGuard {
  /**
   * Connections that were refused once: whatever they still send is refused without a look-up,
   * once the first refusal is counted (the promise), so that the first refusal is the one sent.
   */
  private readonly refused = new WeakMap<object, Promise<void>>();

  constructor(
    private readonly limiter: WrongCodeBudget,
    private readonly addresses: ClientAddresses,
  ) {}

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
  async early(socket: Handshaking): Promise<HandshakeRefusal | null> {
    if (this.refused.has(socket.conn)) return 'unauthorized';
    const waitMs = await this.limiter.retryAfterMs(this.addresses.of(socket.request));
    return waitMs > 0 ? 'rate_limited' : null;
  }

  /**
   * Refuses the handshake; a wrong token counts against its address's budget, and is counted
   * before the refusal is sent, so the next try (from any node) is checked against it.
   */
  async refuse(
    socket: Handshaking,
    next: (error: Error) => void,
    why: HandshakeRefusal,
  ): Promise<void> {
    const { conn } = socket;
    const before = this.refused.get(conn);
    const first = before === undefined;
    if (first) {
      // Counted once per connection: what it sends after its first refusal is not looked up.
      const counted =
        why === 'unauthorized'
          ? this.limiter.recordFailure(this.addresses.of(socket.request))
          : Promise.resolve();
      this.refused.set(conn, counted);
      await counted;
    } else {
      // Behind the first refusal, which closes the connection: these are then never answered.
      await before;
    }
    // socket.io queues the CONNECT_ERROR on the next tick; closing right behind it (close() sends
    // what is queued first) also stops the CONNECT packets already read from being answered.
    next(new Error(why));
    if (first) process.nextTick(() => conn.close());
  }
}
