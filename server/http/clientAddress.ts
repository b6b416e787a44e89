import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';

/** proxy-addr's names for whole ranges: 127.0.0.0/8 and ::1, link-local, unique local (private). */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `TRUST_PROXY`: the load balancers in front of the nodes, as addresses (`10.0.0.5`), CIDRs
 * (`10.0.0.0/24`, `fd00::/8`) or proxy-addr's range names, separated by commas. Answers the list,
 * or what is wrong with it, naming the entry.
 */
export const parseTrustedProxies = (text: string): string[] | { problem: string } => {
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const problem = problemOf(entry);
    if (problem) return { problem };
  }
  try {
    proxyAddr.compile(entries);
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  return entries;
};

const problemOf = (entry: string): string | undefined => {
  if (entry === '') return 'an empty entry: separate addresses with single commas';
  if (RANGE_NAMES.has(entry) || isIP(entry) !== 0) return undefined;
  const named = `"${entry.slice(0, 64)}"`;
  const [address = '', prefix, ...more] = entry.split('/');
  const family = isIP(address);
  if (prefix === undefined || more.length > 0 || family === 0) {
    return `${named} is not an address, a CIDR (10.0.0.0/8) or one of ${[...RANGE_NAMES].join(', ')}`;
  }
  const bits = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) {
    return `${named}: the prefix after / must be a whole number from 0 to ${bits}`;
  }
  return undefined;
};

/**
 * Where a request comes from. Without trusted proxies, the TCP peer: the room's own network, no
 * header can change it. With them, `X-Forwarded-For` is read from the right, only while each hop
 * is a trusted proxy: the first address that is not one is the client (a device cannot claim an
 * address by sending the header itself, since the proxy appends its peer after whatever it sent).
 * The same rule as fastify's `request.ip` with `trustProxy` set to the same list (both are
 * proxy-addr), so HTTP requests and socket.io handshakes count a device under one address.
 */
export interface ClientAddresses {
  /** The list as fastify's `trustProxy` takes it; false with none. */
  readonly trustProxy: string[] | false;
  /** Whether a TCP peer is one of the trusted proxies. */
  isTrustedProxy(peer: string): boolean;
  /** The client's address of a raw request (a socket.io handshake's). */
  of(request: IncomingMessage): string;
}

export const clientAddresses = (trusted: readonly string[] = []): ClientAddresses => {
  if (trusted.length === 0) {
    return {
      trustProxy: false,
      isTrustedProxy: () => false,
      of: (request) => request.socket.remoteAddress ?? '',
    };
  }
  const trust = proxyAddr.compile([...trusted]);
  return {
    trustProxy: [...trusted],
    isTrustedProxy: (peer) => trust(peer, 0),
    of: (request) => proxyAddr(request, trust),
  };
};
