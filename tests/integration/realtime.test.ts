import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/protocol/limits';
import type { MeetingView } from '../../shared/protocol/view';
import { ManualClock } from '../support/clock';
import { csvObjects } from '../support/csv';
import { withRoom } from '../support/meeting';
import {
  connect,
  connectError,
  createMeeting,
  http,
  join,
  ok,
  openSocket,
  roundTrip,
  sendCommand,
  sleep,
  startServer,
  stateAt,
  type TestServer,
} from '../support/server';

describe('the realtime channel', () => {
  /** The server's time, which passes only when a test says so. */
  const clock = new ManualClock();
  const live = withRoom('test', { clock });

  it('sends the state on connect, the same view to every role', async () => {
    for (const client of live.room.all) {
      const view = client.latest();
      expect(view).toMatchObject({
        meetingId: live.room.meetingId,
        version: 0,
        status: 'pending',
        title: 'Test session',
      });
      expect(view.agenda.items.map((i) => i.id)).toEqual(['panel', 'strict']);
      expect(view.floor).toMatchObject({ open: true, segment: 'floor', queue: [] });
    }
  });

  it('broadcasts every change to every client, versions strictly increasing', async () => {
    await ok(live.room.chair, { type: 'agenda.start' });
    await ok(live.room.chair, { type: 'agenda.next' });
    // A burst from several devices at once.
    const acks = await Promise.all([
      live.room.mexico.send({ type: 'floor.request' }),
      live.room.morocco.send({ type: 'floor.request' }),
      live.room.iom.send({ type: 'floor.request' }),
      live.room.moderator.send({ type: 'floor.close' }),
    ]);
    expect(acks.every((a) => a.ok)).toBe(true);
    const last = Math.max(...acks.map((a) => (a.ok ? a.version : 0)));
    expect(last).toBe(6);
    for (const client of live.room.all) {
      const view = await stateAt(client, last);
      expect(view.version).toBe(last);
      expect(view.floor.queue.map((r) => r.delegationId)).toEqual(['mexico', 'morocco', 'iom']);
      const versions = client.states.map((s) => s.version);
      for (let i = 1; i < versions.length; i++) {
        expect(versions[i]).toBeGreaterThan(versions[i - 1] ?? -1);
      }
    }
  });

  it('coalesces a burst: one state per meeting per turn of the event loop, the latest', async () => {
    await ok(live.room.chair, { type: 'agenda.start' });
    for (const client of live.room.all) await stateAt(client, 1);
    const counts = live.room.all.map((c) => c.states.length);
    // Ten changes given in one synchronous run on the server, as a burst of messages read at
    // once: the store answers within the same turn of the loop, so all ten are in one state.
    const runtime = live.server.app.rostrum.registry.get(live.room.meetingId);
    if (!runtime) throw new Error('no runtime');
    const acks = Array.from({ length: 10 }, (_, i) =>
      runtime.execute(
        { type: 'turn.start', speaker: { name: `Speaker ${i}` } },
        { role: 'moderator' },
        'socket',
      ),
    );
    expect(await Promise.all(acks)).toEqual(acks.map((_, i) => ({ ok: true, version: 2 + i })));
    for (const client of live.room.all) {
      const view = await stateAt(client, 11);
      expect(view.version).toBe(11);
      expect(view.turn?.speaker.name).toBe('Speaker 9');
    }
    for (const client of live.room.all) await roundTrip(client.socket);
    expect(live.room.all.map((c) => c.states.length)).toEqual(counts.map((n) => n + 1));
  });

  it('sends nothing while a clock merely runs, past its limit too when the step does not end it', async () => {
    await ok(live.room.chair, { type: 'agenda.start' });
    const started = await ok(live.room.moderator, { type: 'turn.start' });
    for (const client of live.room.all) await stateAt(client, started);
    const counts = live.room.all.map((c) => c.states.length);
    // Ten minutes on the server's clock, past the turn's seven: nothing is due.
    clock.advance(600_000);
    // A real wait too: a timer that is not on the server's clock would show only in real time.
    await sleep(1500);
    for (const client of live.room.all) await roundTrip(client.socket);
    expect(live.room.all.map((c) => c.states.length)).toEqual(counts);
    expect(live.room.display.latest().turn?.status).toBe('running');
  });

  it('gives a newcomer the current state, then every later one', async () => {
    await ok(live.room.chair, { type: 'agenda.start' });
    const version = await ok(live.room.moderator, { type: 'turn.start' });
    const late = await connect(live.server.url, live.room.tokens.display);
    try {
      await stateAt(late, version);
      expect(late.states[0]?.version).toBeLessThanOrEqual(version);
      const next = await ok(live.room.moderator, { type: 'turn.pause' });
      const view = await stateAt(late, next);
      expect(view.turn?.status).toBe('paused');
      const versions = late.states.map((s) => s.version);
      expect([...new Set(versions)]).toEqual(versions);
    } finally {
      late.close();
    }
  });

  it('lets two chairs race on "next": it advances once', async () => {
    const second = await connect(
      live.server.url,
      (await join(live.server.url, live.room.meetingId, live.room.codes.chair)).token,
    );
    try {
      await ok(live.room.chair, { type: 'agenda.start' });
      const acks = await Promise.all([
        live.room.chair.send({ type: 'agenda.next', fromStepId: 'opening' }),
        second.send({ type: 'agenda.next', fromStepId: 'opening' }),
      ]);
      expect(acks.filter((a) => a.ok)).toHaveLength(1);
      const refused = acks.find((a) => !a.ok);
      expect(refused && !refused.ok && refused.error.code).toBe('conflict');
      const view = await stateAt(live.room.display, 2);
      expect(view.current?.stepId).toBe('discussion');
      // The same with expectedVersion.
      const both = await Promise.all([
        live.room.chair.send({ type: 'agenda.next', expectedVersion: 2 }),
        second.send({ type: 'agenda.next', expectedVersion: 2 }),
      ]);
      expect(both.map((a) => (a.ok ? 'ok' : a.error.code)).sort()).toEqual(['conflict', 'ok']);
      expect((await stateAt(live.room.display, 3)).current?.itemId).toBe('strict');
    } finally {
      second.close();
    }
  });

  it("answers sync with the server's time at once", async () => {
    const serverNow = await live.room.display.socket.timeout(2000).emitWithAck('sync', Date.now());
    expect(serverNow).toBe(clock.now());
    clock.advance(1234);
    // Without a client time too.
    expect(await live.room.mexico.socket.timeout(2000).emitWithAck('sync')).toBe(serverNow + 1234);
  });

  it('limits each delegate device to bursts of 20 commands', async () => {
    const acks = await Promise.all(
      Array.from({ length: LIMITS.delegateCommands.burst + 5 }, () =>
        live.room.mexico.send({ type: 'floor.withdraw' }),
      ),
    );
    const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
    // Refused for being pending (not_now) until the bucket is empty, then rate_limited.
    expect(codes.filter((c) => c === 'not_now')).toHaveLength(LIMITS.delegateCommands.burst);
    expect(codes.slice(LIMITS.delegateCommands.burst).every((c) => c === 'rate_limited')).toBe(
      true,
    );
    // Another socket of the same token shares its bucket: reconnecting gains nothing.
    const again = await connect(live.server.url, live.room.tokens.mexico);
    try {
      const ack = await again.send({ type: 'floor.withdraw' });
      expect(ack.ok || ack.error.code).toBe('rate_limited');
    } finally {
      again.close();
    }
    // Another device of the same delegation (its own token, from the same code) has its own.
    const { token } = await join(
      live.server.url,
      live.room.meetingId,
      live.room.codes.delegations.mexico ?? '',
    );
    const other = await connect(live.server.url, token);
    try {
      const ack = await other.send({ type: 'floor.withdraw' });
      expect(ack.ok || ack.error.code).toBe('not_now');
    } finally {
      other.close();
    }
  });

  it('limits a chair device to bursts of 100 commands', async () => {
    const acks = await Promise.all(
      Array.from({ length: LIMITS.officerCommands.burst + 3 }, () =>
        live.room.chair.send({ type: 'session.resume' }),
      ),
    );
    const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'not_now').length).toBeGreaterThanOrEqual(
      LIMITS.officerCommands.burst,
    );
    expect(codes[codes.length - 1]).toBe('rate_limited');
  });

  it('closes a connection that sends a message over 16 KiB, and changes nothing', async () => {
    const socket = openSocket(live.server.url, live.room.tokens.chair);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const closed = new Promise<string>((resolve) =>
      socket.once('disconnect', (reason) => resolve(reason)),
    );
    socket.emit(
      'command',
      { type: 'session.suspend', note: 'x'.repeat(LIMITS.socketMessageBytes) },
      () => {},
    );
    expect(await closed).toBe('transport close');
    const ack = await live.room.chair.send({ type: 'agenda.start' });
    expect(ack).toEqual({ ok: true, version: 1 });
  });

  it('ends a turn at its limit when its step says so, as the timer', async () => {
    await ok(live.room.chair, { type: 'agenda.goto', itemId: 'strict' });
    const started = await ok(live.room.moderator, { type: 'turn.start' });
    const running = await stateAt(live.room.display, started);
    expect(running.turn).toMatchObject({ endAtLimit: true, limitMs: 1000, status: 'running' });
    // Not a millisecond early, and then at once: the timer is on the server's clock.
    const runtime = live.server.app.rostrum.registry.get(live.room.meetingId);
    clock.advance(999);
    expect(runtime?.version).toBe(started);
    await roundTrip(live.room.display.socket);
    expect(live.room.display.latest().version).toBe(started);
    clock.advance(1);
    // The timer's `turn.end` waits its turn in the meeting's queue, like any command.
    const ended = await stateAt(live.room.display, started + 1);
    expect(runtime?.version).toBe(started + 1);
    expect(ended.turn).toBeNull();
    const record = await http<{
      turns: { spokenMs: number; overtimeMs: number; speakerName: string }[];
    }>(live.server.url, `/api/meetings/${live.room.meetingId}/record`, {
      token: live.room.tokens.chair,
    });
    // It ends at the limit exactly: the timer's command carries the deadline's instant.
    expect(record.body.turns).toEqual([
      expect.objectContaining({ speakerName: 'A speaker', spokenMs: 1000, overtimeMs: 0 }),
    ]);
  });

  it('never lets a name typed on a tablet run as a formula in the CSV export', async () => {
    await ok(live.room.chair, { type: 'agenda.start' });
    await ok(live.room.chair, { type: 'agenda.next' });
    await ok(live.room.mexico, {
      type: 'floor.request',
      speakerName: '=HYPERLINK("http://x", "Mexico, again")',
    });
    await ok(live.room.moderator, { type: 'floor.next' });
    await ok(live.room.moderator, { type: 'turn.end' });
    // A formula after the list separator of a spreadsheet set for ";".
    await ok(live.room.morocco, { type: 'floor.request', speakerName: 'x;=1+1' });
    await ok(live.room.moderator, { type: 'floor.next' });
    await ok(live.room.moderator, { type: 'turn.end' });
    const csv = await http(live.server.url, `/api/meetings/${live.room.meetingId}/record.csv`, {
      token: live.room.tokens.chair,
    });
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"", ""Mexico, again"")"`);
    expect(csv.text).toContain(`"x;'=1+1"`);
    expect(csvObjects(csv.text).map((row) => row.speakerName)).toEqual([
      `'=HYPERLINK("http://x", "Mexico, again")`,
      "x;'=1+1",
    ]);
  });
});

describe('the handshake', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false });
  });
  afterAll(() => server.close());

  it('refuses a missing, unknown, malformed or revoked token with "unauthorized"', async () => {
    const { meetingId, codes } = await createMeeting(server.url);
    expect(await connectError(server.url, undefined)).toBe('unauthorized');
    expect(await connectError(server.url, '')).toBe('unauthorized');
    expect(await connectError(server.url, 42)).toBe('unauthorized');
    expect(await connectError(server.url, 'x'.repeat(5000))).toBe('unauthorized');
    expect(await connectError(server.url, 'not-a-token-this-server-gave')).toBe('unauthorized');
    const { token } = await join(server.url, meetingId, codes.moderator);
    const client = await connect(server.url, token);
    client.close();
    await server.app.rostrum.store.access.revokeTokens(meetingId, { role: 'moderator' });
    expect(await connectError(server.url, token)).toBe('unauthorized');
  });

  it('keeps meetings apart: a token opens its own meeting only', async () => {
    const first = await createMeeting(server.url);
    const second = await createMeeting(server.url);
    const chairOfFirst = await join(server.url, first.meetingId, first.codes.chair);
    const chairOfSecond = await join(server.url, second.meetingId, second.codes.chair);
    const a = await connect(server.url, chairOfFirst.token);
    const b = await connect(server.url, chairOfSecond.token);
    try {
      expect(a.latest().meetingId).toBe(first.meetingId);
      expect(b.latest().meetingId).toBe(second.meetingId);
      const version = await ok(a, { type: 'agenda.start' });
      await stateAt(a, version);
      await roundTrip(b.socket);
      // The second meeting heard nothing and is still pending.
      expect(b.states.map((s: MeetingView) => s.version)).toEqual([0]);
      expect((await b.send({ type: 'agenda.start' })).ok).toBe(true);
      // The first meeting's token does not read the second's record.
      const record = await http(server.url, `/api/meetings/${second.meetingId}/record`, {
        token: chairOfFirst.token,
      });
      expect(record.status).toBe(401);
    } finally {
      a.close();
      b.close();
    }
  });

  it('ignores events it does not know, and commands that are not acknowledged', async () => {
    const { meetingId, codes } = await createMeeting(server.url);
    const chair = await connect(server.url, (await join(server.url, meetingId, codes.chair)).token);
    try {
      chair.socket.emit('nonsense', { a: 1 });
      chair.socket.emit('command');
      chair.socket.emit('sync');
      expect(await sendCommand(chair.socket, { type: 'agenda.start' })).toEqual({
        ok: true,
        version: 1,
      });
    } finally {
      chair.close();
    }
  });
});
