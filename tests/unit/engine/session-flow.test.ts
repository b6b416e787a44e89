import { describe, expect, it } from 'vitest';
import { MeetingView } from '../../../shared/protocol/view';
import { NOTE_AGENDA } from '../../support/agenda';
import { CHAIR, delegate, EngineHarness, MODERATOR } from '../../support/engine';

const MIN = 60_000;

describe('the default session, driven from start to close', () => {
  it('goes through every step of the procedural note with turns in each', () => {
    const h = new EngineHarness();
    expect(h.view().status).toBe('pending');
    h.ok({ type: 'agenda.start' });
    const visited: string[] = [];
    let guard = 0;
    while (h.view().status !== 'closed' && guard++ < 100) {
      const view = h.view();
      expect(MeetingView.safeParse(view).success).toBe(true);
      const current = view.current;
      if (!current) throw new Error('a running meeting has a current step');
      visited.push(`${current.itemId}/${current.stepId}`);
      const item = view.agenda.items.find((i) => i.id === current.itemId);
      const step = item?.steps.find((s) => s.id === current.stepId);
      if (!step) throw new Error('current step exists');
      if (step.kind === 'speakers') {
        for (const speaker of step.speakers) {
          h.ok({ type: 'turn.start' }, MODERATOR);
          expect(h.view().turn?.speaker.name).toBe(speaker.name);
          h.wait(step.allowance.limitMs - MIN);
        }
        h.ok({ type: 'turn.end' }, MODERATOR);
      } else {
        h.ok(
          { type: 'floor.request', speakerName: 'H.E. Ms. Ana Pérez', sex: 'female' },
          delegate('mexico'),
        );
        h.ok({ type: 'floor.request' }, delegate('morocco'));
        h.ok({ type: 'floor.next' }, MODERATOR);
        expect(h.view().turn?.speaker.name).toBe('H.E. Ms. Ana Pérez');
        h.wait(3 * MIN + 12_000);
        h.ok({ type: 'floor.next' }, MODERATOR);
        h.wait(2 * MIN);
        h.ok({ type: 'floor.segment', segment: 'panel' }, MODERATOR);
        if (item?.kind === 'panel') {
          h.ok({ type: 'turn.start', speakerId: 'expert-2' }, MODERATOR);
          h.wait(90_000);
        }
      }
      h.ok({ type: 'agenda.next', fromStepId: current.stepId }, CHAIR);
    }
    expect(h.view().status).toBe('closed');
    const expected = NOTE_AGENDA.items.flatMap((i) => i.steps.map((s) => `${i.id}/${s.id}`));
    expect(visited).toEqual(expected);
    expect(h.record.steps.map((s) => `${s.itemId}/${s.stepId}`)).toEqual(expected);
    const overrun = h.record.turns.filter((t) => t.overtimeMs > 0);
    expect(overrun.length).toBe(4); // Mexico's 3:12 in each of the four discussions
    expect(overrun.every((t) => t.overtimeMs === 12_000 && t.delegationId === 'mexico')).toBe(true);
    const mexico = h.record.turns.find((t) => t.delegationId === 'mexico');
    expect(mexico).toMatchObject({
      sex: 'female',
      category: 'member-state',
      segment: 'floor',
      spokenMs: 3 * MIN + 12_000,
    });
    const panelResponses = h.record.turns.filter((t) => t.segment === 'panel');
    expect(panelResponses.map((t) => t.speakerId)).toEqual(['expert-2', 'expert-2', 'expert-2']);
    // Morocco's turn was cut short (by the panel's response, or by "next step") and still recorded.
    expect(h.record.turns.filter((t) => t.delegationId === 'morocco')).toHaveLength(4);
  });
});
