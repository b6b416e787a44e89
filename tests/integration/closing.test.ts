import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { RecordResponse } from '../../shared/protocol/record';
import { withRoom } from '../support/meeting';
import {
  connect,
  createMeeting,
  http,
  join,
  ok,
  startServer,
  stateAt,
  tempDir,
} from '../support/server';

describe('closing and reopening over real sockets', () => {
  const live = withRoom('test');

  const record = async () =>
    (
      await http<RecordResponse>(live.server.url, `/api/meetings/${live.room.meetingId}/record`, {
        token: live.room.tokens.chair,
      })
    ).body;

  it('refuses the moderator the “next step” that would close, and lets the chair close', async () => {
    const { chair, moderator, display } = live.room;
    await ok(chair, { type: 'agenda.goto', itemId: 'strict' });
    const before = await ok(moderator, { type: 'turn.start' });
    const ack = await moderator.send({ type: 'agenda.next', fromStepId: 'short' });
    expect(ack).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringMatching(/only a chair may close the meeting/),
        reason: { id: 'refusal.last-step-chair-closes' },
      },
    });
    // Nothing changed: the chair's next command makes the very next version.
    const closed = await ok(chair, { type: 'agenda.next', fromStepId: 'short' });
    expect(closed).toBe(before + 1);
    expect((await stateAt(display, closed)).status).toBe('closed');
  });

  it('reopens a closed meeting at its last step, with no turn, and loses nothing recorded', async () => {
    const { chair, moderator, display, mexico } = live.room;
    await ok(chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
    await ok(mexico, { type: 'floor.request', speakerName: 'H.E. Ms. Ana Pérez' });
    await ok(moderator, { type: 'floor.next' });
    await ok(live.room.morocco, { type: 'floor.request' });
    await ok(chair, { type: 'session.close' });
    const atClose = await record();
    expect(atClose.turns.map((t) => t.speakerName)).toEqual(['H.E. Ms. Ana Pérez']);
    expect(atClose.requests.map((r) => [r.delegationId, r.outcome])).toEqual([
      ['mexico', 'granted'],
      ['morocco', 'unheard'],
    ]);

    const refused = await moderator.send({ type: 'session.reopen' });
    expect(refused.ok || refused.error.code).toBe('forbidden');
    const reopened = await ok(chair, { type: 'session.reopen' });
    const view = await stateAt(display, reopened);
    expect(view).toMatchObject({
      status: 'running',
      current: { itemId: 'panel', stepId: 'discussion' },
      turn: null,
      floor: { open: true, queue: [] },
    });
    expect(await record()).toEqual(atClose);

    // The room carries on where it was.
    await ok(mexico, { type: 'floor.request' });
    await ok(moderator, { type: 'floor.next' });
    expect((await record()).turns).toHaveLength(1);
    await ok(moderator, { type: 'turn.end' });
    expect((await record()).turns.map((t) => t.delegationId)).toEqual(['mexico', 'mexico']);
  });

  it('answers a reopen of a meeting that is not closed with not_now', async () => {
    const ack = await live.room.chair.send({ type: 'session.reopen' });
    expect(ack.ok || ack.error).toEqual({
      code: 'not_now',
      message: 'The meeting is not closed.',
      reason: { id: 'refusal.not-closed' },
    });
  });
});

describe('a reopened meeting after a restart', () => {
  it('comes back running at the step it was reopened at', async () => {
    const dataDir = await tempDir();
    try {
      const first = await startServer({ dataDir, createDefaultMeeting: false });
      const { meetingId, codes } = await createMeeting(first.url);
      const token = (await join(first.url, meetingId, codes.chair)).token;
      const chair = await connect(first.url, token);
      await ok(chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
      await ok(chair, { type: 'session.close' });
      const version = await ok(chair, { type: 'session.reopen' });
      chair.close();
      await first.close();

      const second = await startServer({ dataDir, createDefaultMeeting: false });
      const again = await connect(second.url, token);
      expect(again.latest()).toMatchObject({
        version,
        status: 'running',
        current: { itemId: 'panel', stepId: 'discussion' },
      });
      again.close();
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
