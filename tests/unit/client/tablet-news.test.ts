import { describe, expect, it } from 'vitest';
import {
  GIVEN_BACK_WORDS,
  INTERRUPTED_WORDS,
  STATES_FIRST_WORDS,
  tabletNews,
  whyMovedBack,
} from '../../../client/delegate/placeNews';
import { placeInLine, requestsInLine } from '../../../client/meeting/agenda';
import { whatLeavingEnds } from '../../../client/meeting/leavingStep';

import { Agenda } from '../../../shared/protocol/agenda';
import { NOTE_AGENDA } from '../../support/agenda';
import { delegate, EngineHarness, MODERATOR } from '../../support/engine';
import { wordsIn } from '../../support/i18n';

const en = await wordsIn('en');

/** The default agenda with the discussions under another policy. */
const agendaUnder = (queuePolicy: 'arrival' | 'interleave'): Agenda =>
  Agenda.parse({
    ...NOTE_AGENDA,
    items: NOTE_AGENDA.items.map((item) => ({
      ...item,
      steps: item.steps.map((step) => (step.kind === 'floor' ? { ...step, queuePolicy } : step)),
    })),
  });
const arrivalAgenda = () => agendaUnder('arrival');

describe("what a UN system entity's tablet says when its place changes", () => {
  it('moved back by a State that asked after it, under States first: says why', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.request' }, delegate('iom'));
    const before = h.view();
    h.wait(1_000).ok({ type: 'floor.request' }, delegate('mexico'));
    const after = h.view();
    expect(whyMovedBack(before, after, h.requestOf('iom'))).toBe(STATES_FIRST_WORDS);
    expect(tabletNews(en, before, after, 'iom')).toEqual([
      'You are now number 2 in line: States speak first in this discussion.',
    ]);
    // Mexico itself was not moved back: it simply joined the line.
    expect(tabletNews(en, before, after, 'mexico')).toEqual(['You are number 1 in line.']);
  });

  it('under arrival order, a State asking later does not move it back', () => {
    const h = EngineHarness.at('panel-1', 'discussion', { agenda: arrivalAgenda() });
    h.ok({ type: 'floor.request' }, delegate('iom'));
    const before = h.view();
    h.wait(1_000).ok({ type: 'floor.request' }, delegate('mexico'));
    expect(tabletNews(en, before, h.view(), 'iom')).toEqual([]);
  });

  it('under interleave, a State going ahead says that States and the others take turns', () => {
    const h = EngineHarness.at('panel-1', 'discussion', { agenda: agendaUnder('interleave') });
    h.ok({ type: 'floor.request' }, delegate('iom'));
    const before = h.view();
    h.wait(1_000).ok({ type: 'floor.request' }, delegate('mexico'));
    expect(h.queue()).toEqual(['mexico', 'iom']);
    expect(tabletNews(en, before, h.view(), 'iom')).toEqual([
      'You are now number 2 in line: States and the others take turns in this discussion, one of the others after every 3 States.',
    ]);
  });

  it('moved back by the moderator: the new place, without a reason that is not true', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.request' }, delegate('iom'));
    h.wait(1_000).ok({ type: 'floor.request' }, delegate('ituc'));
    const before = h.view();
    const ituc = before.floor.queue.find((r) => r.delegationId === 'ituc');
    h.ok({ type: 'floor.move', requestId: ituc?.id ?? '', position: 0 }, MODERATOR);
    expect(whyMovedBack(before, h.view(), h.requestOf('iom'))).toBeNull();
    expect(tabletNews(en, before, h.view(), 'iom')).toEqual(['You are number 2 in line.']);
  });

  it('the floor given, and the list closing, are said once', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.request' }, delegate('iom'));
    const waiting = h.view();
    h.ok({ type: 'floor.next' }, MODERATOR);
    const speaking = h.view();
    expect(tabletNews(en, waiting, speaking, 'iom')).toEqual(['You have the floor.']);
    h.ok({ type: 'floor.close' }, MODERATOR);
    expect(tabletNews(en, speaking, h.view(), 'iom')).toEqual(['The list of speakers is closed.']);
    expect(tabletNews(en, h.view(), h.view(), 'iom')).toEqual([]);
  });
});

describe('what leaving a step ends, in words', () => {
  it('names the turn under way and counts the requests left unheard', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(whatLeavingEnds(en, h.view())).toBeNull();
    for (const id of ['mexico', 'morocco', 'iom']) h.ok({ type: 'floor.request' }, delegate(id));
    expect(whatLeavingEnds(en, h.view())).toBe('3 requests for the floor will be left unheard.');
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(whatLeavingEnds(en, h.view())).toBe(
      'The turn of Mexico ends, and 2 requests for the floor will be left unheard.',
    );
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(whatLeavingEnds(en, h.view())).toMatch(
      /^The turn of International Organization .* ends\.$/,
    );
  });
});

describe('a tablet whose delegation waits with several requests at once', () => {
  const news = (h: EngineHarness, act: () => void, delegationId: string) => {
    const before = h.view();
    act();
    return tabletNews(en, before, h.view(), delegationId);
  };
  const idOf = (h: EngineHarness, delegationId: string, kind: string) =>
    requestsInLine(h.view(), delegationId).find((r) => r.request.kind === kind)?.request.id ?? '';

  it('says the place of each request by its kind, and which one left the line', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    const egypt = delegate('egypt');
    expect(news(h, () => h.wait(1_000).ok({ type: 'floor.request' }, egypt), 'egypt')).toEqual([
      'You are number 2 in line.',
    ]);
    expect(
      news(h, () => h.wait(1_000).ok({ type: 'floor.request', kind: 'reply' }, egypt), 'egypt'),
    ).toEqual(['Your right of reply is number 3 in line.']);
    // Its own point of order goes first: its other requests move back, with no reason to give.
    expect(
      news(
        h,
        () => h.wait(1_000).ok({ type: 'floor.request', kind: 'point-of-order' }, egypt),
        'egypt',
      ),
    ).toEqual([
      'Your point of order is number 1 in line.',
      'Your statement is number 3 in line.',
      'Your right of reply is number 4 in line.',
    ]);
    expect(placeInLine(h.view(), 'egypt')).toBe(1);
    expect(placeInLine(h.view(), 'egypt', 'statement')).toBe(3);
    expect(placeInLine(h.view(), 'egypt', 'reply')).toBe(4);
    expect(placeInLine(h.view(), 'mexico', 'reply')).toBeNull();

    const reply = idOf(h, 'egypt', 'reply');
    expect(
      news(h, () => h.ok({ type: 'floor.withdraw', requestId: reply }, egypt), 'egypt'),
    ).toEqual(['Your right of reply is no longer in line.']);
    expect(requestsInLine(h.view(), 'egypt').map((r) => r.request.kind)).toEqual([
      'point-of-order',
      'statement',
    ]);
    // The point of order heard: the floor, and the statement left alone in the line moves up.
    expect(news(h, () => h.ok({ type: 'floor.next' }, MODERATOR), 'egypt')).toEqual([
      'You have the floor on a point of order.',
      'You are number 2 in line.',
    ]);
  });

  it('a group statement goes ahead, and the delegation it passed is told why', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    const before = h.view();
    h.wait(1_000).ok({ type: 'floor.request', onBehalfOf: 'african-group' }, delegate('egypt'));
    expect(h.queue()).toEqual(['egypt', 'mexico']);
    expect(tabletNews(en, before, h.view(), 'mexico')).toEqual([
      'You are now number 2 in line: Statements on behalf of groups are heard first.',
    ]);
    expect(tabletNews(en, before, h.view(), 'egypt')).toEqual(['You are number 1 in line.']);
    expect(news(h, () => h.ok({ type: 'floor.next' }, MODERATOR), 'egypt')).toEqual([
      'You have the floor, on behalf of the African Group.',
    ]);
  });

  it('a right of reply waits behind the statements, and says so when one goes ahead', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.request', kind: 'reply' }, delegate('mexico'));
    expect(news(h, () => h.wait(1_000).request('morocco'), 'mexico')).toEqual([
      'Your right of reply is now number 2 in line: Rights of reply are heard after the statements.',
    ]);
    const iom = news(h, () => h.wait(1_000).request('iom'), 'mexico');
    expect(iom).toEqual([
      'Your right of reply is now number 3 in line: Rights of reply are heard after the statements.',
    ]);
    // A point of order raised after it goes ahead of everything.
    expect(
      news(
        h,
        () =>
          h.wait(1_000).ok({ type: 'floor.request', kind: 'point-of-order' }, delegate('egypt')),
        'mexico',
      ),
    ).toEqual(['Your right of reply is now number 4 in line: A point of order is heard first.']);
  });

  it('its turn interrupted by a point of order, then given back, paused', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.wait(30_000).ok({ type: 'floor.request', kind: 'point-of-order' }, delegate('egypt'));
    const speaking = h.view();
    h.ok({ type: 'floor.next' }, MODERATOR);
    const interrupted = h.view();
    expect(interrupted.interrupted?.speaker.delegationId).toBe('mexico');
    expect(tabletNews(en, speaking, interrupted, 'mexico')).toEqual([en.t(INTERRUPTED_WORDS)]);
    expect(tabletNews(en, speaking, interrupted, 'egypt')).toEqual([
      'You have the floor on a point of order.',
    ]);
    h.wait(20_000).ok({ type: 'turn.end', turnId: h.turn().id }, MODERATOR);
    const back = h.view();
    expect(back.turn?.speaker.delegationId).toBe('mexico');
    expect(back.turn?.status).toBe('paused');
    expect(tabletNews(en, interrupted, back, 'mexico')).toEqual([en.t(GIVEN_BACK_WORDS)]);
    expect(tabletNews(en, interrupted, back, 'egypt')).toEqual([]);
  });

  it('a statement asked for during the presentations keeps its place into the discussion', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    expect(h.view().floor.forStep).toEqual({ stepId: 'discussion', early: true });
    expect(news(h, () => h.request('mexico'), 'mexico')).toEqual(['You are number 1 in line.']);
    expect(news(h, () => h.ok({ type: 'agenda.next' }, MODERATOR), 'mexico')).toEqual([
      'The discussion has begun. You are number 1 in line.',
    ]);
  });
});
