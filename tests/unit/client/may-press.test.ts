import { describe, expect, it } from 'vitest';
import { type GroupsKnown, mayPressIn, type RosterKnown } from '../../../client/live/mayPress';
import { stepSeen, turnSeen } from '../../../client/meeting/seen';
import { nextSpeakerOf, nextStepCommand } from '../../../client/officers/presses';
import { DEFAULT_GROUPS } from '../../../shared/defaults/groups';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import type { Sender } from '../../../shared/engine/context';
import type { Roster } from '../../../shared/protocol/agenda';
import type { Command } from '../../../shared/protocol/commands';
import type { MeetingView } from '../../../shared/protocol/view';
import {
  CHAIR,
  delegate,
  EngineHarness,
  MINUTE,
  MODERATOR,
  smallAgenda,
} from '../../support/engine';
import { wordsIn } from '../../support/words';

const en = await wordsIn('en');

const ROSTER: Roster = [
  { id: 'kenya', name: 'Kenya', category: 'member-state' },
  { id: 'ituc', name: 'International Trade Union Confederation', category: 'stakeholder' },
];

const harness = () => new EngineHarness({ agenda: smallAgenda(), roster: ROSTER });

const askOf = (h: EngineHarness, by: Sender, roster: RosterKnown = 'none') =>
  mayPressIn(h.view(), roster, by, () => h.now);

/** The presses the consoles build from what they show, as they build them. */
const consolePresses = (view: MeetingView): Command[] => {
  const turnId = view.turn?.id;
  const next = nextSpeakerOf(view);
  return [
    { type: 'agenda.start' },
    nextStepCommand(view),
    { type: 'agenda.goto', itemId: 'debate', stepId: 'floor', ...stepSeen(view) },
    { type: 'session.suspend' },
    { type: 'session.resume' },
    { type: 'session.close' },
    { type: 'session.reopen' },
    ...(next ? [next.command] : []),
    { type: 'turn.start', speakerId: 'expert', ...stepSeen(view), ...turnSeen(view) },
    { type: 'turn.start', speaker: { name: 'A guest' }, ...stepSeen(view), ...turnSeen(view) },
    ...(turnId
      ? ([
          { type: 'turn.pause', turnId },
          { type: 'turn.resume', turnId },
          { type: 'turn.end', turnId },
          { type: 'turn.adjust', turnId, fromLimitMs: view.turn?.limitMs, deltaMs: -60_000 },
        ] satisfies Command[])
      : []),
    ...view.floor.queue.map(
      (r): Command => ({ type: 'floor.grant', requestId: r.id, ...turnSeen(view) }),
    ),
    { type: 'floor.close' },
    { type: 'floor.open' },
    { type: 'floor.segment', segment: 'panel' },
    { type: 'floor.segment', segment: 'floor' },
    { type: 'floor.add', delegationId: 'kenya' },
  ];
};

/** Every console press, asked on the screen and by the server: the same answer, in the same words. */
const sameAsServer = (h: EngineHarness) => {
  for (const by of [CHAIR, MODERATOR]) {
    const ask = askOf(h, by, ROSTER);
    for (const command of consolePresses(h.view())) {
      expect(ask(command), `${command.type} by a ${by.role}`).toEqual(h.engine.check(command, by));
    }
  }
  const ask = askOf(h, delegate('kenya'), ROSTER);
  for (const type of ['floor.request', 'floor.withdraw'] as const) {
    expect(ask({ type }), type).toEqual(h.engine.check({ type }, delegate('kenya')));
  }
};

describe('"may I press this?" on a screen', () => {
  it('answers what the server answers for every press of the consoles and the tablet', () => {
    const h = harness();
    sameAsServer(h);
    h.ok({ type: 'agenda.start' });
    sameAsServer(h);
    h.ok(nextSpeakerOf(h.view())?.command ?? { type: 'turn.start' });
    sameAsServer(h);
    h.wait(MINUTE).ok({ type: 'turn.pause', turnId: h.turn().id });
    sameAsServer(h);
    h.ok({ type: 'session.suspend', note: 'Lunch' });
    sameAsServer(h);
    h.ok({ type: 'session.resume' });
    h.ok({ type: 'agenda.goto', itemId: 'debate', stepId: 'floor' });
    sameAsServer(h);
    h.request('ituc');
    h.request('kenya');
    sameAsServer(h);
    h.ok(nextSpeakerOf(h.view())?.command ?? { type: 'floor.next' });
    sameAsServer(h);
    h.ok({ type: 'floor.close' });
    h.ok({ type: 'floor.segment', segment: 'panel' });
    sameAsServer(h);
    h.ok({ type: 'agenda.next' });
    h.ok({ type: 'agenda.next' }, CHAIR);
    expect(h.view().status).toBe('closed');
    sameAsServer(h);
  });

  it('refuses in the chart’s words: the button’s reason', () => {
    const h = harness();
    h.ok({ type: 'agenda.goto', itemId: 'debate', stepId: 'floor' });
    const ask = askOf(h, MODERATOR);
    const next = nextSpeakerOf(h.view());
    expect(next?.label).toEqual({ nobody: 'waiting' });
    expect(next && ask(next.command)).toEqual({
      code: 'not_found',
      message: 'Nobody is waiting for the floor.',
    });
    expect(ask({ type: 'floor.open' })?.message).toBe('The list of speakers is already open.');
    expect(ask({ type: 'floor.close' })).toBeNull();
  });

  it('tells a tablet which categories a step is open to in the room’s words', () => {
    const h = new EngineHarness({
      agenda: smallAgenda({ openTo: ['member-state', 'un-system'] }),
      roster: ROSTER,
    });
    h.ok({ type: 'agenda.goto', itemId: 'debate', stepId: 'floor' });
    expect(askOf(h, delegate('ituc'), ROSTER)({ type: 'floor.request' })).toEqual({
      code: 'forbidden',
      message: 'In this step the floor is open to Member State, UN system only.',
    });
    expect(askOf(h, delegate('kenya'), ROSTER)({ type: 'floor.request' })).toBeNull();
  });

  it('waits for the roster where a delegation is involved, and only there', () => {
    const h = harness();
    h.ok({ type: 'agenda.goto', itemId: 'debate', stepId: 'floor' });
    const tablet = delegate('kenya');
    expect(askOf(h, tablet, null)({ type: 'floor.request' })?.code).toBe('unavailable');
    expect(askOf(h, tablet, ROSTER)({ type: 'floor.request' })).toBeNull();
    // A tablet whose delegation the roster does not know is refused as the server refuses it.
    expect(askOf(h, tablet, [])({ type: 'floor.request' })?.code).toBe('not_found');
    expect(askOf(h, MODERATOR, null)({ type: 'floor.close' })).toBeNull();
  });

  it('asks the chart once per view and press, however often the screen draws', () => {
    const h = harness();
    h.ok({ type: 'agenda.start' });
    let reads = 0;
    const ask = mayPressIn(h.view(), 'none', CHAIR, () => {
      reads++;
      return h.now;
    });
    const pause: Command = { type: 'session.suspend' };
    const first = ask(pause);
    expect(ask({ ...pause })).toBe(first);
    expect(reads).toBe(1);
    expect(ask({ type: 'session.resume' })).not.toBeNull();
    expect(reads).toBe(2);
  });
});

describe('"Next speaker" names nobody: the server gives the floor to whoever is next', () => {
  it('in a speakers step shows the speaker the engine picks, and moves on with each turn', () => {
    const h = harness();
    h.ok({ type: 'agenda.start' });
    const first = nextSpeakerOf(h.view());
    expect(first).toEqual({
      label: { speaker: 'The chair' },
      command: { type: 'turn.start', fromItemId: 'opening', fromStepId: 'remarks', turnId: null },
      last: false,
    });
    h.ok(first?.command ?? { type: 'turn.start' });
    expect(h.turn().speaker.name).toBe('The chair');
    const second = nextSpeakerOf(h.view());
    expect(second?.label).toEqual({ speaker: 'The guest' });
    expect(second?.last).toBe(true);
    expect(second?.command).toMatchObject({ turnId: h.turn().id });
    h.ok(second?.command ?? { type: 'turn.start' });
    const none = nextSpeakerOf(h.view());
    expect(none?.label).toEqual({ nobody: 'all-heard' });
    expect(none && askOf(h, CHAIR)(none.command)?.message).toBe(
      'Every scheduled speaker of this step has been heard: name the next speaker.',
    );
  });

  it('in a discussion shows the head of the queue and sends it as the head seen', () => {
    const h = harness();
    h.ok({ type: 'agenda.goto', itemId: 'debate', stepId: 'floor' });
    const ituc = h.request('ituc', { speakerName: 'Ms. Ana Pérez' });
    const next = nextSpeakerOf(h.view());
    expect(next).toEqual({
      label: {
        request: expect.objectContaining({
          id: ituc,
          name: 'International Trade Union Confederation',
          speakerName: 'Ms. Ana Pérez',
        }),
      },
      command: { type: 'floor.next', requestId: ituc, turnId: null },
      last: true,
    });
  });
});

describe('a press carries what its sender saw, and is never retried', () => {
  it('two consoles pressing "Next speaker" at once give the floor once; the second is told why', () => {
    const h = harness();
    h.ok({ type: 'agenda.start' });
    const seen = h.view();
    const chair = nextSpeakerOf(seen)?.command ?? { type: 'turn.start' };
    const moderator = nextSpeakerOf(seen)?.command ?? { type: 'turn.start' };
    h.ok(chair, CHAIR);
    expect(h.refused(moderator, MODERATOR)).toEqual({
      code: 'conflict',
      message: 'Meanwhile The chair was given the floor: nothing was done.',
    });
    expect(h.view().current?.heard).toEqual(['chair']);
  });

  it('a request arriving meanwhile does not refuse the press; a new head of the queue does', () => {
    const h = harness();
    h.ok({ type: 'agenda.goto', itemId: 'debate', stepId: 'floor' });
    h.request('kenya');
    const seen = nextSpeakerOf(h.view())?.command ?? { type: 'floor.next' };
    // ITUC asks after Kenya: Kenya is still first, the press acts.
    h.request('ituc');
    h.ok(seen, MODERATOR);
    expect(h.turn().speaker.name).toBe('Kenya');

    const next = nextSpeakerOf(h.view())?.command ?? { type: 'floor.next' };
    // Kenya asks again and, a State, goes ahead of ITUC: the head shown is not first any more.
    h.request('kenya');
    expect(h.queue()).toEqual(['kenya', 'ituc']);
    expect(h.refused(next, MODERATOR)).toEqual({
      code: 'conflict',
      message: 'Meanwhile the queue changed: Kenya is first now. Nothing was done.',
    });
  });

  it('two co-chairs pressing "Next step" move on once', () => {
    const h = harness();
    h.ok({ type: 'agenda.start' });
    const press = nextStepCommand(h.view());
    h.ok(press);
    expect(h.refused(press)).toEqual({
      code: 'conflict',
      message: 'The meeting has already moved on to "Talks".',
    });
  });
});

describe('"may I press this?" on a tablet, for every kind of request (contract version 2)', () => {
  const MEXICO = delegate('mexico');
  const EGYPT = delegate('egypt');
  /** The tablet's question and the server's answer for the same press, side by side. */
  const both = (h: EngineHarness, by: Sender, command: Command, groups: GroupsKnown) => ({
    tablet: mayPressIn(h.view(), DEFAULT_ROSTER, by, () => h.now, groups)(command),
    server: h.engine.check(command, by),
  });
  const groupStatement: Command = { type: 'floor.request', onBehalfOf: 'african-group' };

  it('a group statement by a member acts; by a non-member it is refused in the engine’s words', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(both(h, EGYPT, groupStatement, DEFAULT_GROUPS)).toEqual({ tablet: null, server: null });
    const mexico = both(h, MEXICO, groupStatement, DEFAULT_GROUPS);
    expect(mexico.tablet).toEqual({
      code: 'forbidden',
      message: 'Mexico is not a member of the African Group.',
    });
    expect(mexico.tablet).toEqual(mexico.server);
    const unknown: Command = { type: 'floor.request', onBehalfOf: 'group-of-77' };
    const none = both(h, EGYPT, unknown, DEFAULT_GROUPS);
    expect(none.tablet).toEqual({
      code: 'not_found',
      message: 'There is no group "group-of-77" in this meeting.',
    });
    expect(none.tablet).toEqual(none.server);
  });

  it('waits for the groups only where a group is named', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const ask = mayPressIn(h.view(), DEFAULT_ROSTER, EGYPT, () => h.now, null, en.t);
    expect(ask(groupStatement)).toEqual({
      code: 'unavailable',
      message: 'The list of groups is still loading.',
    });
    expect(ask({ type: 'floor.request' })).toBeNull();
    expect(ask({ type: 'floor.request', kind: 'reply' })).toBeNull();
    // A screen that passes no groups (a console's other buttons) knows of none, as a server would.
    expect(mayPressIn(h.view(), DEFAULT_ROSTER, EGYPT, () => h.now)(groupStatement)?.code).toBe(
      'not_found',
    );
  });

  it('a closed list stops a statement, not a reply; the third reply is refused', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('morocco');
    h.ok({ type: 'floor.close' }, MODERATOR);
    const statement: Command = { type: 'floor.request', kind: 'statement' };
    const reply: Command = { type: 'floor.request', kind: 'reply' };
    const closed = both(h, MEXICO, statement, DEFAULT_GROUPS);
    expect(closed.tablet).toEqual({
      code: 'list_closed',
      message: 'The list of speakers is closed.',
    });
    expect(closed.tablet).toEqual(closed.server);
    for (let n = 1; n <= 2; n++) {
      expect(both(h, MEXICO, reply, DEFAULT_GROUPS)).toEqual({ tablet: null, server: null });
      h.ok(reply, MEXICO);
      // Waiting with a reply, it may not ask for another.
      const twice = both(h, MEXICO, reply, DEFAULT_GROUPS);
      expect(twice.tablet).toEqual({
        code: 'already_queued',
        message: 'Mexico has already asked for a right of reply.',
      });
      expect(twice.tablet).toEqual(twice.server);
      h.ok({ type: 'floor.grant', requestId: h.requestOf('mexico') }, MODERATOR);
      expect(h.turn().limitMs).toBe(n === 1 ? 600_000 : 300_000);
      h.wait(MINUTE).ok({ type: 'turn.end', turnId: h.turn().id }, MODERATOR);
    }
    const third = both(h, MEXICO, reply, DEFAULT_GROUPS);
    expect(third.tablet).toEqual({
      code: 'not_now',
      message: 'Mexico has had its 2 rights of reply on this item.',
    });
    expect(third.tablet).toEqual(third.server);
  });

  it('withdraws one request of several by its id, and only the delegation’s own', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.request', kind: 'point-of-order' }, MEXICO);
    const morocco = h.request('morocco');
    const [pointOfOrder, statement] = h
      .view()
      .floor.queue.filter((r) => r.delegationId === 'mexico');
    for (const requestId of [pointOfOrder?.id ?? '', statement?.id ?? '']) {
      const withdraw: Command = { type: 'floor.withdraw', requestId };
      expect(both(h, MEXICO, withdraw, DEFAULT_GROUPS)).toEqual({ tablet: null, server: null });
    }
    const other = both(h, MEXICO, { type: 'floor.withdraw', requestId: morocco }, DEFAULT_GROUPS);
    expect(other.tablet).toEqual({
      code: 'not_found',
      message: 'Your delegation has no request waiting.',
    });
    expect(other.tablet).toEqual(other.server);
  });

  it('outside a discussion: only a point of order, or a statement asked for early', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    const early = both(h, MEXICO, { type: 'floor.request' }, DEFAULT_GROUPS);
    expect(early).toEqual({ tablet: null, server: null });
    const reply = both(h, MEXICO, { type: 'floor.request', kind: 'reply' }, DEFAULT_GROUPS);
    expect(reply.tablet).toEqual({
      code: 'not_now',
      message: 'A right of reply is asked for during a discussion.',
    });
    expect(reply.tablet).toEqual(reply.server);
    const order = both(h, MEXICO, { type: 'floor.request', kind: 'point-of-order' }, 'none');
    expect(order).toEqual({ tablet: null, server: null });
    // The welcome has no discussion to ask for early.
    h.ok({ type: 'agenda.goto', itemId: 'welcome' });
    const opening = both(h, MEXICO, { type: 'floor.request' }, DEFAULT_GROUPS);
    expect(opening.tablet?.message).toBe('The floor is not open for requests in this step.');
    expect(opening.tablet).toEqual(opening.server);
  });
});
