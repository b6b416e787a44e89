import { describe, expect, it } from 'vitest';
import { whatLeavingEnds } from '../../../client/meeting/leavingStep';
import { delegate, EngineHarness, MODERATOR } from '../../support/engine';
import { wordsIn } from '../../support/i18n';

const en = await wordsIn('en');

const DISCUSSION = { itemId: 'panel-1', stepId: 'discussion' };

describe('what leaving a step ends, with early requests and points of order', () => {
  it('early statements go on to their discussion: only the point of order is left unheard', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    for (const id of ['mexico', 'iom']) h.ok({ type: 'floor.request' }, delegate(id));
    h.ok({ type: 'floor.request', kind: 'point-of-order' }, delegate('brazil'));
    const view = h.view();
    expect(whatLeavingEnds(en, view, DISCUSSION)).toBe(
      '1 request for the floor will be left unheard.',
    );
    // Anywhere else, or with no step named, the whole queue is left unheard.
    expect(whatLeavingEnds(en, view, { itemId: 'panel-1', stepId: 'concluding' })).toBe(
      '3 requests for the floor will be left unheard.',
    );
    expect(whatLeavingEnds(en, view, { itemId: 'panel-2', stepId: 'discussion' })).toBe(
      '3 requests for the floor will be left unheard.',
    );
    expect(whatLeavingEnds(en, view)).toBe('3 requests for the floor will be left unheard.');
    // The engine agrees: the two statements wait in the discussion, the point of order does not.
    h.ok({ type: 'agenda.next' });
    expect(h.view().current?.stepId).toBe('discussion');
    expect(h.queue().sort()).toEqual(['iom', 'mexico']);
  });

  it('early statements asked before the presentations are carried past them too', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'floor.request' }, delegate('mexico'));
    expect(whatLeavingEnds(en, h.view(), DISCUSSION)).toBeNull();
    expect(
      whatLeavingEnds(en, h.view(), { itemId: 'panel-1', stepId: 'presentations' }),
    ).toBeNull();
  });

  it('names the point of order speaking and the turn it interrupted: both end', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start', speakerId: 'expert-2' }, MODERATOR);
    h.wait(3_000).ok({ type: 'floor.request', kind: 'point-of-order' }, delegate('brazil'));
    h.ok({ type: 'floor.request' }, delegate('mexico'));
    h.ok({ type: 'floor.next' }, MODERATOR);
    const view = h.view();
    expect(view.interrupted?.speaker.speakerId).toBe('expert-2');
    expect(whatLeavingEnds(en, view, DISCUSSION)).toBe(
      'The turns of Brazil and of Expert 2 of panel 1 end.',
    );
    expect(whatLeavingEnds(en, view, { itemId: 'panel-2', stepId: 'opening' })).toBe(
      'The turns of Brazil and of Expert 2 of panel 1 end, and 1 request for the floor will be left unheard.',
    );
  });
});
