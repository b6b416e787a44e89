import { describe, expect, it } from 'vitest';
import { endedSince, watchAfter, watchFloor } from '../../../client/moderator/floorWatch';
import { nextSpeakerOf } from '../../../client/officers/presses';
import { EngineHarness, MODERATOR, SECOND } from '../../support/engine';

/** Gives the floor to whoever heads the queue, as "Next speaker" does. */
const next = (h: EngineHarness) => {
  const press = nextSpeakerOf(h.view());
  if (!press) throw new Error('no step under way');
  h.ok(press.command, MODERATOR);
};

describe('the turns a console saw leave the floor, until the record has them', () => {
  it('keeps a turn that ended with the time it had, until a read begun after it answers', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    let watch = watchFloor(h.view());
    next(h);
    watch = watchAfter(watch, h.view(), h.now);
    // A turn coming to the floor changes nothing in the record: no new read.
    expect(watch.generation).toBe(0);
    expect(watch.ended).toEqual([]);

    h.wait(12 * SECOND);
    // A new state, the same turn: kept as the view has it; the same state again changes nothing.
    const view = h.view();
    watch = watchAfter(watch, view, h.now);
    expect(watch.onFloor[0]?.turn).toBe(view.turn);
    expect(watchAfter(watch, view, h.now + 500)).toBe(watch);
    h.ok({ type: 'turn.end', turnId: h.turn().id }, MODERATOR);
    // The state that ends it arrives 40 ms later.
    watch = watchAfter(watch, h.view(), h.now + 40);
    expect(watch.generation).toBe(1);
    expect(watch.ended).toMatchObject([
      { delegationId: 'mexico', itemId: 'panel-1', spokenMs: 12 * SECOND + 40, generation: 1 },
    ]);
    // A read begun before it left does not have it; one begun after does.
    expect(endedSince(watch, 0)).toHaveLength(1);
    expect(endedSince(watch, 1)).toEqual([]);
  });

  it('keeps the time a paused turn truly had, not the time it would have run to', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    next(h);
    let watch = watchFloor(h.view());
    h.wait(5 * SECOND);
    h.ok({ type: 'turn.pause', turnId: h.turn().id }, MODERATOR);
    watch = watchAfter(watch, h.view(), h.now);
    h.wait(60 * SECOND);
    h.ok({ type: 'turn.end', turnId: h.turn().id }, MODERATOR);
    watch = watchAfter(watch, h.view(), h.now);
    expect(watch.ended.map((e) => e.spokenMs)).toEqual([5 * SECOND]);
  });

  it('does not take the turn a point of order interrupts for one that ended', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    next(h);
    let watch = watchFloor(h.view());
    h.wait(8 * SECOND);
    const point = h.request('kenya', { kind: 'point-of-order' });
    h.ok({ type: 'floor.grant', requestId: point, turnId: h.turn().id }, MODERATOR);
    watch = watchAfter(watch, h.view(), h.now);
    expect(watch.ended).toEqual([]);
    expect(watch.onFloor.map((f) => f.turn.speaker.delegationId)).toEqual(['kenya', 'mexico']);
    h.wait(3 * SECOND);
    h.ok({ type: 'turn.end', turnId: h.turn().id }, MODERATOR);
    watch = watchAfter(watch, h.view(), h.now);
    // The point of order left; Mexico has the floor back, paused, and is still on it.
    expect(watch.ended.map((e) => [e.delegationId, e.spokenMs])).toEqual([['kenya', 3 * SECOND]]);
    expect(watch.onFloor.map((f) => f.turn.speaker.delegationId)).toEqual(['mexico']);
  });
});
