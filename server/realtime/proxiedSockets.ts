import { IncomingMessage } from 'node:http';
import type { ClientAddresses } from '../http/clientAddress';
import { LOOPBACK } from '../http/connectionLimits';
import { dropConnection, type EngineConnection } from './engineConnection';
import type { RostrumSocketServer } from './socketServer';

/**
 * The per-address connection cap, for devices behind a trusted proxy. The TCP cap cannot read
 * headers and exempts the proxy (connectionLimits.ts); here each engine.io connection (a
 * socket.io socket's transport: one WebSocket, or one long-polling session) that came through a
 * trusted proxy is counted under the address it forwards, and one past the cap is dropped as
 * soon as it opens. A device reaching the node directly is left to the TCP cap, which already
 * counts it. Answers how many each forwarded address has, for the tests.
 */
export const capProxiedSockets = (
  io: RostrumSocketServer,
  addresses: ClientAddresses,
  options: { perAddress: number; loopback: boolean },
): ((address: string) => number) => {
  const open = new Map<string, number>();
  if (options.perAddress > 0 && addresses.trustProxy !== false) {
    io.engine.on('connection', (conn: EngineConnection) => {
      if (!addresses.isTrustedProxy(conn.remoteAddress)) return;
      // engine.io keeps the request that opened the connection; read defensively (its internals).
      const request: unknown = Reflect.get(conn, 'request');
      if (!(request instanceof IncomingMessage)) return;
      const address = addresses.of(request);
      // The proxy's own requests, or a browser on its machine, as the TCP cap treats loopback.
      if (!options.loopback && LOOPBACK.has(address)) return;
      const count = open.get(address) ?? 0;
      if (count >= options.perAddress) {
        dropConnection(conn);
        return;
      }
      open.set(address, count + 1);
      conn.on('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left <= 0) open.delete(address);
        else open.set(address, left);
      });
    });
  }
  return (address) => open.get(address) ?? 0;
};
