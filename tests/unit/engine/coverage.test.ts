import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import type { AnyStateNode, SnapshotFrom } from 'xstate';
import { MeetingEngine } from '../../../server/engine/engine';
import { DEFAULT_GROUPS } from '../../../shared/defaults/groups';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import { meetingChart } from '../../../shared/engine/chart';
import type { CommandEvent, Sender } from '../../../shared/engine/context';
import { chartValue, commandEvent, decide, rosterIndex } from '../../../shared/engine/decide';
import { COMMAND_TYPES, type Command } from '../../../shared/protocol/commands';
import { MeetingView } from '../../../shared/protocol/view';
import { CHAIR, delegate, MODERATOR, smallAgenda } from '../../support/engine';

/**
 * Model-based coverage of the statechart with @xstate/graph. The graph is walked on the chart
 * itself, with a finite set of concrete commands, each taken only where `decide` accepts it (so
 * the walk goes where a meeting can go). From every meeting the walk found, every command is
 * then tried, accepted or refused, to see which of the chart's transitions it takes: each one
 * the chart declares, refusals included, must be taken somewhere. Every path is replayed through
 * `MeetingEngine`, the façade the server uses, which must accept every step and end where the
 * graph did, with the chart's configuration the one its context implies.
 */

type ChartSnapshot = SnapshotFrom<typeof meetingChart>;

const NOW = Date.UTC(2017, 6, 25, 15, 0, 0);
// The discussion is closed to one category, so the walk meets that refusal too, and takes
// requests from the start of its item, so the walk meets early requests during the talks.
const agenda = smallAgenda({
  clusterSize: 2,
  openTo: ['member-state', 'observer', 'un-system'],
  requestsFrom: 'item',
});
const roster = rosterIndex(DEFAULT_ROSTER, DEFAULT_GROUPS);
const initial = MeetingEngine.create({
  meetingId: 'M-graph',
  agenda,
  roster: DEFAULT_ROSTER,
  groups: DEFAULT_GROUPS,
});

/**
 * Commands that do not depend on the state, each with a sender the table allows: the moves the
 * walk makes wherever they are accepted.
 */
const MOVES: [Command, Sender][] = [
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
  [{ type: 'cue.send', text: 'Please conclude', flash: true }, MODERATOR],
  [{ type: 'cue.clear' }, MODERATOR],
  [{ type: 'floor.request' }, delegate('mexico')],
  [{ type: 'floor.withdraw' }, delegate('mexico')],
  [{ type: 'floor.add', delegationId: 'kenya' }, MODERATOR],
  [{ type: 'floor.add', delegationId: 'kenya', kind: 'point-of-order' }, MODERATOR],
  // Mexico's rights of reply, up to the cap.
  [{ type: 'floor.request', kind: 'reply' }, delegate('mexico')],
  [{ type: 'floor.next' }, MODERATOR],
  [{ type: 'floor.close' }, MODERATOR],
  [{ type: 'floor.open' }, MODERATOR],
  [{ type: 'floor.segment', segment: 'panel' }, MODERATOR],
  [{ type: 'floor.segment', segment: 'floor' }, MODERATOR],
];

/**
 * Commands tried in every meeting the walk finds, for the transitions they take, but not walked
 * on: refused wherever they are (a turn or step gone, nobody of that id, a stakeholder in a
 * discussion closed to stakeholders), or accepted only where a move above makes the same meeting
 * (Kenya's point of order from its tablet, a statement for the African Group or with a question
 * to the expert). Walking them would only make the walk longer.
 */
const PROBES: [Command, Sender][] = [
  // Refused before the chart (the token is bound to no delegation of the meeting); the chart's
  // own answer is tried all the same.
  [{ type: 'agenda.next', fromStepId: 'no-longer' }, MODERATOR],
  [{ type: 'agenda.goto', itemId: 'no-such-item' }, CHAIR],
  [{ type: 'agenda.goto', itemId: 'debate', fromStepId: 'no-longer' }, CHAIR],
  [{ type: 'agenda.goto', itemId: 'debate', stepId: 'no-such-step' }, CHAIR],
  [{ type: 'agenda.edit', change: { target: 'item', itemId: 'no-such-item' } }, CHAIR],
  [{ type: 'turn.start', turnId: 'T-gone' }, MODERATOR],
  [{ type: 'turn.start', fromStepId: 'no-longer' }, MODERATOR],
  [{ type: 'turn.start', speakerId: 'nobody-scheduled' }, MODERATOR],
  [{ type: 'turn.start', speaker: { name: 'Ms. X', delegationId: 'no-such' } }, MODERATOR],
  [{ type: 'turn.pause', turnId: 'T-gone' }, MODERATOR],
  [{ type: 'turn.resume', turnId: 'T-gone' }, MODERATOR],
  [{ type: 'turn.end', turnId: 'T-gone' }, MODERATOR],
  [{ type: 'turn.adjust', deltaMs: 30_000, turnId: 'T-gone' }, MODERATOR],
  [{ type: 'turn.adjust', deltaMs: 30_000, fromLimitMs: 1 }, MODERATOR],
  [{ type: 'turn.adjust', deltaMs: -3_600_000 }, MODERATOR],
  [{ type: 'floor.request', speakerName: 'Mr. A. Diallo' }, delegate('mexico')],
  [{ type: 'floor.request', kind: 'point-of-order' }, delegate('no-such')],
  [{ type: 'floor.add', delegationId: 'no-such', kind: 'point-of-order' }, MODERATOR],
  [{ type: 'floor.add', delegationId: 'no-such' }, MODERATOR],
  [{ type: 'floor.add', delegationId: 'ituc' }, MODERATOR],
  [{ type: 'floor.request' }, delegate('ituc')],
  [{ type: 'floor.request' }, delegate('no-such')],
  [{ type: 'floor.next', requestId: 'R-gone' }, MODERATOR],
  [{ type: 'floor.next', turnId: 'T-gone' }, MODERATOR],
  [{ type: 'floor.grant', requestId: 'R-gone' }, MODERATOR],
  [{ type: 'floor.remove', requestId: 'R-gone' }, MODERATOR],
  [{ type: 'floor.move', requestId: 'R-gone', position: 0 }, MODERATOR],
  [{ type: 'floor.add', delegationId: 'kenya', onBehalfOf: 'african-group' }, MODERATOR],
  [{ type: 'floor.add', delegationId: 'kenya', addressedTo: ['expert'] }, MODERATOR],
  [{ type: 'floor.add', delegationId: 'mexico', onBehalfOf: 'african-group' }, MODERATOR],
  [{ type: 'floor.add', delegationId: 'mexico', onBehalfOf: 'no-such-group' }, MODERATOR],
  [{ type: 'floor.add', delegationId: 'mexico', addressedTo: ['nobody'] }, MODERATOR],
  [{ type: 'floor.request', onBehalfOf: 'african-group' }, delegate('mexico')],
  [{ type: 'floor.request', onBehalfOf: 'no-such-group' }, delegate('mexico')],
  [{ type: 'floor.request', addressedTo: ['nobody'] }, delegate('mexico')],
  [{ type: 'floor.add', delegationId: 'mexico', kind: 'reply' }, MODERATOR],
  [{ type: 'display.configure', blackout: true, lang: 'fr' }, CHAIR],
  [{ type: 'floor.request', kind: 'point-of-order' }, delegate('kenya')],
];

/**
 * Which delegation's request an event of the walk names. Request ids come from versions, which
 * the walk leaves out of a state (below), so a replay finds the request again by its delegation.
 */
const requestOf = new WeakMap<CommandEvent, { delegationId: string; kind: string }>();

/** Commands on the requests waiting in this state. */
const onQueue = (snapshot: ChartSnapshot): CommandEvent[] =>
  snapshot.context.floor.queue.flatMap((r) =>
    (
      [
        { type: 'floor.grant', requestId: r.id },
        { type: 'floor.grant', requestId: r.id, turnId: 'T-gone' },
        { type: 'floor.remove', requestId: r.id },
        // Moving a point of order would only multiply the orders the walk tells apart.
        ...(r.kind === 'point-of-order'
          ? []
          : [{ type: 'floor.move', requestId: r.id, position: 0 } as const]),
      ] as const
    ).map((command) => {
      const event = commandEvent(snapshot.context, roster, command, MODERATOR, NOW);
      requestOf.set(event, { delegationId: r.delegationId, kind: r.kind });
      return event;
    }),
  );

/** Every command tried in a meeting, accepted or not. */
const eventsOf = (snapshot: ChartSnapshot, commands: [Command, Sender][]): CommandEvent[] =>
  commands.map(([command, by]) => commandEvent(snapshot.context, roster, command, by, NOW));
const candidates = (snapshot: ChartSnapshot): CommandEvent[] => [
  ...eventsOf(snapshot, MOVES),
  ...eventsOf(snapshot, PROBES),
  ...onQueue(snapshot),
];

/** The moves a meeting accepts: the walk goes only where `decide` would. */
const accepted = (snapshot: ChartSnapshot): CommandEvent[] =>
  [...eventsOf(snapshot, MOVES), ...onQueue(snapshot)].filter(
    (e) => decide(snapshot.context, roster, e.command, e.by, e.now).ok,
  );

/**
 * What tells two meetings apart for the walk: the chart's state, the step, the clock, the queue
 * (who waits, and who is first). Versions and instants are left out, or every command would make
 * a new state and the walk would never end.
 */
const serializeState = (snapshot: Pick<ChartSnapshot, 'value' | 'context'>): string => {
  const { current, turn, floor, session } = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    // A meeting closed before it began cannot be reopened; one closed at a step can.
    session.status === 'closed' && session.from !== null,
    current && `${current.itemId}/${current.stepId}/${current.heard.join('+')}`,
    current && Object.entries(current.replies).join('+'),
    turn && `${turn.status}/${turn.segment ?? ''}/${turn.speaker.kind === 'point-of-order'}`,
    snapshot.context.interrupted?.id !== undefined,
    snapshot.context.cue !== null,
    // Who waits, and whether a point of order is first: the order tells no other transition
    // apart (the queue's order has its own property tests), and would multiply the meetings.
    floor.queue.map((r) => `${r.delegationId}:${r.kind}`).sort(),
    floor.queue[0]?.kind === 'point-of-order',
    Math.min(floor.sincePanel, 2),
  ]);
};

/** Every state node under `node`, itself included. */
const nodesOf = (node: AnyStateNode): AnyStateNode[] => [
  node,
  ...Object.values(node.states).flatMap(nodesOf),
];

/** A state where the meeting can rest: a leaf that is not a `route` (those are passed through). */
const restingStates = nodesOf(meetingChart.root)
  .filter((n) => Object.keys(n.states).length === 0 && n.key !== 'route')
  .map((n) => n.id);

/** Each transition the chart declares, by its state, its command and its place in the list. */
const declared = nodesOf(meetingChart.root).flatMap((node) =>
  [...node.transitions.entries()].flatMap(([type, list]) =>
    list.map((_, i) => `${node.id} ${type} #${i}`),
  ),
);

const keyOf = (t: { source: AnyStateNode; eventType: string }) => {
  const list = t.source.transitions.get(t.eventType) ?? [];
  return `${t.source.id} ${t.eventType} #${list.indexOf(t as (typeof list)[number])}`;
};

// About 6,000 meetings, each tried with every command: a few seconds on an idle machine, far more
// on a shared one.
describe('the statechart, walked with @xstate/graph', { timeout: 240_000 }, () => {
  const paths = getShortestPaths(meetingChart, {
    input: initial.context,
    events: accepted,
    serializeState,
  });

  it('reaches every state the chart has: the session, the step, the list, the segment, the turn', () => {
    const reached = new Set<string>();
    for (const { state } of paths) {
      for (const node of state._nodes) reached.add(node.id);
    }
    expect(restingStates.filter((id) => !reached.has(id))).toEqual([]);
    expect(restingStates).toEqual(
      expect.arrayContaining([
        'meeting.pending',
        'meeting.closed',
        'meeting.sitting.session.suspended',
        'meeting.sitting.step.floor.list.closed',
        'meeting.sitting.step.floor.segment.panel',
        'meeting.sitting.turn.speaking.paused',
        'meeting.sitting.turn.interrupting.running',
      ]),
    );
    // And far more than the chart's states: the walk covers steps, clocks and queues.
    expect(paths.length).toBeGreaterThan(100);
  });

  it('takes every transition the chart declares, refusals included', () => {
    const taken = new Set<string>();
    for (const { state } of paths) {
      for (const event of candidates(state)) {
        for (const t of meetingChart.getTransitionData(state, event)) taken.add(keyOf(t));
      }
    }
    expect(declared.length).toBeGreaterThan(80);
    expect(declared.filter((t) => !taken.has(t))).toEqual([
      // More than the longest allowance needs hours of +30 s the walk does not tell apart; the
      // refusal is tested in turns.test.ts.
      'meeting.sitting.turn.speaking turn.adjust #3',
      'meeting.sitting.turn.interrupting turn.adjust #3',
    ]);
    // Every command is answered somewhere in the chart.
    const types = new Set(declared.map((t) => t.split(' ')[1]));
    expect(COMMAND_TYPES.filter((type) => !types.has(type))).toEqual([]);
  });

  it('answers every command in every meeting the walk found: a change or a refusal, never nothing', () => {
    for (const { state } of paths) {
      for (const event of candidates(state)) {
        expect(meetingChart.getTransitionData(state, event).length, event.type).toBeGreaterThan(0);
      }
    }
  });

  it('replays every path through the engine, which accepts each step and ends where the graph did', () => {
    for (const path of paths) {
      const engine = MeetingEngine.create({
        meetingId: 'M-graph',
        agenda,
        roster: DEFAULT_ROSTER,
        groups: DEFAULT_GROUPS,
      });
      const [init, ...steps] = path.steps;
      expect(init?.event.type).toBe('xstate.init');
      for (const { event, state } of steps) {
        const named = requestOf.get(event);
        const waiting = engine.context.floor.queue.find(
          (r) => r.delegationId === named?.delegationId && r.kind === named.kind,
        );
        const command =
          'requestId' in event.command && waiting
            ? { ...event.command, requestId: waiting.id }
            : event.command;
        const result = engine.apply(command, event.by, event.now);
        expect(result, `${command.type} towards ${serializeState(path.state)}`).toMatchObject({
          ok: true,
        });
        // The chart went where the new context says it is: no state is held apart from it.
        expect(state.value).toEqual(chartValue(state.context));
        expect(serializeState({ value: chartValue(engine.context), context: engine.context })).toBe(
          serializeState(state),
        );
      }
      expect(engine.version).toBe(steps.length);
      expect(MeetingView.safeParse(engine.view(NOW)).success).toBe(true);
    }
  });
});
