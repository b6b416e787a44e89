import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/protocol/limits';
import type { MeetingState } from '../../../shared/protocol/state';
import { ManualClock } from '../../support/clock';
import {
  type Client,
  connect,
  createMeeting,
  join,
  ok,
  startServer,
  stateAt,
  type TestServer,
} from '../../support/server';

/** The contract's target (SPEC.md, "Lean state"): a state after a queue change, with the default meeting. */
const LEAN_STATE_BYTES = 1536;

/**
 * Every `state` frame a real socket.io client receives, as the bytes on the wire (the
 * socket.io packet, `42["state",{...}]`), with the state it carried.
 */
const frames = (client: Client): { bytes: number; state: MeetingState }[] => {
  const seen: { bytes: number; state: MeetingState }[] = [];
  client.socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
    if (packet.type !== 'message' || typeof packet.data !== 'string') return;
    // engine.io has taken its own type ("4", a message) off; socket.io's ("2", an event) is left.
    if (!packet.data.startsWith('2["state"')) return;
    const [, state] = JSON.parse(packet.data.slice(1)) as [string, MeetingState];
    seen.push({ bytes: Buffer.byteLength(`4${packet.data}`), state });
  });
  return seen;
};

describe('broadcast amplification, with the default meeting', () => {
  /** The server's time, which passes only when a test says so (a cooldown, a tablet's pace). */
  const clock = new ManualClock();
  let server: TestServer;
  let meetingId: string;
  let chair: Client;
  let display: Client;
  let tablet: (delegationId: string) => Promise<Client>;
  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false, clock });
    const created = await createMeeting(server.url, {});
    meetingId = created.meetingId;
    const token = async (code: string) => (await join(server.url, meetingId, code)).token;
    chair = await connect(server.url, await token(created.codes.chair));
    display = await connect(server.url, await token(created.codes.display));
    tablet = async (delegationId) =>
      connect(server.url, await token(created.codes.delegations[delegationId] ?? ''));
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
  });
  afterAll(async () => {
    chair.close();
    display.close();
    await server.close();
  });

  it('sends the agenda on connect only, and a state after a queue change of at most 1.5 KB', async () => {
    const wire = frames(display);
    const mexico = await tablet('mexico');
    const kenya = await tablet('kenya');
    try {
      expect(mexico.received[0]?.agenda?.items.length).toBeGreaterThan(0);
      await ok(kenya, { type: 'floor.request', speakerName: 'H.E. Ms. Wanjiru Kamau' });
      const version = await ok(mexico, {
        type: 'floor.request',
        speakerName: 'H.E. Ms. Ana Pérez',
      });
      await stateAt(display, version);
      const last = wire[wire.length - 1];
      expect(last?.state.version).toBe(version);
      expect(last?.state.floor.queue).toHaveLength(2);
      expect(last?.state.agenda).toBeUndefined();
      expect(last?.bytes).toBeLessThanOrEqual(LEAN_STATE_BYTES);
      // What it was: the whole view, agenda included, on every change.
      const whole = Buffer.byteLength(`42${JSON.stringify(['state', display.latest()])}`);
      expect(whole).toBeGreaterThan(5 * 1024);
      process.stdout.write(
        `lean state: ${last?.bytes} bytes after a queue change (whole view: ${whole})\n`,
      );
    } finally {
      mexico.close();
      kenya.close();
    }
  });

  it('sends the agenda again when it changes, with its new agendaVersion, and screens keep it', async () => {
    const wire = frames(display);
    const edited = await ok(chair, {
      type: 'agenda.edit',
      change: { target: 'item', itemId: 'panel-1', title: 'Panel 1: remittances' },
    });
    const morocco = await tablet('morocco');
    try {
      const after = await ok(morocco, { type: 'floor.request' });
      const view = await stateAt(display, after);
      const edit = wire.find((f) => f.state.version === edited);
      expect(edit?.state.agendaVersion).toBe(edited);
      expect(edit?.state.agenda?.items.find((i) => i.id === 'panel-1')?.title).toBe(
        'Panel 1: remittances',
      );
      const next = wire.find((f) => f.state.version === after);
      expect(next?.state.agenda).toBeUndefined();
      expect(next?.state.agendaVersion).toBe(edited);
      // The display, completing lean states as the screens do, shows the edited agenda.
      expect(view.agenda.items.find((i) => i.id === 'panel-1')?.title).toBe('Panel 1: remittances');
    } finally {
      morocco.close();
    }
  });

  it("holds a delegation's next request for a moment after it withdraws; an officer's floor.add is not held", async () => {
    const japan = await tablet('japan');
    try {
      await ok(japan, { type: 'floor.request' });
      await ok(japan, { type: 'floor.withdraw' });
      const again = await japan.send({ type: 'floor.request' });
      expect(again.ok).toBe(false);
      if (!again.ok) {
        expect(again.error.code).toBe('rate_limited');
        expect(again.error.message).toMatch(/try again in 3 seconds/);
      }
      // The moderator, seeing Japan's nameplate raised, enters the request meanwhile.
      const added = await chair.send({ type: 'floor.add', delegationId: 'japan' });
      expect(added.ok).toBe(true);
      await ok(chair, {
        type: 'floor.remove',
        requestId:
          (await stateAt(display, added.ok ? added.version : 0)).floor.queue.find(
            (r) => r.delegationId === 'japan',
          )?.id ?? '',
      });
      // Japan asks again: held until the cooldown has passed, to the millisecond, then heard.
      clock.advance(LIMITS.requestCooldownMs - 1);
      const early = await japan.send({ type: 'floor.request' });
      expect(early.ok || early.error.message).toMatch(/try again in 1 second\./);
      clock.advance(1);
      await ok(japan, { type: 'floor.request' });
    } finally {
      japan.close();
    }
  });

  it('lets a tablet alternating request and withdraw change the queue a few times, not ten a second', async () => {
    const ghana = await tablet('ghana');
    const wire = frames(display);
    try {
      // For four seconds of the server's time, a change every tenth of a second.
      const startedAt = clock.now();
      let accepted = 0;
      let sent = 0;
      while (clock.now() - startedAt < 4000) {
        const ack = await ghana.send({
          type: sent++ % 2 === 0 ? 'floor.request' : 'floor.withdraw',
        });
        if (ack.ok) accepted++;
        clock.advance(100);
      }
      // A request and its withdrawal, then nothing until the cooldown has passed: four changes
      // (at 0, 0.1, 3.2 and 3.3 s) where there were ten a second.
      expect(LIMITS.requestCooldownMs).toBe(3000);
      expect(sent).toBe(40);
      expect(accepted).toBe(4);
      // Each change went to the display lean: no agenda in any of them.
      expect(wire.every((f) => f.state.agenda === undefined && f.bytes <= LEAN_STATE_BYTES)).toBe(
        true,
      );
    } finally {
      ghana.close();
    }
  });
});
