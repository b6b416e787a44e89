import { describe, expect, it } from 'vitest';
import { CHAIR, delegate, EngineHarness, MODERATOR } from '../../support/engine';

describe('agenda.edit', () => {
  it('names the panel and its experts before the session', () => {
    const h = new EngineHarness();
    h.ok({
      type: 'agenda.edit',
      change: {
        target: 'item',
        itemId: 'panel-1',
        title: 'Panel 1: remittances and financial inclusion',
      },
    });
    h.ok({
      type: 'agenda.edit',
      change: {
        target: 'speakers',
        itemId: 'panel-1',
        stepId: 'presentations',
        speakers: [
          { id: 'expert-1', name: 'Dr. Amina Diallo', role: 'Expert, World Bank' },
          { id: 'expert-2', name: 'Prof. Jorge Ruiz', role: 'Expert' },
        ],
      },
    });
    const panel = h.view().agenda.items.find((i) => i.id === 'panel-1');
    expect(panel?.title).toBe('Panel 1: remittances and financial inclusion');
    const presentations = panel?.steps.find((s) => s.id === 'presentations');
    expect(presentations?.kind === 'speakers' && presentations.speakers.map((s) => s.name)).toEqual(
      ['Dr. Amina Diallo', 'Prof. Jorge Ruiz'],
    );
  });

  it('changes an allowance during the session for the turns that follow, not the one running', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.ok({
      type: 'agenda.edit',
      change: {
        target: 'step',
        itemId: 'panel-1',
        stepId: 'discussion',
        allowance: { limitMs: 120_000, warnAtMs: 90_000 },
      },
    });
    expect(h.turn().limitMs).toBe(180_000);
    h.request('morocco');
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.turn().limitMs).toBe(120_000);
    expect(h.turn().warnAtMs).toBe(90_000);
  });

  it('refuses a sitting that would end before it starts, naming the field, and changes nothing', () => {
    const h = new EngineHarness();
    const error = h.refused({
      type: 'agenda.edit',
      change: { target: 'sitting', sittingId: 'day-1-morning', end: '09:00' },
    });
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('agenda.sittings.0.end');
  });

  it('refuses what is not on the agenda', () => {
    const h = new EngineHarness();
    expect(
      h.refused({ type: 'agenda.edit', change: { target: 'item', itemId: 'panel-9', title: 'X' } })
        .code,
    ).toBe('not_found');
    expect(
      h.refused({
        type: 'agenda.edit',
        change: { target: 'speakers', itemId: 'panel-1', stepId: 'discussion', speakers: [] },
      }).code,
    ).toBe('invalid');
    expect(
      h.refused({
        type: 'agenda.edit',
        change: { target: 'step', itemId: 'welcome', stepId: 'remarks', clusterSize: 3 },
      }).code,
    ).toBe('invalid');
  });

  it('is the chair’s alone', () => {
    const h = new EngineHarness();
    const edit = { type: 'agenda.edit', change: { target: 'meeting', title: 'X' } } as const;
    expect(h.refused(edit, MODERATOR).code).toBe('forbidden');
    expect(h.refused(edit, delegate('mexico')).code).toBe('forbidden');
    h.ok(edit, CHAIR);
    expect(h.view().title).toBe('X');
  });
});

describe('display.configure', () => {
  it('turns the delay on the room display on and off', () => {
    const h = EngineHarness.at('welcome');
    expect(h.view().display.showDelay).toBe(false);
    h.ok({ type: 'display.configure', showDelay: true });
    expect(h.view().display.showDelay).toBe(true);
    expect(h.refused({ type: 'display.configure', showDelay: true }).code).toBe('not_now');
    h.ok({ type: 'display.configure', showDelay: false });
    expect(h.view().display.showDelay).toBe(false);
  });
});

describe('agenda.next with the item it leaves', () => {
  it('is a conflict when the same step id is current in another item', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'agenda.goto', itemId: 'panel-2', stepId: 'opening' });
    const error = h.refused({ type: 'agenda.next', fromItemId: 'panel-1', fromStepId: 'opening' });
    expect(error.code).toBe('conflict');
    h.ok({ type: 'agenda.next', fromItemId: 'panel-2', fromStepId: 'opening' });
    expect(h.view().current?.stepId).toBe('presentations');
  });

  it('keeps the time the item began while its steps go by', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    const began = h.view().current?.itemStartedAt;
    h.wait(60_000).ok({ type: 'agenda.next' });
    expect(h.view().current?.itemStartedAt).toBe(began);
    h.wait(60_000).ok({ type: 'agenda.goto', itemId: 'panel-2' });
    expect(h.view().current?.itemStartedAt).toBe(h.now);
  });
});

describe('a delegation given the floor by name in a discussion', () => {
  it('counts towards the cluster like a granted request', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok(
      { type: 'turn.start', speaker: { name: 'Ms. Ana Pérez', delegationId: 'mexico' } },
      MODERATOR,
    );
    expect(h.view().floor.sincePanel).toBe(1);
    h.ok({ type: 'turn.start', speaker: { name: 'A voice from the floor' } }, MODERATOR);
    expect(h.view().floor.sincePanel).toBe(1);
  });
});
