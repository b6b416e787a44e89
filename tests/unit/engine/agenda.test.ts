import { describe, expect, it } from 'vitest';
import { CHAIR, delegate, EngineHarness, MINUTE, MODERATOR } from '../../support/engine';

describe('agenda.start', () => {
  it('opens the session at the first step of the first item', () => {
    const h = new EngineHarness();
    const version = h.ok({ type: 'agenda.start' });
    expect(version).toBe(1);
    const view = h.view();
    expect(view.status).toBe('running');
    expect(view.current).toEqual({
      itemId: 'welcome',
      stepId: 'remarks',
      startedAt: h.now,
      itemStartedAt: h.now,
      heard: [],
      replies: {},
    });
    expect(view.turn).toBeNull();
    expect(h.record).toEqual({ turns: [], requests: [], steps: [] });
  });

  it('cannot open a session twice', () => {
    const h = new EngineHarness();
    h.ok({ type: 'agenda.start' });
    expect(h.refused({ type: 'agenda.start' }).code).toBe('not_now');
  });

  it('is for the chair alone', () => {
    const h = new EngineHarness();
    expect(h.refused({ type: 'agenda.start' }, MODERATOR).code).toBe('forbidden');
  });
});

describe('agenda.next', () => {
  it('moves to the next step of the item, then to the first step of the next item', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.wait(MINUTE).ok({ type: 'agenda.next' }, MODERATOR);
    expect(h.view().current).toMatchObject({ itemId: 'panel-1', stepId: 'concluding' });
    h.wait(MINUTE).ok({ type: 'agenda.next' }, MODERATOR);
    expect(h.view().current).toMatchObject({ itemId: 'panel-2', stepId: 'opening', heard: [] });
  });

  it('records the step it leaves, from its start to now', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    const startedAt = h.now;
    h.wait(6 * MINUTE).ok({ type: 'agenda.next' });
    expect(h.record.steps).toEqual([
      { itemId: 'panel-1', stepId: 'opening', startedAt, endedAt: startedAt + 6 * MINUTE },
    ]);
  });

  it('ends the turn under way and records it', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    h.wait(5 * MINUTE).ok({ type: 'agenda.next' });
    expect(h.view().turn).toBeNull();
    expect(h.record.turns).toHaveLength(1);
    expect(h.record.turns[0]).toMatchObject({ speakerId: 'moderator', spokenMs: 5 * MINUTE });
  });

  it('closes the meeting after the last step', () => {
    const h = EngineHarness.at('closing');
    h.ok({ type: 'turn.start' });
    h.wait(9 * MINUTE).ok({ type: 'agenda.next' });
    const view = h.view();
    expect(view.status).toBe('closed');
    expect(view.current).toBeNull();
    expect(view.turn).toBeNull();
    expect(h.record.turns).toHaveLength(1);
    expect(h.record.steps).toEqual([
      expect.objectContaining({ itemId: 'closing', stepId: 'closing-remarks' }),
    ]);
  });

  it('cannot move before the session has started', () => {
    expect(new EngineHarness().refused({ type: 'agenda.next' }).code).toBe('not_now');
  });

  it('moves when it names the step the room is at', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'agenda.next', fromStepId: 'presentations' });
    expect(h.view().current?.stepId).toBe('discussion');
  });

  it('moves only once when two co-chairs press "next" at once', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'agenda.next', fromStepId: 'presentations' }, CHAIR);
    const second = h.refused({ type: 'agenda.next', fromStepId: 'presentations' }, CHAIR);
    expect(second.code).toBe('conflict');
    expect(second.message).toContain('Interactive discussion');
    expect(h.view().current?.stepId).toBe('discussion');
  });

  it('is not blocked by a request arriving meanwhile, unlike expectedVersion', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const seen = h.engine.version;
    h.request('mexico');
    expect(h.refused({ type: 'agenda.next', expectedVersion: seen }).code).toBe('conflict');
    h.ok({ type: 'agenda.next', fromStepId: 'discussion' });
    expect(h.view().current?.stepId).toBe('concluding');
  });

  it('records the requests still waiting as unheard', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.request('iom');
    h.wait(MINUTE).ok({ type: 'agenda.next' });
    expect(h.record.requests.map((r) => [r.delegationId, r.outcome])).toEqual([
      ['mexico', 'unheard'],
      ['iom', 'unheard'],
    ]);
    expect(h.view().floor).toMatchObject({ queue: [], open: true, segment: 'floor' });
  });
});

describe('agenda.goto', () => {
  it('moves to the first step of an item', () => {
    const h = new EngineHarness();
    h.ok({ type: 'agenda.start' });
    h.ok({ type: 'agenda.goto', itemId: 'summary' });
    expect(h.view().current).toMatchObject({ itemId: 'summary', stepId: 'moderators' });
  });

  it('moves to a named step, backwards as well as forwards', () => {
    const h = EngineHarness.at('panel-2', 'concluding');
    h.ok({ type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    expect(h.view().current).toMatchObject({ itemId: 'panel-1', stepId: 'discussion' });
    expect(h.record.steps.map((s) => `${s.itemId}/${s.stepId}`)).toEqual(['panel-2/concluding']);
  });

  it('opens a pending session at that step', () => {
    const h = new EngineHarness();
    h.ok({ type: 'agenda.goto', itemId: 'issue-brief' });
    expect(h.view().status).toBe('running');
    expect(h.view().current?.itemId).toBe('issue-brief');
  });

  it('refuses an item or a step the agenda does not have', () => {
    const h = EngineHarness.at('welcome');
    expect(h.refused({ type: 'agenda.goto', itemId: 'panel-9' }).code).toBe('not_found');
    expect(h.refused({ type: 'agenda.goto', itemId: 'panel-1', stepId: 'lunch' }).code).toBe(
      'not_found',
    );
    // A step of another item is not a step of this one.
    expect(h.refused({ type: 'agenda.goto', itemId: 'welcome', stepId: 'discussion' }).code).toBe(
      'not_found',
    );
  });

  it('refuses to go where the room already is', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(h.refused({ type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' }).code).toBe(
      'not_now',
    );
    const atFirst = EngineHarness.at('panel-1');
    expect(atFirst.refused({ type: 'agenda.goto', itemId: 'panel-1' }).code).toBe('not_now');
  });

  it('ends the turn and empties the queue of the step it leaves', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.request('kenya');
    h.ok({ type: 'floor.next' });
    h.wait(2 * MINUTE).ok({ type: 'agenda.goto', itemId: 'summary', stepId: 'reactions' });
    expect(h.view().turn).toBeNull();
    expect(h.view().floor.queue).toEqual([]);
    expect(h.record.turns.map((t) => t.delegationId)).toEqual(['mexico']);
    expect(h.record.requests.map((r) => [r.delegationId, r.outcome])).toEqual([
      ['mexico', 'granted'],
      ['kenya', 'unheard'],
    ]);
  });

  it('is for the chair alone', () => {
    const h = EngineHarness.at('welcome');
    expect(h.refused({ type: 'agenda.goto', itemId: 'closing' }, MODERATOR).code).toBe('forbidden');
    expect(h.refused({ type: 'agenda.goto', itemId: 'closing' }, delegate('mexico')).code).toBe(
      'forbidden',
    );
  });
});
