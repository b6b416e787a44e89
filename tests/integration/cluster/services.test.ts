import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import pg from 'pg';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { io as connectTo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  skipNote,
  startTestPostgres,
  type TestPostgres,
  whyNoPostgres,
} from '../../support/postgres';
import { startTestRedis, type TestRedis, whyNoRedis } from '../../support/redis';

/**
 * What many nodes stand on (issue 16): a PostgreSQL and a Redis of the test's own, reached through
 * the clients Rostrum's nodes use, and socket.io's Redis streams adapter carrying what one node
 * emits to the sockets of another.
 */

/** A socket.io server on a port of its own whose adapter goes through Redis: one node. */
interface Node {
  io: Server;
  url: string;
  close: () => Promise<void>;
}

const startNode = async (redisUrl: string): Promise<Node> => {
  const redis = createClient({ url: redisUrl });
  await redis.connect();
  const http: HttpServer = createServer();
  const io = new Server(http, { adapter: createAdapter(redis) });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const { port } = http.address() as AddressInfo;
  return {
    io,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await io.close();
      redis.destroy();
    },
  };
};

const connectClient = async (url: string): Promise<Socket> => {
  const socket = connectTo(url, { transports: ['websocket'], reconnection: false });
  await new Promise<void>((done, fail) => {
    socket.once('connect', done);
    socket.once('connect_error', fail);
  });
  return socket;
};

/** What the next `event` on `socket` carries, or an error after `timeoutMs`. */
const next = (socket: Socket, event: string, timeoutMs = 5_000): Promise<unknown> =>
  new Promise((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`no ${event} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once(event, (payload: unknown) => {
      clearTimeout(timer);
      done(payload);
    });
  });

/**
 * Resolves once each node's adapter counts the other. A node learns of the others from their
 * heartbeats through the Redis stream, which it reads from the moment its reader starts: until
 * then, what another node emits does not reach it (and `fetchSockets` does not wait for it).
 */
const untilTheyKnowEachOther = async (nodes: Node[], timeoutMs = 15_000): Promise<void> => {
  const started = Date.now();
  for (;;) {
    const counts = await Promise.all(nodes.map((n) => n.io.of('/').adapter.serverCount()));
    if (counts.every((count) => count === nodes.length)) return;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`the nodes count ${counts.join(', ')} servers after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
};

const missing = skipNote(whyNoPostgres(), whyNoRedis());

describe.skipIf(missing !== '')(`PostgreSQL and Redis for many nodes ${missing}`, () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  const cleanup: (() => Promise<unknown> | unknown)[] = [];

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startTestPostgres(), startTestRedis()]);
    cleanup.push(
      () => postgres.stop(),
      () => redis.stop(),
    );
  });
  afterAll(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('PostgreSQL answers `select now()` through pg, on its own clock', async () => {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const { rows } = await client.query('select now() as now, current_user as role');
      const [row] = z
        .array(z.object({ now: z.date(), role: z.string() }))
        .length(1)
        .parse(rows);
      expect(row?.role).toBe('rostrum');
      // The same machine's clock: within a second of ours.
      expect(Math.abs((row?.now.getTime() ?? 0) - Date.now())).toBeLessThan(1_000);
    } finally {
      await client.end();
    }
  });

  it('a fresh database is a database of its own', async () => {
    const first = await postgres.freshDatabase();
    const second = await postgres.freshDatabase();
    expect(first).not.toBe(second);
    const client = new pg.Client({ connectionString: first });
    await client.connect();
    try {
      await client.query('create table marks (n integer)');
      const { rows } = await client.query('select current_database() as name');
      expect(rows).toEqual([{ name: new URL(first).pathname.slice(1) }]);
    } finally {
      await client.end();
    }
    const other = new pg.Client({ connectionString: second });
    await other.connect();
    try {
      const { rows } = await other.query("select to_regclass('marks') as found");
      expect(rows).toEqual([{ found: null }]);
    } finally {
      await other.end();
    }
  });

  it('Redis answers PING through redis', async () => {
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.destroy();
    }
  });

  it("the streams adapter carries one server's emit to another server's clients", async () => {
    const a = await startNode(redis.url);
    cleanup.push(() => a.close());
    const b = await startNode(redis.url);
    cleanup.push(() => b.close());
    await untilTheyKnowEachOther([a, b]);

    const onB = await connectClient(b.url);
    cleanup.push(() => onB.disconnect());
    const onA = await connectClient(a.url);
    cleanup.push(() => onA.disconnect());

    // To everyone: the client of B hears what A emitted, as the client of A does.
    const heardOnB = next(onB, 'state');
    const heardOnA = next(onA, 'state');
    a.io.emit('state', { meetingId: 'm1', version: 7 });
    expect(await heardOnB).toEqual({ meetingId: 'm1', version: 7 });
    expect(await heardOnA).toEqual({ meetingId: 'm1', version: 7 });

    // To a room: a meeting's states reach that meeting's sockets on every node, and only them.
    const [socketOnB] = await b.io.fetchSockets();
    socketOnB?.join('meeting:m2');
    const inRoom = next(onB, 'state');
    const notInRoom = new Promise<string>((done) => {
      onA.once('state', () => done('heard'));
      setTimeout(() => done('silent'), 500);
    });
    a.io.to('meeting:m2').emit('state', { meetingId: 'm2', version: 1 });
    expect(await inRoom).toEqual({ meetingId: 'm2', version: 1 });
    expect(await notInRoom).toBe('silent');

    // From A, acting on B's sockets: a sign-out closes a delegation's sockets wherever they are.
    expect((await a.io.in('meeting:m2').fetchSockets()).map((s) => s.id)).toEqual([onB.id]);
    const closed = next(onB, 'disconnect');
    a.io.in('meeting:m2').disconnectSockets(true);
    expect(await closed).toBe('io server disconnect');
    expect(onA.connected).toBe(true);
  });
});
