import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeetingEngine } from '../../../server/engine/engine';
import { elapsedAt } from '../../../shared/clock/turnClock';
import { DEFAULT_GROUPS } from '../../../shared/defaults/groups';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import type { Command } from '../../../shared/protocol/commands';
import { NOTE_AGENDA } from '../../support/agenda';
import { EngineHarness, MINUTE, SECOND, snapshotOf } from '../../support/engine';
import { AGENDAS, meeting, Player } from './arbitraries';

/** What the store does: the snapshot as JSON text, read back, and a new engine from it. */
const restored = (engine: MeetingEngine): MeetingEngine =>
  MeetingEngine.restore(snapshotOf(engine), DEFAULT_ROSTER, DEFAULT_GROUPS);

describe('a meeting restored from its snapshot', () => {
  it('answers every next command exactly as the meeting it was taken from', () => {
    fc.assert(
      fc.property(
        meeting(40, true),
        fc.uniqueArray(fc.nat({ max: 41 }), { maxLength: 4 }),
        ({ agendaName, moves }, cuts) => {
          const original = MeetingEngine.create({
            meetingId: 'M-restore',
            agenda: AGENDAS[agendaName] ?? NOTE_AGENDA,
            roster: DEFAULT_ROSTER,
            groups: DEFAULT_GROUPS,
          });
          const player = new Player(original);
          // The copy is restored afresh from its own snapshot at every cut.
          let copy = restored(original);
          moves.forEach((move, i) => {
            if (cuts.includes(i)) copy = restored(copy);
            const command = player.next(move);
            const expected = original.apply(command, move.by, player.now);
            const actual = copy.apply(command, move.by, player.now);
            player.sent();
            expect(actual, `move ${i}: ${command.type}`).toEqual(expected);
            expect(copy.status).toBe(original.status);
            expect(copy.view(player.now)).toEqual(original.view(player.now));
            expect(copy.deadline()).toBe(original.deadline());
            expect(snapshotOf(copy)).toEqual(snapshotOf(original));
          });
          // Long after the last command, the clocks still agree.
          expect(copy.view(player.now + 45 * MINUTE)).toEqual(
            original.view(player.now + 45 * MINUTE),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps a running clock running, from the instants it was stored with', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.next' });
    h.wait(100 * SECOND);
    const copy = restored(h.engine);
    h.wait(50 * SECOND);
    const turn = copy.view(h.now).turn;
    if (!turn) throw new Error('the restored meeting lost its turn');
    expect(turn.status).toBe('running');
    expect(elapsedAt(turn, h.now)).toBe(150 * SECOND);
    expect(copy.view(h.now)).toEqual(h.view());
    const fromCopy = copy.apply({ type: 'turn.end' }, { role: 'moderator' }, h.now);
    const fromOriginal = h.send({ type: 'turn.end' });
    expect(fromCopy).toEqual(fromOriginal);
    expect(fromCopy.ok && fromCopy.records.turns[0]?.spokenMs).toBe(150 * SECOND);
  });

  it('keeps a paused clock paused, however long the server was down', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    h.wait(MINUTE).ok({ type: 'turn.pause' });
    const copy = restored(h.engine);
    h.wait(3 * 60 * MINUTE);
    expect(copy.view(h.now).turn).toMatchObject({ status: 'paused', elapsedMs: MINUTE });
  });

  it('keeps the deadline of a step that ends turns at the limit', () => {
    const agenda = AGENDAS['end-at-limit'];
    const h = EngineHarness.at('debate', 'floor', { agenda });
    h.request('kenya');
    h.ok({ type: 'floor.next' });
    h.wait(20 * SECOND);
    expect(restored(h.engine).deadline()).toBe(h.engine.deadline());
    expect(h.engine.deadline()).toBe(h.now + 40 * SECOND);
  });

  it.each([
    ['pending', []],
    ['running', [{ type: 'agenda.start' }]],
    ['suspended', [{ type: 'agenda.start' }, { type: 'session.suspend' }]],
    ['closed', [{ type: 'session.close' }]],
  ] satisfies [string, Command[]][])('comes back %s', (status, commands) => {
    const h = new EngineHarness();
    for (const command of commands) h.ok(command);
    const copy = restored(h.engine);
    expect(copy.status).toBe(status);
    expect(copy.view(h.now)).toEqual(h.view());
    expect(copy.check({ type: 'agenda.start' }, { role: 'chair' })).toEqual(
      h.engine.check({ type: 'agenda.start' }, { role: 'chair' }),
    );
  });
});
