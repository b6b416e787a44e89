import { describe, expect, it } from 'vitest';
import type { Sender } from '../../../shared/engine/context';
import { mayRoleSend, PERMISSIONS } from '../../../shared/permissions';
import {
  COMMAND_TYPES,
  Command,
  type CommandOf,
  type CommandType,
} from '../../../shared/protocol/commands';
import { Role } from '../../../shared/protocol/common';
import {
  CHAIR,
  DISPLAY,
  delegate,
  EngineHarness,
  MODERATOR,
  snapshotOf,
} from '../../support/engine';

/** A meeting at the point where a command makes sense, and the command. */
type Example<T extends CommandType> = () => { h: EngineHarness; command: CommandOf<T> };

const inDiscussion = () => EngineHarness.at('panel-1', 'discussion');

/** A meeting where someone has the floor in a speakers step; answers the turn's id. */
const withTurn = () => {
  const h = EngineHarness.at('panel-1', 'presentations');
  h.ok({ type: 'turn.start' });
  return { h, turnId: h.turn().id };
};

/**
 * One command of each type that its permitted senders may send, with the meeting it suits. Keyed
 * by every command type: a new command without an example does not compile.
 */
const EXAMPLES = {
  'agenda.start': () => ({ h: new EngineHarness(), command: { type: 'agenda.start' } }),
  'agenda.next': () => ({
    h: EngineHarness.at('welcome'),
    command: { type: 'agenda.next', fromStepId: 'remarks' },
  }),
  'agenda.goto': () => ({
    h: EngineHarness.at('welcome'),
    command: { type: 'agenda.goto', itemId: 'summary', stepId: 'reactions' },
  }),
  'session.suspend': () => ({
    h: EngineHarness.at('welcome'),
    command: { type: 'session.suspend', note: 'Lunch' },
  }),
  'session.resume': () => {
    const h = EngineHarness.at('welcome');
    h.ok({ type: 'session.suspend' });
    return { h, command: { type: 'session.resume' } };
  },
  'session.close': () => ({ h: EngineHarness.at('closing'), command: { type: 'session.close' } }),
  'session.reopen': () => {
    const h = EngineHarness.at('closing');
    h.ok({ type: 'session.close' });
    return { h, command: { type: 'session.reopen' } };
  },
  'agenda.edit': () => ({
    h: new EngineHarness(),
    command: {
      type: 'agenda.edit',
      change: { target: 'item', itemId: 'panel-1', title: 'Panel 1: remittances' },
    },
  }),
  'display.configure': () => ({
    h: EngineHarness.at('welcome'),
    command: { type: 'display.configure', showDelay: true },
  }),
  'cue.send': () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start', speakerId: 'expert-1' });
    return { h, command: { type: 'cue.send', text: 'Please conclude' } };
  },
  'cue.clear': () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start', speakerId: 'expert-1' });
    h.ok({ type: 'cue.send', text: 'Please conclude' });
    return { h, command: { type: 'cue.clear' } };
  },
  'turn.start': () => ({
    h: EngineHarness.at('panel-1', 'presentations'),
    command: { type: 'turn.start', speakerId: 'expert-2' },
  }),
  'turn.pause': () => {
    const { h, turnId } = withTurn();
    return { h, command: { type: 'turn.pause', turnId } };
  },
  'turn.resume': () => {
    const { h, turnId } = withTurn();
    h.ok({ type: 'turn.pause' });
    return { h, command: { type: 'turn.resume', turnId } };
  },
  'turn.end': () => {
    const { h, turnId } = withTurn();
    return { h, command: { type: 'turn.end', turnId } };
  },
  'turn.adjust': () => {
    const { h, turnId } = withTurn();
    return { h, command: { type: 'turn.adjust', turnId, deltaMs: 30_000 } };
  },
  'floor.request': () => ({
    h: inDiscussion(),
    command: { type: 'floor.request', speakerName: 'H.E. Ms. Ana Pérez', sex: 'female' },
  }),
  'floor.withdraw': () => {
    const h = inDiscussion();
    h.request('mexico');
    return { h, command: { type: 'floor.withdraw' } };
  },
  'floor.add': () => ({
    h: inDiscussion(),
    command: { type: 'floor.add', delegationId: 'kenya', speakerName: 'Ms. Wanjiru Kamau' },
  }),
  'floor.remove': () => {
    const h = inDiscussion();
    return { h, command: { type: 'floor.remove', requestId: h.request('kenya') } };
  },
  'floor.move': () => {
    const h = inDiscussion();
    h.request('kenya');
    return { h, command: { type: 'floor.move', requestId: h.request('japan'), position: 0 } };
  },
  'floor.grant': () => {
    const h = inDiscussion();
    return { h, command: { type: 'floor.grant', requestId: h.request('kenya') } };
  },
  'floor.next': () => {
    const h = inDiscussion();
    h.request('kenya');
    return { h, command: { type: 'floor.next' } };
  },
  'floor.close': () => ({ h: inDiscussion(), command: { type: 'floor.close' } }),
  'floor.open': () => {
    const h = inDiscussion();
    h.ok({ type: 'floor.close' });
    return { h, command: { type: 'floor.open' } };
  },
  'floor.segment': () => ({
    h: inDiscussion(),
    command: { type: 'floor.segment', segment: 'panel' },
  }),
} satisfies { [T in CommandType]: Example<T> };

/** A sender of each role; a delegate is bound to Mexico. */
const SENDERS: Record<Role, Sender> = {
  chair: CHAIR,
  moderator: MODERATOR,
  display: DISPLAY,
  delegate: delegate('mexico'),
};

const example = <T extends CommandType>(type: T) => (EXAMPLES[type] as Example<T>)();

describe('the permission table', () => {
  it('has a row for every command, and so does this test', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...COMMAND_TYPES].sort());
    expect(Object.keys(EXAMPLES).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it('gives displays nothing to send', () => {
    expect(COMMAND_TYPES.filter((type) => mayRoleSend('display', type))).toEqual([]);
  });

  it.each(COMMAND_TYPES)('holds a valid example of %s', (type) => {
    const { command } = example(type);
    expect(command.type).toBe(type);
    expect(Command.parse(command)).toEqual(command);
  });
});

describe.each(COMMAND_TYPES)('%s', (type) => {
  const allowed: readonly Role[] = PERMISSIONS[type];

  it.each(Role.options.filter((role) => allowed.includes(role)))(
    'is accepted from a %s when the meeting is ready for it',
    (role) => {
      const { h, command } = example(type);
      const result = h.send(command, SENDERS[role]);
      expect(result).toMatchObject({ ok: true });
    },
  );

  it.each(Role.options.filter((role) => allowed.includes(role)))(
    'is never forbidden to a %s by its role, even when the meeting is not ready',
    (role) => {
      const { command } = example(type);
      for (const h of [new EngineHarness(), EngineHarness.at('summary', 'moderators')]) {
        const result = h.send(command, SENDERS[role]);
        if (!result.ok) expect(result.error.code).not.toBe('forbidden');
      }
    },
  );

  it.each(Role.options.filter((role) => !allowed.includes(role)))(
    'is forbidden to a %s, and changes nothing',
    (role) => {
      const { h, command } = example(type);
      const before = snapshotOf(h.engine);
      const result = h.engine.apply(command, SENDERS[role], h.now);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(h.engine.check(command, SENDERS[role])?.code).toBe('forbidden');
      expect(snapshotOf(h.engine)).toEqual(before);
    },
  );
});
