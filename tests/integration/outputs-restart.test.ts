import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaInput } from '../../shared/protocol/agenda';
import { HTTP_ROUTES, pathOf } from '../../shared/protocol/contract';
import { CreateHookResponse, HooksResponse } from '../../shared/protocol/hooks';
import { HookReceiver, signedWith } from '../support/hookReceiver';
import { OscReceiver } from '../support/oscReceiver';
import { freePort, type ServerProcess, spawnServer } from '../support/process';
import {
  type Client,
  connect,
  createMeeting,
  http,
  join,
  ok,
  TEST_ROSTER,
  tempDir,
} from '../support/server';

/** One speaker with a short allowance, so its phases come within seconds of real time. */
const SHORT_TURNS: AgendaInput = {
  title: 'Short turns',
  items: [
    {
      id: 'statements',
      title: 'Statements',
      kind: 'remarks',
      steps: [
        {
          id: 'speakers',
          kind: 'speakers',
          title: 'Speakers',
          speakers: [{ id: 'first', name: 'First speaker', role: 'Speaker' }],
          allowance: { limitMs: 4_000, warnAtMs: 2_000 },
        },
      ],
    },
  ],
};

const SECRET = 'a-secret-for-the-restart';

/**
 * The real server process (`server/main.ts`, as `npm start` runs it), on the system's clock:
 * OSC targets from `OSC_TARGETS`, and a hook that survives a `kill -9` and a clean stop. Real
 * time, so the phases are checked for presence, order and their stated instants (which come
 * from the turn's stored instants, not from when a timer ran), not for lateness.
 */
describe('the outputs of a real server process', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('keeps its hooks over kill -9 and a restart, and sends each phase once', async () => {
    const dataDir = await tempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const receiver = await HookReceiver.start();
    cleanup.push(() => receiver.close());
    const osc = await OscReceiver.start();
    cleanup.push(() => osc.close());
    const port = await freePort();
    // A second target nobody listens on: a dead target costs the others nothing.
    const env = { OSC_TARGETS: `${osc.target},127.0.0.1:9` };
    let server: ServerProcess = await spawnServer({ dataDir, port, env });
    cleanup.push(() => server.child.kill('SIGKILL'));
    const clients: Client[] = [];
    cleanup.push(() => {
      for (const c of clients) c.close();
    });

    const { meetingId, codes } = await createMeeting(server.url, {
      agenda: SHORT_TURNS,
      roster: TEST_ROSTER,
    });
    const token = (await join(server.url, meetingId, codes.chair)).token;
    const made = await http(server.url, pathOf(HTTP_ROUTES.createHook, { id: meetingId }), {
      body: { url: receiver.url('/all'), secret: SECRET },
      token,
    });
    expect(made.status).toBe(201);
    const { hookId } = CreateHookResponse.parse(made.body);
    const chair = await connect(server.url, token);
    clients.push(chair);

    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'turn.start' });
    await receiver.until((r) => r.some((x) => x.payload.event === 'turn.phase'), 10_000);
    // OSC's message leaves after a look-up of the target's address: a kill -9 before it left
    // would lose it (UDP, sent once), so the kill waits for it too.
    await osc.until((r) => r.some((m) => m.address === '/rostrum/turn/phase'), 10_000);
    const started = receiver.on('/all').find((e) => e.event === 'turn.started');
    if (started?.event !== 'turn.started' || started.data.startedAt === null) {
      throw new Error('no turn.started before the phase');
    }
    const turn = started.data;
    const startedAt = started.data.startedAt ?? 0;

    // Killed in its warning; the overtime (at 4 s) comes after the restart, or, if the restart
    // takes longer, on it.
    server.child.kill('SIGKILL');
    await server.exited;
    for (const c of clients.splice(0)) c.close();
    server = await spawnServer({ dataDir, port, env });
    await receiver.until(
      (r) => r.some((x) => x.payload.event === 'turn.phase' && x.payload.data.phase === 'overtime'),
      15_000,
    );
    const listed = await http(server.url, pathOf(HTTP_ROUTES.hooks, { id: meetingId }), { token });
    expect(HooksResponse.parse(listed.body).hooks.map((h) => h.hookId)).toEqual([hookId]);

    // A clean stop and start: nothing is sent again; the turn's end is the next news.
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    server = await spawnServer({ dataDir, port, env });
    const again = await connect(server.url, token);
    clients.push(again);
    await ok(again, { type: 'turn.end', turnId: turn.id });
    await receiver.until((r) => r.some((x) => x.payload.event === 'turn.ended'), 10_000);
    await osc.until((r) => r.some((m) => m.address === '/rostrum/turn/ended'), 10_000);

    const events = receiver.on('/all');
    expect(events.map((e) => e.event)).toEqual([
      'step.changed',
      'status.changed',
      'turn.started',
      'turn.phase',
      'turn.phase',
      'turn.ended',
    ]);
    expect(events.filter((e) => e.event === 'turn.phase')).toMatchObject([
      { at: startedAt + 2_000, data: { turnId: turn.id, phase: 'warning' } },
      { at: startedAt + 4_000, data: { turnId: turn.id, phase: 'overtime' } },
    ]);
    for (const received of receiver.received) expect(signedWith(received, SECRET)).toBe(true);
    expect(osc.messages()).toEqual([
      ['/rostrum/turn/started', meetingId, 'First speaker', '', 4],
      ['/rostrum/turn/phase', meetingId, 'warning'],
      ['/rostrum/turn/phase', meetingId, 'overtime'],
      ['/rostrum/turn/ended', meetingId, turn.id],
    ]);
  });

  it('will not start with an OSC_TARGETS it cannot read, and says why', async () => {
    const dataDir = await tempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const failed = await spawnServer({ dataDir, port, env: { OSC_TARGETS: 'lighting-desk' } }).then(
      () => 'started',
      (error: unknown) => String(error),
    );
    expect(failed).toContain(
      'Rostrum could not start: Bad environment: OSC_TARGETS: "lighting-desk" is not host:port',
    );
  });
});
