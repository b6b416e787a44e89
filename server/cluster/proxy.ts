/**
 * A small load balancer for `npm run cluster`: one address in front of Rostrum's nodes, as a
 * conference centre's HAProxy or nginx would be (docs/deploy.md). It is for one machine and a
 * demonstration, not for production. tests/bench/proxy.ts is another kind of proxy (one target,
 * delayed bytes), so this one is its own.
 *
 * Sticky sessions. socket.io's long-polling sends each session's requests one by one, carrying
 * its `sid`; every one must reach the node that made the session, or that node's session
 * starves and the other answers "Session ID unknown". So:
 * - a request with a `sid` goes to the node that answered that session's handshake (the proxy
 *   reads the `sid` in the handshake's answer);
 * - any other request goes to the node its `rostrum-node` cookie names, when that node is up (a
 *   browser then stays on one node for its pages, its API calls and its sockets);
 * - otherwise to the next node that is up, in turn, and the answer sets the cookie.
 * A WebSocket is one connection, so its upgrade only needs the same choice once.
 *
 * A node is down from the moment a connection to it fails until its `GET /api/health` answers
 * again (asked every second). A request that could not reach its node is sent to another if it
 * was not bound to a session; a session's request gets 502, and the client, finding its session
 * gone, makes a new one, on a node that is up.
 */
import { randomInt } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

export interface Upstream {
  /** The node's NODE_ID, and the value of the cookie that sends a browser to it. */
  name: string;
  port: number;
}

export interface StickyProxyOptions {
  nodes: Upstream[];
  host: string;
  port: number;
  /** How often each node's health is asked (1 s). */
  healthEveryMs?: number;
}

export interface StickyProxy {
  port: number;
  /** Which nodes are up now. */
  up: () => string[];
  /** How many requests and upgrades each node was sent. */
  sent: () => Record<string, number>;
  close: () => Promise<void>;
}

export const NODE_COOKIE = 'rostrum-node';

/** A session not heard of for this long is forgotten (long-polling asks every 25 s at most). */
const SESSION_IDLE_MS = 120_000;
/** The most a request's body may weigh: the API's are small JSON documents. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

/** socket.io's session id in a request's query, if any. */
const sessionOf = (url: URL): string | undefined =>
  url.pathname.startsWith('/socket.io/') ? (url.searchParams.get('sid') ?? undefined) : undefined;

/** A long-polling handshake: its answer names the session (`0{"sid":...}`). */
const isPollingHandshake = (url: URL): boolean =>
  url.pathname.startsWith('/socket.io/') &&
  !url.searchParams.has('sid') &&
  url.searchParams.get('transport') === 'polling';

/** The `sid` of an engine.io open packet (`0` then JSON), or undefined. */
export const sidOfHandshake = (body: string): string | undefined => {
  const first = body.split('\x1e')[0] ?? '';
  if (!first.startsWith('0')) return undefined;
  try {
    const open: unknown = JSON.parse(first.slice(1));
    if (typeof open === 'object' && open !== null && 'sid' in open) {
      return typeof open.sid === 'string' ? open.sid : undefined;
    }
  } catch {
    // not an open packet
  }
  return undefined;
};

const cookieOf = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  for (const part of (headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
};

/** The headers to send on: hop-by-hop ones out, where the request came from in. */
const forwardedHeaders = (req: IncomingMessage): Record<string, string | string[]> => {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  const from = req.socket.remoteAddress ?? '';
  const before = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = before ? `${before}, ${from}` : from;
  headers['x-forwarded-proto'] = 'http';
  if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
  return headers;
};

const readBody = (req: IncomingMessage): Promise<Buffer | 'too large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve('too large');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export const startStickyProxy = async (options: StickyProxyOptions): Promise<StickyProxy> => {
  const nodes = new Map(options.nodes.map((node) => [node.name, node]));
  const down = new Set<string>();
  const sessions = new Map<string, { node: string; seenAt: number }>();
  const sent: Record<string, number> = Object.fromEntries(options.nodes.map((n) => [n.name, 0]));
  let turn = randomInt(options.nodes.length);

  const nextUp = (except: ReadonlySet<string> = new Set()): Upstream | undefined => {
    for (let i = 0; i < options.nodes.length; i++) {
      const node = options.nodes[(turn + i) % options.nodes.length] as Upstream;
      if (down.has(node.name) || except.has(node.name)) continue;
      turn = (turn + i + 1) % options.nodes.length;
      return node;
    }
    return undefined;
  };

  /** Where a request goes, and whether the answer must set the cookie. */
  const choose = (
    req: IncomingMessage,
    url: URL,
  ): { node: Upstream | undefined; bound: boolean; setCookie: boolean } => {
    const sid = sessionOf(url);
    const session = sid === undefined ? undefined : sessions.get(sid);
    if (session) {
      session.seenAt = Date.now();
      return { node: nodes.get(session.node), bound: true, setCookie: false };
    }
    const named = cookieOf(req.headers, NODE_COOKIE);
    if (named !== undefined && nodes.has(named) && !down.has(named)) {
      return { node: nodes.get(named), bound: false, setCookie: false };
    }
    return { node: nextUp(), bound: false, setCookie: true };
  };

  const markDown = (name: string): void => {
    down.add(name);
    for (const [sid, session] of sessions) if (session.node === name) sessions.delete(sid);
  };

  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: Buffer,
    route: { node: Upstream; bound: boolean; setCookie: boolean },
    tried: Set<string>,
  ): void => {
    const { node } = route;
    tried.add(node.name);
    sent[node.name] = (sent[node.name] ?? 0) + 1;
    const headers = forwardedHeaders(req);
    const handshake = isPollingHandshake(url);
    // The handshake's answer is read for its sid: ask for it uncompressed.
    if (handshake) delete headers['accept-encoding'];
    headers['content-length'] = String(body.length);
    const upstream = request(
      { host: '127.0.0.1', port: node.port, method: req.method, path: req.url, headers },
      (answer) => {
        const answerHeaders: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && !HOP_BY_HOP.has(name)) answerHeaders[name] = value;
        }
        if (route.setCookie) {
          const before = answerHeaders['set-cookie'] ?? [];
          answerHeaders['set-cookie'] = [
            ...(Array.isArray(before) ? before : [before]),
            `${NODE_COOKIE}=${node.name}; Path=/; HttpOnly; SameSite=Lax`,
          ];
        }
        if (!handshake) {
          res.writeHead(answer.statusCode ?? 502, answerHeaders);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const text = Buffer.concat(chunks);
          const sid = sidOfHandshake(text.toString('utf8'));
          if (sid !== undefined) sessions.set(sid, { node: node.name, seenAt: Date.now() });
          res.writeHead(answer.statusCode ?? 502, answerHeaders);
          res.end(text);
        });
      },
    );
    let clientGone = false;
    upstream.on('error', () => {
      // Our own doing: the client left, and the request to the node was dropped with it.
      if (clientGone) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      markDown(node.name);
      const other = route.bound ? undefined : nextUp(tried);
      if (other) {
        forward(req, res, url, body, { node: other, bound: false, setCookie: true }, tried);
      } else {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`no node of the cluster answered (${[...tried].join(', ')})\n`);
      }
    });
    res.on('close', () => {
      if (res.writableFinished) return;
      clientGone = true;
      upstream.destroy();
    });
    upstream.end(body);
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const body = await readBody(req).catch(() => Buffer.alloc(0));
    if (body === 'too large') {
      res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' });
      res.end('request body too large\n');
      return;
    }
    const route = choose(req, url);
    if (!route.node) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('no node of the cluster is up\n');
      return;
    }
    forward(req, res, url, body, { ...route, node: route.node }, new Set());
  };

  /** A WebSocket: the request's head goes on as it came, then the bytes both ways. */
  const onUpgrade = (req: IncomingMessage, client: Socket, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const { node } = choose(req, url);
    if (!node) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n');
      return;
    }
    sent[node.name] = (sent[node.name] ?? 0) + 1;
    const upstream = connect({ host: '127.0.0.1', port: node.port });
    const headers = forwardedHeaders(req);
    headers.connection = 'Upgrade';
    headers.upgrade = req.headers.upgrade ?? 'websocket';
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (const [name, value] of Object.entries(headers)) {
      for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${v}`);
    }
    let connected = false;
    upstream.on('connect', () => {
      connected = true;
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => {
      if (!connected) markDown(node.name);
      client.destroy();
    });
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };

  const server: Server = createServer((req, res) => void onRequest(req, res));
  server.on('upgrade', onUpgrade);
  const upgraded = new Set<Socket>();
  server.on('upgrade', (_req: IncomingMessage, socket: Socket) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
  });

  const checkHealth = (node: Upstream): void => {
    const ask = request(
      { host: '127.0.0.1', port: node.port, path: '/api/health', timeout: 2_000 },
      (answer) => {
        answer.resume();
        if (answer.statusCode === 200) down.delete(node.name);
        else markDown(node.name);
      },
    );
    ask.on('timeout', () => ask.destroy(new Error('timeout')));
    ask.on('error', () => markDown(node.name));
    ask.end();
  };
  const health = setInterval(() => {
    for (const node of options.nodes) checkHealth(node);
    const now = Date.now();
    for (const [sid, session] of sessions) {
      if (now - session.seenAt > SESSION_IDLE_MS) sessions.delete(sid);
    }
  }, options.healthEveryMs ?? 1_000);
  health.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    up: () => options.nodes.map((n) => n.name).filter((name) => !down.has(name)),
    sent: () => ({ ...sent }),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(health);
        for (const socket of upgraded) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
