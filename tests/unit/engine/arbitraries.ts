import fc from 'fast-check';
import type { MeetingEngine } from '../../../server/engine/engine';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import type { Sender } from '../../../shared/engine/context';
import { PERMISSIONS } from '../../../shared/permissions';
import type { Agenda, ScheduledSpeaker } from '../../../shared/protocol/agenda';
import { type AgendaChange, Command } from '../../../shared/protocol/commands';
import type { Role } from '../../../shared/protocol/common';
import { NOTE_AGENDA } from '../../support/agenda';
import { CHAIR, DISPLAY, delegate, MODERATOR, smallAgenda } from '../../support/engine';

/**
 * Random meetings for the property tests: random senders send random commands, plausible and
 * implausible, while time passes by random amounts. A command is generated with placeholders
 * ("@queued-2", "@current") that are resolved against the meeting when it is sent, so a
 * generated request id can name a request that is really waiting, and a counterexample still
 * reads plainly.
 */

/** The agendas a random meeting runs: the procedural note, and small ones for the options. */
export const AGENDAS: Record<string, Agenda> = {
  default: NOTE_AGENDA,
  arrival: smallAgenda({ queuePolicy: 'arrival', clusterSize: 2 }),
  'states-only': smallAgenda({ openTo: ['member-state', 'observer'] }),
  'end-at-limit': smallAgenda({
    allowance: { limitMs: 60_000, warnAtMs: 30_000, endAtLimit: true },
    responseAllowance: { limitMs: 120_000, warnAtMs: 90_000 },
  }),
  // Contract version 2's procedure: fair access, early requests, its own clocks.
  interleave: smallAgenda({
    queuePolicy: 'interleave',
    interleaveEvery: 2,
    requestsFrom: 'item',
    clusterSize: 3,
    groupAllowance: { limitMs: 240_000, warnAtMs: 180_000 },
    replyAllowances: [
      { limitMs: 120_000, warnAtMs: 90_000 },
      { limitMs: 60_000, warnAtMs: 30_000 },
    ],
    pointOfOrderAllowance: { limitMs: 60_000, warnAtMs: 45_000 },
  }),
};

/**
 * Delegations of every category from the default roster, and one the roster does not have. A
 * few come back often, so that they meet themselves in the queue; any of the roster may appear.
 */
const FREQUENT = [
  'mexico',
  'kenya',
  'japan',
  'holy-see',
  'state-of-palestine',
  'iom',
  'unhcr',
  'ituc',
  'african-diaspora-network',
  'atlantis',
];
const DELEGATION = fc.oneof(
  { arbitrary: fc.constantFrom(...FREQUENT), weight: 4 },
  { arbitrary: fc.constantFrom(...DEFAULT_ROSTER.map((d) => d.id)), weight: 1 },
);

const SENDER: fc.Arbitrary<Sender> = fc.oneof(
  { arbitrary: fc.constant(CHAIR), weight: 4 },
  { arbitrary: fc.constant(MODERATOR), weight: 4 },
  { arbitrary: fc.constant(DISPLAY), weight: 1 },
  { arbitrary: DELEGATION.map(delegate), weight: 5 },
  { arbitrary: fc.constant<Sender>({ role: 'delegate' }), weight: 1 },
);

const allIds = (agenda: Agenda) => ({
  items: agenda.items.map((i) => i.id),
  steps: [...new Set(agenda.items.flatMap((i) => i.steps.map((s) => s.id)))],
  speakers: [
    ...new Set(
      agenda.items.flatMap((i) =>
        i.steps.flatMap((s) => (s.kind === 'speakers' ? s.speakers.map((p) => p.id) : [])),
      ),
    ),
  ],
});

const NAMES = ['H.E. Ms. Ana Pérez', 'Mr. Sato', '  Dr. Amina Diallo  ', 'Ms. Wanjiru Kamau'];
const name = fc.constantFrom(...NAMES);
const sex = fc.constantFrom('female', 'male', 'other');
/** A request waiting (by its place in the queue, whatever the queue is then) or a made-up one. */
const requestId = fc.oneof(
  { arbitrary: fc.nat({ max: 12 }).map((i) => `@queued-${i}`), weight: 5 },
  { arbitrary: fc.constantFrom('R1', 'R999', 'T3'), weight: 1 },
);
const turnId = fc.constantFrom('@current', '@current', '@current', '@current', '@previous', 'T999');
const deltaMs = fc.oneof(
  fc.constantFrom(1000, -1000, 30_000, -30_000, 60_000, -60_000, 3_600_000, -3_600_000),
  fc.integer({ min: -3_600_000, max: 3_600_000 }).filter((d) => d !== 0),
);

/** Where the chair may send the meeting: a real step (a discussion more often), or nowhere. */
const gotoTarget = (agenda: Agenda) => {
  const steps = agenda.items.flatMap((item) =>
    item.steps.map((step) => ({ itemId: item.id, stepId: step.id, floor: step.kind === 'floor' })),
  );
  return fc.oneof(
    {
      arbitrary: fc.constantFrom(...steps).map(({ itemId, stepId }) => ({ itemId, stepId })),
      weight: 3,
    },
    {
      arbitrary: fc
        .constantFrom(...steps.filter((s) => s.floor))
        .map(({ itemId, stepId }) => ({ itemId, stepId })),
      weight: 3,
    },
    { arbitrary: fc.constantFrom(...agenda.items.map((i) => ({ itemId: i.id }))), weight: 1 },
    {
      arbitrary: fc.record({
        itemId: fc.constantFrom(...agenda.items.map((i) => i.id), 'nowhere'),
        stepId: fc.constantFrom(...steps.map((s) => s.stepId), 'nowhere'),
      }),
      weight: 1,
    },
  );
};

/** An edit of the agenda: mostly sound, sometimes naming nothing or breaking a rule. */
const agendaChange = (agenda: Agenda): fc.Arbitrary<AgendaChange> => {
  const steps = agenda.items.flatMap((i) => i.steps.map((s) => ({ itemId: i.id, stepId: s.id })));
  const stepRef = fc.oneof(
    { arbitrary: fc.constantFrom(...steps), weight: 5 },
    { arbitrary: fc.constant({ itemId: 'nowhere', stepId: 'nothing' }), weight: 1 },
  );
  const allowance = fc.oneof(
    fc.constant({ limitMs: 180_000, warnAtMs: 150_000 }),
    fc.constant({ limitMs: 120_000, warnAtMs: 90_000 }),
    fc.constant({ limitMs: 600_000, warnAtMs: 480_000, endAtLimit: true }),
  );
  return fc.oneof(
    fc.record({ target: fc.constant('meeting' as const), title: name }),
    // A sitting that would end before it starts: refused by the agenda schema, naming the field.
    fc.record({
      target: fc.constant('sitting' as const),
      sittingId: fc.constantFrom(...agenda.sittings.map((s) => s.id), 'nowhen'),
      end: fc.constantFrom('09:00', '23:59'),
    }),
    fc.record({
      target: fc.constant('item' as const),
      itemId: fc.constantFrom(...agenda.items.map((i) => i.id), 'nowhere'),
      title: name,
    }),
    stepRef.chain((ref) =>
      fc.record(
        {
          target: fc.constant('step' as const),
          itemId: fc.constant(ref.itemId),
          stepId: fc.constant(ref.stepId),
          title: name,
          allowance,
        },
        { requiredKeys: ['target', 'itemId', 'stepId'] },
      ),
    ),
    stepRef.chain((ref) =>
      fc.record({
        target: fc.constant('speakers' as const),
        itemId: fc.constant(ref.itemId),
        stepId: fc.constant(ref.stepId),
        speakers: fc.constantFrom<ScheduledSpeaker[][]>(
          [],
          [{ id: 'expert-1', name: 'Dr. Amina Diallo', role: 'Expert' }],
          [
            { id: 'expert-1', name: 'Dr. Amina Diallo', role: 'Expert' },
            { id: 'expert-4', name: 'Prof. Jorge Ruiz', role: 'Expert' },
          ],
        ),
      }),
    ),
  );
};

/**
 * What a request asks for (contract version 2, "Kinds of request"): mostly a plain statement;
 * a reply or a point of order; a statement on behalf of a group (of the default roster's, the
 * delegation's own or not, or none); questions to panelists (of the item or not).
 */
const asking = (speakers: string[]): fc.Arbitrary<object> =>
  fc.oneof(
    { arbitrary: fc.constant({}), weight: 6 },
    { arbitrary: fc.constantFrom({ kind: 'reply' }, { kind: 'point-of-order' }), weight: 4 },
    {
      arbitrary: fc.record(
        {
          kind: fc.constant('statement'),
          onBehalfOf: fc.constantFrom('african-group', 'grulac', 'weog', 'no-such-group'),
        },
        { requiredKeys: ['onBehalfOf'] },
      ),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        addressedTo: fc.constantFrom([speakers[0] ?? 'nobody'], speakers.slice(0, 2), ['nobody']),
      }),
      weight: 2,
    },
  );

/**
 * A command, possibly with placeholders, for a meeting on `agenda`. With `procedure`, requests
 * take contract version 2's kinds, groups and addressees, and withdrawals may name a request
 * (the engine must then know the default roster's groups); without it, version 1's fields only.
 */
export const commandFor = (agenda: Agenda, procedure = false): fc.Arbitrary<Command> => {
  const ids = allIds(agenda);
  const kinds = procedure ? asking(ids.speakers) : fc.constant({});
  const withKind = (rest: fc.Arbitrary<object>) =>
    fc.tuple(rest, kinds).map(([r, k]) => ({ ...r, ...k }));
  const stepRef = fc.oneof(
    { arbitrary: fc.constant('@current'), weight: 4 },
    { arbitrary: fc.constantFrom(...ids.steps), weight: 1 },
  );
  const opt = <T extends Record<string, unknown>>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
    fc.record(model, { requiredKeys: [] });
  const typed = <T extends Command['type']>(
    type: T,
    rest: fc.Arbitrary<object> = fc.constant({}),
  ) => rest.map((r) => ({ type, ...r }) as Command);
  return fc.oneof(
    { arbitrary: typed('agenda.start'), weight: 4 },
    {
      arbitrary: typed(
        'agenda.next',
        opt({ fromStepId: stepRef, fromItemId: fc.constantFrom(...agenda.items.map((i) => i.id)) }),
      ),
      weight: 4,
    },
    { arbitrary: typed('agenda.goto', gotoTarget(agenda)), weight: 8 },
    {
      arbitrary: typed('session.suspend', opt({ note: fc.constantFrom('', 'Lunch', '  Day 1  ') })),
      weight: 2,
    },
    { arbitrary: typed('session.resume'), weight: 2 },
    { arbitrary: typed('session.close'), weight: 1 },
    { arbitrary: typed('session.reopen'), weight: 2 },
    { arbitrary: typed('agenda.edit', fc.record({ change: agendaChange(agenda) })), weight: 2 },
    {
      arbitrary: typed(
        'display.configure',
        fc.oneof(
          fc.record({ showDelay: fc.boolean() }),
          // Contract version 2: a blackout and the room's language, alone or together.
          fc.record({ blackout: fc.boolean() }),
          fc.record({ lang: fc.constantFrom('en', 'fr', 'ar') }),
          fc.record({ blackout: fc.boolean(), lang: fc.constantFrom('en', 'fr', 'ar') }),
        ),
      ),
      weight: 1,
    },
    {
      arbitrary: typed(
        'cue.send',
        fc.record(
          {
            text: fc.constantFrom('Please conclude', '30 seconds left', '  Time is up  '),
            flash: fc.boolean(),
          },
          { requiredKeys: ['text'] },
        ),
      ),
      weight: 3,
    },
    { arbitrary: typed('cue.clear'), weight: 3 },
    {
      arbitrary: typed(
        'turn.start',
        fc.oneof(
          fc.constant({}),
          fc.record({ speakerId: fc.constantFrom(...ids.speakers, 'nobody') }),
          fc.record({
            speaker: fc.record({ name, delegationId: DELEGATION }, { requiredKeys: ['name'] }),
          }),
        ),
      ),
      weight: 8,
    },
    { arbitrary: typed('turn.pause', opt({ turnId })), weight: 6 },
    { arbitrary: typed('turn.resume', opt({ turnId })), weight: 6 },
    { arbitrary: typed('turn.end', opt({ turnId })), weight: 4 },
    {
      arbitrary: typed(
        'turn.adjust',
        fc.record({ deltaMs, turnId }, { requiredKeys: ['deltaMs'] }),
      ),
      weight: 4,
    },
    { arbitrary: typed('floor.request', withKind(opt({ speakerName: name, sex }))), weight: 12 },
    {
      arbitrary: typed(
        'floor.withdraw',
        procedure ? fc.oneof(fc.constant({}), fc.record({ requestId })) : fc.constant({}),
      ),
      weight: 4,
    },
    {
      arbitrary: typed(
        'floor.add',
        withKind(
          fc.record(
            { delegationId: DELEGATION, speakerName: name, sex },
            { requiredKeys: ['delegationId'] },
          ),
        ),
      ),
      weight: 6,
    },
    { arbitrary: typed('floor.remove', fc.record({ requestId })), weight: 4 },
    {
      arbitrary: typed(
        'floor.move',
        fc.record({ requestId, position: fc.oneof(fc.nat({ max: 12 }), fc.constant(1000)) }),
      ),
      weight: 4,
    },
    { arbitrary: typed('floor.grant', fc.record({ requestId })), weight: 6 },
    { arbitrary: typed('floor.next'), weight: 6 },
    { arbitrary: typed('floor.close'), weight: 4 },
    { arbitrary: typed('floor.open'), weight: 4 },
    {
      arbitrary: typed('floor.segment', fc.record({ segment: fc.constantFrom('floor', 'panel') })),
      weight: 4,
    },
  );
};

/** One move of a random meeting: time passes, then someone sends a command. */
export interface Move {
  waitMs: number;
  by: Sender;
  /** The version the sender saw: none, the current one, or one off by this much. */
  expected: 'none' | 'right' | number;
  command: Command;
}

const WAIT = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 2000 }), weight: 2 },
  { arbitrary: fc.integer({ min: 2000, max: 6 * 60_000 }), weight: 3 },
);

const EXPECTED = fc.oneof(
  { arbitrary: fc.constant<'none'>('none'), weight: 16 },
  { arbitrary: fc.constant<'right'>('right'), weight: 3 },
  { arbitrary: fc.constantFrom(-3, -1, 1, 7), weight: 1 },
);

/** Mostly someone the table lets send the command; sometimes anyone at all. */
const senderFor = (type: Command['type']): fc.Arbitrary<Sender> => {
  const permitted = PERMISSIONS[type] as readonly Role[];
  const plausible = fc.oneof(
    ...permitted.map((role) =>
      role === 'delegate' ? DELEGATION.map(delegate) : fc.constant<Sender>({ role }),
    ),
  );
  return fc.oneof({ arbitrary: plausible, weight: 6 }, { arbitrary: SENDER, weight: 1 });
};

export const moveFor = (agenda: Agenda, procedure = false): fc.Arbitrary<Move> =>
  commandFor(agenda, procedure).chain((command) =>
    fc.record({
      waitMs: WAIT,
      by: senderFor(command.type),
      expected: EXPECTED,
      command: fc.constant(command),
    }),
  );

/**
 * A random meeting: which agenda, and the moves made in it. Most meetings open with the chair
 * going to some step, so that the moves that follow have something to act on.
 */
export const meeting = (maxMoves: number, procedure = false) =>
  fc.constantFrom(...Object.keys(AGENDAS)).chain((agendaName) => {
    const agenda = AGENDAS[agendaName] ?? NOTE_AGENDA;
    const opening = gotoTarget(agenda).map(
      (target): Move => ({
        waitMs: 0,
        by: CHAIR,
        expected: 'none',
        command: { type: 'agenda.goto', ...target },
      }),
    );
    return fc.record({
      agendaName: fc.constant(agendaName),
      moves: fc
        .tuple(
          fc.oneof({ arbitrary: opening.map((m) => [m]), weight: 4 }, fc.constant([])),
          fc.array(moveFor(agenda, procedure), {
            minLength: Math.min(10, maxMoves),
            maxLength: maxMoves,
            size: 'max',
          }),
        )
        .map(([first, rest]) => [...first, ...rest]),
    });
  });

/**
 * Plays moves on an engine: keeps the meeting's clock, and what the placeholders need. `next`
 * lets the move's time pass and answers the command it stands for, parsed as the server parses
 * it; `sent` notes what the command did.
 */
export class Player {
  now = Date.UTC(2017, 6, 24, 14, 0, 0);
  private readonly turnsSeen: string[] = [];

  constructor(private readonly engine: MeetingEngine) {}

  next(move: Move): Command {
    this.now += move.waitMs;
    const ctx = this.engine.context;
    const fill = (value: string): string => {
      if (value.startsWith('@queued-')) {
        const queue = ctx.floor.queue;
        const index = Number(value.slice('@queued-'.length));
        return queue[index % Math.max(1, queue.length)]?.id ?? 'R0';
      }
      if (value === '@current') return ctx.turn?.id ?? 'T0';
      if (value === '@previous') return this.turnsSeen.findLast((t) => t !== ctx.turn?.id) ?? 'T0';
      return value;
    };
    const raw: Record<string, unknown> = { ...move.command };
    for (const key of ['requestId', 'turnId'] as const) {
      if (typeof raw[key] === 'string') raw[key] = fill(raw[key]);
    }
    if (raw.fromStepId === '@current') raw.fromStepId = ctx.current?.stepId ?? 'remarks';
    if (move.expected === 'right') raw.expectedVersion = ctx.version;
    else if (move.expected !== 'none') {
      raw.expectedVersion = Math.max(0, ctx.version + move.expected);
    }
    return Command.parse(raw);
  }

  sent(): void {
    const turn = this.engine.context.turn;
    if (turn && this.turnsSeen.at(-1) !== turn.id) this.turnsSeen.push(turn.id);
  }
}
