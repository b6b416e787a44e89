import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { LIMITS } from '../../shared/protocol/limits';

/** The addresses of the server's own machine (see rateLimit.ts for why no device can claim them). */
export const LOOPBACK: ReadonlySet<string> = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The HTTP server's timeouts, as Fastify options (it hands them to Node's server). Node's own
 * defaults let a connection that sends nothing, or half its headers, live about 84 s (60 s, checked
 * every 30 s), and Fastify turns the whole-request timeout off, so a body sent one byte every few
 * seconds was never cut. Upgraded WebSockets are no longer HTTP requests: these do not touch them
 * (engine.io's heartbeat does).
 */
export const httpTimeouts = (
  timeouts: HttpTimeouts = {
    headersTimeoutMs: LIMITS.httpHeadersTimeoutMs,
    requestTimeoutMs: LIMITS.httpRequestTimeoutMs,
    keepAliveTimeoutMs: LIMITS.httpKeepAliveTimeoutMs,
  },
) =>
  ({
    http: {
      // From a connection's opening (or the end of its last request) to the end of the headers.
      headersTimeout: timeouts.headersTimeoutMs,
      // How often Node checks the headers and request timeouts; its default (30 s) would let a
      // connection outlive them by that much.
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersTimeoutMs),
    },
    // The whole request, body included: a 1 MiB body on the room's network takes well under 1 s.
    requestTimeout: timeouts.requestTimeoutMs,
    // An idle kept-alive connection between two requests (Fastify's default is 72 s).
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
  }) as const;

export interface HttpTimeouts {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

export interface ConnectionLimitOptions {
  /** Concurrent connections from one address; 0 for no cap. */
  perAddress: number;
  /** Whether the server's own machine is capped too (it is not by default: see docs/security.md). */
  loopback: boolean;
  /**
   * Peers never capped: the trusted proxies (TRUST_PROXY). A load balancer carries every device's
   * connections from its one address, so a cap on it would cap the whole room. Its clients are
   * capped where their address can be read: socket.io's sockets per forwarded address
   * (`capProxiedSockets`), requests by the rate limit and the wrong-code budget.
   */
  exempt?: (address: string) => boolean;
}

/**
 * Caps the concurrent TCP connections from one address: past the cap, a new connection is
 * destroyed before a byte of it is read. Every connection counts, an HTTP request or a socket.io
 * WebSocket alike, until it closes. Answers how many each address has, for the tests.
 */
export const limitConnectionsPerAddress = (
  server: Server,
  options: ConnectionLimitOptions,
): ((address: string) => number) => {
  const open = new Map<string, number>();
  if (options.perAddress > 0) {
    // Before Node's own listener, so a refused connection never gets a parser.
    server.prependListener('connection', (socket: Socket) => {
      const address = socket.remoteAddress;
      if (address === undefined) {
        socket.destroy();
        return;
      }
      if (!options.loopback && LOOPBACK.has(address)) return;
      if (options.exempt?.(address)) return;
      const count = open.get(address) ?? 0;
      if (count >= options.perAddress) {
        socket.destroy();
        return;
      }
      open.set(address, count + 1);
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left <= 0) open.delete(address);
        else open.set(address, left);
      });
    });
  }
  return (address) => open.get(address) ?? 0;
};
