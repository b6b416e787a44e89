import { describe, expect, it } from 'vitest';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import type { Sender } from '../../../shared/engine/context';
import { decide, rosterIndex } from '../../../shared/engine/decide';
import { contextFromView } from '../../../shared/engine/fromView';
import type { Command } from '../../../shared/protocol/commands';
import { CHAIR, delegate, EngineHarness, MINUTE, MODERATOR } from '../../support/engine';

const roster = rosterIndex(DEFAULT_ROSTER);

/** What a screen would be told for a press, from its view, against what the server answers. */
const sameAnswer = (h: EngineHarness, command: Command, by: Sender) => {
  const onScreen = decide(contextFromView(h.view()), roster, command, by, h.now);
  const onServer = decide(h.engine.context, roster, command, by, h.now);
  expect(onScreen.ok, `${command.type} by a ${by.role}`).toBe(onServer.ok);
  if (!onScreen.ok && !onServer.ok) expect(onScreen.error).toEqual(onServer.error);
};

const PRESSES: [Command, Sender][] = [
  [{ type: 'agenda.next' }, MODERATOR],
  [{ type: 'agenda.next' }, CHAIR],
  [{ type: 'session.suspend' }, CHAIR],
  [{ type: 'session.resume' }, CHAIR],
  [{ type: 'session.reopen' }, CHAIR],
  [{ type: 'turn.start' }, MODERATOR],
  [{ type: 'turn.pause' }, MODERATOR],
  [{ type: 'turn.resume' }, MODERATOR],
  [{ type: 'turn.end' }, MODERATOR],
  [{ type: 'turn.adjust', deltaMs: 30_000 }, MODERATOR],
  [{ type: 'floor.next' }, MODERATOR],
  [{ type: 'floor.close' }, MODERATOR],
  [{ type: 'floor.open' }, MODERATOR],
  [{ type: 'floor.segment', segment: 'panel' }, MODERATOR],
  [{ type: 'floor.request' }, delegate('mexico')],
  [{ type: 'floor.withdraw' }, delegate('kenya')],
];

describe('a screen asking "may I press this?" from its view', () => {
  it('gets the answer the server would give, at every point of a sitting', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    const check = () => {
      for (const [command, by] of PRESSES) sameAnswer(h, command, by);
    };
    check();
    h.ok({ type: 'turn.start' });
    check();
    h.wait(MINUTE).ok({ type: 'turn.pause' });
    check();
    h.ok({ type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    check();
    h.request('kenya');
    h.request('ituc');
    check();
    h.ok({ type: 'floor.next' });
    check();
    h.ok({ type: 'floor.close' });
    check();
    h.ok({ type: 'session.suspend', note: 'Lunch' });
    check();
    h.ok({ type: 'session.resume' });
    h.ok({ type: 'session.close' });
    check();
  });
});
