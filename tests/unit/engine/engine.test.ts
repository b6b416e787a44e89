import { describe, expect, it } from 'vitest';
import { MeetingView } from '../../../shared/protocol/view';
import {
  CHAIR,
  delegate,
  EngineHarness,
  MINUTE,
  MODERATOR,
  snapshotOf,
} from '../../support/engine';

describe('the version of a meeting', () => {
  it('starts at 0 and rises by one with each accepted command', () => {
    const h = new EngineHarness();
    expect(h.view().version).toBe(0);
    expect(h.ok({ type: 'agenda.start' })).toBe(1);
    expect(h.ok({ type: 'agenda.next' })).toBe(2);
    h.refused({ type: 'agenda.start' });
    expect(h.view().version).toBe(2);
    expect(h.ok({ type: 'session.suspend' })).toBe(3);
  });
});

describe('expectedVersion', () => {
  it('lets a command through when it matches the current version', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start', expectedVersion: h.engine.version });
    expect(h.view().turn).not.toBeNull();
  });

  it('refuses a command sent on an older view, with a conflict', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const seen = h.engine.version;
    h.request('mexico');
    const refusal = h.refused({ type: 'floor.close', expectedVersion: seen }, MODERATOR);
    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toContain(`version ${seen + 1}`);
    expect(h.view().floor.open).toBe(true);
  });

  it('refuses a version from the future too', () => {
    const h = EngineHarness.at('welcome');
    expect(h.refused({ type: 'agenda.next', expectedVersion: 99 }).code).toBe('conflict');
  });

  it('makes two co-chairs pressing "next" at once advance once', () => {
    const h = EngineHarness.at('welcome');
    const seen = h.engine.version;
    h.ok({ type: 'agenda.next', expectedVersion: seen }, CHAIR);
    expect(h.refused({ type: 'agenda.next', expectedVersion: seen }, CHAIR).code).toBe('conflict');
    expect(h.view().current?.itemId).toBe('issue-brief');
  });

  it('is checked after the role: a display gets forbidden whatever version it names', () => {
    const h = EngineHarness.at('welcome');
    expect(h.refused({ type: 'agenda.next', expectedVersion: 99 }, { role: 'display' }).code).toBe(
      'forbidden',
    );
  });

  it("is checked before the meeting's own rules", () => {
    const h = new EngineHarness();
    expect(h.refused({ type: 'agenda.next', expectedVersion: 5 }).code).toBe('conflict');
  });
});

describe('check', () => {
  it('foresees what apply answers, and changes nothing', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const before = snapshotOf(h.engine);
    expect(h.engine.check({ type: 'floor.request' }, delegate('mexico'))).toBeNull();
    expect(h.engine.check({ type: 'floor.next' }, MODERATOR)?.code).toBe('not_found');
    expect(h.engine.check({ type: 'floor.request' }, MODERATOR)?.code).toBe('forbidden');
    expect(snapshotOf(h.engine)).toEqual(before);
    h.request('mexico');
    expect(h.engine.check({ type: 'floor.request' }, delegate('mexico'))?.code).toBe(
      'already_queued',
    );
  });
});

describe('the view', () => {
  it('parses with the MeetingView schema at every stage of a meeting', () => {
    const h = new EngineHarness();
    const views = [h.view()];
    h.ok({ type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    h.request('mexico');
    h.request('ituc');
    h.ok({ type: 'floor.next' });
    views.push(h.wait(4 * MINUTE).view());
    h.ok({ type: 'session.suspend', note: 'Lunch' });
    views.push(h.view());
    h.ok({ type: 'session.close' });
    views.push(h.view());
    for (const view of views) expect(MeetingView.parse(view)).toEqual(view);
  });

  it('carries the meeting, its title and the instant it was made', () => {
    const h = new EngineHarness();
    expect(h.view()).toMatchObject({
      meetingId: 'M-test',
      serverTime: h.now,
      title: 'Fourth informal thematic session: contributions of migrants and diaspora',
      status: 'pending',
      current: null,
      turn: null,
      suspension: null,
      floor: { open: true, segment: 'floor', queue: [], policy: 'states-first', sincePanel: 0 },
    });
  });

  it('draws a running clock from instants: the stored state does not change while it runs', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    const first = h.view();
    const later = h.wait(90_000).view();
    expect(later.turn).toEqual(first.turn);
    expect(later.version).toBe(first.version);
    expect(later.serverTime - first.serverTime).toBe(90_000);
  });
});
