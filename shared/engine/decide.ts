import { type SnapshotFrom, transition } from 'xstate';
import { mayRoleSend } from '../permissions';
import type { Agenda, Delegation, Group, Roster } from '../protocol/agenda';
import type { Command } from '../protocol/commands';
import { type Refusal, refuse } from '../protocol/refusals';
import { editAgenda } from './agendaEdit';
import { meetingChart, type Refused } from './chart';
import {
  type CommandEvent,
  emptyFloor,
  type MeetingContext,
  noRecords,
  type Records,
  type Sender,
} from './context';
import { currentStep } from './places';

/** What `decide` answers: a refusal that changes nothing, or the new context and its records. */
export type Decision =
  | { ok: true; context: MeetingContext; records: Records }
  | { ok: false; error: Refusal };

/** The roster as the engine reads it: delegations by id, and the meeting's groups by id. */
export interface RosterIndex {
  delegations: ReadonlyMap<string, Delegation>;
  groups: ReadonlyMap<string, Group>;
}

export const rosterIndex = (roster: Roster, groups: readonly Group[] = []): RosterIndex => ({
  delegations: new Map(roster.map((d) => [d.id, d])),
  groups: new Map(groups.map((g) => [g.id, g])),
});

/** A new meeting's context, before its session starts. */
export const newMeeting = (meetingId: string, agenda: Agenda): MeetingContext => ({
  meetingId,
  version: 0,
  agenda,
  agendaVersion: 0,
  session: { status: 'pending' },
  current: null,
  turn: null,
  interrupted: null,
  floor: emptyFloor(),
  display: { showDelay: false, blackout: false, lang: 'en' },
  cue: null,
});

/**
 * Where the chart stands for a context. The context is the whole state; the chart's
 * configuration follows from it, so a snapshot keeps the context alone.
 */
export const chartValue = (ctx: MeetingContext): SnapshotFrom<typeof meetingChart>['value'] => {
  const { status } = ctx.session;
  if (status === 'pending' || status === 'closed') return status;
  const floorStep = currentStep(ctx)?.step.kind === 'floor';
  return {
    sitting: {
      session: status,
      step: floorStep
        ? { floor: { list: ctx.floor.open ? 'open' : 'closed', segment: ctx.floor.segment } }
        : 'speakers',
      turn: !ctx.turn
        ? 'none'
        : ctx.interrupted
          ? { interrupting: ctx.turn.status }
          : { speaking: ctx.turn.status },
    },
  };
};

// The chart's snapshot of each context decided on, so a context is resolved once, not per command.
const resolved = new WeakMap<MeetingContext, ReturnType<typeof meetingChart.resolveState>>();

const snapshotOf = (ctx: MeetingContext) => {
  let snapshot = resolved.get(ctx);
  if (!snapshot) {
    snapshot = meetingChart.resolveState({ value: chartValue(ctx), context: ctx });
    resolved.set(ctx, snapshot);
  }
  return snapshot;
};

/** What only the sender decides: its role, the version it saw, the delegation it is bound to. */
const senderRefusal = (
  ctx: MeetingContext,
  roster: RosterIndex,
  command: Command,
  by: Sender,
): Refusal | null => {
  if (!mayRoleSend(by.role, command.type)) {
    return refuse('forbidden', `A ${by.role} may not send "${command.type}".`);
  }
  if (command.expectedVersion !== undefined && command.expectedVersion !== ctx.version) {
    return refuse(
      'conflict',
      `The meeting changed meanwhile (version ${ctx.version}, not ${command.expectedVersion}): look again and retry.`,
    );
  }
  if (command.type === 'floor.request' || command.type === 'floor.withdraw') {
    if (by.delegationId === undefined || !roster.delegations.has(by.delegationId)) {
      return refuse('not_found', 'This device is not bound to a delegation of this meeting.');
    }
  }
  return null;
};

/** The chart's event for a command: the facts it needs looked up once, here. */
export const commandEvent = (
  ctx: MeetingContext,
  roster: RosterIndex,
  command: Command,
  by: Sender,
  now: number,
): CommandEvent => {
  const delegationId =
    command.type === 'floor.request'
      ? by.delegationId
      : command.type === 'floor.add'
        ? command.delegationId
        : command.type === 'turn.start'
          ? command.speaker?.delegationId
          : undefined;
  const delegation = delegationId === undefined ? undefined : roster.delegations.get(delegationId);
  const groupId =
    command.type === 'floor.request' || command.type === 'floor.add'
      ? command.onBehalfOf
      : undefined;
  const group = groupId === undefined ? undefined : roster.groups.get(groupId);
  return {
    type: command.type,
    command,
    by,
    now,
    ...(delegation && { delegation }),
    ...(group && { group }),
    ...(command.type === 'agenda.edit' && { edit: editAgenda(ctx.agenda, command.change) }),
  };
};

const NO_TRANSITION: Refusal = refuse(
  'not_now',
  'That is not possible at this point of the meeting.',
);

/**
 * The one decision of a command (docs/architecture.md, "The engine"): checked once and applied
 * once, by one pass through the statechart. Pure: it reads no clock (`now` is given) and changes
 * nothing it is given; a refusal leaves `ctx` as it was, an acceptance answers a new context.
 */
export const decide = (
  ctx: MeetingContext,
  roster: RosterIndex,
  command: Command,
  by: Sender,
  now: number,
): Decision => {
  const refusal = senderRefusal(ctx, roster, command, by);
  if (refusal) return { ok: false, error: refusal };
  const before = snapshotOf(ctx);
  const [after, actions] = transition(
    meetingChart,
    before,
    commandEvent(ctx, roster, command, by, now),
  );
  const records = noRecords();
  for (const action of actions) {
    // The first refusal is the answer: regions are listed in the order their reasons come first.
    if (action.type === 'refuse') return { ok: false, error: action.params as Refused };
    if (action.type === 'record') {
      const made = action.params as Records;
      records.turns.push(...made.turns);
      records.requests.push(...made.requests);
      records.steps.push(...made.steps);
    }
  }
  if (after.context === ctx || after.context.version !== ctx.version + 1) {
    return { ok: false, error: NO_TRANSITION };
  }
  resolved.set(after.context, after);
  return { ok: true, context: after.context, records };
};

/**
 * "May I press this?" for a screen: the same decision, on the meeting as the screen sees it,
 * answered as the refusal it would get (null: it would act). Changes nothing.
 */
export const refusalOf = (
  ctx: MeetingContext,
  roster: RosterIndex,
  command: Command,
  by: Sender,
  now: number,
): Refusal | null => {
  const decision = decide(ctx, roster, command, by, now);
  return decision.ok ? null : decision.error;
};
