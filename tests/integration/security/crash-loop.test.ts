import { rm } from 'node:fs/promises';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import type { Sender } from '../../../shared/engine/context';
import { PERMISSIONS } from '../../../shared/permissions';
import type { Command } from '../../../shared/protocol/commands';
import type { Role } from '../../../shared/protocol/common';
import type { CommandAck } from '../../../shared/protocol/errors';
import { NOTE_AGENDA } from '../../support/agenda';
import { type LoggedCommand, loggedCommands } from '../../support/commandLog';
import { EngineModel, essentials } from '../../support/model';
import { freePort, type ServerProcess, spawnServer } from '../../support/process';
import { type Client, connect, defaultMeetingOf, http, join, tempDir } from '../../support/server';
import { commandFor, Player } from '../../unit/engine/arbitraries';

/**
 * Ten times: random commands from the chair, the moderator and delegations, then `kill -9` of
 * the real server (a child process, as `npm start` runs it) at a random moment, often with a
 * command in flight, then a restart on the same DATA_DIR. Every acknowledged command must be in
 * the store afterwards, in order, and the meeting must be what the engine alone makes of the
 * commands the store kept (tests/support/model.ts). A command in flight at the kill may have
 * been stored without its answer reaching the test: then it is the one, and only, command the
 * store has beyond the last acknowledged.
 */

const CYCLES = 10;
const DELEGATIONS = ['mexico', 'kenya', 'japan', 'holy-see', 'state-of-palestine', 'iom', 'ituc'];
type SenderName = 'chair' | 'moderator' | (typeof DELEGATIONS)[number];

const senderOf = (name: SenderName): Sender =>
  name === 'chair' || name === 'moderator'
    ? { role: name }
    : { role: 'delegate', delegationId: name };

/**
 * A command and who sends it. Closing the meeting and turns that end themselves at their limit
 * (the server's own timer would then add commands nobody sent) are left out.
 */
const STEP = commandFor(NOTE_AGENDA)
  .filter((c) => c.type !== 'session.close' && !JSON.stringify(c).includes('endAtLimit'))
  .chain((command) => {
    const names = (PERMISSIONS[command.type] as readonly Role[]).flatMap((role): SenderName[] =>
      role === 'delegate' ? DELEGATIONS : role === 'display' ? [] : [role],
    );
    return fc.record({ command: fc.constant(command), sender: fc.constantFrom(...names) });
  });

/** How a cycle ends: quietly, or with a command on its way to the server. */
const KILL = fc.oneof(
  fc.constant({ inFlight: false, afterMs: 0 }),
  fc.record({ inFlight: fc.constant(true), afterMs: fc.integer({ min: 0, max: 4 }) }),
);

const CYCLE = fc.record({
  steps: fc.array(STEP, { minLength: 10, maxLength: 60 }),
  last: STEP,
  kill: KILL,
});

describe('a crash loop', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it(`loses nothing acknowledged through ${CYCLES} kill -9 and restarts`, {
    timeout: 180_000,
  }, async () => {
    const seed = Date.now() % 2 ** 31;
    const cycles = fc.sample(CYCLE, { numRuns: CYCLES, seed });
    const dataDir = await tempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    let server: ServerProcess = await spawnServer({ dataDir, port });
    cleanup.push(() => server.child.kill('SIGKILL'));

    const { meetingId, codes } = await defaultMeetingOf(server.url);
    const tokens = new Map<SenderName, string>();
    for (const name of ['chair', 'moderator', ...DELEGATIONS] as SenderName[]) {
      const code =
        name === 'chair' || name === 'moderator' ? codes[name] : (codes.delegations[name] ?? '');
      tokens.set(name, (await join(server.url, meetingId, code)).token);
    }

    // The meeting of a first start is dated the day it was made: the model takes its agenda.
    const reader = await connect(server.url, tokens.get('chair') ?? '');
    const { agenda } = reader.latest();
    reader.close();
    const model = new EngineModel({ meetingId, agenda, roster: DEFAULT_ROSTER });
    const player = new Player(model.engine);
    /** Every command the test knows the store must hold, in version order. */
    const kept: LoggedCommand[] = [];
    let acked = 0;
    let inFlightStored = 0;
    const problems: string[] = [];

    /** Sends one step, checks the answer against the engine alone, and follows it. */
    const play = async (
      clients: Map<SenderName, Client>,
      step: { command: Command; sender: SenderName },
    ) => {
      const sender = senderOf(step.sender);
      const command = player.next({
        waitMs: 0,
        by: sender,
        expected: 'none',
        command: step.command,
      });
      const client = clients.get(step.sender);
      if (!client) throw new Error(`no client for ${step.sender}`);
      const ack = await client.send(command);
      const problem = model.follow(JSON.parse(JSON.stringify(command)), sender, ack);
      if (problem) problems.push(`${step.sender} ${command.type}: ${problem}`);
      if (ack.ok) {
        kept.push({ version: ack.version, sender, command });
        acked++;
        player.sent();
      }
      return ack;
    };

    for (const [index, cycle] of cycles.entries()) {
      const clients = new Map<SenderName, Client>();
      for (const [name, token] of tokens) clients.set(name, await connect(server.url, token));
      // After a restart, the meeting is the model's, exactly.
      const first = clients.get('chair')?.latest();
      expect(first && essentials(first), `cycle ${index}: the restored meeting`).toEqual(
        essentials(model.view()),
      );

      // The first cycle opens the session and goes to a discussion, so the random commands
      // that follow have something to act on.
      const opening: { command: Command; sender: SenderName }[] =
        index === 0
          ? [
              { command: { type: 'agenda.start' }, sender: 'chair' },
              {
                command: { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' },
                sender: 'chair',
              },
            ]
          : [];
      for (const step of [...opening, ...cycle.steps]) await play(clients, step);

      // The kill: maybe with one more command on its way, at a random moment of its handling.
      let unknown: { command: Command; sender: Sender; answered?: CommandAck } | undefined;
      if (cycle.kill.inFlight) {
        const sender = senderOf(cycle.last.sender);
        const command = player.next({
          waitMs: 0,
          by: sender,
          expected: 'none',
          command: cycle.last.command,
        });
        const client = clients.get(cycle.last.sender);
        const pending = { command, sender } as NonNullable<typeof unknown>;
        unknown = pending;
        client?.socket.emit('command', command, (ack: CommandAck) => {
          pending.answered = ack;
        });
        // Real time: the kill lands on another process, at a moment of its own handling.
        if (cycle.kill.afterMs > 0) await new Promise((r) => setTimeout(r, cycle.kill.afterMs));
      }
      server.child.kill('SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      for (const client of clients.values()) client.close();

      server = await spawnServer({ dataDir, port });
      const stored = loggedCommands(dataDir, meetingId);
      const beyond = stored.filter((entry) => entry.version > model.version);
      if (unknown?.answered) {
        // Its answer came before the kill: an ordinary command.
        const ack = unknown.answered;
        const problem = model.follow(
          JSON.parse(JSON.stringify(unknown.command)),
          unknown.sender,
          ack,
        );
        if (problem) problems.push(`in flight ${unknown.command.type}: ${problem}`);
        if (ack.ok) {
          kept.push({ version: ack.version, sender: unknown.sender, command: unknown.command });
          acked++;
        }
        expect(beyond.length, `cycle ${index}: stored beyond the acknowledged`).toBe(
          ack.ok ? 1 : 0,
        );
      } else if (beyond.length > 0) {
        // Stored, but its answer never came: it must be the command in flight, and only it.
        expect(beyond).toEqual([
          { version: model.version + 1, sender: unknown?.sender, command: unknown?.command },
        ]);
        if (unknown) {
          model.apply(unknown.command, unknown.sender);
          kept.push({ version: model.version, sender: unknown.sender, command: unknown.command });
          inFlightStored++;
        }
      }
      if (unknown && model.version === kept.at(-1)?.version) player.sent();
      // Everything acknowledged is there, in order, and nothing else.
      expect(stored, `cycle ${index}: the command log`).toEqual(kept);
    }

    // The last restart: the meeting is the model's, and the server serves.
    const chair = await connect(server.url, tokens.get('chair') ?? '');
    try {
      expect(essentials(chair.latest())).toEqual(essentials(model.view()));
      expect(chair.latest().version).toBeGreaterThanOrEqual(kept.at(-1)?.version ?? 0);
      expect((await http(server.url, '/api/health')).status).toBe(200);
    } finally {
      chair.close();
    }
    expect(problems, `seed ${seed}`).toEqual([]);
    // The run did something: commands taken, and the crash often caught one in flight.
    expect(acked).toBeGreaterThan(CYCLES * 2);
    process.stdout.write(
      `crash loop (seed ${seed}): ${acked} acknowledged, ${inFlightStored} stored without their answer, version ${model.version}\n`,
    );
  });
});
