import { describe, expect, it } from 'vitest';
import type { LoggedCommand, SqliteStore } from '../../server/store/store';
import type { Command } from '../../shared/protocol/commands';
import type { Room } from '../support/meeting';
import { sqliteIn, usePerTest } from '../support/perTest';
import { type Client, ok, stateAt } from '../support/server';
import { SlowStore } from '../support/slowStore';

/**
 * Issue 16, docs/many-nodes.md "In-doubt commits and command ids": a command sent again with
 * its `commandId` acts once, and a commit whose answer was lost but which was stored stands.
 * Real servers, real socket.io clients, real SQLite (behind SlowStore where a commit must fail).
 */

/** The room at a turn on the floor: `turn.adjust` then changes what everyone sees. */
const toATurn = async (room: Room): Promise<number> => {
  await ok(room.chair, { type: 'agenda.start' });
  await ok(room.chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
  return ok(room.moderator, { type: 'turn.start', speaker: { name: 'A speaker' } });
};

const limitOf = (client: Client): number | undefined => client.latest().turn?.limitMs;

describe('command ids', () => {
  const perTest = usePerTest();

  it('applies a command sent twice with the same id once, and answers both with its version', async () => {
    const server = await perTest.server();
    const room = await perTest.room(server);
    const ready = await toATurn(room);
    await stateAt(room.chair, ready);
    const before = limitOf(room.chair) ?? 0;
    const adjust: Command = { type: 'turn.adjust', deltaMs: 30_000, commandId: 'adjust-1' };

    const first = await room.moderator.send(adjust);
    const second = await room.moderator.send(adjust);
    // From another device of the meeting too: the id is the meeting's, not the socket's.
    const third = await room.chair.send(adjust);
    expect(first).toEqual({ ok: true, version: ready + 1 });
    expect(second).toEqual(first);
    expect(third).toEqual(first);

    // Another id is another command: applied, one version more.
    const other = await room.moderator.send({ ...adjust, commandId: 'adjust-2' });
    expect(other).toEqual({ ok: true, version: ready + 2 });
    const seen = await stateAt(room.chair, ready + 2);
    expect(seen.turn?.limitMs).toBe(before + 60_000);
    // Without an id, a command sent twice is two commands, as before.
    const plain = { type: 'turn.adjust', deltaMs: 1000 } as const;
    expect(await room.moderator.send(plain)).toEqual({ ok: true, version: ready + 3 });
    expect(await room.moderator.send(plain)).toEqual({ ok: true, version: ready + 4 });
  });

  it('refuses an id that is not 1 to 64 printable characters, as any invalid field', async () => {
    const server = await perTest.server();
    const room = await perTest.room(server);
    for (const commandId of ['', 'x'.repeat(65), 'tab\there', 'é']) {
      const ack = await room.chair.send({ type: 'agenda.start', commandId });
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(await room.chair.send({ type: 'agenda.start', commandId: 'x'.repeat(64) })).toEqual({
      ok: true,
      version: 1,
    });
  });

  it('answers a command sent again after a restart with its first ack, applying nothing', async () => {
    const dataDir = await perTest.dataDir('rostrum-cmdid-');
    let server = await perTest.server({ dataDir });
    const room = await perTest.room(server);
    const ready = await toATurn(room);
    const adjust: Command = { type: 'turn.adjust', deltaMs: 30_000, commandId: 'adjust-1' };
    const first = await room.moderator.send(adjust);
    expect(first).toEqual({ ok: true, version: ready + 1 });
    const limit = (await stateAt(room.moderator, ready + 1)).turn?.limitMs;
    room.close();
    await server.close();

    server = await perTest.server({ dataDir });
    const again = await perTest.open(server.url, room.tokens.moderator);
    expect(again.latest().version).toBe(ready + 1);
    expect(await again.send(adjust)).toEqual(first);
    expect(await again.send({ type: 'cue.send', text: 'after' })).toEqual({
      ok: true,
      version: ready + 2,
    });
    expect((await stateAt(again, ready + 2)).turn?.limitMs).toBe(limit);
  });
});

/**
 * A store whose commit of chosen commands stores them and then throws: the database committed
 * and its answer was lost on the way back (a connection cut during COMMIT).
 */
class LostAnswerStore extends SlowStore {
  constructor(
    beneath: SqliteStore,
    private readonly loses: (entry: LoggedCommand) => boolean,
  ) {
    super(beneath, {});
  }

  override async commitCommand(...args: Parameters<SlowStore['commitCommand']>): Promise<void> {
    await super.commitCommand(...args);
    if (this.loses(args[1])) throw new Error('connection lost during COMMIT (a test)');
  }
}

describe('a commit in doubt', () => {
  const perTest = usePerTest();

  it.each([
    ['with a command id', 'lost-1'],
    ['without one (the same sender, instant and command)', undefined],
  ])('is answered ok when the log has it, %s, and the change stands', async (_, commandId) => {
    const dataDir = await perTest.dataDir('rostrum-in-doubt-');
    const store = new LostAnswerStore(
      sqliteIn(dataDir),
      (entry) => entry.command.type === 'cue.send' && entry.command.text === 'lost answer',
    );
    const server = await perTest.server({ dataDir, store, createDefaultMeeting: false });
    const room = await perTest.room(server);
    const ready = await toATurn(room);
    const ack = await room.chair.send({
      type: 'cue.send',
      text: 'lost answer',
      ...(commandId !== undefined && { commandId }),
    });
    expect(ack).toEqual({ ok: true, version: ready + 1 });
    expect(store.hasStored(room.meetingId, ready + 1)).toBe(true);
    // The engine kept the change: the next command follows it, and the room sees both.
    expect(await room.chair.send({ type: 'cue.send', text: 'next' })).toEqual({
      ok: true,
      version: ready + 2,
    });
    await stateAt(room.display, ready + 2);
    const logged = (await store.log.after(room.meetingId, ready)).entries;
    expect(logged.map((e) => e.version)).toEqual([ready + 1, ready + 2]);
  });

  it('is undone and answered unavailable when the log does not have it', async () => {
    const dataDir = await perTest.dataDir('rostrum-in-doubt-');
    const store = new SlowStore(sqliteIn(dataDir), {
      refuses: (_, entry) => entry.command.type === 'cue.send' && entry.command.text === 'lost',
    });
    const server = await perTest.server({ dataDir, store, createDefaultMeeting: false });
    const room = await perTest.room(server);
    const ready = await toATurn(room);
    const ack = await room.chair.send({ type: 'cue.send', text: 'lost', commandId: 'c-1' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await room.chair.send({ type: 'cue.send', text: 'next' })).toEqual({
      ok: true,
      version: ready + 1,
    });
    const logged = (await store.log.after(room.meetingId, ready)).entries;
    expect(logged.map((e) => e.command)).toEqual([{ type: 'cue.send', text: 'next' }]);
  });
});
