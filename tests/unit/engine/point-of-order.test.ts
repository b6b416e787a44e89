import { describe, expect, it } from 'vitest';
import { CHAIR, delegate, EngineHarness, MINUTE, MODERATOR, SECOND } from '../../support/engine';

const POINT_OF_ORDER = { type: 'floor.request', kind: 'point-of-order' } as const;

/** A panelist presenting for 1:20, when Kenya rises on a point of order. */
const presentationInterrupted = () => {
  const h = EngineHarness.at('panel-1', 'presentations');
  h.ok({ type: 'turn.start' });
  const panelist = h.turn();
  h.wait(80 * SECOND).ok(POINT_OF_ORDER, delegate('kenya'));
  return { h, panelist };
};

describe('a point of order', () => {
  it('may be raised in the middle of a presentation, and waits at the head of the line', () => {
    const { h, panelist } = presentationInterrupted();
    expect(h.view().floor.queue).toMatchObject([{ delegationId: 'kenya', kind: 'point-of-order' }]);
    // Raising it does not touch the clock of the one presenting.
    expect(h.turn()).toMatchObject({ id: panelist.id, status: 'running' });
  });

  it('interrupts the presentation when granted, which is paused and kept, its time intact', () => {
    const { h, panelist } = presentationInterrupted();
    h.wait(5 * SECOND).ok({ type: 'floor.next' }, MODERATOR);
    const view = h.view();
    expect(view.interrupted).toMatchObject({
      id: panelist.id,
      status: 'paused',
      startedAt: null,
      elapsedMs: 85 * SECOND,
    });
    expect(view.turn).toMatchObject({
      speaker: { name: 'Kenya', delegationId: 'kenya', kind: 'point-of-order' },
      limitMs: 2 * MINUTE,
      warnAtMs: 90 * SECOND,
      status: 'running',
    });
  });

  it('gives the floor back to the interrupted turn when it ends: paused, to the second', () => {
    const { h, panelist } = presentationInterrupted();
    h.ok({ type: 'floor.next' }, MODERATOR);
    const point = h.turn();
    h.wait(40 * SECOND).ok({ type: 'turn.end', turnId: point.id }, MODERATOR);
    expect(h.view().interrupted).toBeNull();
    expect(h.turn()).toMatchObject({
      id: panelist.id,
      status: 'paused',
      elapsedMs: 80 * SECOND,
    });
    // The chair gives the panelist the floor again; the clock goes on from 1:20.
    h.wait(3 * SECOND).ok({ type: 'turn.resume', turnId: panelist.id }, CHAIR);
    h.wait(10 * SECOND);
    expect(h.turn()).toMatchObject({ status: 'running', elapsedMs: 80 * SECOND });
    expect(h.now - (h.turn().startedAt ?? 0)).toBe(10 * SECOND);
    // The record holds the point of order as such, its 40 seconds, and nothing of the panelist yet.
    expect(h.record.turns).toMatchObject([
      { id: point.id, kind: 'point-of-order', spokenMs: 40 * SECOND, delegationId: 'kenya' },
    ]);
    h.ok({ type: 'turn.end' }, CHAIR);
    expect(h.record.turns.at(-1)).toMatchObject({
      id: panelist.id,
      kind: 'statement',
      spokenMs: 90 * SECOND,
    });
  });

  it('goes ahead of every statement, points of order among themselves in arrival order', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.request('iom');
    h.ok(POINT_OF_ORDER, delegate('kenya'));
    h.ok({ type: 'floor.add', delegationId: 'iom', kind: 'point-of-order' }, MODERATOR);
    h.request('japan');
    expect(h.view().floor.queue.map((r) => `${r.delegationId}:${r.kind}`)).toEqual([
      'kenya:point-of-order',
      'iom:point-of-order',
      'mexico:statement',
      'japan:statement',
      'iom:statement',
    ]);
  });

  it('may be raised when the list is closed, but not twice, nor while the room is suspended', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.close' }, MODERATOR);
    expect(h.refused({ type: 'floor.request' }, delegate('kenya')).code).toBe('list_closed');
    h.ok(POINT_OF_ORDER, delegate('kenya'));
    expect(h.refused(POINT_OF_ORDER, delegate('kenya')).code).toBe('already_queued');
    h.ok({ type: 'session.suspend' }, CHAIR);
    expect(h.refused(POINT_OF_ORDER, delegate('mexico')).code).toBe('not_now');
  });

  it('is the only request a step without a discussion takes', () => {
    // The concluding remarks: after the discussion, so no statement may be asked for early.
    const h = EngineHarness.at('panel-1', 'concluding');
    expect(h.refused({ type: 'floor.request' }, delegate('kenya')).message).toBe(
      'The floor is not open for requests in this step.',
    );
    expect(h.refused({ type: 'floor.request', kind: 'reply' }, delegate('kenya')).code).toBe(
      'not_now',
    );
    expect(h.refused({ type: 'floor.close' }, MODERATOR).code).toBe('not_now');
    h.ok(POINT_OF_ORDER, delegate('kenya'));
    expect(h.lines()).toEqual(['kenya:point-of-order']);
  });

  it('never counts toward the cluster, nor takes the floor from the panel', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.ok(POINT_OF_ORDER, delegate('kenya'));
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.view().floor).toMatchObject({ sincePanel: 1, segment: 'floor' });
    h.ok({ type: 'turn.end' }, MODERATOR);
    // The panel answers; a point of order in the middle of it leaves the panel its segment.
    h.ok({ type: 'turn.start', speakerId: 'expert-1' }, MODERATOR);
    h.ok(POINT_OF_ORDER, delegate('japan'));
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.view().floor).toMatchObject({ sincePanel: 0, segment: 'panel' });
    expect(h.turn().segment).toBeUndefined();
  });

  it('ends with the interrupted turn, both recorded, when the meeting moves on meanwhile', () => {
    const { h, panelist } = presentationInterrupted();
    h.ok({ type: 'floor.next' }, MODERATOR);
    const point = h.turn();
    h.wait(30 * SECOND).ok({ type: 'agenda.next' }, CHAIR);
    expect(h.view()).toMatchObject({ turn: null, interrupted: null });
    expect(h.record.turns.map((t) => [t.id, t.spokenMs])).toEqual([
      [point.id, 30 * SECOND],
      [panelist.id, 80 * SECOND],
    ]);
  });

  it('ends the point of order speaking when another is granted, the first turn still kept', () => {
    const { h, panelist } = presentationInterrupted();
    h.ok({ type: 'floor.add', delegationId: 'mexico', kind: 'point-of-order' }, MODERATOR);
    h.ok({ type: 'floor.next' }, MODERATOR);
    const kenya = h.turn();
    h.wait(20 * SECOND).ok({ type: 'floor.next' }, MODERATOR);
    expect(h.turn().speaker).toMatchObject({ delegationId: 'mexico', kind: 'point-of-order' });
    expect(h.view().interrupted?.id).toBe(panelist.id);
    expect(h.record.turns.map((t) => t.id)).toEqual([kenya.id]);
  });
});
