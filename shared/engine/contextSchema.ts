import { z } from 'zod';
import { Agenda } from '../protocol/agenda';
import { Id, Instant, Note, Segment, Sex } from '../protocol/common';
import { Cue, CurrentStep, DisplayView, Question, QueueEntry, TurnView } from '../protocol/view';

/**
 * The schemas of the engine's context (./context.ts): what a snapshot is checked against on its
 * way back in (./document.ts), on the server. The engine's types come from them through
 * ./context.ts as types only, so the engine the consoles and the tablet load builds no schema.
 */

/** A request waiting in the queue, with what the room does not see (sex, who entered it). */
export const QueuedRequest = QueueEntry.extend({
  sex: Sex.optional(),
  madeBy: z.enum(['delegate', 'officer']),
  waitingAtClose: z.boolean(),
  /** The moderator placed it (`floor.move`): it stays there, and newcomers do not go by it. */
  moved: z.boolean().optional(),
});
export type QueuedRequest = z.infer<typeof QueuedRequest>;

/** The turn being spoken, with what its record will need. */
export const TurnState = TurnView.extend({ itemId: Id, stepId: Id, sex: Sex.optional() });
export type TurnState = z.infer<typeof TurnState>;

export const FloorState = z.object({
  open: z.boolean(),
  segment: Segment,
  queue: z.array(QueuedRequest),
  /** Interventions from the floor since the panel last answered (the cluster's count). */
  sincePanel: z.number().int().nonnegative(),
  /** Statements of States since one of the others last spoke (fair access, contract version 2). */
  statesSinceOther: z.number().int().nonnegative().default(0),
  /** The questions put to panelists since the panel last answered. */
  questions: z.array(Question).default([]),
});
export type FloorState = z.infer<typeof FloorState>;

/** Where a closed meeting stood: its step, when its item began, who had been heard in it. */
export const ClosedFrom = CurrentStep.pick({
  itemId: true,
  stepId: true,
  itemStartedAt: true,
  heard: true,
  replies: true,
});
export type ClosedFrom = z.infer<typeof ClosedFrom>;

/**
 * Where the session stands, with what only that status has: a suspension's instant and note, a
 * closed meeting's step to reopen at (null when it was closed before it began). One field, so a
 * status and its details can never disagree (docs/architecture.md, "The engine").
 */
export const Session = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }),
  z.object({ status: z.literal('running') }),
  z.object({ status: z.literal('suspended'), since: Instant, note: Note.optional() }),
  z.object({ status: z.literal('closed'), from: ClosedFrom.nullable() }),
]);
export type Session = z.infer<typeof Session>;

/** What the room display shows besides the floor, as the chair sets it. */
export const DisplayOptions = DisplayView;
export type DisplayOptions = DisplayView;

/**
 * Everything the engine knows of a meeting that changes with commands: the statechart's context,
 * and the whole of what a snapshot keeps (the chart's state is a function of it, `chartValue`).
 * It holds no roster (fixed for a meeting and handed to the engine) and no record (the engine
 * answers each command's new records, and the server stores them).
 */
export const MeetingContext = z.object({
  meetingId: z.string().min(1).max(64),
  version: z.number().int().nonnegative(),
  agenda: Agenda,
  /**
   * The version that last changed the agenda (0: as the meeting was made). The view carries it,
   * so the server sends the agenda only when it changes and clients keep the one they have.
   */
  agendaVersion: z.number().int().nonnegative(),
  session: Session,
  current: CurrentStep.nullable(),
  turn: TurnState.nullable(),
  /** The turn a point of order interrupted, paused, given back when the point of order ends. */
  interrupted: TurnState.nullable().default(null),
  floor: FloorState,
  display: DisplayOptions,
  /** The cue to the speaker on the podium; it goes with the turn it was sent during. */
  cue: Cue.nullable().default(null),
});
export type MeetingContext = z.infer<typeof MeetingContext>;
