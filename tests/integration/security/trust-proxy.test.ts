import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/protocol/limits';
import { closeAddressAgents, httpFrom } from '../../support/address';
import { RawSocketIo } from '../../support/rawSocketIo';
import { startServer, type TestServer } from '../../support/server';

/**
 * TRUST_PROXY (issue 16): behind a load balancer every device has the balancer's address. From a
 * trusted proxy, the address it forwards (X-Forwarded-For) is the one counted, by every limit;
 * from anyone else, the header is ignored. 127.0.0.2 plays the proxy, 127.0.0.3 a device that
 * sends the header itself.
 */
const PROXY = '127.0.0.2';
const STRANGER = '127.0.0.3';
const CAP = 3;

const forwarded = (address: string) => ({ 'x-forwarded-for': address });

const wrongJoin = (from: string, url: string, i: number, headers: Record<string, string> = {}) =>
  httpFrom(from, url, '/api/join', {
    body: { code: `WRONG${String(i).padStart(5, '0')}` },
    headers,
  });

describe('behind a trusted proxy', () => {
  let server: TestServer;
  const raws: RawSocketIo[] = [];
  beforeAll(async () => {
    server = await startServer({
      createDefaultMeeting: false,
      network: { trustedProxies: [PROXY], maxConnectionsPerAddress: CAP },
    });
  });
  afterEach(() => {
    for (const raw of raws.splice(0)) raw.close();
  });
  afterAll(async () => {
    closeAddressAgents();
    await server.close();
  });

  const openSocket = async (from: string, headers: Record<string, string> = {}) => {
    const raw = await RawSocketIo.open(server.url, from, headers);
    raws.push(raw);
    return raw;
  };

  it("counts wrong codes under the forwarded address, not the proxy's", async () => {
    const device = forwarded('203.0.113.10');
    for (let i = 0; i < LIMITS.wrongCodesPerMinute; i++) {
      expect((await wrongJoin(PROXY, server.url, i, device)).status, `try ${i + 1}`).toBe(401);
    }
    expect((await wrongJoin(PROXY, server.url, 99, device)).status).toBe(429);
    // The proxy's other devices, and the proxy itself, are not held back.
    expect((await wrongJoin(PROXY, server.url, 0, forwarded('203.0.113.11'))).status).toBe(401);
    expect((await wrongJoin(PROXY, server.url, 0)).status).toBe(401);
    // A device cannot get out by naming another address before the proxy's: the proxy appends
    // its peer, and the rightmost address that is not a trusted proxy is the one counted.
    const spoofed = forwarded('203.0.113.99, 203.0.113.10');
    expect((await wrongJoin(PROXY, server.url, 0, spoofed)).status).toBe(429);
  });

  it('ignores the header from a peer that is not a trusted proxy', async () => {
    for (let i = 0; i < LIMITS.wrongCodesPerMinute; i++) {
      const claimed = forwarded(`198.51.100.${i + 1}`);
      expect((await wrongJoin(STRANGER, server.url, i, claimed)).status, `try ${i + 1}`).toBe(401);
    }
    for (const claimed of [forwarded('198.51.100.200'), forwarded('127.0.0.1'), {}]) {
      expect((await wrongJoin(STRANGER, server.url, 99, claimed)).status).toBe(429);
    }
  });

  it('counts socket.io handshakes under the forwarded address, in the same budget as joins', async () => {
    const device = forwarded('203.0.113.20');
    for (let i = 0; i < LIMITS.wrongCodesPerMinute; i++) {
      const raw = await openSocket(PROXY, device);
      expect(await raw.connect(`wrong-${i}`)).toBe('44{"message":"unauthorized"}');
      await raw.closedWithin(5000);
    }
    // Over the budget: refused before any look-up, by socket.io and by HTTP alike.
    const over = await openSocket(PROXY, device);
    expect(await over.connect('wrong-again')).toBe('44{"message":"rate_limited"}');
    expect((await wrongJoin(PROXY, server.url, 0, device)).status).toBe(429);
    // Another device behind the same proxy still gets its answer.
    const other = await openSocket(PROXY, forwarded('203.0.113.21'));
    expect(await other.connect('wrong')).toBe('44{"message":"unauthorized"}');
  });

  it('does not let a stranger choose the address its handshakes count under', async () => {
    // STRANGER is over its budget (the test before last): whatever it forwards, it is refused.
    const raw = await openSocket(STRANGER, forwarded('203.0.113.30'));
    expect(await raw.connect('wrong')).toBe('44{"message":"rate_limited"}');
  });

  it(`caps the proxy's devices at ${CAP} sockets each, and not the proxy`, async () => {
    const device = forwarded('203.0.113.40');
    for (let i = 0; i < CAP; i++) await openSocket(PROXY, device);
    expect(server.app.rostrum.socketsFrom('203.0.113.40')).toBe(CAP);
    // One more from that device is dropped as soon as it opens (or before).
    const extra = await RawSocketIo.open(server.url, PROXY, device).catch(() => null);
    if (extra) {
      raws.push(extra);
      await extra.closedWithin(5000);
    }
    // The proxy carries far more than CAP connections, for other devices.
    for (let i = 0; i < CAP; i++) {
      const raw = await openSocket(PROXY, forwarded(`203.0.113.${41 + i}`));
      expect(raw.isOpen).toBe(true);
    }
    expect(server.app.rostrum.connectionsFrom(PROXY)).toBe(0);
    expect(raws.filter((raw) => raw.isOpen)).toHaveLength(2 * CAP);
    // A device reaching the server directly is capped by its TCP connections, as before.
    expect(server.app.rostrum.socketsFrom(STRANGER)).toBe(0);
  });
});

describe('behind a proxy on the same machine (npm run cluster)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      createDefaultMeeting: false,
      network: { trustedProxies: ['127.0.0.1'] },
    });
  });
  afterAll(async () => {
    closeAddressAgents();
    await server.close();
  });

  it("rate-limits the devices it forwards, though 127.0.0.1's own requests are not counted", async () => {
    const device = forwarded('203.0.113.50');
    for (let i = 0; i < LIMITS.httpRequestsPerMinute; i++) {
      const answer = await httpFrom('127.0.0.1', server.url, '/api/health', { headers: device });
      expect(answer.status, `request ${i + 1}`).toBe(200);
    }
    const limited = await httpFrom('127.0.0.1', server.url, '/api/health', { headers: device });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    // The proxy's health checks (no header) and the machine's own tools go on.
    expect((await httpFrom('127.0.0.1', server.url, '/api/health')).status).toBe(200);
    const other = forwarded('203.0.113.51');
    expect(
      (await httpFrom('127.0.0.1', server.url, '/api/health', { headers: other })).status,
    ).toBe(200);
  });
});
