import { rm } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import type { Sender } from '../../../shared/engine/context';
import { PERMISSIONS } from '../../../shared/permissions';
import type { Role } from '../../../shared/protocol/common';
import { CommandAck, CommandErrorCode } from '../../../shared/protocol/errors';
import { LIMITS } from '../../../shared/protocol/limits';
import { MeetingView } from '../../../shared/protocol/view';
import { NOTE_AGENDA } from '../../support/agenda';
import { Device } from '../../support/devices';
import { EngineModel, essentials } from '../../support/model';
import {
  type Client,
  connect,
  createMeeting,
  http,
  join,
  startServer,
  stateAt,
  type TestServer,
  tempDir,
} from '../../support/server';
import { commandFor, type Move, Player } from '../../unit/engine/arbitraries';

/**
 * Thousands of random and malformed commands from every role, through real sockets, each answer
 * checked against the contract and against the engine alone (tests/support/model.ts) for the
 * same payload from the same sender. The run is seeded by fast-check (the seed is printed on
 * failure); a failure ends the run at once rather than shrinking through a live server.
 */

const RUNS = 120;
const PER_RUN = { minLength: 40, maxLength: 80 };

/**
 * Forty delegations of every category, so that the load on each stays within what all of one
 * delegation's devices may send together (LIMITS.delegationCommands) and the payloads reach the
 * schema and the engine rather than the rate limit.
 */
const DELEGATIONS: readonly string[] = [
  ...DEFAULT_ROSTER.filter((d) => d.category !== 'member-state').map((d) => d.id),
  ...DEFAULT_ROSTER.filter((d) => d.category === 'member-state').map((d) => d.id),
].slice(0, 40);
type SenderName = string;

const senderOf = (name: SenderName): Sender =>
  name === 'chair' || name === 'moderator' || name === 'display'
    ? { role: name }
    : { role: 'delegate', delegationId: name };

const SENDER = fc.oneof(
  { arbitrary: fc.constantFrom<SenderName>('chair', 'moderator'), weight: 6 },
  { arbitrary: fc.constant<SenderName>('display'), weight: 1 },
  { arbitrary: fc.constantFrom<SenderName>(...DELEGATIONS), weight: 5 },
);

/** Keys that must never reach an object's prototype. */
const POLLUTION = [
  '{"type":"floor.add","delegationId":"mexico","__proto__":{"polluted":"yes"}}',
  '{"__proto__":{"polluted":"yes"},"type":"floor.request"}',
  '{"type":"floor.request","constructor":{"prototype":{"polluted":"yes"}}}',
  '{"type":"agenda.edit","change":{"target":"meeting","title":"T","__proto__":{"polluted":"yes"}}}',
  '{"type":"turn.start","speaker":{"name":"N","__proto__":{"polluted":"yes"}}}',
  '{"type":"session.suspend","note":"x","prototype":{"polluted":"yes"}}',
];

/** Text lengths just under and over the limits: names and notes, identifiers, one message. */
const LENGTHS = [
  LIMITS.nameChars,
  LIMITS.nameChars + 1,
  LIMITS.idChars,
  LIMITS.idChars + 1,
  15_000,
  LIMITS.socketMessageBytes + 1000,
];
const STRING_FIELDS = ['speakerName', 'note', 'delegationId', 'requestId', 'turnId', 'itemId'];

/** How the message is sent: with an ack (as the screens do), without one, or with extra arguments. */
type Delivery = 'ack' | 'no-ack' | 'extra-args';

/** What to send, decided by fast-check, made concrete against the meeting when it is sent. */
type Recipe =
  | { kind: 'command'; move: Move }
  | { kind: 'mutated'; move: Move; key: string; value: unknown }
  | { kind: 'json'; value: unknown }
  | { kind: 'unknown-type'; type: string; rest: Record<string, unknown> }
  | { kind: 'pollution'; json: string }
  | { kind: 'long'; move: Move; key: string; length: number }
  | { kind: 'deep'; depth: number; asObject: boolean }
  | { kind: 'binary'; bytes: Uint8Array };

interface Message {
  sender: SenderName;
  delivery: Delivery;
  recipe: Recipe;
}

// Closing the meeting would leave nothing to do for the rest of the run (the permission walk
// covers a closed meeting).
const move = commandFor(NOTE_AGENDA)
  .filter((command) => command.type !== 'session.close')
  .map((command): Move => ({ waitMs: 0, by: { role: 'chair' }, expected: 'none', command }));
const movePlus = fc.tuple(
  move,
  fc.oneof(
    { arbitrary: fc.constant<Move['expected']>('none'), weight: 8 },
    { arbitrary: fc.constant<Move['expected']>('right'), weight: 2 },
    { arbitrary: fc.constantFrom<Move['expected']>(-1, 1), weight: 1 },
  ),
  fc.nat({ max: 10 * 60_000 }),
);
const aMove = movePlus.map(([m, expected, waitMs]) => ({ ...m, expected, waitMs }));

const RECIPE: fc.Arbitrary<Recipe> = fc.oneof(
  { arbitrary: aMove.map((m) => ({ kind: 'command' as const, move: m })), weight: 10 },
  {
    arbitrary: fc.record({
      kind: fc.constant('mutated' as const),
      move: aMove,
      key: fc.oneof(
        fc.constantFrom('type', 'expectedVersion', 'delegationId', 'requestId', 'position'),
        fc.constantFrom('deltaMs', 'speaker', 'change', 'segment', 'showDelay', 'turnId'),
        fc.string({ maxLength: 12 }),
      ),
      value: fc.jsonValue({ maxDepth: 3 }),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json' as const, value })),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('unknown-type' as const),
      type: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('floor.*', 'FLOOR.NEXT', '')),
      rest: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), {
        maxKeys: 4,
      }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(...POLLUTION).map((json) => ({ kind: 'pollution' as const, json })),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('long' as const),
      move: aMove,
      key: fc.constantFrom(...STRING_FIELDS),
      length: fc.constantFrom(...LENGTHS),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      depth: fc.integer({ min: 50, max: 3000 }),
      asObject: fc.boolean(),
    }),
    weight: 1,
  },
  {
    arbitrary: fc
      .uint8Array({ maxLength: 64 })
      .map((bytes) => ({ kind: 'binary' as const, bytes })),
    weight: 1,
  },
);

/** Mostly someone the table lets send the command, so that many reach the engine; anyone at times. */
const senderFor = (recipe: Recipe): fc.Arbitrary<SenderName> => {
  if (recipe.kind !== 'command') return SENDER;
  const permitted = (PERMISSIONS[recipe.move.command.type] as readonly Role[]).flatMap(
    (role): SenderName[] => (role === 'delegate' ? [...DELEGATIONS] : [role]),
  );
  return fc.oneof(
    { arbitrary: fc.constantFrom(...permitted), weight: 4 },
    { arbitrary: SENDER, weight: 1 },
  );
};

const MESSAGE: fc.Arbitrary<Message> = RECIPE.chain((recipe) =>
  fc.record({
    sender: senderFor(recipe),
    delivery: fc.oneof(
      { arbitrary: fc.constant<Delivery>('ack'), weight: 16 },
      { arbitrary: fc.constantFrom<Delivery>('no-ack', 'extra-args'), weight: 1 },
    ),
    recipe: fc.constant(recipe),
  }),
);

const nested = (depth: number, asObject: boolean): unknown => {
  let value: unknown = 'floor.next';
  for (let i = 0; i < depth; i++) value = asObject ? { type: value } : [value];
  return value;
};

/** The JSON the server will parse, or null for a binary message. */
/**
 * The size of the message on the wire: engine.io's and socket.io's packet types, the ack's id
 * (a few digits), then the event as JSON. A binary payload travels as its own frame.
 */
const wireSize = (payload: unknown): number =>
  payload instanceof Uint8Array
    ? payload.byteLength
    : Buffer.byteLength(`42000000${JSON.stringify(['command', payload ?? null])}`, 'utf8');

/** Near the limit the exact framing decides; the fuzz keeps clear of that edge (the limits test has it). */
const EDGE = 64;

/** One meeting under fuzz: its devices, the room display watching it, and its engine model. */
class FuzzedMeeting {
  private readonly devices = new Map<SenderName, Device>();
  private lastOk = 0;

  private constructor(
    private readonly url: string,
    private readonly meetingId: string,
    readonly model: EngineModel,
    private readonly player: Player,
    private readonly codes: Map<SenderName, string>,
    private readonly tokens: Map<SenderName, string>,
    private readonly observer: Client,
    private readonly count: (what: string) => void,
  ) {}

  static async open(url: string, count: (what: string) => void): Promise<FuzzedMeeting> {
    const { meetingId, codes } = await createMeeting(url, { agenda: NOTE_AGENDA });
    const model = new EngineModel({ meetingId, agenda: NOTE_AGENDA, roster: DEFAULT_ROSTER });
    const tokens = new Map<SenderName, string>();
    const codesOf = new Map<SenderName, string>();
    for (const name of ['chair', 'moderator', 'display', ...DELEGATIONS] as SenderName[]) {
      const code =
        name === 'chair' || name === 'moderator' || name === 'display'
          ? codes[name]
          : (codes.delegations[name] ?? '');
      codesOf.set(name, code);
      tokens.set(name, (await join(url, meetingId, code)).token);
    }
    // The room display watches everything that happens.
    const observer = await connect(url, tokens.get('display') ?? '');
    return new FuzzedMeeting(
      url,
      meetingId,
      model,
      new Player(model.engine),
      codesOf,
      tokens,
      observer,
      count,
    );
  }

  get displayToken(): string {
    return this.tokens.get('display') ?? '';
  }

  private device(name: SenderName): Device {
    let device = this.devices.get(name);
    if (!device) {
      const role = senderOf(name).role;
      const burst =
        role === 'chair' || role === 'moderator'
          ? LIMITS.officerCommands.burst
          : LIMITS.delegateCommands.burst;
      device = new Device(this.url, this.meetingId, this.codes.get(name) ?? '', burst);
      this.devices.set(name, device);
    }
    return device;
  }

  private payloadOf(recipe: Recipe, sender: Sender): unknown {
    const resolve = (m: Move): Record<string, unknown> => ({
      ...this.player.next({ ...m, by: sender }),
    });
    switch (recipe.kind) {
      case 'command':
        return resolve(recipe.move);
      case 'mutated':
        return { ...resolve(recipe.move), [recipe.key]: recipe.value };
      case 'json':
        return recipe.value;
      case 'unknown-type':
        return { ...recipe.rest, type: recipe.type };
      case 'pollution':
        return JSON.parse(recipe.json);
      case 'long':
        return { ...resolve(recipe.move), [recipe.key]: 'x'.repeat(recipe.length) };
      case 'deep':
        return recipe.asObject
          ? nested(recipe.depth, true)
          : { type: 'floor.add', delegationId: nested(recipe.depth, false) };
      case 'binary':
        return Buffer.from(recipe.bytes);
    }
  }

  async deliver({ sender: name, delivery, recipe }: Message): Promise<void> {
    const sender = senderOf(name);
    const payload = this.payloadOf(recipe, sender);
    const client = await this.device(name).next();
    // Over 16 KiB the transport closes the connection: no answer, nothing changed.
    const size = wireSize(payload);
    if (Math.abs(size - LIMITS.socketMessageBytes) <= EDGE) {
      this.count('skipped: at the 16 KiB edge');
      return;
    }
    if (size > LIMITS.socketMessageBytes) {
      const closed = new Promise<string>((r) => client.socket.once('disconnect', r));
      client.socket.emit('command', payload, () => {});
      expect(await closed).toBe('transport close');
      this.count('closed: over 16 KiB');
      return;
    }
    if (delivery === 'no-ack') {
      // Ignored (nobody could learn the outcome); the lockstep shows it changed nothing.
      client.socket.emit('command', payload);
      this.count('no ack: ignored');
      return;
    }
    const answer: unknown =
      delivery === 'extra-args'
        ? await client.socket.timeout(5000).emitWithAck('command', payload, 'extra')
        : await client.send(payload);
    const ack = CommandAck.safeParse(answer);
    if (!ack.success) throw new Error(`not a contract answer: ${JSON.stringify(answer)}`);
    if (!ack.data.ok) expect(CommandErrorCode.options).toContain(ack.data.error.code);
    if (ack.data.ok) {
      expect(ack.data.version).toBe(this.lastOk + 1);
      this.lastOk = ack.data.version;
    }
    this.count(ack.data.ok ? 'ok' : ack.data.error.code);
    const received =
      payload instanceof Uint8Array ? payload : JSON.parse(JSON.stringify(payload) ?? 'null');
    const problem = this.model.follow(received, sender, ack.data);
    if (problem) {
      throw new Error(`${name} sent ${JSON.stringify(payload)?.slice(0, 300)}: ${problem}`);
    }
    if (ack.data.ok) this.player.sent();
  }

  /**
   * Every state the display got parses, versions only go up, no delegation waits twice, and
   * the last is the model's. Then the meeting's devices leave.
   */
  async finish(): Promise<void> {
    if (!this.observer.socket.connected && this.devices.size === 0) return;
    try {
      const last = await stateAt(this.observer, this.model.version);
      let previous = -1;
      for (const view of this.observer.states) {
        const parsed = MeetingView.safeParse(view);
        expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
        expect(view.version).toBeGreaterThan(previous);
        previous = view.version;
        const waiting = view.floor.queue.map((r) => r.delegationId);
        expect(new Set(waiting).size).toBe(waiting.length);
      }
      expect(essentials(last)).toEqual(essentials(this.model.view()));
    } finally {
      this.observer.close();
      for (const device of this.devices.values()) device.close();
      this.devices.clear();
    }
  }
}

describe('random and malformed commands, through real sockets', () => {
  let server: TestServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDir();
    server = await startServer({ dataDir, createDefaultMeeting: false });
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers every one in the contract, as the engine alone would, and the meeting stays sound', async () => {
    const tally = new Map<string, number>();
    const count = (what: string) => tally.set(what, (tally.get(what) ?? 0) + 1);
    const meetings: FuzzedMeeting[] = [];
    // A meeting the fuzz closes (the last step's "next") is checked and followed by a new one.
    const current = async (): Promise<FuzzedMeeting> => {
      const last = meetings[meetings.length - 1];
      if (last && last.model.engine.status !== 'closed') return last;
      if (last) await last.finish();
      const fresh = await FuzzedMeeting.open(server.url, count);
      meetings.push(fresh);
      return fresh;
    };

    await fc.assert(
      fc.asyncProperty(fc.array(MESSAGE, PER_RUN), async (messages) => {
        for (const message of messages) await (await current()).deliver(message);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    for (const meeting of meetings) await meeting.finish();
    // What the run sent, by answer, for the curious reader of the test output.
    process.stdout.write(
      `fuzz: ${meetings.length} meeting(s), answers ${JSON.stringify(Object.fromEntries(tally))}\n`,
    );

    const sent = [...tally.values()].reduce((a, b) => a + b, 0);
    expect(sent).toBeGreaterThanOrEqual(RUNS * PER_RUN.minLength);
    // The run reached the engine, not only the schema.
    expect(tally.get('ok') ?? 0).toBeGreaterThan(100);
    expect(tally.get('invalid') ?? 0).toBeGreaterThan(100);
    // Nothing reached Object.prototype, here or in the server (the same process).
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    // The server lives.
    expect((await http(server.url, '/api/health')).status).toBe(200);

    // And the log of it all replays to the same meetings.
    await server.close();
    server = await startServer({ dataDir, createDefaultMeeting: false });
    for (const meeting of meetings) {
      const again = await connect(server.url, meeting.displayToken);
      try {
        expect(essentials(again.latest())).toEqual(essentials(meeting.model.view()));
      } finally {
        again.close();
      }
    }
  });
});
