import { rm } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../server/store/database';
import type { Sender } from '../../../shared/engine/context';
import type { Command } from '../../../shared/protocol/commands';
import { HttpErrorResponse } from '../../../shared/protocol/http';
import { type LoggedCommand, loggedCommands } from '../../support/commandLog';
import { captureLogs } from '../../support/logs';
import { openRoom } from '../../support/meeting';
import { essentials } from '../../support/model';
import {
  type Client,
  connect,
  http,
  join,
  roundTrip,
  startServer,
  stateAt,
  type TestServer,
  tempDir,
} from '../../support/server';

/** Sends commands and keeps those acknowledged, with their versions, to compare with the store later. */
const recorder = () => {
  const acked: LoggedCommand[] = [];
  const send = async (client: Client, sender: Sender, command: Command) => {
    const ack = await client.send(command);
    if (ack.ok) acked.push({ version: ack.version, sender, command });
    return ack;
  };
  return { acked, send };
};

const CHAIR: Sender = { role: 'chair' };
const MODERATOR: Sender = { role: 'moderator' };
const delegate = (delegationId: string): Sender => ({ role: 'delegate', delegationId });

describe('the store failing and recovering', () => {
  it('answers unavailable while the database is locked, writes nothing, and goes on when it is free; a restart shows exactly the acknowledged', async () => {
    const dataDir = await tempDir();
    let server: TestServer = await startServer({
      dataDir,
      createDefaultMeeting: false,
      busyTimeoutMs: 20,
    });
    const intruder = new Database(joinPath(dataDir, DATABASE_FILE));
    try {
      const room = await openRoom(server);
      const { acked, send } = recorder();
      expect((await send(room.chair, CHAIR, { type: 'agenda.start' })).ok).toBe(true);
      expect((await send(room.chair, CHAIR, { type: 'agenda.next' })).ok).toBe(true);
      expect((await send(room.mexico, delegate('mexico'), { type: 'floor.request' })).ok).toBe(
        true,
      );
      expect((await send(room.iom, delegate('iom'), { type: 'floor.request' })).ok).toBe(true);
      expect((await send(room.moderator, MODERATOR, { type: 'floor.next' })).ok).toBe(true);
      const before = await stateAt(room.display, 5);
      const statesBefore = room.display.states.length;

      // Another process holds the database's write lock (a backup tool, a stuck editor): every
      // write fails, as it would on a full disk or a read-only file.
      intruder.exec('BEGIN EXCLUSIVE');
      const refusedCommands: [Client, Sender, Command][] = [
        [room.morocco, delegate('morocco'), { type: 'floor.request' }],
        [room.moderator, MODERATOR, { type: 'turn.pause' }],
        [room.chair, CHAIR, { type: 'turn.adjust', deltaMs: 30_000 }],
        [room.mexico, delegate('mexico'), { type: 'floor.request', speakerName: 'Again' }],
        [room.chair, CHAIR, { type: 'agenda.next' }],
      ];
      for (const [client, sender, command] of refusedCommands) {
        const ack = await send(client, sender, command);
        expect(ack.ok, command.type).toBe(false);
        if (!ack.ok) {
          expect(ack.error.code).toBe('unavailable');
          // A plain message: no SQLite words, no stack.
          expect(ack.error.message).toMatch(/could not store this change, so it was not made/);
          expect(ack.error.message).not.toMatch(/SQLITE|sqlite|at .*\.ts/);
        }
      }
      // The chair's access actions fail the same way, and change nothing: no device is signed
      // out, no code changes.
      const signOut = await http(
        server.url,
        `/api/meetings/${room.meetingId}/delegations/morocco/sign-out`,
        { method: 'POST', token: room.tokens.chair },
      );
      expect(signOut.status).toBe(503);
      expect(HttpErrorResponse.parse(signOut.body).error.code).toBe('unavailable');
      const rotate = await http(server.url, `/api/meetings/${room.meetingId}/codes/rotate`, {
        body: { role: 'display' },
        token: room.tokens.chair,
      });
      expect(rotate.status).toBe(503);
      const joining = await http(server.url, `/api/meetings/${room.meetingId}/join`, {
        body: { code: room.codes.display },
      });
      expect(joining.status).toBe(503);
      // Reads still work.
      const devices = await http(server.url, `/api/meetings/${room.meetingId}/devices`, {
        token: room.tokens.chair,
      });
      expect(devices.status).toBe(200);
      await roundTrip(room.display.socket);
      await roundTrip(room.morocco.socket);
      expect(room.display.states.length).toBe(statesBefore);
      expect(room.morocco.socket.connected).toBe(true);

      // The lock goes: the same commands now go through, from the next version on.
      intruder.exec('ROLLBACK');
      let version = before.version;
      for (const [client, sender, command] of refusedCommands) {
        const ack = await send(client, sender, command);
        expect(ack, command.type).toEqual({ ok: true, version: version + 1 });
        version++;
      }
      expect((await join(server.url, room.meetingId, room.codes.display)).role).toBe('display');
      const last = await stateAt(room.display, version);
      room.close();

      // What the store holds is exactly what was acknowledged, and a restart shows it.
      expect(loggedCommands(dataDir, room.meetingId)).toEqual(acked);
      await server.close();
      server = await startServer({ dataDir, createDefaultMeeting: false });
      const again = await connect(server.url, room.tokens.display);
      expect(essentials(again.latest())).toEqual(essentials(last));
      again.close();
    } finally {
      intruder.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('answers a write that fails half-way with unavailable, logs it with its stack, and leaves no trace', async () => {
    const dataDir = await tempDir();
    const logs = captureLogs();
    let server: TestServer = await startServer({
      dataDir,
      createDefaultMeeting: false,
      logger: logs.logger,
    });
    const intruder = new Database(joinPath(dataDir, DATABASE_FILE));
    try {
      const room = await openRoom(server);
      const { acked, send } = recorder();
      await send(room.chair, CHAIR, { type: 'agenda.start' });
      await send(room.chair, CHAIR, {
        type: 'turn.start',
        speaker: { name: 'Injected failure' },
      });
      const speaking = await stateAt(room.display, 2);
      expect(speaking.turn?.speaker.name).toBe('Injected failure');

      // The database refuses the record of that speaker's turn, once the command's row is
      // already written in the same transaction: a real failure in the middle of a commit.
      intruder.exec(`
        CREATE TRIGGER refuse_turn BEFORE INSERT ON turns
        WHEN NEW.record LIKE '%Injected failure%'
        BEGIN SELECT RAISE(ABORT, 'injected failure: the turn record cannot be written'); END;
      `);
      const ack = await send(room.moderator, MODERATOR, { type: 'turn.end' });
      expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      // Logged with its stack, for the operator.
      const failure = logs
        .lines()
        .find(
          (line) => line.level >= 50 && JSON.stringify(line.err ?? '').includes('injected failure'),
        );
      expect(failure?.msg).toMatch(/could not store the command/);
      expect((failure?.err as { stack?: string } | undefined)?.stack).toMatch(/\n\s+at /);
      // Nothing of it was kept or shown: no command row, no turn, no new state.
      expect(loggedCommands(dataDir, room.meetingId).map((c) => c.version)).toEqual([1, 2]);
      const check = new Database(joinPath(dataDir, DATABASE_FILE), { readonly: true });
      expect(check.prepare('SELECT count(*) FROM turns').pluck().get()).toBe(0);
      check.close();
      await roundTrip(room.display.socket);
      expect(room.display.latest().version).toBe(2);
      expect(room.display.latest().turn?.status).toBe('running');
      expect(server.app.rostrum.registry.get(room.meetingId)?.version).toBe(2);

      // Once the database takes it again, the same command goes through with the same version.
      intruder.exec('DROP TRIGGER refuse_turn');
      expect(await send(room.moderator, MODERATOR, { type: 'turn.end' })).toEqual({
        ok: true,
        version: 3,
      });
      const ended = await stateAt(room.display, 3);
      expect(ended.turn).toBeNull();
      room.close();
      expect(loggedCommands(dataDir, room.meetingId)).toEqual(acked);

      await server.close();
      server = await startServer({ dataDir, createDefaultMeeting: false });
      const again = await connect(server.url, room.tokens.display);
      expect(essentials(again.latest())).toEqual(essentials(ended));
      again.close();
      const record = await http<{ turns: { speakerName: string }[] }>(
        server.url,
        `/api/meetings/${room.meetingId}/record`,
        { token: room.tokens.chair },
      );
      expect(record.body.turns.map((t) => t.speakerName)).toEqual(['Injected failure']);
      // And the tokens issued before still open the meeting.
      const mexico = await connect(server.url, room.tokens.mexico);
      expect(mexico.latest().version).toBe(3);
      mexico.close();
    } finally {
      intruder.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
