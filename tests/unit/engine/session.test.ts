import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/protocol/commands';
import { CHAIR, delegate, EngineHarness, MINUTE, MODERATOR, SECOND } from '../../support/engine';

describe('session.suspend and session.resume', () => {
  it('suspends with the note the chair gives', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'session.suspend', note: 'Lunch: we resume at 15:00' });
    const view = h.view();
    expect(view.status).toBe('suspended');
    expect(view.suspension).toEqual({ since: h.now, note: 'Lunch: we resume at 15:00' });
  });

  it("shows the agenda's break note when the chair gives none", () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'session.suspend' });
    expect(h.view().suspension?.note).toBe(
      'Side events may be held in the lunch break, 13:15-14:45',
    );
    h.ok({ type: 'session.resume' });
    h.ok({ type: 'session.suspend', note: '' });
    expect(h.view().suspension?.note).toBe(
      'Side events may be held in the lunch break, 13:15-14:45',
    );
  });

  it('pauses a running clock, which stays paused on resume until someone resumes it', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' });
    h.wait(2 * MINUTE).ok({ type: 'session.suspend' });
    expect(h.turn()).toMatchObject({ status: 'paused', startedAt: null, elapsedMs: 2 * MINUTE });
    h.wait(90 * MINUTE).ok({ type: 'session.resume' });
    expect(h.view().status).toBe('running');
    expect(h.view().suspension).toBeNull();
    expect(h.turn()).toMatchObject({ status: 'paused', startedAt: null, elapsedMs: 2 * MINUTE });
    h.wait(MINUTE).ok({ type: 'turn.resume' });
    h.wait(30 * SECOND).ok({ type: 'turn.end' });
    expect(h.record.turns[0]?.spokenMs).toBe(2 * MINUTE + 30 * SECOND);
  });

  it('leaves a paused clock as it was', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' });
    h.wait(MINUTE).ok({ type: 'turn.pause' });
    h.wait(MINUTE).ok({ type: 'session.suspend' });
    expect(h.turn()).toMatchObject({ status: 'paused', elapsedMs: MINUTE });
  });

  it('cannot suspend a session not yet open, or already suspended', () => {
    expect(new EngineHarness().refused({ type: 'session.suspend' }).code).toBe('not_now');
    const h = EngineHarness.at('welcome');
    h.ok({ type: 'session.suspend' });
    expect(h.refused({ type: 'session.suspend' }).code).toBe('not_now');
  });

  it('cannot resume a session that is not suspended', () => {
    expect(new EngineHarness().refused({ type: 'session.resume' }).code).toBe('not_now');
    expect(EngineHarness.at('welcome').refused({ type: 'session.resume' }).code).toBe('not_now');
  });

  it('gives no one the floor while suspended, but requests may still wait', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'session.suspend' });
    const refusedWhileSuspended: Command[] = [
      { type: 'turn.start', speaker: { name: 'A guest' } },
      { type: 'floor.next' },
      { type: 'floor.grant', requestId: h.requestOf('mexico') },
    ];
    for (const command of refusedWhileSuspended) {
      expect(h.refused(command, MODERATOR).code).toBe('not_now');
    }
    h.request('kenya');
    expect(h.queue()).toEqual(['mexico', 'kenya']);
    h.ok({ type: 'session.resume' });
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.turn().speaker.delegationId).toBe('mexico');
  });

  it('cannot resume a clock while the session is suspended', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    h.ok({ type: 'session.suspend' });
    expect(h.refused({ type: 'turn.resume' }, MODERATOR).code).toBe('not_now');
    expect(h.refused({ type: 'turn.pause' }, MODERATOR).code).toBe('not_now');
  });

  it('lets the chair move on while suspended (the sitting ended mid-step)', () => {
    const h = EngineHarness.at('panel-1', 'concluding');
    h.ok({ type: 'session.suspend', note: 'End of day 1' });
    h.ok({ type: 'agenda.next' });
    expect(h.view()).toMatchObject({
      status: 'suspended',
      current: { itemId: 'panel-2', stepId: 'opening' },
    });
  });

  it('is for the chair alone', () => {
    const h = EngineHarness.at('welcome');
    expect(h.refused({ type: 'session.suspend' }, MODERATOR).code).toBe('forbidden');
    h.ok({ type: 'session.suspend' }, CHAIR);
    expect(h.refused({ type: 'session.resume' }, MODERATOR).code).toBe('forbidden');
  });
});

describe('session.close', () => {
  it('closes from any step, ending the turn and recording the queue and the step', () => {
    const h = EngineHarness.at('panel-2', 'discussion');
    h.request('mexico');
    h.request('japan');
    h.ok({ type: 'floor.next' });
    h.wait(MINUTE).ok({ type: 'session.close' });
    const view = h.view();
    expect(view.status).toBe('closed');
    expect(view.current).toBeNull();
    expect(view.turn).toBeNull();
    expect(view.floor.queue).toEqual([]);
    expect(h.record.turns.map((t) => [t.delegationId, t.spokenMs])).toEqual([['mexico', MINUTE]]);
    expect(h.record.requests.map((r) => [r.delegationId, r.outcome])).toEqual([
      ['mexico', 'granted'],
      ['japan', 'unheard'],
    ]);
    expect(h.record.steps).toHaveLength(1);
  });

  it('closes a suspended session, which is then no longer suspended', () => {
    const h = EngineHarness.at('welcome');
    h.ok({ type: 'session.suspend' });
    h.ok({ type: 'session.close' });
    expect(h.view()).toMatchObject({ status: 'closed', suspension: null });
  });

  it('closes a session that never opened, recording nothing', () => {
    const h = new EngineHarness();
    h.ok({ type: 'session.close' });
    expect(h.view().status).toBe('closed');
    expect(h.record).toEqual({ turns: [], requests: [], steps: [] });
  });

  it('takes no command once closed', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const requestId = h.request('mexico');
    h.ok({ type: 'session.close' });
    const afterClose: [Command, typeof CHAIR][] = [
      [{ type: 'agenda.start' }, CHAIR],
      [{ type: 'agenda.next' }, CHAIR],
      [{ type: 'agenda.goto', itemId: 'welcome' }, CHAIR],
      [{ type: 'session.suspend' }, CHAIR],
      [{ type: 'session.resume' }, CHAIR],
      [{ type: 'session.close' }, CHAIR],
      [{ type: 'turn.start', speaker: { name: 'A guest' } }, CHAIR],
      [{ type: 'turn.end' }, CHAIR],
      [{ type: 'floor.request' }, delegate('kenya')],
      [{ type: 'floor.grant', requestId }, MODERATOR],
      [{ type: 'floor.open' }, MODERATOR],
    ];
    for (const [command, by] of afterClose) {
      expect(h.refused(command, by).code).toBe('not_now');
    }
  });

  it('is for the chair alone', () => {
    const h = EngineHarness.at('welcome');
    expect(h.refused({ type: 'session.close' }, MODERATOR).code).toBe('forbidden');
  });
});
