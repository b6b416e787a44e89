import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATABASE_FILE } from '../../server/store/database';
import type { Command } from '../../shared/protocol/commands';
import { COMMAND_ERROR_STATUS, HTTP_ROUTES, pathOf } from '../../shared/protocol/contract';
import { CommandAck, RefusalReason } from '../../shared/protocol/errors';
import { LIMITS } from '../../shared/protocol/limits';
import { MeetingView } from '../../shared/protocol/view';
import { ManualClock } from '../support/clock';
import { openRoom, withRoom } from '../support/meeting';
import {
  ADMIN_TOKEN,
  createMeeting,
  type HttpAnswer,
  http,
  join,
  ok,
  startServer,
  stateAt,
  tempDir,
} from '../support/server';

/**
 * The control API (contract version 2, "Speaker cues and room outputs"): a command over HTTP with
 * a token of the meeting is a command on a socket (the same limits, parse, engine and ack), each
 * refusal with its status; the state over HTTP is the state the sockets get.
 */

const post = (url: string, meetingId: string, token: string | undefined, body: unknown) =>
  http(url, pathOf(HTTP_ROUTES.command, { id: meetingId }), {
    method: 'POST',
    body,
    ...(token !== undefined && { token }),
  });

/**
 * A refusal as the route answers it, whoever refused (the engine, the limits, the access check,
 * the body's parser): `{"ok":false,"error":{"code","message"}}` and nothing else, but a command's
 * reason (`reason`, contract version 2, "Languages").
 */
const Refused = z
  .object({
    ok: z.literal(false),
    error: z
      .object({ code: z.string(), message: z.string(), reason: RefusalReason.optional() })
      .strict(),
  })
  .strict();

/** The message of a refusal with that status and code. */
const refusal = (answer: HttpAnswer, status: number, code: string): string => {
  expect(answer.status, answer.text).toBe(status);
  const { error } = Refused.parse(answer.body);
  expect(error.code, answer.text).toBe(code);
  // A command's own refusals are the socket's acks, word for word.
  if (code in COMMAND_ERROR_STATUS) expect(CommandAck.parse(answer.body)).toEqual(answer.body);
  return error.message;
};

/** An accepted command's version (200 `{"ok":true,"version"}` and nothing else). */
const accepted = (answer: HttpAnswer): number => {
  expect(answer.status, answer.text).toBe(200);
  const ack = CommandAck.parse(answer.body);
  expect(ack).toEqual(answer.body);
  if (!ack.ok) throw new Error(`refused: ${answer.text}`);
  return ack.version;
};

describe('the control API', () => {
  // A stopped clock: buckets refill only when a test moves it, and every instant is exact, so
  // a state read over HTTP is the very state a socket got.
  const clock = new ManualClock();
  const live = withRoom('test', { clock });
  const send = (token: string | undefined, body: unknown, meetingId = live.room.meetingId) =>
    post(live.server.url, meetingId, token, body);

  it('takes a command as a socket does: stored, answered with its version, and every socket sees it', async () => {
    const { room, server } = live;
    expect(accepted(await send(room.tokens.chair, { type: 'agenda.start' }))).toBe(1);
    expect((await stateAt(room.display, 1)).status).toBe('running');
    const next = accepted(await send(room.tokens.moderator, { type: 'agenda.next' }));
    expect(next).toBe(2);
    const seen = await stateAt(room.mexico, next);
    expect(seen.version).toBe(next);
    expect(seen.current?.stepId).toBe('discussion');

    // The log says where each came from.
    const db = new Database(joinPath(server.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const rows = db
        .prepare('SELECT version, role, source FROM commands WHERE meeting = ? ORDER BY version')
        .all(room.meetingId);
      expect(rows).toEqual([
        { version: 1, role: 'chair', source: 'http' },
        { version: 2, role: 'moderator', source: 'http' },
      ]);
    } finally {
      db.close();
    }
  });

  it('answers the state a socket received, agenda included, to any token of the meeting', async () => {
    const { room, server } = live;
    await ok(room.chair, { type: 'agenda.start' });
    await ok(room.chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
    accepted(await send(room.tokens.mexico, { type: 'floor.request', speakerName: 'Ana Pérez' }));
    const version = accepted(await send(room.tokens.moderator, { type: 'floor.next' }));
    const received = await stateAt(room.display, version);
    expect(received.version).toBe(version);
    expect(received.turn?.speaker.delegationId).toBe('mexico');

    for (const token of [room.tokens.display, room.tokens.mexico, room.tokens.moderator]) {
      const answer = await http(server.url, pathOf(HTTP_ROUTES.state, { id: room.meetingId }), {
        token,
      });
      expect(answer.status).toBe(200);
      const view = MeetingView.parse(answer.body);
      // Nothing the contract does not name, and exactly what the socket showed.
      expect(view).toEqual(answer.body);
      expect(view).toEqual(received);
      expect(view.agenda.title).toBe('Test session');
    }
  });

  it('refuses as a socket does, each refusal with its status', async () => {
    const { room } = live;
    // The permission table: a display sends nothing; a delegate does not start the meeting.
    expect(
      refusal(await send(room.tokens.display, { type: 'agenda.next' }), 403, 'forbidden'),
    ).toBe('This screen sends no commands.');
    refusal(await send(room.tokens.mexico, { type: 'agenda.start' }), 403, 'forbidden');

    accepted(await send(room.tokens.chair, { type: 'agenda.start' }));
    accepted(await send(room.tokens.moderator, { type: 'agenda.next', fromStepId: 'opening' }));
    // A second press meant for the step already left.
    refusal(
      await send(room.tokens.moderator, { type: 'agenda.next', fromStepId: 'opening' }),
      409,
      'conflict',
    );
    refusal(await send(room.tokens.moderator, { type: 'turn.pause' }), 409, 'not_now');
    accepted(await send(room.tokens.mexico, { type: 'floor.request' }));
    refusal(await send(room.tokens.mexico, { type: 'floor.request' }), 409, 'already_queued');
    accepted(await send(room.tokens.moderator, { type: 'floor.close' }));
    refusal(await send(room.tokens.morocco, { type: 'floor.request' }), 409, 'list_closed');
    refusal(
      await send(room.tokens.moderator, { type: 'floor.remove', requestId: 'no-such-request' }),
      404,
      'not_found',
    );

    // A body the schema refuses: the same words as on a socket, naming the field.
    const tooLong: unknown = {
      type: 'floor.add',
      delegationId: 'iom',
      speakerName: 'x'.repeat(300),
    };
    const overHttp = refusal(await send(room.tokens.moderator, tooLong), 400, 'invalid');
    expect(overHttp).toMatch(/^speakerName: /);
    expect(await room.moderator.send(tooLong)).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: overHttp,
        reason: { id: 'refusal.command-invalid', values: { problem: overHttp } },
      },
    });
    const noType = refusal(await send(room.tokens.moderator, { turnId: 'x' }), 400, 'invalid');
    expect(noType).toMatch(/^type: /);
    expect(await room.moderator.send({ turnId: 'x' })).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: noType,
        reason: { id: 'refusal.command-invalid', values: { problem: noType } },
      },
    });

    // Nothing refused changed anything: the socket saw only the accepted ones.
    const latest = await stateAt(room.display, 4);
    expect(latest.version).toBe(4);
    expect(latest.floor.open).toBe(false);
    expect(latest.floor.queue.map((q) => q.delegationId)).toEqual(['mexico']);
  });

  it('holds a token to one budget, whether its commands come over its socket or HTTP', async () => {
    const { room } = live;
    const burst = LIMITS.delegateCommands.burst;
    const withdraw: Command = { type: 'floor.withdraw' };
    // Half the burst on the socket, half over HTTP: each is taken (and refused by the engine,
    // for Morocco asked for nothing), none limited.
    for (let i = 0; i < burst / 2; i++) {
      const ack = await room.morocco.send(withdraw);
      expect(ack.ok || ack.error.code).not.toBe('rate_limited');
    }
    for (let i = 0; i < burst / 2; i++) {
      const answer = await send(room.tokens.morocco, withdraw);
      expect(answer.status, answer.text).not.toBe(429);
    }
    // The budget is spent, on both paths.
    expect(refusal(await send(room.tokens.morocco, withdraw), 429, 'rate_limited')).toBe(
      'Too many commands from this device: wait a moment and try again.',
    );
    expect(await room.morocco.send(withdraw)).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
    // Another device's budget is its own.
    expect((await send(room.tokens.iom, withdraw)).status).not.toBe(429);
    // A second refills one command (5 a second).
    clock.advance(1000);
    expect((await send(room.tokens.morocco, withdraw)).status).not.toBe(429);
  });

  it('holds a token over HTTP to its burst, a display beyond its own too (no socket to close)', async () => {
    const { room } = live;
    const burst = LIMITS.delegateCommands.burst;
    for (let i = 0; i < burst; i++) {
      // The meeting has not started: the engine refuses, and each command counted.
      refusal(await send(room.tokens.iom, { type: 'floor.withdraw' }), 409, 'not_now');
      refusal(await send(room.tokens.display, { type: 'floor.withdraw' }), 403, 'forbidden');
    }
    refusal(await send(room.tokens.iom, { type: 'floor.withdraw' }), 429, 'rate_limited');
    refusal(await send(room.tokens.display, { type: 'floor.withdraw' }), 429, 'rate_limited');
    // The display's socket is still there: only its own flood would close it.
    expect(room.display.socket.connected).toBe(true);
  });

  it('tells who may not call, as an ack: no token, another meeting, the operator, a signed-out device', async () => {
    const { room, server } = live;
    const command = { type: 'floor.close' };
    expect(refusal(await send(undefined, command), 401, 'unauthorized')).toBe(
      'Send a token of this meeting (a join answers one): Authorization: Bearer <token>.',
    );
    // The operator runs the server, not the meeting: its token is refused like any stranger's.
    const operator = refusal(await send(ADMIN_TOKEN, command), 401, 'unauthorized');
    expect(refusal(await send('never-issued', command), 401, 'unauthorized')).toBe(operator);
    const other = await createMeeting(server.url);
    const otherChair = (await join(server.url, other.meetingId, other.codes.chair)).token;
    expect(refusal(await send(otherChair, command), 401, 'unauthorized')).toBe(operator);
    expect(refusal(await send(room.tokens.chair, command, 'nosuchmeeting'), 404, 'not_found')).toBe(
      'There is no meeting "nosuchmeeting".',
    );

    // The chair signs Mexico's devices out: its token no longer sends nor reads.
    const signedOut = await http(
      server.url,
      pathOf(HTTP_ROUTES.signOut, { id: room.meetingId, delegationId: 'mexico' }),
      { method: 'POST', body: {}, token: room.tokens.chair },
    );
    expect(signedOut.status).toBe(200);
    const words = 'This device was signed out: join again with an access code.';
    expect(
      refusal(await send(room.tokens.mexico, { type: 'floor.request' }), 401, 'unauthorized'),
    ).toBe(words);
    const read = await http(server.url, pathOf(HTTP_ROUTES.state, { id: room.meetingId }), {
      token: room.tokens.mexico,
    });
    expect(read.status).toBe(401);
    expect(read.body).toEqual({ error: { code: 'unauthorized', message: words } });
  });

  it('answers a body that is no command as an ack too: not JSON, or larger than a socket message', async () => {
    const { room } = live;
    expect(refusal(await send(room.tokens.chair, '{"type":'), 400, 'invalid')).toBe(
      'The body is not valid JSON.',
    );
    // What `curl -d` sends without a Content-Type of JSON.
    const form = await http(live.server.url, pathOf(HTTP_ROUTES.command, { id: room.meetingId }), {
      body: 'type=agenda.start',
      token: room.tokens.chair,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(refusal(form, 400, 'invalid')).toBe(
      'Send the body as JSON, with Content-Type: application/json.',
    );
    const large = JSON.stringify({
      type: 'agenda.start',
      pad: 'x'.repeat(LIMITS.socketMessageBytes),
    });
    expect(refusal(await send(room.tokens.chair, large), 413, 'payload_too_large')).toBe(
      'The body is larger than 16 KiB.',
    );
    expect(room.chair.latest().version).toBe(0);
  });
});

describe('the control API when the store fails', () => {
  it('answers 503 unavailable, changing nothing, and takes the command once the store is back', async () => {
    const dataDir = await tempDir();
    const server = await startServer({ dataDir, createDefaultMeeting: false, busyTimeoutMs: 20 });
    const intruder = new Database(joinPath(dataDir, DATABASE_FILE));
    const room = await openRoom(server);
    try {
      // Another process holds the write lock: every write fails, reads go on.
      intruder.exec('BEGIN EXCLUSIVE');
      const answer = await post(server.url, room.meetingId, room.tokens.chair, {
        type: 'agenda.start',
      });
      expect(refusal(answer, 503, 'unavailable')).toMatch(/could not store this change/);
      intruder.exec('ROLLBACK');
      const again = await post(server.url, room.meetingId, room.tokens.chair, {
        type: 'agenda.start',
      });
      expect(accepted(again)).toBe(1);
    } finally {
      room.close();
      intruder.close();
      await server.close();
    }
  });
});
