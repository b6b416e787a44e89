import { describe, expect, it } from 'vitest';
import { FloorAdd, FloorRequest } from '../../../shared/protocol/commands';
import {
  CHAIR,
  delegate,
  EngineHarness,
  MINUTE,
  MODERATOR,
  SECOND,
  smallAgenda,
} from '../../support/engine';

/**
 * The procedure of real UN meetings (contract version 2, "Kinds of request"; issue 13): groups,
 * rights of reply, fair access, questions to panelists, early requests, withdrawals by request.
 * Points of order have their own file (point-of-order.test.ts); the queue's order its property
 * tests (queue-order.test.ts).
 */

const REPLY = { kind: 'reply' } as const;
const POINT_OF_ORDER = { kind: 'point-of-order' } as const;

describe('a statement on behalf of a group', () => {
  it('names a group of the meeting: an unknown one is not_found, saying which', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const refusal = h.refused(
      { type: 'floor.request', onBehalfOf: 'group-of-77' },
      delegate('egypt'),
    );
    expect(refusal).toEqual({
      code: 'not_found',
      message: 'There is no group "group-of-77" in this meeting.',
      reason: { id: 'refusal.no-such-group', values: { id: 'group-of-77' } },
    });
    expect(
      h.refused({ type: 'floor.add', delegationId: 'egypt', onBehalfOf: 'group-of-77' }, MODERATOR)
        .code,
    ).toBe('not_found');
  });

  it('is made by a member only: forbidden to others, from a tablet or through an officer', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(
      h.refused({ type: 'floor.request', onBehalfOf: 'african-group' }, delegate('mexico')),
    ).toEqual({
      code: 'forbidden',
      message: 'Mexico is not a member of the African Group.',
      // The names, and their ids for a screen to name them in its language.
      reason: {
        id: 'refusal.not-group-member',
        values: {
          delegation: 'Mexico',
          delegationId: 'mexico',
          group: 'African Group',
          groupId: 'african-group',
        },
      },
    });
    // The European Union belongs to no regional group.
    expect(
      h.refused(
        { type: 'floor.add', delegationId: 'european-union', onBehalfOf: 'weog' },
        MODERATOR,
      ).code,
    ).toBe('forbidden');
    h.request('mexico', { onBehalfOf: 'grulac' });
    h.add('egypt', { onBehalfOf: 'african-group', speakerName: 'H.E. Mr. Osama Abdelkhalek' });
    expect(h.view().floor.queue).toMatchObject([
      {
        delegationId: 'mexico',
        kind: 'statement',
        onBehalfOf: { id: 'grulac', name: 'Group of Latin American and Caribbean States' },
      },
      {
        delegationId: 'egypt',
        speakerName: 'H.E. Mr. Osama Abdelkhalek',
        onBehalfOf: { id: 'african-group', name: 'African Group' },
      },
    ]);
  });

  it("is the delegation's statement: it cannot wait with another one of its own", () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('egypt', { onBehalfOf: 'african-group' });
    expect(h.refused({ type: 'floor.request' }, delegate('egypt')).code).toBe('already_queued');
  });

  it('is a statement only: a reply or a point of order on behalf of a group is invalid', () => {
    const reply = FloorRequest.safeParse({
      type: 'floor.request',
      kind: 'reply',
      onBehalfOf: 'weog',
    });
    expect(reply.success).toBe(false);
    expect(reply.error?.issues[0]?.path).toEqual(['onBehalfOf']);
    const point = FloorAdd.safeParse({
      type: 'floor.add',
      delegationId: 'norway',
      kind: 'point-of-order',
      addressedTo: ['expert-1'],
    });
    expect(point.error?.issues[0]?.path).toEqual(['addressedTo']);
  });

  it("speaks with the group's allowance, 5:00 by default, and says so on the turn and the record", () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const id = h.request('egypt', { onBehalfOf: 'african-group' });
    h.wait(SECOND).ok({ type: 'floor.next' }, MODERATOR);
    const turn = h.turn();
    expect(turn).toMatchObject({
      limitMs: 5 * MINUTE,
      warnAtMs: 4 * MINUTE,
      requestId: id,
      speaker: {
        name: 'Egypt',
        delegationId: 'egypt',
        category: 'member-state',
        onBehalfOf: { id: 'african-group', name: 'African Group' },
      },
    });
    // A statement: the turn does not call itself anything else.
    expect(turn.speaker.kind).toBeUndefined();
    h.wait(4 * MINUTE).ok({ type: 'turn.end' }, MODERATOR);
    expect(h.record.turns).toMatchObject([
      {
        id: turn.id,
        kind: 'statement',
        delegationId: 'egypt',
        onBehalfOf: { id: 'african-group', name: 'African Group' },
        limitMs: 5 * MINUTE,
        spokenMs: 4 * MINUTE,
      },
    ]);
    expect(h.record.requests).toMatchObject([
      { id, outcome: 'granted', onBehalfOf: { id: 'african-group' }, kind: 'statement' },
    ]);
  });

  it("takes the step's groupAllowance when it sets one, and counts toward the cluster", () => {
    const h = EngineHarness.at('debate', 'floor', {
      agenda: smallAgenda({ groupAllowance: { limitMs: 7 * MINUTE, warnAtMs: 6 * MINUTE } }),
    });
    h.request('norway', { onBehalfOf: 'weog' });
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.turn()).toMatchObject({ limitMs: 7 * MINUTE, warnAtMs: 6 * MINUTE });
    expect(h.view().floor).toMatchObject({ sincePanel: 1, statesSinceOther: 1 });
  });
});

describe('a right of reply', () => {
  /** Mexico's reply, asked for and heard for `spoken`; answers the turn. */
  const reply = (h: EngineHarness, spoken = 30 * SECOND) => {
    const id = h.request('mexico', REPLY);
    h.ok({ type: 'floor.grant', requestId: id }, MODERATOR);
    const turn = h.turn();
    h.wait(spoken).ok({ type: 'turn.end' }, MODERATOR);
    return turn;
  };

  it('gets 10:00 the first time and 5:00 the second, as the General Assembly gives', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const first = reply(h);
    expect(first).toMatchObject({
      limitMs: 10 * MINUTE,
      warnAtMs: 9 * MINUTE,
      speaker: { delegationId: 'mexico', kind: 'reply' },
    });
    expect(h.view().current?.replies).toEqual({ mexico: 1 });
    const second = reply(h);
    expect(second).toMatchObject({ limitMs: 5 * MINUTE, warnAtMs: 4 * MINUTE });
    expect(h.view().current?.replies).toEqual({ mexico: 2 });
    expect(h.record.turns.map((t) => t.kind)).toEqual(['reply', 'reply']);
  });

  it("takes the step's replyAllowances when it sets them", () => {
    const h = EngineHarness.at('debate', 'floor', {
      agenda: smallAgenda({
        replyAllowances: [
          { limitMs: 3 * MINUTE, warnAtMs: 2 * MINUTE },
          { limitMs: 2 * MINUTE, warnAtMs: MINUTE },
        ],
      }),
    });
    expect(reply(h)).toMatchObject({ limitMs: 3 * MINUTE, warnAtMs: 2 * MINUTE });
    expect(reply(h)).toMatchObject({ limitMs: 2 * MINUTE, warnAtMs: MINUTE });
  });

  it('is refused the third time in an item (not_now), by a tablet or an officer alike', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    reply(h);
    // Waiting for its second: asking again is already_queued, not the cap.
    h.request('mexico', REPLY);
    expect(h.refused({ type: 'floor.request', ...REPLY }, delegate('mexico')).code).toBe(
      'already_queued',
    );
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.ok({ type: 'turn.end' }, MODERATOR);
    expect(h.refused({ type: 'floor.request', ...REPLY }, delegate('mexico'))).toEqual({
      code: 'not_now',
      message: 'Mexico has had its 2 rights of reply on this item.',
      reason: {
        id: 'refusal.replies-used',
        values: { delegation: 'Mexico', delegationId: 'mexico', count: 2 },
      },
    });
    expect(h.refused({ type: 'floor.add', delegationId: 'mexico', ...REPLY }, MODERATOR).code).toBe(
      'not_now',
    );
    // Another delegation has its own two; Mexico may still make a statement.
    h.request('kenya', REPLY);
    h.request('mexico');
  });

  it('is counted per item: the same item keeps the count across its steps, a new item starts afresh', () => {
    const h = EngineHarness.at('debate', 'floor', { agenda: smallAgenda() });
    reply(h);
    reply(h);
    // Out to the wrap-up and back to the discussion of the same item: still two.
    h.ok({ type: 'agenda.next' }, CHAIR);
    h.ok({ type: 'agenda.goto', itemId: 'debate', stepId: 'floor' }, CHAIR);
    expect(h.view().current?.replies).toEqual({ mexico: 2 });
    expect(h.refused({ type: 'floor.request', ...REPLY }, delegate('mexico')).code).toBe('not_now');

    const note = EngineHarness.at('panel-1', 'discussion');
    reply(note);
    reply(note);
    note.ok({ type: 'agenda.goto', itemId: 'panel-2', stepId: 'discussion' }, CHAIR);
    expect(note.view().current?.replies).toEqual({});
    expect(reply(note)).toMatchObject({ limitMs: 10 * MINUTE });
  });

  it('may be asked for when the list is closed', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.close' }, MODERATOR);
    expect(h.refused({ type: 'floor.request' }, delegate('mexico')).code).toBe('list_closed');
    h.request('mexico', REPLY);
    expect(h.lines()).toEqual(['mexico:reply']);
  });

  it('is refused while the session is suspended and outside a discussion, even before it', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'session.suspend' }, CHAIR);
    expect(h.refused({ type: 'floor.request', ...REPLY }, delegate('mexico'))).toEqual({
      code: 'not_now',
      message: 'The session is suspended: resume it first.',
      reason: { id: 'refusal.suspended' },
    });
    // A statement is still taken in a suspension, as in version 1: it waits for the resumption.
    h.request('mexico');
    // The presentations take early statements for the discussion, but not replies.
    const early = EngineHarness.at('panel-1', 'presentations');
    expect(early.refused({ type: 'floor.request', ...REPLY }, delegate('mexico'))).toEqual({
      code: 'not_now',
      message: 'A right of reply is asked for during a discussion.',
      reason: { id: 'refusal.reply-outside-discussion' },
    });
    expect(
      EngineHarness.at('welcome').refused(
        { type: 'floor.add', delegationId: 'mexico', ...REPLY },
        MODERATOR,
      ).code,
    ).toBe('not_now');
  });

  it('waits behind every statement, even one asked for after it', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico', REPLY);
    h.wait(SECOND).request('iom');
    h.wait(SECOND).request('kenya');
    expect(h.lines()).toEqual(['kenya:statement', 'iom:statement', 'mexico:reply']);
  });
});

describe('what counts toward the cluster and toward fair access', () => {
  it('counts statements toward the cluster, never a reply or a point of order', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.request('kenya', REPLY);
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.request('japan', POINT_OF_ORDER);
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.ok({ type: 'turn.end' }, MODERATOR);
    expect(h.turn().speaker).toMatchObject({ delegationId: 'kenya', kind: 'reply' });
    expect(h.view().floor.sincePanel).toBe(1);
  });

  it("counts States' statements and replies since one of the others spoke; a new step starts at 0", () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const heard = () => h.view().floor.statesSinceOther;
    expect(heard()).toBe(0);
    h.request('mexico');
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.request('holy-see');
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.request('kenya', REPLY);
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(heard()).toBe(3);
    // A point of order and the panel's answers leave it as it is.
    h.request('japan', POINT_OF_ORDER);
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.ok({ type: 'turn.start', speakerId: 'expert-1' }, MODERATOR);
    h.ok({ type: 'floor.segment', segment: 'floor' }, MODERATOR);
    expect(heard()).toBe(3);
    // The European Union is one of the others.
    h.request('european-union');
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(heard()).toBe(0);
    h.request('norway');
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(heard()).toBe(1);
    h.ok({ type: 'agenda.next' }, CHAIR);
    expect(heard()).toBe(0);
  });

  it('says the interleave and its number in the view, only under interleave', () => {
    const h = EngineHarness.at('debate', 'floor', {
      agenda: smallAgenda({ queuePolicy: 'interleave', interleaveEvery: 4 }),
    });
    expect(h.view().floor).toMatchObject({ policy: 'interleave', interleaveEvery: 4 });
    expect(EngineHarness.at('panel-1', 'discussion').view().floor.interleaveEvery).toBeUndefined();
    expect(
      EngineHarness.at('debate', 'floor', {
        agenda: smallAgenda({ queuePolicy: 'interleave' }),
      }).view().floor.interleaveEvery,
    ).toBe(3);
  });
});

describe('questions to panelists', () => {
  it('address only panelists of the current item: anyone else is not_found', () => {
    const h = EngineHarness.at('debate', 'floor', { agenda: smallAgenda() });
    // The guest speaks in the opening item, not in this one.
    expect(
      h.refused({ type: 'floor.request', addressedTo: ['expert', 'guest'] }, delegate('mexico')),
    ).toEqual({
      code: 'not_found',
      message: 'A question may address only the panelists of this item.',
      reason: { id: 'refusal.addressee-not-panelist' },
    });
    h.request('mexico', { addressedTo: ['expert'] });
    expect(h.view().floor.queue).toMatchObject([
      { delegationId: 'mexico', addressedTo: ['expert'] },
    ]);
  });

  it('are listed once the floor is given, and until the floor takes over again from the panel', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico', { addressedTo: ['expert-1', 'expert-3'] });
    h.request('egypt', { onBehalfOf: 'african-group', addressedTo: ['expert-2'] });
    h.request('kenya');
    // Waiting is not asking yet.
    expect(h.view().floor.questions).toEqual([]);
    h.ok({ type: 'floor.next' }, MODERATOR);
    const egypt = h.turn();
    expect(egypt.speaker.addressedTo).toEqual(['expert-2']);
    h.wait(MINUTE).ok({ type: 'floor.next' }, MODERATOR);
    const mexico = h.turn();
    const asked = h.now;
    h.wait(MINUTE).ok({ type: 'floor.next' }, MODERATOR);
    expect(h.view().floor.questions).toEqual([
      {
        turnId: egypt.id,
        delegationId: 'egypt',
        name: 'Egypt',
        onBehalfOf: { id: 'african-group', name: 'African Group' },
        addressedTo: ['expert-2'],
        askedAt: asked - MINUTE,
      },
      {
        turnId: mexico.id,
        delegationId: 'mexico',
        name: 'Mexico',
        addressedTo: ['expert-1', 'expert-3'],
        askedAt: asked,
      },
    ]);
    // The panel answers: the questions stay listed while it does.
    h.ok({ type: 'turn.start', speakerId: 'expert-2' }, MODERATOR);
    h.ok({ type: 'turn.start', speakerId: 'expert-1' }, MODERATOR);
    expect(h.view().floor.questions).toHaveLength(2);
    // The floor takes over again: a new round of questions.
    h.request('japan', { addressedTo: ['expert-3'] });
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.view().floor.questions).toMatchObject([
      { delegationId: 'japan', addressedTo: ['expert-3'] },
    ]);
    h.ok({ type: 'turn.start', speakerId: 'expert-3' }, MODERATOR);
    h.ok({ type: 'floor.segment', segment: 'floor' }, MODERATOR);
    expect(h.view().floor.questions).toEqual([]);
    expect(h.record.turns.find((t) => t.id === mexico.id)?.addressedTo).toEqual([
      'expert-1',
      'expert-3',
    ]);
  });
});

describe('early requests (requestsFrom "item")', () => {
  it("are taken during the item's speakers steps, for its discussion, under its policy", () => {
    const h = EngineHarness.at('panel-1', 'opening');
    expect(h.view().floor).toMatchObject({
      forStep: { stepId: 'discussion', early: true },
      policy: 'states-first',
    });
    h.request('iom');
    h.wait(SECOND).request('mexico');
    h.ok({ type: 'agenda.next' }, CHAIR);
    expect(h.view().current?.stepId).toBe('presentations');
    h.wait(SECOND).request('egypt', { onBehalfOf: 'african-group' });
    expect(h.queue()).toEqual(['egypt', 'mexico', 'iom']);
  });

  it('are refused in an item whose discussion does not take them', () => {
    const h = EngineHarness.at('debate', 'talks', { agenda: smallAgenda() });
    expect(h.view().floor.forStep).toBeNull();
    expect(h.refused({ type: 'floor.request' }, delegate('mexico'))).toEqual({
      code: 'not_now',
      message: 'The floor is not open for requests in this step.',
      reason: { id: 'refusal.not-a-discussion' },
    });
    // The welcome has no discussion at all.
    expect(EngineHarness.at('welcome').view().floor.forStep).toBeNull();
    // After the discussion nothing is early either.
    expect(EngineHarness.at('panel-1', 'concluding').view().floor.forStep).toBeNull();
  });

  it("meet the discussion's categories, in its words", () => {
    const h = EngineHarness.at('debate', 'talks', {
      agenda: smallAgenda({
        requestsFrom: 'item',
        openTo: ['member-state', 'observer', 'un-system'],
      }),
    });
    expect(h.refused({ type: 'floor.request' }, delegate('ituc'))).toEqual({
      code: 'forbidden',
      message: 'In this step the floor is open to Member State, Observer State, UN system only.',
      reason: {
        id: 'refusal.open-to-categories',
        values: {
          categories: 'Member State, Observer State, UN system',
          categoryIds: 'member-state,observer,un-system',
        },
      },
    });
    h.request('iom');
  });

  it('are carried into the discussion in their order; the points of order of the talks are not', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' }, CHAIR);
    h.request('iom');
    h.wait(SECOND).request('mexico');
    const point = h.wait(SECOND).request('kenya', POINT_OF_ORDER);
    h.wait(SECOND).request('holy-see');
    const ituc = h.wait(SECOND).request('ituc');
    // The moderator moves ITUC up; it stays there in the discussion.
    h.ok({ type: 'floor.move', requestId: ituc, position: 1 }, MODERATOR);
    expect(h.lines()).toEqual([
      'kenya:point-of-order',
      'ituc:statement',
      'mexico:statement',
      'holy-see:statement',
      'iom:statement',
    ]);
    h.wait(MINUTE).ok({ type: 'agenda.next' }, CHAIR);
    expect(h.view().current?.stepId).toBe('discussion');
    expect(h.view().floor.forStep).toEqual({ stepId: 'discussion', early: false });
    expect(h.queue()).toEqual(['ituc', 'mexico', 'holy-see', 'iom']);
    expect(h.record.requests).toMatchObject([
      {
        id: point,
        delegationId: 'kenya',
        kind: 'point-of-order',
        outcome: 'unheard',
        stepId: 'presentations',
      },
    ]);
    // Newcomers join by the policy, as in any discussion.
    h.request('japan');
    expect(h.queue()).toEqual(['ituc', 'mexico', 'holy-see', 'japan', 'iom']);
  });

  it('are left unheard when the meeting goes to another item instead', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    const mexico = h.request('mexico');
    h.ok({ type: 'agenda.goto', itemId: 'panel-2' }, CHAIR);
    expect(h.queue()).toEqual([]);
    expect(h.record.requests).toMatchObject([{ id: mexico, outcome: 'unheard' }]);
  });

  it('wait for the discussion: in a speakers step only a point of order is given the floor', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' }, CHAIR);
    const mexico = h.request('mexico');
    const refusal = h.refused({ type: 'floor.grant', requestId: mexico }, MODERATOR);
    expect(refusal).toEqual({
      code: 'not_now',
      message: 'That request waits for the discussion: it is heard there.',
      reason: { id: 'refusal.early-request-waits' },
    });
    expect(h.refused({ type: 'floor.next' }, MODERATOR).code).toBe('not_now');
    h.request('kenya', POINT_OF_ORDER);
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.turn().speaker).toMatchObject({ delegationId: 'kenya', kind: 'point-of-order' });
    // The early request may be withdrawn, or removed, meanwhile.
    h.ok({ type: 'floor.withdraw' }, delegate('mexico'));
    expect(h.queue()).toEqual([]);
  });
});

describe('floor.withdraw', () => {
  /** Mexico waits with a statement, a reply and a point of order. */
  const allThree = () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const ids = {
      statement: h.request('mexico'),
      reply: h.request('mexico', REPLY),
      point: h.request('mexico', POINT_OF_ORDER),
    };
    h.request('kenya');
    return { h, ids };
  };

  it('withdraws only the request it names', () => {
    const { h, ids } = allThree();
    h.wait(SECOND).ok({ type: 'floor.withdraw', requestId: ids.reply }, delegate('mexico'));
    expect(h.lines()).toEqual(['mexico:point-of-order', 'mexico:statement', 'kenya:statement']);
    expect(h.record.requests).toMatchObject([
      { id: ids.reply, kind: 'reply', outcome: 'withdrawn', endedAt: h.now },
    ]);
  });

  it("withdraws all of the delegation's requests when it names none", () => {
    const { h, ids } = allThree();
    h.ok({ type: 'floor.withdraw' }, delegate('mexico'));
    expect(h.lines()).toEqual(['kenya:statement']);
    expect(h.record.requests.map((r) => [r.id, r.outcome])).toEqual([
      [ids.point, 'withdrawn'],
      [ids.statement, 'withdrawn'],
      [ids.reply, 'withdrawn'],
    ]);
  });

  it("names the delegation's own request only: another's, or none that waits, is not_found", () => {
    const { h } = allThree();
    const kenya = h.requestOf('kenya');
    expect(h.refused({ type: 'floor.withdraw', requestId: kenya }, delegate('mexico'))).toEqual({
      code: 'not_found',
      message: 'Your delegation has no request waiting.',
      reason: { id: 'refusal.nothing-to-withdraw' },
    });
    expect(h.refused({ type: 'floor.withdraw', requestId: 'R999' }, delegate('mexico')).code).toBe(
      'not_found',
    );
  });
});

describe('a point of order during a presentation', () => {
  it('keeps the presentation paused through a suspension and a pause of its own', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' }, CHAIR);
    const panelist = h.turn();
    h.wait(150 * SECOND).request('kenya', POINT_OF_ORDER);
    h.wait(2 * SECOND).ok({ type: 'floor.next' }, MODERATOR);
    const point = h.turn();
    expect(h.view().interrupted).toMatchObject({ id: panelist.id, elapsedMs: 152 * SECOND });
    // The point of order's clock pauses, gets more time and resumes: the panelist's stays.
    h.wait(20 * SECOND).ok({ type: 'turn.pause' }, MODERATOR);
    h.ok({ type: 'turn.adjust', deltaMs: 30 * SECOND }, MODERATOR);
    h.wait(10 * SECOND).ok({ type: 'turn.resume' }, MODERATOR);
    h.wait(5 * SECOND).ok({ type: 'session.suspend' }, CHAIR);
    h.wait(10 * MINUTE).ok({ type: 'session.resume' }, CHAIR);
    h.ok({ type: 'turn.resume' }, MODERATOR);
    h.wait(5 * SECOND).ok({ type: 'turn.end', turnId: point.id }, MODERATOR);
    expect(h.view()).toMatchObject({
      interrupted: null,
      turn: { id: panelist.id, status: 'paused', startedAt: null, elapsedMs: 152 * SECOND },
    });
    expect(h.record.turns).toMatchObject([
      { id: point.id, kind: 'point-of-order', limitMs: 150 * SECOND, spokenMs: 30 * SECOND },
    ]);
    // The panelist was not heard twice: the step's next speaker is the second expert.
    h.ok({ type: 'turn.resume', turnId: panelist.id }, CHAIR);
    h.wait(MINUTE).ok({ type: 'turn.start' }, CHAIR);
    expect(h.turn().speaker.speakerId).toBe('expert-2');
    expect(h.record.turns.at(-1)).toMatchObject({ id: panelist.id, spokenMs: 212 * SECOND });
  });
});
