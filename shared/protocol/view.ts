import { z } from 'zod';
import { Agenda } from './agenda';
import {
  Category,
  Duration,
  Id,
  Instant,
  Lang,
  Name,
  Note,
  QueuePolicy,
  RequestKind,
  Segment,
  ServerId,
  Sex,
} from './common';
import { LIMITS } from './limits';

export const MeetingStatus = z.enum(['pending', 'running', 'suspended', 'closed']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** The group a statement is made on behalf of (contract version 2), with its name for the room. */
export const OnBehalfOf = z.object({ id: Id, name: Name });
export type OnBehalfOf = z.infer<typeof OnBehalfOf>;

/** The panelists a question addresses: speaker ids of the current item's programme. */
export const AddressedTo = z.array(Id).max(LIMITS.addressees);

export const TurnSpeaker = z.object({
  name: Name,
  delegationId: Id.optional(),
  /** The delegation's name, when the speaker speaks for one. */
  delegationName: Name.optional(),
  category: Category.optional(),
  /** The scheduled speaker's id in the agenda, when the turn is one of theirs. */
  speakerId: Id.optional(),
  /** Contract version 2: a reply's or a point of order's turn says so (absent: a statement). */
  kind: RequestKind.optional(),
  /** Contract version 2: a statement made on behalf of a group. */
  onBehalfOf: OnBehalfOf.optional(),
  /** Added: the panelists the statement's questions address. */
  addressedTo: AddressedTo.optional(),
});
export type TurnSpeaker = z.infer<typeof TurnSpeaker>;

/**
 * A turn's clock is stored as instants: while running, `startedAt` is the last start or resume
 * and `elapsedMs` the time spoken before it; while paused, `startedAt` is null.
 */
export const TurnClock = z.object({
  limitMs: Duration,
  warnAtMs: Duration,
  status: z.enum(['running', 'paused']),
  startedAt: Instant.nullable(),
  elapsedMs: Duration,
});
export type TurnClock = z.infer<typeof TurnClock>;

export const TurnView = TurnClock.extend({
  id: ServerId,
  speaker: TurnSpeaker,
  /** When the turn first started; pauses do not move it. */
  firstStartedAt: Instant,
  segment: Segment.optional(),
  requestId: ServerId.optional(),
  endAtLimit: z.boolean(),
});
export type TurnView = z.infer<typeof TurnView>;

export const QueueEntry = z.object({
  id: ServerId,
  delegationId: Id,
  name: Name,
  category: Category,
  requestedAt: Instant,
  speakerName: Name.optional(),
  /** Contract version 2: what the request asks for (absent in what older servers stored). */
  kind: RequestKind.default('statement'),
  onBehalfOf: OnBehalfOf.optional(),
  addressedTo: AddressedTo.optional(),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

/** A question put to panelists from the floor: who asked, whom, in which turn. */
export const Question = z.object({
  turnId: ServerId,
  delegationId: Id,
  name: Name,
  onBehalfOf: OnBehalfOf.optional(),
  addressedTo: AddressedTo.min(1),
  askedAt: Instant,
});
export type Question = z.infer<typeof Question>;

export const FloorView = z.object({
  open: z.boolean(),
  segment: Segment,
  queue: z.array(QueueEntry),
  policy: QueuePolicy,
  clusterSize: z.number().int().positive().optional(),
  /** Interventions from the floor since the panel last answered. */
  sincePanel: z.number().int().nonnegative(),
  /** Added: under `interleave`, how many States speak before one of the others. */
  interleaveEvery: z.number().int().positive().optional(),
  /**
   * Added: the floor step whose list this queue is (the current step, or the item's discussion
   * to come when it takes early requests); null when statements cannot be asked for now.
   */
  forStep: z.object({ stepId: Id, early: z.boolean() }).nullable().default(null),
  /** Added: statements of States since one of the others last spoke in this discussion. */
  statesSinceOther: z.number().int().nonnegative().default(0),
  /** Added: the questions put to panelists since the panel last answered. */
  questions: z.array(Question).default([]),
});
export type FloorView = z.infer<typeof FloorView>;

export const CurrentStep = z.object({
  itemId: Id,
  stepId: Id,
  startedAt: Instant,
  /** When the meeting entered this agenda item; moving between its steps keeps it. */
  itemStartedAt: Instant,
  /** Scheduled speakers of this step who have had a turn. */
  heard: z.array(Id),
  /**
   * Added (contract version 2): rights of reply heard in this item, by delegation, so the
   * second reply gets the second allowance and a third is refused.
   */
  replies: z.record(Id, z.number().int().positive()).default({}),
});

/**
 * What the room display shows besides the floor (contract version 2): the delay, a blackout, its
 * language. Older snapshots and servers know only `showDelay`.
 */
export const DisplayView = z.object({
  showDelay: z.boolean(),
  blackout: z.boolean().default(false),
  lang: Lang.default('en'),
});
export type DisplayView = z.infer<typeof DisplayView>;

/** A cue to the speaker (contract version 2, "Speaker cues and room outputs"). */
export const Cue = z.object({
  text: z.string().max(LIMITS.cueChars),
  flash: z.boolean(),
  sentAt: Instant,
});
export type Cue = z.infer<typeof Cue>;

export const MeetingView = z.object({
  meetingId: ServerId,
  version: z.number().int().nonnegative(),
  serverTime: Instant,
  title: Name,
  status: MeetingStatus,
  agenda: Agenda,
  /**
   * Added (contract version 2, "Lean state"): changes whenever the agenda does. The `state`
   * event leaves the agenda out while this stays the same (`MeetingState` below).
   */
  agendaVersion: z.number().int().nonnegative(),
  current: CurrentStep.nullable(),
  turn: TurnView.nullable(),
  /**
   * Contract version 2: the turn a point of order interrupted, paused with its time intact; it
   * is the current turn again, paused, when the point of order's turn ends.
   */
  interrupted: TurnView.nullable(),
  floor: FloorView,
  suspension: z.object({ since: Instant, note: Note.optional() }).nullable(),
  /** What the room display shows besides the floor, as the chair sets it. */
  display: DisplayView,
  /** Contract version 2: the cue to the speaker on the podium, until cleared or the turn ends. */
  cue: Cue.nullable().default(null),
});
export type MeetingView = z.infer<typeof MeetingView>;

/**
 * What the `state` event carries (contract version 2, "Lean state"): the `MeetingView`, whose
 * `agenda` is sent on connect and whenever `agendaVersion` changes, and left out otherwise. The
 * agenda is most of the view (5.9 of 6.3 KB with the default meeting) and changes rarely, while
 * a state goes to every device of the room at every change of the queue or the clock. The
 * screens complete it with `StateFollower` (./state.ts).
 */
export const MeetingState = MeetingView.extend({ agenda: Agenda.optional() });
export type MeetingState = z.infer<typeof MeetingState>;

export const TurnRecord = z.object({
  id: ServerId,
  itemId: Id,
  stepId: Id,
  itemTitle: Name,
  stepTitle: Name,
  segment: Segment.optional(),
  speakerName: Name,
  speakerId: Id.optional(),
  delegationId: Id.optional(),
  delegationName: Name.optional(),
  category: Category.optional(),
  sex: Sex.optional(),
  requestId: ServerId.optional(),
  /** Contract version 2: a statement, a reply or a point of order (absent in older records). */
  kind: RequestKind.default('statement'),
  onBehalfOf: OnBehalfOf.optional(),
  addressedTo: AddressedTo.optional(),
  limitMs: Duration,
  warnAtMs: Duration,
  startedAt: Instant,
  endedAt: Instant,
  /** Time spoken, pauses excluded. */
  spokenMs: Duration,
  overtimeMs: Duration,
});
export type TurnRecord = z.infer<typeof TurnRecord>;

export const RequestOutcome = z.enum(['granted', 'withdrawn', 'removed', 'unheard']);
export type RequestOutcome = z.infer<typeof RequestOutcome>;

/** A request for the floor, once it has left the queue. */
export const RequestRecord = z.object({
  id: ServerId,
  itemId: Id,
  stepId: Id,
  delegationId: Id,
  delegationName: Name,
  category: Category,
  speakerName: Name.optional(),
  sex: Sex.optional(),
  kind: RequestKind.default('statement'),
  onBehalfOf: OnBehalfOf.optional(),
  addressedTo: AddressedTo.optional(),
  /** Whether the delegate asked from a tablet or an officer entered it for them. */
  madeBy: z.enum(['delegate', 'officer']),
  requestedAt: Instant,
  outcome: RequestOutcome,
  endedAt: Instant,
  /** It was still waiting when its list of speakers was closed. */
  waitingAtClose: z.boolean(),
});
export type RequestRecord = z.infer<typeof RequestRecord>;

/** When a step was actually held, for the schedule as planned against as held. */
export const StepRecord = z.object({
  itemId: Id,
  stepId: Id,
  startedAt: Instant,
  endedAt: Instant,
});
export type StepRecord = z.infer<typeof StepRecord>;
