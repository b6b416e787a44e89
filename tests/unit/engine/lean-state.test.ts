import { describe, expect, it } from 'vitest';
import { MeetingEngine } from '../../../server/engine/engine';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import { EngineHarness, formatOneSnapshotOf, MODERATOR, snapshotOf } from '../../support/engine';

describe('the agenda version', () => {
  it('is 0 as the meeting is made, and moves with agenda.edit only', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(h.view().agendaVersion).toBe(0);
    h.request('mexico');
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.ok({ type: 'turn.end' }, MODERATOR);
    expect(h.view().agendaVersion).toBe(0);
    const edited = h.ok({
      type: 'agenda.edit',
      change: { target: 'item', itemId: 'panel-1', title: 'Panel 1: remittances' },
    });
    expect(h.view()).toMatchObject({ version: edited, agendaVersion: edited });
    h.request('kenya');
    expect(h.view().agendaVersion).toBe(edited);
  });

  it('comes back with a restored snapshot, and is 0 for a snapshot made before it existed', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const edited = h.ok({ type: 'agenda.edit', change: { target: 'meeting', venue: 'Room 4' } });
    const snapshot = snapshotOf(h.engine);
    expect(MeetingEngine.restore(snapshot, DEFAULT_ROSTER).view(h.now).agendaVersion).toBe(edited);
    const formatOne = formatOneSnapshotOf(h.engine);
    const { agendaVersion: _, ...older } = (formatOne.state as { context: object }).context as {
      agendaVersion: number;
    };
    const old = { formatVersion: 1, state: { ...(formatOne.state as object), context: older } };
    expect(MeetingEngine.restore(old, DEFAULT_ROSTER).view(h.now).agendaVersion).toBe(0);
  });
});
