import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/protocol/limits';
import { closeAddressAgents, httpFrom } from '../../support/address';
import { openRoom, type Room } from '../../support/meeting';
import { RawSocketIo } from '../../support/rawSocketIo';
import { connect, http, join, ok, startServer, type TestServer } from '../../support/server';

/** Sends `count` handshakes with wrong tokens, all at once, without waiting for any answer. */
const flood = (raw: RawSocketIo, count: number): void => {
  for (let i = 0; i < count; i++) raw.handshake(`not-a-token-${i}`);
};

const connectErrors = (raw: RawSocketIo): string[] => raw.frames.filter((f) => f.startsWith('44'));

describe('a flood of wrong tokens in socket.io handshakes', () => {
  let server: TestServer;
  let room: Room;
  const raws: RawSocketIo[] = [];
  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false });
    room = await openRoom(server);
  });
  afterEach(() => {
    for (const raw of raws.splice(0)) raw.close();
  });
  afterAll(async () => {
    room.close();
    closeAddressAgents();
    await server.close();
  });

  it('closes the connection at the first refusal, while the chair is served and devices connect', async () => {
    // Four devices (four addresses) each send 2,000 handshakes down one connection, unpaced.
    const flooders = await Promise.all(
      ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'].map((a) =>
        RawSocketIo.open(server.url, a),
      ),
    );
    raws.push(...flooders);
    for (const raw of flooders) flood(raw, 2000);

    // Meanwhile the room goes on: the chair's command is acknowledged, a new display connects.
    const version = await ok(room.chair, { type: 'agenda.start' });
    expect(version).toBeGreaterThan(0);
    const display = await connect(server.url, room.tokens.display);
    expect(display.latest().version).toBeGreaterThanOrEqual(version);
    display.close();

    for (const raw of flooders) {
      await raw.closedWithin(5000);
      const errors = connectErrors(raw);
      // Told why, once (a few at most: what was already read when the first was refused).
      expect(errors[0]).toBe('44{"message":"unauthorized"}');
      expect(errors.length).toBeLessThan(10);
    }
    expect((await http(server.url, '/api/health')).status).toBe(200);
  });

  it('closes the connection after a single wrong token too, with the refusal first', async () => {
    const raw = await RawSocketIo.open(server.url, '127.0.0.6');
    raws.push(raw);
    expect(await raw.connect('wrong-token')).toBe('44{"message":"unauthorized"}');
    await raw.closedWithin(5000);
  });

  it('closes a connection refused by socket.io itself (an unknown namespace)', async () => {
    const raw = await RawSocketIo.open(server.url, '127.0.0.7');
    raws.push(raw);
    raw.send(`40/nowhere,${JSON.stringify({ token: room.tokens.display })}`);
    expect(await raw.until((f) => f.startsWith('44/nowhere'))).toContain('Invalid namespace');
    await raw.closedWithin(5000);
  });

  it("counts wrong tokens against the address's wrong-code budget, shared with HTTP joins", async () => {
    const address = '127.0.0.8';
    for (let i = 0; i < LIMITS.wrongCodesPerMinute; i++) {
      const raw = await RawSocketIo.open(server.url, address);
      raws.push(raw);
      expect(await raw.connect(`wrong-${i}`)).toBe('44{"message":"unauthorized"}');
      await raw.closedWithin(5000);
    }
    // Over budget: refused before any look-up, even with a good token, and the connection closed.
    const late = await RawSocketIo.open(server.url, address);
    raws.push(late);
    expect(await late.connect(room.tokens.display)).toBe('44{"message":"rate_limited"}');
    await late.closedWithin(5000);
    // The same budget: joining with a code from there is refused too.
    const joinAnswer = await httpFrom(address, server.url, `/api/meetings/${room.meetingId}/join`, {
      body: { code: room.codes.display },
    });
    expect(joinAnswer.status).toBe(429);
    // Another address is not affected.
    const neighbour = await RawSocketIo.open(server.url, '127.0.0.9');
    raws.push(neighbour);
    expect(await neighbour.connect(room.tokens.display)).toMatch(/^40\{"sid":/);
    expect((await join(server.url, room.meetingId, room.codes.display)).role).toBe('display');
  });
});
