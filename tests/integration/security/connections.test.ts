import { type Socket, connect as tcpConnect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/protocol/limits';
import { closeAddressAgents, httpFrom } from '../../support/address';
import { openRoom, type Room } from '../../support/meeting';
import { http, ok, startServer, type TestServer } from '../../support/server';

/** A bare TCP connection from a local address: what it received, and when it closed. */
interface Tcp {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
  isClosed: () => boolean;
}

const tcpFrom = (localAddress: string, url: string): Promise<Tcp> => {
  const { port } = new URL(url);
  const socket = tcpConnect({ host: '127.0.0.1', port: Number(port), localAddress });
  let text = '';
  let closed = false;
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  socket.on('error', () => {
    // a reset is one way of being closed: `closed` says so
  });
  const whenClosed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      closed = true;
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    socket.once('connect', () =>
      resolve({ socket, received: () => text, closed: whenClosed, isClosed: () => closed }),
    );
    socket.once('error', reject);
  });
};

/**
 * Resolves once `condition` holds, checking every 20 ms; rejects after the timeout. A poll on
 * real time: what is awaited is Node's HTTP timeouts and the kernel's connections.
 */
const until = async (condition: () => boolean, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const within = async (promise: Promise<void>, what: string, timeoutMs = 10_000) => {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
};

const opened: Tcp[] = [];
afterEach(() => {
  for (const tcp of opened.splice(0)) tcp.socket.destroy();
  closeAddressAgents();
});

describe("the HTTP server's timeouts", () => {
  it('are the documented ones', async () => {
    const server = await startServer({ createDefaultMeeting: false });
    try {
      expect(server.app.server.headersTimeout).toBe(LIMITS.httpHeadersTimeoutMs);
      expect(server.app.server.requestTimeout).toBe(LIMITS.httpRequestTimeoutMs);
      expect(server.app.server.keepAliveTimeout).toBe(LIMITS.httpKeepAliveTimeoutMs);
    } finally {
      await server.close();
    }
  });

  describe('(shortened for the test: headers 1 s, request 2 s, idle 1 s)', () => {
    let server: TestServer;
    let room: Room;
    beforeAll(async () => {
      server = await startServer({
        createDefaultMeeting: false,
        network: { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, keepAliveTimeoutMs: 1_000 },
      });
      room = await openRoom(server);
    });
    afterAll(async () => {
      room.close();
      await server.close();
    });

    it('close idle, half-sent and trickling connections, and leave the sockets of the room alone', async () => {
      const address = '127.0.0.2';
      // Says nothing at all.
      const silent = await tcpFrom(address, server.url);
      // Sends half its headers, one byte at a time.
      const partial = await tcpFrom(address, server.url);
      // Sends its headers, then its body one byte at a time.
      const trickle = await tcpFrom(address, server.url);
      // Makes one request, then stays connected doing nothing.
      const idle = await tcpFrom(address, server.url);
      opened.push(silent, partial, trickle, idle);
      idle.socket.write('GET /api/health HTTP/1.1\r\nHost: rostrum\r\n\r\n');
      trickle.socket.write(
        'POST /api/join HTTP/1.1\r\nHost: rostrum\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
      );
      const header =
        'GET /api/health HTTP/1.1\r\nHost: rostrum\r\nX-Slow: abcdefghijklmnopqrstuvwxyz';
      let sent = 0;
      // Real time: a byte every 200 ms, under Node's own HTTP timeouts (not the server's clock).
      const dripper = setInterval(() => {
        if (!partial.isClosed()) partial.socket.write(header[sent % header.length] ?? 'x');
        if (!trickle.isClosed()) trickle.socket.write(' ');
        sent++;
      }, 200);
      try {
        await within(silent.closed, 'the silent connection to close');
        await within(partial.closed, 'the half-sent headers to be cut');
        await within(idle.closed, 'the idle kept-alive connection to close');
        await within(trickle.closed, 'the trickling body to be cut');
      } finally {
        clearInterval(dripper);
      }
      expect(idle.received()).toMatch(/^HTTP\/1\.1 200/);
      // Past every timeout, the room's WebSockets are still there and served.
      for (const client of room.all) expect(client.socket.connected).toBe(true);
      expect(await ok(room.chair, { type: 'agenda.start' })).toBeGreaterThan(0);
      expect((await httpFrom(address, server.url, '/api/health')).status).toBe(200);
    });
  });
});

describe('concurrent connections from one address', () => {
  const CAP = 10;

  describe(`(capped at ${CAP} for the test)`, () => {
    let server: TestServer;
    let room: Room;
    beforeAll(async () => {
      server = await startServer({
        createDefaultMeeting: false,
        network: { maxConnectionsPerAddress: CAP },
      });
      room = await openRoom(server);
    });
    afterAll(async () => {
      room.close();
      await server.close();
    });

    it('are capped: one more is closed at once, other addresses and the room are served', async () => {
      const address = '127.0.0.3';
      const held: Tcp[] = [];
      for (let i = 0; i < CAP; i++) held.push(await tcpFrom(address, server.url));
      opened.push(...held);
      await until(() => server.app.rostrum.connectionsFrom(address) === CAP, 'the cap to fill');

      const refused = await tcpFrom(address, server.url);
      opened.push(refused);
      refused.socket.write('GET /api/health HTTP/1.1\r\nHost: rostrum\r\n\r\n');
      await within(refused.closed, 'the connection over the cap to be closed');
      expect(refused.received()).toBe('');
      await expect(httpFrom(address, server.url, '/api/health')).rejects.toThrow();

      // Others are served, the chair first.
      expect(await ok(room.chair, { type: 'agenda.start' })).toBeGreaterThan(0);
      expect((await httpFrom('127.0.0.4', server.url, '/api/health')).status).toBe(200);

      // One connection closes: the address may open one again.
      held[0]?.socket.destroy();
      await until(() => server.app.rostrum.connectionsFrom(address) === CAP - 1, 'a place');
      closeAddressAgents();
      expect((await httpFrom(address, server.url, '/api/health')).status).toBe(200);
    });

    it("do not count the server's own machine unless told to", async () => {
      const local: Tcp[] = [];
      for (let i = 0; i < CAP + 5; i++) local.push(await tcpFrom('127.0.0.1', server.url));
      opened.push(...local);
      for (const tcp of local)
        tcp.socket.write('GET /api/health HTTP/1.1\r\nHost: rostrum\r\n\r\n');
      await until(
        () => local.every((tcp) => tcp.received().startsWith('HTTP/1.1 200')),
        'every local connection to be answered',
      );
      expect((await http(server.url, '/api/health')).status).toBe(200);
    });
  });

  it('count the loopback address too with limitLoopbackConnections', async () => {
    const server = await startServer({
      createDefaultMeeting: false,
      network: { maxConnectionsPerAddress: 3, limitLoopbackConnections: true },
    });
    try {
      const held: Tcp[] = [];
      for (let i = 0; i < 3; i++) held.push(await tcpFrom('127.0.0.1', server.url));
      opened.push(...held);
      await until(() => server.app.rostrum.connectionsFrom('127.0.0.1') === 3, 'the cap to fill');
      const refused = await tcpFrom('127.0.0.1', server.url);
      opened.push(refused);
      await within(refused.closed, 'the connection over the cap to be closed');
    } finally {
      // Closing the server waits for open connections: let go of them first.
      for (const tcp of opened.splice(0)) tcp.socket.destroy();
      await server.close();
    }
  });
});
