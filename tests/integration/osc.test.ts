import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../support/clock';
import { openRoom, type Room } from '../support/meeting';
import { OscReceiver } from '../support/oscReceiver';
import { ok, startServer, type TestServer } from '../support/server';

/**
 * Contract version 2, "Speaker cues and room outputs": OSC. Two real UDP sockets are the targets
 * (`outputs.oscTargets`, as `OSC_TARGETS` gives them); each decodes what it gets with node-osc,
 * the library the server sends with, as a lighting desk or a microphone gateway would.
 */
describe('OSC', () => {
  const clock = new ManualClock();
  let desk: OscReceiver;
  let gateway: OscReceiver;
  let server: TestServer;
  let room: Room;

  beforeAll(async () => {
    desk = await OscReceiver.start();
    gateway = await OscReceiver.start();
    server = await startServer({
      createDefaultMeeting: false,
      clock,
      outputs: {
        oscTargets: [
          { host: '127.0.0.1', port: desk.port },
          { host: 'localhost', port: gateway.port },
        ],
      },
    });
    room = await openRoom(server);
  });
  afterAll(async () => {
    room.close();
    await server.close();
    await desk.close();
    await gateway.close();
  });

  it('sends a turn started, its phases at their instants, and its end, to every target', async () => {
    const { chair, moderator, meetingId } = room;
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
    const started = await ok(moderator, {
      type: 'turn.start',
      speaker: { name: 'H.E. Ms. Ana Pérez', delegationId: 'mexico' },
    });
    await desk.until((r) => r.length >= 1);
    const turn = chair.states.find((s) => s.version >= started)?.turn;
    if (!turn) throw new Error('no turn');
    // The discussion's allowance: 3 minutes, the warning at 2:30.
    clock.advance(149_999);
    await ok(moderator, { type: 'floor.close' });
    clock.advance(1);
    await desk.until((r) => r.length >= 2);
    clock.advance(30_000);
    await desk.until((r) => r.length >= 3);
    await ok(moderator, { type: 'turn.end', turnId: turn.id });
    await desk.until((r) => r.length >= 4);
    await gateway.until((r) => r.length >= 4);

    const expected = [
      ['/rostrum/turn/started', meetingId, 'H.E. Ms. Ana Pérez', 'Mexico', 180],
      ['/rostrum/turn/phase', meetingId, 'warning'],
      ['/rostrum/turn/phase', meetingId, 'overtime'],
      ['/rostrum/turn/ended', meetingId, turn.id],
    ];
    expect(desk.messages()).toEqual(expected);
    expect(gateway.messages()).toEqual(expected);
  });
});
