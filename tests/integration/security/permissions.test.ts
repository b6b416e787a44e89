import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import type { Sender } from '../../../shared/engine/context';
import { PERMISSIONS } from '../../../shared/permissions';
import { COMMAND_TYPES, type Command, type CommandType } from '../../../shared/protocol/commands';
import { Role } from '../../../shared/protocol/common';
import { LIMITS } from '../../../shared/protocol/limits';
import { NOTE_AGENDA } from '../../support/agenda';
import { Device } from '../../support/devices';
import { EngineModel } from '../../support/model';
import { createMeeting, startServer, type TestServer } from '../../support/server';
import { commandFor, Player } from '../../unit/engine/arbitraries';

const DELEGATES = ['mexico', 'kenya', 'japan', 'holy-see', 'iom', 'ituc'];

/** The meeting states the table is walked in, each set up by the chair from a new meeting. */
const STATES: Record<string, Command[]> = {
  pending: [],
  'a speaker has the floor': [{ type: 'agenda.start' }, { type: 'turn.start' }],
  'a discussion with requests waiting': [
    { type: 'agenda.start' },
    { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' },
    { type: 'floor.add', delegationId: 'kenya' },
    { type: 'floor.add', delegationId: 'iom' },
    { type: 'floor.add', delegationId: 'japan' },
    { type: 'floor.next' },
  ],
  suspended: [{ type: 'agenda.start' }, { type: 'session.suspend', note: 'Lunch' }],
  closed: [{ type: 'agenda.start' }, { type: 'session.close' }],
};

/**
 * The table's rows, those that move the meeting on (or close it) last, so that the commands
 * before them meet the state the walk set up.
 */
const LAST = ['agenda.goto', 'agenda.next', 'session.suspend', 'session.close'];
const ROWS = (Object.entries(PERMISSIONS) as [CommandType, readonly Role[]][]).sort(
  ([a], [b]) => LAST.indexOf(a) - LAST.indexOf(b),
);

/** Two examples of each command, as the engine's property tests make them (seeded: the same every run). */
const examples = (type: CommandType): Command[] =>
  fc.sample(
    commandFor(NOTE_AGENDA).filter((c) => c.type === type),
    { numRuns: 2, seed: 6 },
  );

describe('the permission table, over real sockets', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false });
  });
  afterAll(() => server.close());

  it('names every command, and only commands', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  for (const [state, setup] of Object.entries(STATES)) {
    it(`refuses exactly the cells the table leaves out, ${state}`, async () => {
      const { meetingId, codes } = await createMeeting(server.url, { agenda: NOTE_AGENDA });
      const runtime = server.app.rostrum.registry.get(meetingId);
      if (!runtime) throw new Error('no runtime');
      const model = new EngineModel({ meetingId, agenda: NOTE_AGENDA, roster: DEFAULT_ROSTER });
      const player = new Player(model.engine);
      /**
       * The devices of each role. A delegate's commands come from several delegations in turn,
       * so that neither a device's nor a delegation's rate limit answers in the table's place.
       */
      const devices = async (code: string | undefined, burst: number) =>
        new Device(server.url, meetingId, code ?? '', burst);
      const officer = LIMITS.officerCommands.burst;
      const other = LIMITS.delegateCommands.burst;
      const senders: Record<Role, { sender: Sender; device: Device }[]> = {
        chair: [{ sender: { role: 'chair' }, device: await devices(codes.chair, officer) }],
        moderator: [
          { sender: { role: 'moderator' }, device: await devices(codes.moderator, officer) },
        ],
        display: [{ sender: { role: 'display' }, device: await devices(codes.display, other) }],
        delegate: await Promise.all(
          DELEGATES.map(async (delegationId) => ({
            sender: { role: 'delegate' as const, delegationId },
            device: await devices(codes.delegations[delegationId], other),
          })),
        ),
      };
      let turn = 0;
      const next = (role: Role) => {
        const choices = senders[role];
        const chosen = choices[turn++ % choices.length];
        if (!chosen) throw new Error(`no device for ${role}`);
        return chosen;
      };
      const disagreements: string[] = [];
      const send = async (role: Role, command: Command, from = next(role)) => {
        const { sender, device } = from;
        const ack = await (await device.next()).send(command);
        const problem = model.follow(JSON.parse(JSON.stringify(command)), sender, ack);
        if (problem) disagreements.push(`${role} sends ${JSON.stringify(command)}: ${problem}`);
        return ack;
      };
      try {
        for (const command of setup) expect((await send('chair', command)).ok).toBe(true);

        let cells = 0;
        for (const [type, allowed] of ROWS) {
          for (const role of Role.options) {
            for (const example of examples(type)) {
              const from = next(role);
              const command = player.next({
                waitMs: 0,
                by: from.sender,
                expected: 'none',
                command: example,
              });
              const before = runtime.version;
              const ack = await send(role, command, from);
              player.sent();
              const code = ack.ok ? 'accepted' : ack.error.code;
              if (allowed.includes(role)) {
                expect(code, `${role} sends ${type}`).not.toBe('forbidden');
              } else {
                expect(code, `${role} sends ${type}`).toBe('forbidden');
                expect(runtime.version, `${role} sends ${type}: nothing changes`).toBe(before);
              }
              cells++;
            }
          }
        }
        expect(cells).toBe(COMMAND_TYPES.length * Role.options.length * 2);
        // Every answer was the engine's own, for the same sender in the same state.
        expect(disagreements).toEqual([]);
        expect(runtime.version).toBe(model.version);
      } finally {
        for (const { device } of Object.values(senders).flat()) device.close();
      }
    });
  }
});
