import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { elapsedAt } from '../../shared/clock/turnClock';
import type { MeetingView } from '../../shared/protocol/view';
import { freePort, type ServerProcess, spawnServer } from '../support/process';
import {
  type Client,
  connect,
  defaultMeetingOf,
  http,
  join,
  ok,
  sleep,
  stateAt,
  tempDir,
} from '../support/server';

/**
 * Contract version 2, "Point of order", over a crash (issue 13): `kill -9` while a point of order
 * interrupts a panelist's presentation. After the restart both turns are as they were: the point
 * of order speaking, its clock on from the same instants; the presentation kept, paused, its time
 * intact; and the point of order's end gives the presentation back.
 */
describe('a kill -9 during a point of order', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('brings back the point of order speaking and the presentation it interrupted, both as they were', async () => {
    const dataDir = await tempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    let server: ServerProcess = await spawnServer({ dataDir, port });
    cleanup.push(() => server.child.kill('SIGKILL'));

    const { meetingId, codes } = await defaultMeetingOf(server.url);
    const tokens = {
      chair: (await join(server.url, meetingId, codes.chair)).token,
      moderator: (await join(server.url, meetingId, codes.moderator)).token,
      kenya: (await join(server.url, meetingId, codes.delegations.kenya ?? '')).token,
    };
    const clients: Client[] = [];
    const open = async (token: string) => {
      const client = await connect(server.url, token);
      clients.push(client);
      return client;
    };
    cleanup.push(() => {
      for (const c of clients) c.close();
    });
    const chair = await open(tokens.chair);
    const moderator = await open(tokens.moderator);
    const kenya = await open(tokens.kenya);

    // The first panel's presentations: the first expert speaks, Kenya rises on a point of order.
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'presentations' });
    await ok(chair, { type: 'turn.start' });
    // Real time: the server is another process, on the system's clock.
    await sleep(300);
    await ok(kenya, { type: 'floor.request', kind: 'point-of-order' });
    const granted = await ok(moderator, { type: 'floor.next' });
    const before: MeetingView = await stateAt(chair, granted);
    const presentation = before.interrupted;
    const point = before.turn;
    if (!presentation || !point) throw new Error('the point of order did not interrupt');
    expect(point).toMatchObject({
      status: 'running',
      speaker: { delegationId: 'kenya', kind: 'point-of-order' },
      limitMs: 120_000,
    });
    expect(presentation).toMatchObject({
      status: 'paused',
      startedAt: null,
      speaker: { speakerId: 'expert-1' },
    });
    expect(presentation.elapsedMs).toBeGreaterThanOrEqual(300);

    // The point of order has spoken a while when the process dies.
    await sleep(200);
    server.child.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    for (const c of clients.splice(0)) c.close();
    const killedAt = Date.now();

    server = await spawnServer({ dataDir, port });
    const chairAgain = await open(tokens.chair);
    const after = chairAgain.latest();
    const restartedIn = Date.now() - killedAt;
    expect(after.version).toBe(granted);
    expect(after.status).toBe('running');
    expect(after.current).toEqual(before.current);
    // Both turns exactly as stored: the same instants, so the same clocks.
    expect(after.turn).toEqual(point);
    expect(after.interrupted).toEqual(presentation);
    // The point of order's clock ran on through the crash and the restart, on the server's clock.
    const spoken = elapsedAt(point, after.serverTime);
    expect(spoken).toBeGreaterThanOrEqual(200 + restartedIn - 50);
    expect(elapsedAt(presentation, after.serverTime)).toBe(presentation.elapsedMs);

    // The restart kept a snapshot of where it got (it replayed the log): a second crash restores
    // the two turns from that snapshot rather than the log, and they are still as they were.
    server.child.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    for (const c of clients.splice(0)) c.close();
    server = await spawnServer({ dataDir, port, env: { LOG_LEVEL: 'info' } });
    expect(server.output()).toContain(`"version":${granted},"replayed":0,"msg":"meeting restored"`);
    const chairThird = await open(tokens.chair);
    expect(chairThird.latest()).toMatchObject({
      version: granted,
      turn: point,
      interrupted: presentation,
    });

    // The point of order ends: the presentation is the current turn again, paused, to the ms.
    const moderatorAgain = await open(tokens.moderator);
    const ended = await ok(moderatorAgain, { type: 'turn.end', turnId: point.id });
    const back = await stateAt(chairThird, ended);
    expect(back.interrupted).toBeNull();
    expect(back.turn).toEqual(presentation);
    // The chair gives the expert the floor again: the clock goes on from where it stopped.
    const resumed = await ok(chairThird, { type: 'turn.resume', turnId: presentation.id });
    const running = await stateAt(chairThird, resumed);
    expect(running.turn).toMatchObject({
      id: presentation.id,
      status: 'running',
      elapsedMs: presentation.elapsedMs,
    });

    const record = await http<{
      turns: { id: string; kind?: string; delegationId?: string; spokenMs: number }[];
    }>(server.url, `/api/meetings/${meetingId}/record`, { token: tokens.moderator });
    expect(record.body.turns).toEqual([
      expect.objectContaining({ id: point.id, kind: 'point-of-order', delegationId: 'kenya' }),
    ]);
    expect(record.body.turns[0]?.spokenMs).toBeGreaterThanOrEqual(spoken);
  });
});
