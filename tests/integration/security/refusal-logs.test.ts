import { readFile, rm } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFE_LOGGING } from '../../../server/app';
import { SUMMARY_EVERY_MS } from '../../../server/meetings/refusalLog';
import type { CommandAck } from '../../../shared/protocol/errors';
import { LIMITS } from '../../../shared/protocol/limits';
import { ManualClock } from '../../support/clock';
import { openRoom } from '../../support/meeting';
import { join, openSocket, startServer, type TestServer, tempDir } from '../../support/server';

type Line = { msg: string; time: number; role?: string; suppressed?: number };

/** Sends every command at once on one socket; answers the codes, or what came before a close. */
const burst = async (
  url: string,
  token: string,
  commands: readonly unknown[],
): Promise<string[]> => {
  const socket = openSocket(url, token);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const answers: string[] = [];
  await new Promise<void>((resolve) => {
    socket.once('disconnect', () => resolve());
    for (const command of commands) {
      socket.emit('command', command, (ack: CommandAck) => {
        answers.push(ack.ok ? 'ok' : ack.error.code);
        if (answers.length === commands.length) resolve();
      });
    }
  });
  socket.disconnect();
  return answers;
};

describe('the log of refused commands, written through a real pino destination', () => {
  /** The server's time, which passes only when a test says so. */
  const clock = new ManualClock();
  let server: TestServer;
  let dir: string;
  let file: string;
  const lines = async (): Promise<Line[]> =>
    (await readFile(file, 'utf8'))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Line);

  beforeAll(async () => {
    dir = await tempDir('rostrum-logs-');
    file = joinPath(dir, 'server.log');
    server = await startServer({
      createDefaultMeeting: false,
      clock,
      logger: {
        level: 'info',
        ...SAFE_LOGGING,
        stream: pino.destination({ dest: file, sync: true }),
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes nothing for a display's commands, however many", async () => {
    const room = await openRoom(server);
    try {
      for (let i = 0; i < 3; i++) {
        await burst(
          server.url,
          room.tokens.display,
          Array.from({ length: 200 }, () => ({ type: 'agenda.start' })),
        );
      }
      const refused = (await lines()).filter((l) => l.msg === 'command refused');
      expect(refused.filter((l) => l.role === 'display')).toEqual([]);
    } finally {
      room.close();
    }
  });

  it('writes a burst of refusals, then a bounded rate, and one line for the rest', async () => {
    const room = await openRoom(server);
    try {
      const before = (await lines()).length;
      // Many devices, each within its own limit, each refused by the meeting (it has not started).
      const tokens = [room.tokens.chair, room.tokens.moderator];
      for (const code of Object.values(room.codes.delegations)) {
        tokens.push((await join(server.url, room.meetingId, code)).token);
      }
      const answers = (
        await Promise.all(
          tokens.map((token, i) =>
            burst(
              server.url,
              token,
              Array.from({ length: 15 }, () =>
                i < 2 ? { type: 'turn.end' } : { type: 'floor.withdraw' },
              ),
            ),
          ),
        )
      ).flat();
      const refusedByTheMeeting = answers.filter((a) => a !== 'rate_limited' && a !== 'ok').length;
      expect(refusedByTheMeeting).toBeGreaterThan(LIMITS.refusalLogLines.burst * 2);
      // All at one instant of the server's clock: the burst is written, the rest held back.
      const since = async () => (await lines()).slice(before);
      expect((await since()).filter((l) => l.suppressed !== undefined)).toEqual([]);
      // The summary comes a second after the first refusal left out.
      clock.advance(SUMMARY_EVERY_MS);
      expect((await since()).filter((l) => l.suppressed !== undefined)).toHaveLength(1);
      // Then a second's rate: the chair's fifteen more, at that instant, write five lines.
      const more = await burst(
        server.url,
        room.tokens.chair,
        Array.from({ length: 15 }, () => ({ type: 'turn.end' })),
      );
      expect(more.every((a) => a === 'not_now')).toBe(true);
      clock.advance(SUMMARY_EVERY_MS);
      const written = await since();
      const refused = written.filter((l) => l.msg === 'command refused');
      const summaries = written.filter((l) => l.suppressed !== undefined);
      const { burst: most, perSecond } = LIMITS.refusalLogLines;
      expect(refused).toHaveLength(most + perSecond);
      expect(summaries).toHaveLength(2);
      // Every refusal is accounted for: written, or counted in a summary.
      const suppressed = summaries.reduce((n, l) => n + (l.suppressed ?? 0), 0);
      expect(refused.length + suppressed).toBe(refusedByTheMeeting + more.length);
    } finally {
      room.close();
    }
  });
});
