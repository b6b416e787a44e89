import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppOptions } from '../../server/app';
import { HTTP_ROUTES, pathOf } from '../../shared/protocol/contract';
import {
  CreateHookResponse,
  type HookPayload,
  HooksResponse,
  MAX_HOOKS_PER_MEETING,
} from '../../shared/protocol/hooks';
import { ManualClock } from '../support/clock';
import { HookReceiver, signedWith } from '../support/hookReceiver';
import { openRoom, type Room } from '../support/meeting';
import {
  ADMIN_TOKEN,
  type Client,
  connect,
  createMeeting,
  http,
  join,
  ok,
  startServer,
  type TestServer,
  tempDir,
} from '../support/server';

/**
 * Contract version 2, "Speaker cues and room outputs": webhooks. A real receiver (node:http on a
 * free port) checks what a hook is sent: signed bodies, the meeting's events in order, a failed
 * delivery tried again, `turn.phase` at the instant the clock enters warning or overtime (on the
 * server's ManualClock, so to the millisecond), and that a hook neither delays an ack nor holds
 * back another hook.
 */

const SECRET = 'the-lighting-desk-secret';

/** Short waits between tries, so a test sees them. */
const FAST_RETRIES: AppOptions['outputs'] = {
  hooks: { timeoutMs: 10_000, retryDelaysMs: [20, 40, 80], queueLimit: 50 },
};

const addHook = async (
  server: TestServer,
  meetingId: string,
  token: string,
  body: { url: string; secret?: string; events?: string[] },
): Promise<string> => {
  const answer = await http(server.url, pathOf(HTTP_ROUTES.createHook, { id: meetingId }), {
    body: { secret: SECRET, ...body },
    token,
  });
  expect(answer.status, answer.text).toBe(201);
  return CreateHookResponse.parse(answer.body).hookId;
};

const listHooks = async (server: TestServer, meetingId: string, token: string) => {
  const answer = await http(server.url, pathOf(HTTP_ROUTES.hooks, { id: meetingId }), { token });
  expect(answer.status, answer.text).toBe(200);
  return { ...HooksResponse.parse(answer.body), text: answer.text };
};

/** Each event as `name` or `name:turnId`, the phase's `turn.phase:phase`. */
const lines = (events: HookPayload[]) =>
  events.map((e) =>
    e.event === 'turn.phase'
      ? `turn.phase:${e.data.phase}`
      : e.data !== null && 'id' in e.data
        ? `${e.event}:${e.data.id}`
        : e.event,
  );

describe('webhooks', () => {
  let clock: ManualClock;
  let server: TestServer;
  let room: Room;
  let receiver: HookReceiver;

  beforeEach(async () => {
    clock = new ManualClock();
    server = await startServer({ createDefaultMeeting: false, clock, outputs: FAST_RETRIES });
    room = await openRoom(server);
    receiver = await HookReceiver.start();
  });
  afterEach(async () => {
    room.close();
    await server.close();
    await receiver.close();
  });

  it("signs every body and sends the meeting's events in order, each turn.phase at its instant", async () => {
    const { chair, moderator, mexico } = room;
    await addHook(server, room.meetingId, room.tokens.chair, { url: receiver.url('/all') });
    await ok(chair, { type: 'agenda.start' });
    const started = await ok(chair, { type: 'turn.start' });
    const first = chair.states.find((s) => s.version >= started)?.turn ?? chair.latest().turn;
    if (!first) throw new Error('no turn');
    // The opening's allowance: 7 minutes, the warning at 5.
    clock.advance(100_000);
    await ok(chair, { type: 'turn.pause', turnId: first.id });
    clock.advance(30_000);
    await ok(chair, { type: 'turn.resume', turnId: first.id });
    const resumedAt = clock.now();
    clock.advance(200_000);
    clock.advance(119_999);
    clock.advance(1);
    // A point of order interrupts the speaker in overtime, and gives the floor back.
    await ok(mexico, { type: 'floor.request', kind: 'point-of-order' });
    const granted = await ok(moderator, { type: 'floor.next' });
    const point = (await waitForVersion(chair, granted)).turn;
    if (!point) throw new Error('no point of order');
    clock.advance(10_000);
    await ok(moderator, { type: 'turn.end', turnId: point.id });
    await ok(chair, { type: 'turn.resume', turnId: first.id });
    await ok(chair, { type: 'turn.end', turnId: first.id });
    await ok(chair, { type: 'agenda.next' });

    const expected = [
      'step.changed',
      'status.changed',
      `turn.started:${first.id}`,
      `turn.paused:${first.id}`,
      `turn.resumed:${first.id}`,
      'turn.phase:warning',
      'turn.phase:overtime',
      'queue.changed',
      `turn.paused:${first.id}`,
      `turn.started:${point.id}`,
      'queue.changed',
      `turn.ended:${point.id}`,
      `turn.paused:${first.id}`,
      `turn.resumed:${first.id}`,
      `turn.ended:${first.id}`,
      'step.changed',
    ];
    await receiver.until((r) => r.length >= expected.length);
    expect(lines(receiver.on('/all'))).toEqual(expected);
    for (const received of receiver.received) {
      expect(signedWith(received, SECRET), received.body).toBe(true);
      expect(signedWith(received, `${SECRET}!`)).toBe(false);
      expect(received.eventHeader).toBe(received.payload.event);
      expect(received.payload.meetingId).toBe(room.meetingId);
    }
    const versions = receiver.on('/all').map((e) => e.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    // The phases, at the instants the clock entered them: 3:20 after the resume (1:40 spoken
    // before the pause), then 2:00 later; the manual clock makes them exact.
    const phases = receiver.on('/all').filter((e) => e.event === 'turn.phase');
    expect(phases.map((e) => e.at)).toEqual([resumedAt + 200_000, resumedAt + 320_000]);
    expect(phases.map((e) => e.data)).toEqual([
      { turnId: first.id, phase: 'warning' },
      { turnId: first.id, phase: 'overtime' },
    ]);
    // An ended turn carries its time spoken; the point of order spoke 10 s.
    const pointEnded = receiver.on('/all').find((e) => e.event === 'turn.ended');
    expect(pointEnded?.data).toMatchObject({ id: point.id, elapsedMs: 10_000, status: 'paused' });
  });

  it('tries a failed delivery again, backing off, gives up on a dead one, and neither holds back another', async () => {
    const { chair } = room;
    receiver.script('/flaky', [500, 200]);
    receiver.script('/dead', [500]);
    await addHook(server, room.meetingId, room.tokens.chair, { url: receiver.url('/flaky') });
    const dead = await addHook(server, room.meetingId, ADMIN_TOKEN, { url: receiver.url('/dead') });
    await addHook(server, room.meetingId, room.tokens.chair, { url: receiver.url('/steady') });
    await ok(chair, { type: 'agenda.start' });
    const started = await ok(chair, { type: 'turn.start' });

    await receiver.until(
      (r) =>
        r.filter((x) => x.path === '/flaky').length === 4 &&
        r.filter((x) => x.path === '/dead').length >= 3 * 4,
    );
    // The flaky one: its first event refused once, sent again (the same bytes, the same
    // signature), then the rest in order.
    const flaky = receiver.received.filter((r) => r.path === '/flaky');
    expect(flaky.map((r) => r.payload.event)).toEqual([
      'step.changed',
      'step.changed',
      'status.changed',
      'turn.started',
    ]);
    expect(flaky[1]?.body).toBe(flaky[0]?.body);
    expect(flaky[1]?.signature).toBe(flaky[0]?.signature);
    // The steady one was never held back by the others.
    expect(lines(receiver.on('/steady'))).toEqual(lines(receiver.on('/flaky')).slice(1));
    // The dead one: each event tried four times (one try and three retries), in order.
    const deadEvents = receiver.on('/dead').map((e) => e.event);
    expect(deadEvents.slice(0, 12)).toEqual([
      ...Array(4).fill('step.changed'),
      ...Array(4).fill('status.changed'),
      ...Array(4).fill('turn.started'),
    ]);

    const { hooks, text } = await listHooks(server, room.meetingId, room.tokens.chair);
    expect(text).not.toContain(SECRET);
    const byUrl = (path: string) => hooks.find((h) => h.url === receiver.url(path));
    expect(byUrl('/flaky')).toMatchObject({
      delivered: 3,
      failed: 0,
      waiting: 0,
      last: { ok: true, status: 200, attempt: 1, event: 'turn.started', error: null },
    });
    await expect
      .poll(async () => (await listHooks(server, room.meetingId, ADMIN_TOKEN)).hooks)
      .toContainEqual(
        expect.objectContaining({
          hookId: dead,
          delivered: 0,
          failed: 3,
          waiting: 0,
          last: expect.objectContaining({
            ok: false,
            status: 500,
            attempt: 4,
            error: 'answered 500',
          }),
        }),
      );
    expect(started).toBeGreaterThan(0);
  });

  it("never delays an ack: a command is answered while a hook's receiver still holds the request", async () => {
    const { chair } = room;
    receiver.script('/hold', ['hold']);
    await addHook(server, room.meetingId, room.tokens.chair, {
      url: receiver.url('/hold'),
      events: ['turn.started', 'turn.paused'],
    });
    await addHook(server, room.meetingId, room.tokens.chair, {
      url: receiver.url('/steady'),
      events: ['turn.started', 'turn.paused'],
    });
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'turn.start' });
    await receiver.until((r) => r.some((x) => x.path === '/hold'));
    expect(receiver.holding).toBe(1);

    const ack = await chair.send({ type: 'turn.pause' });
    expect(ack.ok).toBe(true);
    // Answered while the receiver holds the first event: the server is still waiting for its
    // answer (no try has ended), with the pause queued behind it.
    expect(receiver.holding).toBe(1);
    const held = (await listHooks(server, room.meetingId, room.tokens.chair)).hooks.find(
      (h) => h.url === receiver.url('/hold'),
    );
    expect(held).toMatchObject({ delivered: 0, failed: 0, waiting: 2, last: null });
    // The other hook has the pause already; the held one has not had it yet: it waits its turn.
    await receiver.until((r) =>
      r.some((x) => x.path === '/steady' && x.payload.event === 'turn.paused'),
    );
    expect(receiver.on('/hold').map((e) => e.event)).toEqual(['turn.started']);
    receiver.release();
    await receiver.until((r) =>
      r.some((x) => x.path === '/hold' && x.payload.event === 'turn.paused'),
    );
    expect(receiver.on('/hold').map((e) => e.event)).toEqual(['turn.started', 'turn.paused']);
  });

  it('sends a hook only the events it asked for, lists hooks without secrets, and removes them', async () => {
    const { chair } = room;
    const phases = await addHook(server, room.meetingId, room.tokens.chair, {
      url: receiver.url('/phases'),
      events: ['turn.phase'],
    });
    const all = await addHook(server, room.meetingId, room.tokens.chair, {
      url: 'https://user:hunter2@hooks.example.invalid/rostrum',
    });
    const listed = await listHooks(server, room.meetingId, room.tokens.chair);
    expect(listed.hooks.map((h) => h.hookId)).toEqual([phases, all]);
    expect(listed.hooks[0]).toMatchObject({ events: ['turn.phase'], delivered: 0, last: null });
    expect(listed.hooks[1]?.url).toBe('https://user:***@hooks.example.invalid/rostrum');
    expect(listed.text).not.toContain(SECRET);
    expect(listed.text).not.toContain('hunter2');

    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.goto', itemId: 'strict' });
    // The strict step ends turns at its 1 s limit: a warning at 0.5 s, and no overtime.
    await ok(chair, { type: 'turn.start' });
    clock.advance(500);
    await receiver.until((r) => r.length >= 1);
    expect(lines(receiver.on('/phases'))).toEqual(['turn.phase:warning']);
    clock.advance(500);
    await expect.poll(() => chair.latest().turn).toBeNull();

    const path = pathOf(HTTP_ROUTES.deleteHook, { id: room.meetingId, hookId: phases });
    const removed = await http(server.url, path, { method: 'DELETE', token: room.tokens.chair });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ hookId: phases, removed: true });
    const again = await http(server.url, path, { method: 'DELETE', token: room.tokens.chair });
    expect(again.status).toBe(404);
    expect(
      (await listHooks(server, room.meetingId, ADMIN_TOKEN)).hooks.map((h) => h.hookId),
    ).toEqual([all]);
    // Removed: the next turn's warning goes to a hook added since, and not to it.
    await addHook(server, room.meetingId, room.tokens.chair, {
      url: receiver.url('/since'),
      events: ['turn.phase'],
    });
    await ok(chair, { type: 'turn.start', speaker: { name: 'A guest of the chair' } });
    clock.advance(500);
    await receiver.until((r) => r.some((x) => x.path === '/since'));
    expect(lines(receiver.on('/since'))).toEqual(['turn.phase:warning']);
    expect(lines(receiver.on('/phases'))).toEqual(['turn.phase:warning']);
  });

  it('an adjustment that moves the clock into a phase sends it at the adjustment; one that gives time back sends nothing', async () => {
    const { chair } = room;
    await addHook(server, room.meetingId, room.tokens.chair, {
      url: receiver.url('/phases'),
      events: ['turn.phase', 'turn.ended'],
    });
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'turn.start' });
    const turnId = chair.latest().turn?.id ?? '';
    // 4:00 spoken of 7:00; minus 3:30 puts the limit at 3:30: overtime, at once.
    clock.advance(240_000);
    const adjustedAt = clock.now();
    await ok(chair, { type: 'turn.adjust', turnId, deltaMs: -210_000 });
    await receiver.until((r) => r.length >= 1);
    // Plus 3:30 gives the time back: normal again (sent as nothing), so the warning at 5:00
    // and the limit at 7:00 are sent again when the clock gets there.
    clock.advance(1_000);
    await ok(chair, { type: 'turn.adjust', turnId, deltaMs: 210_000 });
    const startedAt = adjustedAt - 240_000;
    clock.advance(59_000);
    clock.advance(120_000);
    await ok(chair, { type: 'turn.end', turnId });
    await receiver.until((r) => r.length >= 4);
    expect(receiver.on('/phases')).toMatchObject([
      { event: 'turn.phase', at: adjustedAt, data: { phase: 'overtime' } },
      { event: 'turn.phase', at: startedAt + 300_000, data: { phase: 'warning' } },
      { event: 'turn.phase', at: startedAt + 420_000, data: { phase: 'overtime' } },
      { event: 'turn.ended', data: { id: turnId } },
    ]);
  });

  it('refuses an address that is not http or https, a short secret, and more hooks than a meeting may have', async () => {
    const path = pathOf(HTTP_ROUTES.createHook, { id: room.meetingId });
    const post = (body: unknown, token = room.tokens.chair) =>
      http(server.url, path, { body, token });
    const bad = await post({ url: 'file:///etc/passwd', secret: SECRET });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('url: give an http:// or https:// address');
    expect((await post({ url: receiver.url(), secret: 'short' })).status).toBe(400);
    expect(
      (await post({ url: receiver.url(), secret: SECRET }, room.tokens.moderator)).status,
    ).toBe(403);
    for (let i = 0; i < MAX_HOOKS_PER_MEETING; i++) {
      expect((await post({ url: receiver.url(`/h${i}`), secret: SECRET })).status).toBe(201);
    }
    const tooMany = await post({ url: receiver.url('/one-more'), secret: SECRET });
    expect(tooMany.status).toBe(409);
    expect(tooMany.text).toContain('remove one first');
  });
});

/** The chair's state of `version` or later. */
const waitForVersion = async (client: Client, version: number) => {
  await expect.poll(() => client.latest().version).toBeGreaterThanOrEqual(version);
  return client.latest();
};

describe('webhooks over a restart', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('keep their hooks, send a phase entered while the server was down once, and none twice', async () => {
    const dataDir = await tempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const receiver = await HookReceiver.start();
    cleanup.push(() => receiver.close());
    const clock = new ManualClock();
    const options = { dataDir, clock, createDefaultMeeting: false, outputs: FAST_RETRIES };
    let server = await startServer(options);
    cleanup.push(() => server.close());
    const { meetingId, codes } = await createMeeting(server.url);
    const token = (await join(server.url, meetingId, codes.chair)).token;
    let chair = await connect(server.url, token);
    cleanup.push(() => chair.close());
    await addHook(server, meetingId, token, {
      url: receiver.url('/phases'),
      events: ['turn.phase'],
    });
    await addHook(server, meetingId, token, {
      url: receiver.url('/turns'),
      events: ['turn.ended'],
    });

    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'turn.start' });
    const startedAt = clock.now();
    const turnId = chair.latest().turn?.id ?? '';
    // 4:10 spoken when the server stops; the warning (at 5:00) falls while it is down.
    clock.advance(250_000);
    chair.close();
    await server.close();
    clock.advance(60_000);

    const restart = async () => {
      server = await startServer(options);
      chair = await connect(server.url, token);
    };
    await restart();
    await receiver.until((r) => r.length >= 1);
    expect(receiver.on('/phases')).toMatchObject([
      { event: 'turn.phase', at: startedAt + 300_000, data: { turnId, phase: 'warning' } },
    ]);
    clock.advance(110_000);
    await receiver.until((r) => r.length >= 2);

    // Stopped and started again in overtime: the overtime was sent, so it is not sent again.
    chair.close();
    await server.close();
    await restart();
    expect((await listHooks(server, meetingId, token)).hooks).toHaveLength(2);
    await ok(chair, { type: 'turn.end' });
    await receiver.until((r) => r.some((x) => x.path === '/turns'));
    expect(receiver.on('/phases')).toMatchObject([
      { at: startedAt + 300_000, data: { turnId, phase: 'warning' } },
      { at: startedAt + 420_000, data: { turnId, phase: 'overtime' } },
    ]);
  });
});
