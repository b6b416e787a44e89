import { describe, expect, it } from 'vitest';
import { MeetingEngine } from '../../../server/engine/engine';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import { meetingChart } from '../../../shared/engine/chart';
import { CLOSING_ROLES, mayRoleClose } from '../../../shared/permissions';
import type { Command } from '../../../shared/protocol/commands';
import {
  CHAIR,
  delegate,
  EngineHarness,
  MINUTE,
  MODERATOR,
  snapshotOf,
} from '../../support/engine';

describe('closing the meeting is the chair’s', () => {
  it('refuses a moderator the “next step” that would close the meeting, saying why', () => {
    const h = EngineHarness.at('closing');
    h.ok({ type: 'turn.start' }, MODERATOR);
    const refusal = h.refused({ type: 'agenda.next', fromStepId: 'closing-remarks' }, MODERATOR);
    expect(refusal.code).toBe('forbidden');
    expect(refusal.message).toMatch(/only a chair may close the meeting/);
    expect(h.view()).toMatchObject({ status: 'running', current: { itemId: 'closing' } });
    expect(h.turn().status).toBe('running');
  });

  it('refuses it in a suspension too, and lets the moderator move on at every other step', () => {
    const h = EngineHarness.at('summary', 'reactions');
    h.ok({ type: 'agenda.next' }, MODERATOR);
    expect(h.view().current).toMatchObject({ itemId: 'closing', stepId: 'closing-remarks' });
    h.ok({ type: 'session.suspend' });
    expect(h.refused({ type: 'agenda.next' }, MODERATOR).code).toBe('forbidden');
  });

  it('lets the chair close with “next step” at the last step', () => {
    const h = EngineHarness.at('closing');
    h.ok({ type: 'agenda.next' }, CHAIR);
    expect(h.view().status).toBe('closed');
  });

  it('answers a stale “next step” with a conflict before the role (the step is no longer the last)', () => {
    const h = EngineHarness.at('closing');
    const refusal = h.refused({ type: 'agenda.next', fromStepId: 'reactions' }, MODERATOR);
    expect(refusal.code).toBe('conflict');
  });

  it('is one rule of the permission table, which the machine asks by name', () => {
    expect(CLOSING_ROLES).toEqual(['chair']);
    expect(mayRoleClose('moderator')).toBe(false);
    const h = EngineHarness.at('closing');
    // The chart's guard of that name decides it: the moderator's press is refused, the chair's acts.
    expect(Object.keys(meetingChart.implementations.guards)).toContain('senderMayClose');
    expect(h.engine.check({ type: 'agenda.next' }, MODERATOR)?.code).toBe('forbidden');
    expect(h.engine.check({ type: 'agenda.next' }, CHAIR)).toBeNull();
  });
});

describe('session.reopen', () => {
  it('brings a closed meeting back, running at its last step, with nobody on the floor', () => {
    const h = EngineHarness.at('closing');
    h.ok({ type: 'turn.start' });
    h.wait(4 * MINUTE).ok({ type: 'agenda.next' });
    expect(h.view()).toMatchObject({ status: 'closed', current: null, turn: null });
    h.wait(MINUTE).ok({ type: 'session.reopen' });
    const view = h.view();
    expect(view.status).toBe('running');
    expect(view.current).toMatchObject({
      itemId: 'closing',
      stepId: 'closing-remarks',
      startedAt: h.now,
      heard: ['co-facilitators'],
    });
    expect(view.turn).toBeNull();
    expect(view.suspension).toBeNull();
    expect(view.floor).toMatchObject({ open: true, queue: [] });
  });

  it('loses nothing recorded: the turns, the unheard requests and the steps stay as they were', () => {
    const h = EngineHarness.at('summary', 'reactions');
    h.request('mexico');
    h.request('japan');
    h.ok({ type: 'floor.next' });
    h.wait(2 * MINUTE).ok({ type: 'session.close' });
    const recorded = structuredClone(h.record);
    expect(recorded.turns).toHaveLength(1);
    expect(recorded.requests.map((r) => r.outcome)).toEqual(['granted', 'unheard']);
    const version = h.ok({ type: 'session.reopen' });
    // The reopen itself records nothing; it is in the command log, as every command is.
    expect(h.record).toEqual(recorded);
    expect(h.view()).toMatchObject({
      version,
      status: 'running',
      current: { itemId: 'summary', stepId: 'reactions' },
    });
    // The room carries on in that step: a new request, a new turn, and next step again.
    h.request('kenya');
    h.ok({ type: 'floor.next' });
    h.wait(MINUTE).ok({ type: 'agenda.next' });
    expect(h.record.turns.map((t) => t.delegationId)).toEqual(['mexico', 'kenya']);
    expect(h.record.steps.map((s) => `${s.itemId}/${s.stepId}`)).toEqual([
      'summary/reactions',
      'summary/reactions',
    ]);
    expect(h.view().current).toMatchObject({ itemId: 'closing', stepId: 'closing-remarks' });
  });

  it('keeps when the item began, so the schedule of the reopened item is unchanged', () => {
    const h = EngineHarness.at('closing');
    const began = h.view().current?.itemStartedAt;
    h.wait(10 * MINUTE).ok({ type: 'session.close' });
    h.wait(MINUTE).ok({ type: 'session.reopen' });
    expect(h.view().current?.itemStartedAt).toBe(began);
  });

  it('reopens a meeting closed while suspended, no longer suspended', () => {
    const h = EngineHarness.at('closing');
    h.ok({ type: 'session.suspend' });
    h.ok({ type: 'session.close' });
    h.ok({ type: 'session.reopen' });
    expect(h.view()).toMatchObject({ status: 'running', suspension: null });
  });

  it('is the chair’s alone', () => {
    const h = EngineHarness.at('closing');
    h.ok({ type: 'session.close' });
    expect(h.refused({ type: 'session.reopen' }, MODERATOR).code).toBe('forbidden');
    expect(h.refused({ type: 'session.reopen' }, delegate('mexico')).code).toBe('forbidden');
  });

  it('is refused to a meeting that is not closed', () => {
    expect(new EngineHarness().refused({ type: 'session.reopen' }).code).toBe('not_now');
    const h = EngineHarness.at('welcome');
    expect(h.refused({ type: 'session.reopen' }).message).toBe('The meeting is not closed.');
    h.ok({ type: 'session.suspend' });
    expect(h.refused({ type: 'session.reopen' }).code).toBe('not_now');
  });

  it('is refused to a meeting closed before it began: there is no step to go back to', () => {
    const h = new EngineHarness();
    h.ok({ type: 'session.close' });
    const refusal = h.refused({ type: 'session.reopen' });
    expect(refusal.code).toBe('not_now');
    expect(refusal.message).toMatch(/closed before it began/);
  });

  it('keeps what it needs across a snapshot, and a meeting closed can be closed and reopened again', () => {
    const h = EngineHarness.at('panel-2', 'discussion');
    h.ok({ type: 'session.close' });
    const restored = MeetingEngine.restore(snapshotOf(h.engine), DEFAULT_ROSTER);
    const send = (command: Command) => {
      const result = restored.apply(command, CHAIR, h.now);
      if (!result.ok) throw new Error(result.error.message);
    };
    send({ type: 'session.reopen' });
    expect(restored.context.current).toMatchObject({ itemId: 'panel-2', stepId: 'discussion' });
    send({ type: 'agenda.next' });
    send({ type: 'session.close' });
    send({ type: 'session.reopen' });
    expect(restored.context.current).toMatchObject({ itemId: 'panel-2', stepId: 'concluding' });
  });
});
