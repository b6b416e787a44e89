import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaInput } from '../../../shared/protocol/agenda';
import { LIMITS } from '../../../shared/protocol/limits';
import { RawSocketIo } from '../../support/rawSocketIo';
import {
  type Client,
  connect,
  createMeeting,
  http,
  join,
  ok,
  startServer,
  stateAt,
  TEST_ROSTER,
  type TestServer,
} from '../../support/server';

/** An agenda of about 800 KB (under the 1 MiB body limit): every state that carries it is large. */
const largeAgenda = (): AgendaInput => {
  const name = (i: number) => `Speaker ${i} `.padEnd(190, 'x');
  return {
    title: 'A long meeting',
    items: Array.from({ length: 40 }, (_, item) => ({
      id: `item-${item}`,
      title: `Item ${item}`.padEnd(190, '.'),
      kind: 'panel',
      steps: Array.from({ length: 10 }, (_, step) => ({
        id: `step-${step}`,
        kind: 'speakers' as const,
        title: `Step ${step}`.padEnd(190, '.'),
        speakers: Array.from({ length: 4 }, (_, s) => ({
          id: `s-${s}`,
          name: name(s),
          role: name(s),
        })),
        allowance: { limitMs: 420_000, warnAtMs: 300_000 },
      })),
    })),
  };
};

/** This server's own display sockets of the meeting, counted as they are now. */
const connectedDisplays = (server: TestServer, meetingId: string): number =>
  [...server.app.rostrum.io.of('/').sockets.values()].filter(
    ({ data }) => data.meetingId === meetingId && data.role === 'display',
  ).length;

/** A poll on real time: a connection dropped or closed reaches the server when the kernel says. */
const until = async (condition: () => boolean, what: string, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('a device that stops reading', () => {
  let server: TestServer;
  let meetingId: string;
  let chair: Client;
  let display: Client;
  let displayToken: string;
  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false });
    const agenda = largeAgenda();
    expect(JSON.stringify(agenda).length).toBeLessThan(LIMITS.httpBodyBytes);
    const created = await createMeeting(server.url, { agenda, roster: TEST_ROSTER });
    meetingId = created.meetingId;
    chair = await connect(
      server.url,
      (await join(server.url, meetingId, created.codes.chair)).token,
    );
    displayToken = (await join(server.url, meetingId, created.codes.display)).token;
    display = await connect(server.url, displayToken);
  }, 60_000);
  afterAll(async () => {
    chair?.close();
    display?.close();
    await server?.close();
  });

  it('is dropped once its unread output passes the cap, while the room is served', async () => {
    const slow = await RawSocketIo.open(server.url, '127.0.0.2');
    try {
      expect(await slow.connect(displayToken)).toMatch(/^40/);
      await slow.until((f) => f.startsWith('42["state"'));
      expect(connectedDisplays(server, meetingId)).toBe(2);
      // It stops reading, but keeps answering heartbeats, as an attacker's device would.
      slow.pauseReading();
      // Real time: engine.io's heartbeat runs on the system's clock, not the server's.
      const pongs = setInterval(() => slow.send('3'), 1_000);

      // The chair edits the agenda: each state carries the whole agenda (about 800 KB), so the
      // slow device's backlog passes the kernel's buffers and then the cap.
      let version = 0;
      let edits = 0;
      try {
        while (connectedDisplays(server, meetingId) > 1) {
          if (edits >= 80) throw new Error('the slow reader was never dropped');
          version = await ok(chair, {
            type: 'agenda.edit',
            change: { target: 'meeting', title: `A long meeting, edit ${edits}` },
          });
          edits++;
          // Leave the server room to write between edits, as a real chair would.
          await stateAt(display, version, 15_000);
        }
      } finally {
        clearInterval(pongs);
      }
      // The reading display got every state; the chair is served; the server is up.
      expect((await stateAt(display, version)).title).toBe(`A long meeting, edit ${edits - 1}`);
      expect(await ok(chair, { type: 'agenda.start' })).toBe(version + 1);
      expect((await http(server.url, '/api/health')).status).toBe(200);
      // The slow device, reading again, finds its connection closed.
      slow.resumeReading();
      await slow.closedWithin(10_000);
      // And it may come back: a new connection gets the latest state at once.
      const back = await connect(server.url, displayToken);
      expect(back.latest().version).toBe(version + 1);
      back.close();
    } finally {
      slow.close();
    }
    await until(() => connectedDisplays(server, meetingId) === 1, 'the displays to settle');
  }, 90_000);
});
