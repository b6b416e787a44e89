import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/store/database';
import { HTTP_ROUTES, pathOf } from '../../shared/protocol/contract';
import { type CommandAck, CommandRefusal, type Refusal } from '../../shared/protocol/errors';
import { ManualClock } from '../support/clock';
import { withRoom } from '../support/meeting';
import { screenEnglish } from '../support/refusals';
import { http, ok } from '../support/server';

/**
 * A refusal's reason over the wire (contract version 2, "Languages"): beside its `code` and its
 * English `message`, unchanged, the error carries `reason` (`{id, values}`), on a socket's ack
 * and in the control API's answer alike, for a screen to say it in its own language.
 */

/** The error of a refused ack, as the contract types it (`Refusal`), with nothing else in it. */
const refusalOf = (ack: CommandAck): Refusal => {
  if (ack.ok) throw new Error(`accepted (version ${ack.version})`);
  expect(CommandRefusal.strict().parse(ack.error)).toEqual(ack.error);
  return ack.error;
};

describe('a refusal’s reason, over a socket and over HTTP', () => {
  // A stopped clock: a withdrawal's cooldown is exact.
  const clock = new ManualClock();
  // A locked database is answered at once, not after the usual wait for the lock.
  const live = withRoom('test', { clock, busyTimeoutMs: 20 });

  it('a tablet asking after the list closed: the same words as ever, and their reason', async () => {
    const { chair, moderator, mexico } = live.room;
    await ok(chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
    await ok(moderator, { type: 'floor.close' });
    const refusal = refusalOf(await mexico.send({ type: 'floor.request' }));
    expect(refusal).toEqual({
      code: 'list_closed',
      message: 'The list of speakers is closed.',
      reason: { id: 'refusal.list-closed' },
    });
    // What an English screen says for that reason is the server's message.
    expect(screenEnglish(refusal.reason ?? { id: '' })).toBe(refusal.message);
  });

  it('names the delegation by its name and its id, for a screen to say it in its language', async () => {
    const { chair, mexico } = live.room;
    await ok(chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
    await ok(mexico, { type: 'floor.request' });
    expect(refusalOf(await mexico.send({ type: 'floor.request' }))).toEqual({
      code: 'already_queued',
      message: 'Mexico is already waiting for the floor.',
      reason: {
        id: 'refusal.already-waiting',
        values: { delegation: 'Mexico', delegationId: 'mexico' },
      },
    });
  });

  it('the server’s own limits before the engine: the cooldown, and a payload that is no command', async () => {
    const { chair, mexico } = live.room;
    await ok(chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
    await ok(mexico, { type: 'floor.request' });
    await ok(mexico, { type: 'floor.withdraw' });
    clock.advance(1_000);
    expect(refusalOf(await mexico.send({ type: 'floor.request' }))).toEqual({
      code: 'rate_limited',
      message: 'This delegation withdrew its request a moment ago: try again in 2 seconds.',
      reason: { id: 'refusal.request-cooldown', values: { seconds: 2 } },
    });
    const invalid = refusalOf(await mexico.send({ type: 'floor.request', speakerName: '' }));
    expect(invalid).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^speakerName: /),
      reason: { id: 'refusal.command-invalid' },
    });
    expect(invalid.reason?.values).toEqual({ problem: invalid.message });
  });

  it('the control API answers the very error a socket gets, reason included', async () => {
    const { chair, meetingId, tokens } = live.room;
    await ok(chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
    const answer = await http(live.server.url, pathOf(HTTP_ROUTES.command, { id: meetingId }), {
      method: 'POST',
      body: { type: 'floor.open' },
      token: tokens.moderator,
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      ok: false,
      error: {
        code: 'not_now',
        message: 'The list of speakers is already open.',
        reason: { id: 'refusal.list-already-open' },
      },
    });
    expect(await live.room.moderator.send({ type: 'floor.open' })).toEqual(answer.body);
  });

  it('a change the store cannot keep: unavailable, in the same words, with its reason', async () => {
    const { chair } = live.room;
    const intruder = new Database(joinPath(live.server.dataDir, DATABASE_FILE));
    try {
      intruder.exec('BEGIN EXCLUSIVE');
      expect(refusalOf(await chair.send({ type: 'agenda.start' }))).toEqual({
        code: 'unavailable',
        message:
          'The server could not store this change, so it was not made. Try again; if it keeps failing, tell the operator.',
        reason: { id: 'refusal.not-stored' },
      });
    } finally {
      intruder.exec('ROLLBACK');
      intruder.close();
    }
    await ok(chair, { type: 'agenda.start' });
  });
});
