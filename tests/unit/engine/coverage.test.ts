import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { type SnapshotFrom, transition } from 'xstate';
import { commandEvent, MeetingEngine } from '../../../server/engine/engine';
import { meetingMachine } from '../../../server/engine/machine';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import type { CommandEvent, Sender } from '../../../shared/engine/context';
import { COMMAND_TYPES, type Command } from '../../../shared/protocol/commands';
import { MeetingStatus, MeetingView } from '../../../shared/protocol/view';
import { CHAIR, delegate, MODERATOR, smallAgenda } from '../../support/engine';

/**
 * Model-based coverage of the session flow with @xstate/graph. The graph is walked on the
 * machine itself (its guards are the engine's rules), with a finite set of concrete commands;
 * every path found is then replayed through `MeetingEngine`, the façade the server uses, which
 * must accept every step and end in the very state the graph says.
 */

type MeetingSnapshot = SnapshotFrom<typeof meetingMachine>;

const NOW = Date.UTC(2017, 6, 25, 15, 0, 0);
const agenda = smallAgenda({ clusterSize: 2 });
const roster = new Map(DEFAULT_ROSTER.map((d) => [d.id, d]));
const initial = MeetingEngine.create({ meetingId: 'M-graph', agenda, roster: DEFAULT_ROSTER });

/** The machine event of a command, as the engine makes it (the delegation looked up). */
const eventOf = (command: Command, by: Sender): CommandEvent =>
  commandEvent(roster, command, by, NOW);

/** Commands that do not depend on the state, each with a sender the table allows. */
const FIXED: [Command, Sender][] = [
  [{ type: 'agenda.start' }, CHAIR],
  [{ type: 'agenda.next' }, MODERATOR],
  [{ type: 'agenda.goto', itemId: 'debate', stepId: 'floor' }, CHAIR],
  [{ type: 'agenda.goto', itemId: 'debate', stepId: 'wrap-up' }, CHAIR],
  [{ type: 'session.suspend', note: 'Lunch' }, CHAIR],
  [{ type: 'session.resume' }, CHAIR],
  [{ type: 'session.close' }, CHAIR],
  [{ type: 'session.reopen' }, CHAIR],
  // The last step's "next" closes the meeting: the chair's, refused to a moderator.
  [{ type: 'agenda.next' }, CHAIR],
  [{ type: 'agenda.edit', change: { target: 'meeting', title: 'Renamed meeting' } }, CHAIR],
  [{ type: 'display.configure', showDelay: true }, CHAIR],
  [{ type: 'display.configure', showDelay: false }, CHAIR],
  [{ type: 'turn.start' }, MODERATOR],
  [{ type: 'turn.start', speakerId: 'expert' }, MODERATOR],
  [{ type: 'turn.start', speaker: { name: 'Ms. Ana Pérez', delegationId: 'mexico' } }, MODERATOR],
  [{ type: 'turn.pause' }, MODERATOR],
  [{ type: 'turn.resume' }, MODERATOR],
  [{ type: 'turn.end' }, MODERATOR],
  [{ type: 'turn.adjust', deltaMs: 30_000 }, MODERATOR],
  [{ type: 'floor.request' }, delegate('mexico')],
  [{ type: 'floor.request', speakerName: 'Mr. A. Diallo' }, delegate('iom')],
  [{ type: 'floor.withdraw' }, delegate('mexico')],
  [{ type: 'floor.add', delegationId: 'kenya' }, MODERATOR],
  [{ type: 'floor.next' }, MODERATOR],
  [{ type: 'floor.close' }, MODERATOR],
  [{ type: 'floor.open' }, MODERATOR],
  [{ type: 'floor.segment', segment: 'panel' }, MODERATOR],
  [{ type: 'floor.segment', segment: 'floor' }, MODERATOR],
];

/**
 * Which delegation's request an event of the walk names. Request ids come from versions, which
 * the walk leaves out of a state (below), so a replay finds the request again by its delegation.
 */
const requestOf = new WeakMap<CommandEvent, string>();

/** Commands on the requests waiting in this state. */
const onQueue = (snapshot: MeetingSnapshot): CommandEvent[] =>
  snapshot.context.floor.queue.flatMap((r) =>
    (
      [
        { type: 'floor.grant', requestId: r.id },
        { type: 'floor.remove', requestId: r.id },
        { type: 'floor.move', requestId: r.id, position: 0 },
      ] as const
    ).map((command) => {
      const event = eventOf(command, MODERATOR);
      requestOf.set(event, r.delegationId);
      return event;
    }),
  );

const events = (snapshot: MeetingSnapshot): CommandEvent[] => [
  ...FIXED.map(([command, by]) => eventOf(command, by)),
  ...onQueue(snapshot),
];

/**
 * What tells two meetings apart for the walk: the flow's state, the step, the clock, the queue
 * (who waits, in which order), the list and the segment. Versions and instants are left out, or
 * every command would make a new state and the walk would never end.
 */
const serializeState = (snapshot: Pick<MeetingSnapshot, 'value' | 'context'>): string => {
  const { current, turn, floor } = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    current && `${current.itemId}/${current.stepId}/${current.heard.join('+')}`,
    turn && `${turn.status}/${turn.segment ?? ''}`,
    floor.queue.map((r) => r.delegationId),
    floor.open,
    floor.segment,
    Math.min(floor.sincePanel, 3),
  ]);
};

const options = {
  input: { context: initial.context },
  events,
  serializeState,
};

describe('the session flow, walked with @xstate/graph', () => {
  const paths = getShortestPaths(meetingMachine, options);

  it('reaches every state of the machine: pending, running, suspended, closed', () => {
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual([...MeetingStatus.options].sort());
    // And far more than four meetings: the walk covers steps, clocks and queues.
    expect(paths.length).toBeGreaterThan(100);
  });

  it('takes every transition the machine declares, in every state', () => {
    // From one meeting of every kind the walk found, try every command of the walk.
    const taken = new Set<string>();
    for (const { state } of paths) {
      for (const event of events(state)) {
        const [next] = transition(meetingMachine, state, event);
        if (next.context.version === state.context.version + 1) {
          taken.add(`${String(state.value)} ${event.type}`);
        }
      }
    }
    const declared = MeetingStatus.options.flatMap((status) =>
      meetingMachine.states[status].ownEvents.map((type) => `${status} ${type}`),
    );
    // The one transition no walk can take: a suspension pauses the clock and nothing can
    // resume it before the session resumes, so "pause" in a suspension always finds it paused.
    expect(declared.filter((t) => !taken.has(t))).toEqual(['suspended turn.pause']);
    // A closed meeting declares one command, and takes nothing else: the chair reopens it.
    expect([...taken].filter((t) => t.startsWith('closed'))).toEqual(['closed session.reopen']);
    expect(COMMAND_TYPES.every((type) => declared.some((t) => t.endsWith(` ${type}`)))).toBe(true);
  });

  it('replays every path through the engine, which accepts each step and ends where the graph did', () => {
    for (const path of paths) {
      const engine = MeetingEngine.create({ meetingId: 'M-graph', agenda, roster: DEFAULT_ROSTER });
      const [init, ...steps] = path.steps;
      expect(init?.event.type).toBe('xstate.init');
      for (const { event, state } of steps) {
        const delegationId = requestOf.get(event);
        const waiting = engine.context.floor.queue.find((r) => r.delegationId === delegationId);
        const command =
          'requestId' in event.command && waiting
            ? { ...event.command, requestId: waiting.id }
            : event.command;
        expect(engine.check(command, event.by)).toBeNull();
        const result = engine.apply(command, event.by, event.now);
        expect(result, `${command.type} towards ${serializeState(path.state)}`).toMatchObject({
          ok: true,
        });
        expect(serializeState({ value: engine.status, context: engine.context })).toBe(
          serializeState(state),
        );
      }
      expect(engine.status).toBe(path.state.value);
      expect(engine.version).toBe(steps.length);
      expect(MeetingView.safeParse(engine.view(NOW)).success).toBe(true);
    }
  });
});
