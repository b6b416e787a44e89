import type { FastifyBaseLogger } from 'fastify';
import {
  dropConnection,
  type EngineConnection,
  queuedOutputBytes,
  waitingPackets,
} from './engineConnection';
import type { RostrumSocketServer } from './socketServer';

/**
 * Drops a device that stops reading. A socket that answers heartbeats but reads nothing else
 * would otherwise keep every state it is sent, without bound, in the server's memory. Each time a
 * packet is queued for a connection that already has output waiting, the waiting bytes are
 * counted; past `maxQueuedBytes` the connection is dropped. A device that was only slow
 * reconnects and is sent the latest state, which is all it needs.
 */
export const dropSlowReaders = (
  io: RostrumSocketServer,
  maxQueuedBytes: number,
  log: FastifyBaseLogger,
): void => {
  io.engine.on('connection', (conn: EngineConnection) => {
    let dropped = false;
    conn.on('packetCreate', () => {
      // A device that reads has nothing waiting: one array length, and on.
      if (dropped || waitingPackets(conn) === 0) return;
      const queued = queuedOutputBytes(conn);
      if (queued <= maxQueuedBytes) return;
      dropped = true;
      log.warn(
        { remoteAddress: conn.remoteAddress, queuedBytes: queued },
        'dropped a socket that stopped reading',
      );
      // Not from inside engine.io's own send: once it has queued the packet.
      process.nextTick(() => dropConnection(conn));
    });
  });
};
