import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectTo, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NODE_COOKIE, type StickyProxy, startStickyProxy } from '../../../server/cluster/proxy';

/**
 * The proxy of `npm run cluster` (server/cluster/proxy.ts) in front of two socket.io servers
 * that say which node they are: a long-polling session must stay on the node that made it (its
 * requests come one by one, each with its `sid`), a browser on the node its cookie names, and
 * when a node dies its clients must find the other.
 */

interface Node {
  name: string;
  port: number;
  io: Server;
}

/** A socket.io server that answers `which` with its name, and `GET /who` with its name and the forwarded address. */
const startNode = async (name: string): Promise<Node> => {
  const http = createServer((req, res) => {
    if (req.url === '/api/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
      return;
    }
    if (req.url === '/who') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ node: name, forwardedFor: req.headers['x-forwarded-for'] ?? null }));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  const io = new Server(http, { pingInterval: 1_000, pingTimeout: 2_000 });
  io.on('connection', (socket) => {
    socket.on('which', (ack: (node: string) => void) => ack(name));
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  return { name, port: (http.address() as AddressInfo).port, io };
};

const Who = z.object({ node: z.string(), forwardedFor: z.string().nullable() });

const get = (
  port: number,
  path: string,
  cookie?: string,
): Promise<{ status: number; body: string; setCookie: string[] }> =>
  new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: cookie ? { cookie } : {}, agent: false },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString('utf8');
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });

const which = (socket: Socket): Promise<string> =>
  socket.timeout(5_000).emitWithAck('which') as Promise<string>;

const connected = (socket: Socket): Promise<void> =>
  new Promise((done, fail) => {
    if (socket.connected) done();
    socket.once('connect', () => done());
    socket.once('connect_error', fail);
  });

describe('the sticky proxy of `npm run cluster`', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  const cluster = async (): Promise<{ nodes: Node[]; proxy: StickyProxy; url: string }> => {
    const nodes = [await startNode('a'), await startNode('b')];
    for (const node of nodes) cleanup.push(() => node.io.close());
    const proxy = await startStickyProxy({
      nodes: nodes.map((n) => ({ name: n.name, port: n.port })),
      host: '127.0.0.1',
      port: 0,
      healthEveryMs: 200,
    });
    cleanup.push(() => proxy.close());
    return { nodes, proxy, url: `http://127.0.0.1:${proxy.port}` };
  };

  const client = (url: string, options: Parameters<typeof connectTo>[1] = {}): Socket => {
    const socket = connectTo(url, {
      reconnectionDelay: 100,
      reconnectionDelayMax: 200,
      ...options,
    });
    cleanup.push(() => socket.disconnect());
    return socket;
  };

  it('keeps each long-polling session on the node that made it, and spreads new ones', async () => {
    const { url } = await cluster();
    const first = client(url, { transports: ['polling'] });
    const second = client(url, { transports: ['polling'] });
    await Promise.all([connected(first), connected(second)]);
    const errors: string[] = [];
    for (const socket of [first, second]) {
      socket.on('disconnect', (reason) => errors.push(reason));
    }
    // Each round trip is a POST and a GET of the session: without stickiness half would land on
    // the node that does not know the session, which would close it.
    const answers: string[][] = [[], []];
    for (let i = 0; i < 15; i++) {
      answers[0]?.push(await which(first));
      answers[1]?.push(await which(second));
    }
    expect(errors).toEqual([]);
    expect(new Set(answers[0]).size).toBe(1);
    expect(new Set(answers[1]).size).toBe(1);
    expect(new Set([answers[0]?.[0], answers[1]?.[0]])).toEqual(new Set(['a', 'b']));
  });

  it('upgrades a session to a WebSocket on the same node', async () => {
    const { url } = await cluster();
    const socket = client(url);
    await connected(socket);
    const before = await which(socket);
    await new Promise<void>((done) => {
      if (socket.io.engine.transport.name === 'websocket') done();
      else socket.io.engine.once('upgrade', () => done());
    });
    expect(await which(socket)).toBe(before);
  });

  it("keeps a browser on its cookie's node, and tells the node who asked", async () => {
    const { proxy } = await cluster();
    const first = await get(proxy.port, '/who');
    const [cookie] = first.setCookie;
    expect(cookie).toMatch(new RegExp(`^${NODE_COOKIE}=[ab]; Path=/; HttpOnly; SameSite=Lax$`));
    const node = Who.parse(JSON.parse(first.body)).node;
    expect(cookie).toContain(`=${node};`);
    for (let i = 0; i < 5; i++) {
      const again = await get(proxy.port, '/who', `${NODE_COOKIE}=${node}`);
      expect(Who.parse(JSON.parse(again.body))).toEqual({ node, forwardedFor: '127.0.0.1' });
      expect(again.setCookie).toEqual([]);
    }
  });

  it("sends a dead node's clients to the other, sockets and browsers alike", async () => {
    const { nodes, proxy, url } = await cluster();
    const socket = client(url);
    await connected(socket);
    const first = await which(socket);
    const dead = nodes.find((n) => n.name === first) as Node;
    const other = nodes.find((n) => n.name !== first) as Node;

    const back = new Promise<void>((done) => socket.io.once('reconnect', () => done()));
    await dead.io.close();
    await back;
    expect(await which(socket)).toBe(other.name);

    // A browser whose cookie names the dead node is answered by the other, and told so.
    const moved = await get(proxy.port, '/who', `${NODE_COOKIE}=${dead.name}`);
    expect(moved.status).toBe(200);
    expect(Who.parse(JSON.parse(moved.body)).node).toBe(other.name);
    expect(moved.setCookie[0]).toContain(`${NODE_COOKIE}=${other.name};`);
    expect(proxy.up()).toEqual([other.name]);
  });

  it('answers 502 when no node is up', async () => {
    const { nodes, proxy } = await cluster();
    for (const node of nodes) await node.io.close();
    const answer = await get(proxy.port, '/who');
    expect(answer.status).toBe(502);
    expect(answer.body).toMatch(/no node of the cluster/);
  });
});
