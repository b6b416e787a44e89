import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUPS } from '../../../shared/defaults/groups';
import { groupsOf } from '../../../shared/groups';
import type { Command } from '../../../shared/protocol/commands';
import {
  isStateCategory,
  type QueuePolicy,
  type RequestKind,
} from '../../../shared/protocol/common';
import type { QueueEntry } from '../../../shared/protocol/view';
import {
  CHAIR,
  delegate,
  EngineHarness,
  MODERATOR,
  SECOND,
  smallAgenda,
} from '../../support/engine';

/**
 * The queue's order (contract version 2, "Queue order"), driven through the engine: random
 * requests of every kind and category, withdrawals, removals, grants and the moderator's moves,
 * under each policy, checked against the contract's words written out here on their own (not
 * `shared/engine/queueOrder.ts`, which they check).
 */

/** More with ENGINE_PROPERTY_RUNS=5000 for a long search; 200 keeps the suite quick. */
const RUNS = Number(process.env.ENGINE_PROPERTY_RUNS ?? 200);

/** Delegations of every category: States (some in regional groups), the EU, the UN, stakeholders. */
const STATES = [
  'mexico',
  'kenya',
  'egypt',
  'japan',
  'norway',
  'brazil',
  'holy-see',
  'state-of-palestine',
];
const OTHERS = ['european-union', 'iom', 'unhcr', 'ituc', 'african-diaspora-network'];
const WHO = [...STATES, ...OTHERS];
const KINDS: RequestKind[] = ['statement', 'reply', 'point-of-order'];

/** What the model knows of a waiting request: its kind, its side, and when the engine took it. */
interface Waiting {
  id: string;
  kind: RequestKind;
  state: boolean;
  group: boolean;
  /** Arrival: the order in which the engine accepted the requests. */
  seq: number;
}

/**
 * The contract's order of these requests, as if none had been moved: points of order; then,
 * under `states-first`, group statements, States', everyone else's; under `arrival` every
 * statement; under `interleave` group statements, then `every` States and one of the others in
 * turn, the States already heard since one of the others spoke (`heard`) counting toward the
 * first run; then the replies. Each in arrival order.
 */
const contractOrder = (
  waiting: readonly Waiting[],
  policy: QueuePolicy,
  every: number,
  heard = 0,
): string[] => {
  const inArrival = [...waiting].sort((a, b) => a.seq - b.seq);
  const points = inArrival.filter((r) => r.kind === 'point-of-order');
  const replies = inArrival.filter((r) => r.kind === 'reply');
  const statements = inArrival.filter((r) => r.kind === 'statement');
  const ids = (rs: Waiting[]) => rs.map((r) => r.id);
  if (policy === 'arrival') return ids([...points, ...statements, ...replies]);
  const groups = statements.filter((r) => r.group);
  const states = statements.filter((r) => !r.group && r.state);
  const others = statements.filter((r) => !r.group && !r.state);
  let middle: Waiting[];
  if (policy === 'states-first') {
    middle = [...states, ...others];
  } else {
    middle = [];
    let run = Math.min(heard, every);
    while (states.length > 0 || others.length > 0) {
      for (; run < every && states.length > 0; run++) middle.push(states.shift() as Waiting);
      const other = others.shift();
      if (other) middle.push(other);
      run = 0;
    }
  }
  return ids([...points, ...groups, ...middle, ...replies]);
};

/** One thing that happens in the room. Indices pick among what waits then (modulo its length). */
type Op =
  | { op: 'ask'; who: string; kind: RequestKind; group: boolean; officer: boolean }
  | { op: 'withdraw'; at: number; all: boolean }
  | { op: 'remove'; at: number }
  | { op: 'grant'; at: number }
  | { op: 'next' }
  | { op: 'move'; at: number; to: number }
  | { op: 'end' }
  | { op: 'speak' }
  | { op: 'segment' }
  | { op: 'advance' }
  | { op: 'wait'; ms: number };

const ask = fc.record({
  op: fc.constant('ask' as const),
  who: fc.constantFrom(...WHO),
  kind: fc.constantFrom(...KINDS, 'statement', 'statement'),
  group: fc.boolean(),
  officer: fc.boolean(),
});
const at = fc.nat({ max: 20 });
const OP: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: ask, weight: 12 },
  {
    arbitrary: fc.record({ op: fc.constant('withdraw' as const), at, all: fc.boolean() }),
    weight: 1,
  },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), at }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('grant' as const), at }), weight: 2 },
  { arbitrary: fc.constant({ op: 'next' as const }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('move' as const), at, to: at }), weight: 2 },
  { arbitrary: fc.constant({ op: 'end' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'speak' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'segment' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'advance' as const }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('wait' as const),
      ms: fc.constantFrom(0, 1, 900, 61_000),
    }),
    weight: 2,
  },
);

/** A discussion's list: its policy, and whether it takes requests during the talks before it. */
const LIST = fc.record({
  policy: fc.constantFrom<QueuePolicy>('states-first', 'arrival', 'interleave'),
  every: fc.constantFrom(1, 2, 3, 4),
  early: fc.boolean(),
});

/** The room's command for an op, resolved against the queue as it stands; null when none fits. */
const commandOf = (h: EngineHarness, op: Op): [Command, ReturnType<typeof delegate>] | null => {
  const queue = h.view().floor.queue;
  const pick = (i: number) => queue[i % Math.max(1, queue.length)];
  switch (op.op) {
    case 'ask': {
      const group = groupsOf(op.who, DEFAULT_GROUPS)[0];
      const fields = {
        ...(op.kind !== 'statement' && { kind: op.kind }),
        ...(op.kind === 'statement' && op.group && group && { onBehalfOf: group.id }),
      };
      return op.officer
        ? [{ type: 'floor.add', delegationId: op.who, ...fields }, MODERATOR]
        : [{ type: 'floor.request', ...fields }, delegate(op.who)];
    }
    case 'withdraw': {
      const r = pick(op.at);
      return r
        ? [
            { type: 'floor.withdraw', ...(!op.all && { requestId: r.id }) },
            delegate(r.delegationId),
          ]
        : null;
    }
    case 'remove': {
      const r = pick(op.at);
      return r ? [{ type: 'floor.remove', requestId: r.id }, MODERATOR] : null;
    }
    case 'grant': {
      const r = pick(op.at);
      return r ? [{ type: 'floor.grant', requestId: r.id }, MODERATOR] : null;
    }
    case 'next':
      return [{ type: 'floor.next' }, MODERATOR];
    case 'move': {
      const r = pick(op.at);
      return r ? [{ type: 'floor.move', requestId: r.id, position: op.to }, MODERATOR] : null;
    }
    case 'end':
      return [{ type: 'turn.end' }, MODERATOR];
    case 'speak':
      return h.view().current?.stepId === 'talks'
        ? [{ type: 'turn.start' }, CHAIR]
        : [{ type: 'turn.start', speakerId: 'expert' }, MODERATOR];
    case 'segment':
      return [
        { type: 'floor.segment', segment: h.view().floor.segment === 'panel' ? 'floor' : 'panel' },
        MODERATOR,
      ];
    case 'advance':
      // Only from the talks into their discussion: the list of one discussion is under test.
      return h.view().current?.stepId === 'talks' ? [{ type: 'agenda.next' }, CHAIR] : null;
    case 'wait':
      return null;
  }
};

/** Which requests a command took out of the queue, as the contract says it must. */
const expectedDepartures = (
  command: Command,
  by: ReturnType<typeof delegate>,
  before: readonly QueueEntry[],
): string[] | null => {
  switch (command.type) {
    case 'floor.withdraw':
      return before
        .filter(
          (r) =>
            r.delegationId === by.delegationId &&
            (command.requestId === undefined || r.id === command.requestId),
        )
        .map((r) => r.id);
    case 'floor.remove':
    case 'floor.grant':
      return [command.requestId];
    case 'floor.next':
      return before.slice(0, 1).map((r) => r.id);
    case 'agenda.next':
      // Into the discussion: the statements asked for early stay, the points of order do not.
      return before.filter((r) => r.kind !== 'statement').map((r) => r.id);
    default:
      return [];
  }
};

interface Seen {
  accepted: Map<string, number>;
  refused: Map<string, number>;
  exactChecks: number;
  movedKept: number;
}

/** Plays one list through the engine, checking the order after every command. */
const play = (
  list: { policy: QueuePolicy; every: number; early: boolean },
  ops: Op[],
  seen: Seen,
) => {
  const agenda = smallAgenda({
    queuePolicy: list.policy,
    ...(list.policy === 'interleave' && { interleaveEvery: list.every }),
    ...(list.early && { requestsFrom: 'item' as const }),
  });
  const h = EngineHarness.at('debate', list.early ? 'talks' : 'floor', { agenda });
  const known = new Map<string, Waiting>();
  const moved = new Set<string>();
  let seq = 0;
  // Whether the interleave's runs are still those of the list's first arrivals: nothing moved,
  // no single statement left the list, and nobody from the floor has been heard.
  let pristine = true;

  for (const op of ops) {
    if (op.op === 'wait') {
      h.wait(op.ms);
      continue;
    }
    const sent = commandOf(h, op);
    if (!sent) continue;
    const [command, by] = sent;
    const before = h.view().floor.queue;
    const result = h.send(command, by);
    const key = `${command.type}${'kind' in command && command.kind ? `:${command.kind}` : ''}`;
    if (!result.ok) {
      seen.refused.set(result.error.code, (seen.refused.get(result.error.code) ?? 0) + 1);
      expect(h.view().floor.queue, 'a refusal changes nothing').toEqual(before);
      continue;
    }
    seen.accepted.set(key, (seen.accepted.get(key) ?? 0) + 1);
    const view = h.view();
    const after = view.floor.queue;

    // What came and went: exactly the request asked for, exactly those the command took.
    const afterIds = new Set(after.map((r) => r.id));
    const beforeIds = new Set(before.map((r) => r.id));
    const arrived = after.filter((r) => !beforeIds.has(r.id)).map((r) => r.id);
    const left = before.filter((r) => !afterIds.has(r.id)).map((r) => r.id);
    const asked = command.type === 'floor.request' || command.type === 'floor.add';
    expect(arrived, `${command.type} adds ${asked ? 'its request' : 'nothing'}`).toEqual(
      asked ? [`R${result.version}`] : [],
    );
    expect(new Set(left), `${command.type} takes out what it names`).toEqual(
      new Set(expectedDepartures(command, by, before)),
    );
    for (const id of left) {
      const gone = known.get(id);
      if (gone?.kind === 'statement' && !gone.group) pristine = false;
      known.delete(id);
      moved.delete(id);
    }
    for (const id of arrived) {
      const entry = after.find((r) => r.id === id) as QueueEntry;
      known.set(id, {
        id,
        kind: entry.kind,
        state: isStateCategory(entry.category),
        group: entry.onBehalfOf !== undefined,
        seq: seq++,
      });
    }
    if (command.type === 'floor.move') {
      moved.add(command.requestId);
      pristine = false;
    }
    if (view.floor.statesSinceOther !== 0) pristine = false;

    // Nobody changes place relative to another, except by a move of one of the two.
    const stay = (ids: string[]) =>
      ids.filter(
        (id) =>
          afterIds.has(id) &&
          beforeIds.has(id) &&
          !(command.type === 'floor.move' && id === command.requestId),
      );
    expect(stay(after.map((r) => r.id)), 'the others keep their order').toEqual(
      stay(before.map((r) => r.id)),
    );
    if (command.type === 'floor.move') {
      const to = Math.min(command.position, after.length - 1);
      expect(after[to]?.id, 'a move puts the request where the moderator says').toBe(
        command.requestId,
      );
    }
    if (moved.size > 0) seen.movedKept++;

    // The requests the policy placed are in the contract's order among themselves, whatever was
    // moved around them: points of order first, and so on (under interleave, the runs may be
    // those of earlier arrivals once requests have left; see the exact check below).
    const placed = after.filter((r) => !moved.has(r.id)).map((r) => known.get(r.id) as Waiting);
    const placedIds = placed.map((r) => r.id);
    if (list.policy !== 'interleave') {
      expect(placedIds, `${list.policy}: the policy's order`).toEqual(
        contractOrder(placed, list.policy, list.every),
      );
    } else {
      const blocks = placed.map((r) =>
        r.kind === 'point-of-order' ? 0 : r.kind === 'reply' ? 3 : r.group ? 1 : 2,
      );
      expect(blocks, 'points of order, groups, single statements, replies').toEqual(
        [...blocks].sort((a, b) => a - b),
      );
      for (const side of [
        (r: Waiting) => r.kind === 'point-of-order',
        (r: Waiting) => r.kind === 'reply',
        (r: Waiting) => r.kind === 'statement' && r.group,
        (r: Waiting) => r.kind === 'statement' && !r.group && r.state,
        (r: Waiting) => r.kind === 'statement' && !r.group && !r.state,
      ]) {
        const seqs = placed.filter(side).map((r) => r.seq);
        expect(seqs, 'each side in arrival order').toEqual([...seqs].sort((a, b) => a - b));
      }
    }
    // Without moves, the whole queue is the contract's order exactly.
    if (moved.size === 0 && (list.policy !== 'interleave' || pristine)) {
      expect(
        after.map((r) => r.id),
        'the contract order',
      ).toEqual(
        contractOrder([...known.values()], list.policy, list.every, view.floor.statesSinceOther),
      );
      seen.exactChecks++;
    }
    // A point of order the policy placed is ahead of every request the policy placed.
    const firstOther = placed.findIndex((r) => r.kind !== 'point-of-order');
    const lastPoint = placed.findLastIndex((r) => r.kind === 'point-of-order');
    if (firstOther !== -1) expect(lastPoint).toBeLessThan(firstOther);
  }
};

describe('the queue order, driven through the engine', () => {
  it('follows the contract under every policy, and keeps what the moderator moved', {
    timeout: 30_000 + RUNS * 200,
  }, () => {
    const seen: Seen = { accepted: new Map(), refused: new Map(), exactChecks: 0, movedKept: 0 };
    fc.assert(
      fc.property(LIST, fc.array(OP, { minLength: 10, maxLength: 60 }), (list, ops) =>
        play(list, ops, seen),
      ),
      { numRuns: RUNS },
    );
    // The generator is worth something only if it reaches every kind of change of the queue.
    for (const key of [
      'floor.request',
      'floor.request:reply',
      'floor.request:point-of-order',
      'floor.add',
      'floor.add:reply',
      'floor.add:point-of-order',
      'floor.withdraw',
      'floor.remove',
      'floor.grant',
      'floor.next',
      'floor.move',
      'agenda.next',
      'turn.end',
    ]) {
      expect(seen.accepted.get(key) ?? 0, `${key} accepted`).toBeGreaterThan(0);
    }
    for (const code of ['already_queued', 'not_now']) {
      expect(seen.refused.get(code) ?? 0, `${code} met`).toBeGreaterThan(0);
    }
    expect(seen.exactChecks).toBeGreaterThan(RUNS);
    expect(seen.movedKept).toBeGreaterThan(RUNS / 10);
  });
});

describe('fair access under interleave', () => {
  /** A State or one of the others asks for the floor (now and then a point of order), or the room hears the head. */
  const FAIR_OP = fc.oneof(
    {
      arbitrary: fc.record({
        op: fc.constant('ask' as const),
        who: fc.constantFrom(...WHO),
        point: fc.boolean(),
      }),
      weight: 3,
    },
    { arbitrary: fc.constant({ op: 'next' as const }), weight: 3 },
    { arbitrary: fc.constant({ op: 'end' as const }), weight: 1 },
  );

  it('hears one of the others after at most interleaveEvery States, however many States keep asking', {
    timeout: 30_000 + RUNS * 200,
  }, () => {
    let longest = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 3, 4),
        fc.array(FAIR_OP, { minLength: 10, maxLength: 80 }),
        (every, ops) => {
          const h = EngineHarness.at('debate', 'floor', {
            agenda: smallAgenda({ queuePolicy: 'interleave', interleaveEvery: every }),
          });
          // States heard while one of the others was waiting, since one of the others spoke.
          let run = 0;
          for (const op of ops) {
            h.wait(SECOND);
            if (op.op === 'ask') {
              h.send(
                op.point
                  ? { type: 'floor.request', kind: 'point-of-order' }
                  : { type: 'floor.request' },
                delegate(op.who),
              );
              continue;
            }
            if (op.op === 'end') {
              h.send({ type: 'turn.end' }, MODERATOR);
              continue;
            }
            const waiting = h.view().floor.queue;
            const head = waiting[0];
            if (!head) continue;
            const otherWaiting = waiting.some(
              (r) => r.kind === 'statement' && !isStateCategory(r.category),
            );
            h.ok({ type: 'floor.next' }, MODERATOR);
            if (head.kind !== 'statement') continue;
            if (!isStateCategory(head.category) || !otherWaiting) run = 0;
            else run++;
            longest = Math.max(longest, run);
            expect(run, `States heard in a row while one of the others waited`).toBeLessThanOrEqual(
              every,
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
    // The generator must make the others wait through runs of States.
    expect(longest).toBeGreaterThanOrEqual(2);
  });

  it('does not let a stream of States hold one of the others back', () => {
    // A busy room: each time a State is heard, another State asks. IOM asked fourth.
    const h = EngineHarness.at('debate', 'floor', {
      agenda: smallAgenda({ queuePolicy: 'interleave' }),
    });
    for (const id of ['mexico', 'kenya', 'japan', 'iom']) h.wait(SECOND).request(id);
    const heard: string[] = [];
    for (const next of ['norway', 'brazil', 'egypt', 'holy-see']) {
      heard.push(h.queue()[0] as string);
      h.wait(SECOND).ok({ type: 'floor.next' }, MODERATOR);
      h.wait(SECOND).request(next);
    }
    expect(heard).toEqual(['mexico', 'kenya', 'japan', 'iom']);
    expect(h.view().floor.statesSinceOther).toBe(0);
  });
});

describe('the queue order, by example', () => {
  /** A discussion under the policy; the delegations ask one a second in the order given. */
  const asking = (policy: QueuePolicy, who: string[], every?: number) => {
    const h = EngineHarness.at('debate', 'floor', {
      agenda: smallAgenda({
        queuePolicy: policy,
        ...(every !== undefined && { interleaveEvery: every }),
      }),
    });
    for (const id of who) h.wait(SECOND).request(id);
    return h;
  };
  const S = ['mexico', 'kenya', 'japan', 'norway', 'brazil', 'holy-see', 'state-of-palestine'];

  it("interleaves the contract's example: S1 S2 S3 O1 S4 S5 S6 O2 S7", () => {
    // The others ask first, and the States all at once: the order is still the contract's.
    const h = asking('interleave', [
      'iom',
      S[0],
      S[1],
      'european-union',
      ...S.slice(2),
    ] as string[]);
    expect(h.queue()).toEqual([...S.slice(0, 3), 'iom', ...S.slice(3, 6), 'european-union', S[6]]);
    expect(h.view().floor).toMatchObject({ policy: 'interleave', interleaveEvery: 3 });
  });

  it('interleaves every interleaveEvery States, and the others in arrival order', () => {
    const h = asking('interleave', ['ituc', 'iom', ...S.slice(0, 5)], 2);
    expect(h.queue()).toEqual([S[0], S[1], 'ituc', S[2], S[3], 'iom', S[4]]);
    expect(h.view().floor.interleaveEvery).toBe(2);
  });

  it('puts the others after the States under states-first, the EU among the others', () => {
    const h = asking('states-first', ['european-union', 'ituc', 'mexico', 'iom', 'holy-see']);
    expect(h.queue()).toEqual(['mexico', 'holy-see', 'european-union', 'ituc', 'iom']);
  });

  it('puts group statements first under states-first and interleave, not under arrival', () => {
    for (const policy of ['states-first', 'interleave', 'arrival'] as const) {
      const h = asking(policy, ['mexico', 'iom']);
      h.wait(SECOND).request('egypt', { onBehalfOf: 'african-group' });
      h.wait(SECOND).request('norway', { onBehalfOf: 'weog' });
      const expected =
        policy === 'arrival'
          ? [
              'mexico:statement',
              'iom:statement',
              'egypt:statement@african-group',
              'norway:statement@weog',
            ]
          : [
              'egypt:statement@african-group',
              'norway:statement@weog',
              'mexico:statement',
              'iom:statement',
            ];
      expect(h.lines(), policy).toEqual(expected);
    }
  });

  it('puts replies behind every statement and points of order ahead of everything, in any policy', () => {
    for (const policy of ['states-first', 'interleave', 'arrival'] as const) {
      const h = asking(policy, []);
      h.wait(SECOND).request('mexico', { kind: 'reply' });
      h.wait(SECOND).request('iom');
      h.wait(SECOND).request('kenya', { kind: 'point-of-order' });
      h.wait(SECOND).request('japan');
      h.wait(SECOND).request('egypt', { onBehalfOf: 'african-group' });
      h.wait(SECOND).add('ituc', { kind: 'reply' });
      h.wait(SECOND).add('unhcr', { kind: 'point-of-order' });
      const middle =
        policy === 'arrival'
          ? ['iom:statement', 'japan:statement', 'egypt:statement@african-group']
          : policy === 'states-first'
            ? ['egypt:statement@african-group', 'japan:statement', 'iom:statement']
            : // One State, then one of the others: japan asked after iom, but the States lead.
              ['egypt:statement@african-group', 'japan:statement', 'iom:statement'];
      expect(h.lines(), policy).toEqual([
        'kenya:point-of-order',
        'unhcr:point-of-order',
        ...middle,
        'mexico:reply',
        'ituc:reply',
      ]);
    }
  });

  it('lets a request the moderator moved guide newcomers while it sits ahead of them', () => {
    // Mexico confirmed in place (moved to the end of a list of one): a reply still goes behind it.
    const alone = asking('states-first', ['mexico']);
    alone.ok(
      { type: 'floor.move', requestId: alone.requestOf('mexico'), position: 1000 },
      MODERATOR,
    );
    alone.wait(SECOND).add('kenya', { kind: 'reply' });
    expect(alone.lines()).toEqual(['mexico:statement', 'kenya:reply']);

    // IOM moved to the top, ahead of the States: a new State joins the States, behind it.
    const up = asking('states-first', ['mexico', 'iom']);
    up.ok({ type: 'floor.move', requestId: up.requestOf('iom'), position: 0 }, MODERATOR);
    up.wait(SECOND).request('kenya');
    expect(up.queue()).toEqual(['iom', 'mexico', 'kenya']);

    // Mexico moved to the bottom, past IOM: it stays last; Kenya is not put behind it.
    const down = asking('states-first', ['mexico', 'japan', 'iom']);
    down.ok({ type: 'floor.move', requestId: down.requestOf('mexico'), position: 2 }, MODERATOR);
    down.wait(SECOND).request('kenya');
    expect(down.queue()).toEqual(['japan', 'kenya', 'iom', 'mexico']);
  });

  it('orders requests made in the same instant by the order the server took them', () => {
    const h = EngineHarness.at('debate', 'floor', {
      agenda: smallAgenda({ queuePolicy: 'arrival' }),
    });
    for (const id of ['iom', 'mexico', 'ituc', 'kenya']) h.request(id);
    expect(h.queue()).toEqual(['iom', 'mexico', 'ituc', 'kenya']);
  });
});
