import { describe, expect, it } from 'vitest';
import { movedBackForStates, tabletNews } from '../../../client/delegate/placeNews';
import { whatLeavingEnds } from '../../../client/meeting/leavingStep';

import { Agenda } from '../../../shared/protocol/agenda';
import { NOTE_AGENDA } from '../../support/agenda';
import { delegate, EngineHarness, MODERATOR } from '../../support/engine';

/** The default agenda with panel 1's discussion under the arrival policy instead. */
const arrivalAgenda = (): Agenda =>
  Agenda.parse({
    ...NOTE_AGENDA,
    items: NOTE_AGENDA.items.map((item) => ({
      ...item,
      steps: item.steps.map((step) =>
        step.kind === 'floor' ? { ...step, queuePolicy: 'arrival' } : step,
      ),
    })),
  });

describe("what a UN system entity's tablet says when its place changes", () => {
  it('moved back by a State that asked after it, under States first: says why', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.request' }, delegate('iom'));
    const before = h.view();
    h.wait(1_000).ok({ type: 'floor.request' }, delegate('mexico'));
    const after = h.view();
    expect(movedBackForStates(before, after, 'iom')).toBe(true);
    expect(tabletNews(before, after, 'iom')).toEqual([
      'You are now number 2 in line: States speak first in this discussion.',
    ]);
    // Mexico itself was not moved back: it simply joined the line.
    expect(tabletNews(before, after, 'mexico')).toEqual(['You are number 1 in line.']);
  });

  it('under arrival order, a State asking later does not move it back', () => {
    const h = EngineHarness.at('panel-1', 'discussion', { agenda: arrivalAgenda() });
    h.ok({ type: 'floor.request' }, delegate('iom'));
    const before = h.view();
    h.wait(1_000).ok({ type: 'floor.request' }, delegate('mexico'));
    expect(tabletNews(before, h.view(), 'iom')).toEqual([]);
  });

  it('moved back by the moderator: the new place, without a reason that is not true', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.request' }, delegate('iom'));
    h.wait(1_000).ok({ type: 'floor.request' }, delegate('ituc'));
    const before = h.view();
    const ituc = before.floor.queue.find((r) => r.delegationId === 'ituc');
    h.ok({ type: 'floor.move', requestId: ituc?.id ?? '', position: 0 }, MODERATOR);
    expect(movedBackForStates(before, h.view(), 'iom')).toBe(false);
    expect(tabletNews(before, h.view(), 'iom')).toEqual(['You are number 2 in line.']);
  });

  it('the floor given, and the list closing, are said once', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.request' }, delegate('iom'));
    const waiting = h.view();
    h.ok({ type: 'floor.next' }, MODERATOR);
    const speaking = h.view();
    expect(tabletNews(waiting, speaking, 'iom')).toEqual(['You have the floor.']);
    h.ok({ type: 'floor.close' }, MODERATOR);
    expect(tabletNews(speaking, h.view(), 'iom')).toEqual(['The list of speakers is closed.']);
    expect(tabletNews(h.view(), h.view(), 'iom')).toEqual([]);
  });
});

describe('what leaving a step ends, in words', () => {
  it('names the turn under way and counts the requests left unheard', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(whatLeavingEnds(h.view())).toBeNull();
    for (const id of ['mexico', 'morocco', 'iom']) h.ok({ type: 'floor.request' }, delegate(id));
    expect(whatLeavingEnds(h.view())).toBe('3 requests for the floor will be left unheard.');
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(whatLeavingEnds(h.view())).toBe(
      'The turn of Mexico ends, and 2 requests for the floor will be left unheard.',
    );
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(whatLeavingEnds(h.view())).toMatch(/^The turn of International Organization .* ends\.$/);
  });
});
