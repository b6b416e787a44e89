import type { Agenda, AgendaItem, Delegation, Step } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import type { Role, Segment, Sex } from '../../shared/protocol/common';
import type {
  QueueEntry,
  RequestRecord,
  StepRecord,
  TurnRecord,
  TurnView,
} from '../../shared/protocol/view';

/** Who sent a command: a role, and for a delegate the delegation its token is bound to. */
export interface Sender {
  role: Role;
  delegationId?: string;
}

/** A request waiting in the queue, with what the room does not see (sex, who entered it). */
export interface QueuedRequest extends QueueEntry {
  sex?: Sex;
  madeBy: 'delegate' | 'officer';
  waitingAtClose: boolean;
}

/** The turn being spoken, with what its record will need. */
export interface TurnState extends TurnView {
  itemId: string;
  stepId: string;
  sex?: Sex;
}

export interface FloorState {
  open: boolean;
  segment: Segment;
  queue: QueuedRequest[];
  sincePanel: number;
}

export interface CurrentState {
  itemId: string;
  stepId: string;
  startedAt: number;
  /** When the meeting entered this agenda item (a move between its steps keeps it). */
  itemStartedAt: number;
  heard: string[];
}

/** What the room display shows besides the floor, as the chair sets it. */
export interface DisplayOptions {
  showDelay: boolean;
}

/**
 * Everything the engine knows of a meeting that changes with commands. It holds no roster (that
 * is fixed for a meeting and handed to the engine) and no record (the engine reports each new
 * record as it is made, and the server stores it).
 */
export interface MeetingContext {
  meetingId: string;
  version: number;
  agenda: Agenda;
  /**
   * The version that last changed the agenda (0: as the meeting was made). The view carries it,
   * so the server sends the agenda only when it changes and clients keep the one they have.
   */
  agendaVersion: number;
  current: CurrentState | null;
  turn: TurnState | null;
  floor: FloorState;
  suspension: { since: number; note?: string } | null;
  display: DisplayOptions;
  /**
   * The step the meeting was at when it was last closed, so `session.reopen` goes back there;
   * null when it was closed before it began. Absent until a close, and in snapshots made before
   * reopening existed (those meetings reopen at their last agenda step).
   */
  closedFrom?: ClosedFrom | null;
}

/** Where a closed meeting stood: its step, when its item began, who had been heard in it. */
export type ClosedFrom = Pick<CurrentState, 'itemId' | 'stepId' | 'itemStartedAt' | 'heard'>;

/** What a command sends into the machine: the command, its sender, the instant, and facts the engine looked up. */
export interface CommandEvent {
  type: Command['type'];
  command: Command;
  by: Sender;
  now: number;
  /** The delegation a floor command concerns, resolved from the roster by the engine. */
  delegation?: Delegation;
}

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
});

export interface Located {
  item: AgendaItem;
  itemIndex: number;
  step: Step;
  stepIndex: number;
}

export const locate = (agenda: Agenda, itemId: string, stepId: string): Located | null => {
  const itemIndex = agenda.items.findIndex((i) => i.id === itemId);
  const item = agenda.items[itemIndex];
  if (!item) return null;
  const stepIndex = item.steps.findIndex((s) => s.id === stepId);
  const step = item.steps[stepIndex];
  if (!step) return null;
  return { item, itemIndex, step, stepIndex };
};

export const currentStep = (ctx: MeetingContext): Located | null =>
  ctx.current ? locate(ctx.agenda, ctx.current.itemId, ctx.current.stepId) : null;

/** Whether the meeting is at the agenda's very last step, where "next" closes it. */
export const atLastStep = (ctx: MeetingContext): boolean => {
  const here = ctx.current;
  const last = ctx.agenda.items.at(-1);
  return here !== null && last?.id === here.itemId && last.steps.at(-1)?.id === here.stepId;
};

/** The step after the current one, across items; null after the last. */
export const stepAfter = (ctx: MeetingContext): { itemId: string; stepId: string } | null => {
  const here = currentStep(ctx);
  if (!here) return null;
  const nextInItem = here.item.steps[here.stepIndex + 1];
  if (nextInItem) return { itemId: here.item.id, stepId: nextInItem.id };
  const nextItem = ctx.agenda.items[here.itemIndex + 1];
  const first = nextItem?.steps[0];
  return nextItem && first ? { itemId: nextItem.id, stepId: first.id } : null;
};
