import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../shared/protocol/view';
import { freePort, type ServerProcess, spawnServer } from '../support/process';
import {
  type Client,
  connect,
  defaultMeetingOf,
  http,
  join,
  ok,
  stateAt,
  tempDir,
} from '../support/server';

describe('a kill -9 of the server', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('loses nothing acknowledged: tokens, queue, clock instants and version come back exactly', async () => {
    const dataDir = await tempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    let server: ServerProcess = await spawnServer({ dataDir, port });
    cleanup.push(() => server.child.kill('SIGKILL'));

    // The default meeting made on the first start, and its codes from the operator.
    const { meetingId, codes } = await defaultMeetingOf(server.url);
    const tokens = {
      chair: (await join(server.url, meetingId, codes.chair)).token,
      moderator: (await join(server.url, meetingId, codes.moderator)).token,
      mexico: (await join(server.url, meetingId, codes.delegations.mexico ?? '')).token,
      morocco: (await join(server.url, meetingId, codes.delegations.morocco ?? '')).token,
      iom: (await join(server.url, meetingId, codes.delegations.iom ?? '')).token,
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
    const mexico = await open(tokens.mexico);
    const morocco = await open(tokens.morocco);
    const iom = await open(tokens.iom);

    // Into the first panel's discussion: Mexico speaking, paused once, Morocco and IOM waiting.
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    await ok(mexico, { type: 'floor.request', speakerName: 'H.E. Ms. Ana Pérez', sex: 'female' });
    await ok(iom, { type: 'floor.request' });
    await ok(moderator, { type: 'floor.next' });
    await ok(morocco, { type: 'floor.request', speakerName: 'The Ambassador' });
    await ok(moderator, { type: 'turn.pause' });
    // Real time: the server is another process, on the system's clock; the pause must last.
    await new Promise((r) => setTimeout(r, 20));
    const resumed = await ok(moderator, { type: 'turn.resume' });
    const before: MeetingView = await stateAt(chair, resumed);
    expect(before.turn).toMatchObject({ status: 'running', speaker: { delegationId: 'mexico' } });
    expect(before.turn?.elapsedMs).toBeGreaterThan(0);
    expect(before.floor.queue.map((r) => r.delegationId)).toEqual(['morocco', 'iom']);

    // One more change, and the process dies the moment its ack arrives.
    const last = await ok(moderator, { type: 'turn.adjust', deltaMs: 30_000 });
    server.child.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    for (const c of clients.splice(0)) c.close();

    server = await spawnServer({ dataDir, port });
    expect(server.summary()).toContain(`/m/${meetingId}/join?code=${codes.chair}`);
    // The tokens issued before the crash still open the meeting.
    const chairAgain = await open(tokens.chair);
    const after = chairAgain.latest();
    expect(after.version).toBe(last);
    expect(after.status).toBe('running');
    expect(after.current).toEqual(before.current);
    expect(after.floor).toEqual(before.floor);
    expect(after.turn).toEqual({
      ...before.turn,
      limitMs: (before.turn?.limitMs ?? 0) + 30_000,
      warnAtMs: (before.turn?.warnAtMs ?? 0) + 30_000,
    });
    // The clock runs on from the same instants: the room sees the right time.
    expect(after.turn?.startedAt).toBe(before.turn?.startedAt);
    expect(after.turn?.elapsedMs).toBe(before.turn?.elapsedMs);

    const moroccoAgain = await open(tokens.morocco);
    const ack = await moroccoAgain.send({ type: 'floor.request' });
    expect(ack.ok || ack.error.code).toBe('already_queued');
    expect(await ok(chairAgain, { type: 'floor.next' })).toBe(last + 1);
    const record = await http<{ turns: { delegationId?: string; sex?: string }[] }>(
      server.url,
      `/api/meetings/${meetingId}/record`,
      { token: tokens.moderator },
    );
    expect(record.body.turns).toEqual([
      expect.objectContaining({ delegationId: 'mexico', sex: 'female' }),
    ]);
  });
});
