import type { Agenda, Delegation, Group } from '../protocol/agenda';
import type { Command } from '../protocol/commands';
import type { Role } from '../protocol/common';
import type { RequestRecord, StepRecord, TurnRecord } from '../protocol/view';
import type { FloorState } from './contextSchema';
import type { Refused } from './refusals';

/** Who sent a command: a role, and for a delegate the delegation its token is bound to. */
export interface Sender {
  role: Role;
  delegationId?: string;
}

/**
 * What the engine knows of a meeting, as types: their schemas are ./contextSchema.ts's, read by
 * the server when a snapshot comes back (./document.ts). Only types come from there, so the
 * engine the screens load (to ask "may I press this?") builds no schema and loads no zod.
 */
export type {
  ClosedFrom,
  DisplayOptions,
  FloorState,
  MeetingContext,
  QueuedRequest,
  Session,
  TurnState,
} from './contextSchema';

/** What a command sends into the machine: the command, its sender, the instant, and facts the engine looked up. */
export interface CommandEvent {
  type: Command['type'];
  command: Command;
  by: Sender;
  now: number;
  /** The delegation a floor command concerns, resolved from the roster by the engine. */
  delegation?: Delegation;
  /** An `agenda.edit`'s result, worked out once before the chart sees the command. */
  edit?: EditedAgenda;
  /** The group a statement is made on behalf of, resolved from the meeting's groups. */
  group?: Group;
}

export type EditedAgenda = { ok: true; agenda: Agenda } | { ok: false; error: Refused };

/** Records made by one command, for the server to store with it. */
export interface Records {
  turns: TurnRecord[];
  requests: RequestRecord[];
  steps: StepRecord[];
}

export const noRecords = (): Records => ({ turns: [], requests: [], steps: [] });

export const emptyFloor = (): FloorState => ({
  open: true,
  segment: 'floor',
  queue: [],
  sincePanel: 0,
  statesSinceOther: 0,
  questions: [],
});
