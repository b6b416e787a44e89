import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/protocol/limits';
import { withRoom } from '../../support/meeting';
import { RawSocketIo } from '../../support/rawSocketIo';
import { connect, http, ok } from '../../support/server';

/** One `sync` round trip as the screens take it: the server's instant, or null if unanswered. */
const sample = (socket: import('socket.io-client').Socket): Promise<number | null> =>
  socket
    .timeout(2_000)
    .emitWithAck('sync', Date.now())
    .then(
      (answer: unknown) => (typeof answer === 'number' ? answer : null),
      () => null,
    );

describe('sync', () => {
  const live = withRoom('test');

  it("answers a screen's samples: 16 at connect, then 4, on every socket of the room", async () => {
    for (const client of live.room.all) {
      for (let i = 0; i < 16; i++) expect(await sample(client.socket)).toEqual(expect.any(Number));
      for (let i = 0; i < 4; i++) expect(await sample(client.socket)).toEqual(expect.any(Number));
    }
    // A tablet waking up takes 16 more at once, and reconnecting starts afresh.
    for (let i = 0; i < 16; i++) {
      expect(await sample(live.room.mexico.socket)).toEqual(expect.any(Number));
    }
  });

  it('flooded from one socket: unanswered beyond the limit, then disconnected, the chair served', async () => {
    const flooder = await RawSocketIo.open(live.server.url, '127.0.0.2');
    try {
      expect(await flooder.connect(live.room.tokens.display)).toMatch(/^40/);
      // 5,000 syncs with acks, unpaced.
      for (let i = 0; i < 5000; i++) flooder.send(`42${i}["sync",${i}]`);
      await flooder.closedWithin(10_000);
      const answered = flooder.frames.filter((f) => /^43\d+\[\d+\]$/.test(f)).length;
      expect(answered).toBeGreaterThan(0);
      // The burst, and what refilled while the flood was read: far fewer than were sent.
      expect(answered).toBeLessThan(LIMITS.syncs.burst + 20);
      // Told to go (a socket.io DISCONNECT) before the transport closed.
      expect(flooder.frames).toContain('41');
    } finally {
      flooder.close();
    }
    expect(await ok(live.room.chair, { type: 'agenda.start' })).toBeGreaterThan(0);
    expect(await sample(live.room.display.socket)).toEqual(expect.any(Number));
    expect((await http(live.server.url, '/api/health')).status).toBe(200);
    // The same token connects again and is answered.
    const back = await connect(live.server.url, live.room.tokens.display);
    expect(await sample(back.socket)).toEqual(expect.any(Number));
    back.close();
  });
});
