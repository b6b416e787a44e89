import { z } from 'zod';
import { CATEGORIES } from '../categories';
import { Allowance, CalendarDate, ClockTime, RequestsFrom, ScheduledSpeaker } from './agenda';
import {
  Category,
  Duration,
  displayName,
  Id,
  Lang,
  QueuePolicy,
  RequestKind,
  Segment,
  ServerId,
  Sex,
} from './common';
import { LIMITS } from './limits';

const title = () => displayName({ maxChars: LIMITS.titleChars });
const note = () => displayName({ maxChars: LIMITS.noteChars, allowEmpty: true });

/**
 * Added (issue 16, docs/protocol.md "Command ids"): a sender's own name for one command, 1 to 64
 * printable ASCII characters (a UUID fits). A command sent again with an id the meeting already
 * logged is not applied again: it is answered with the first answer.
 */
export const CommandId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x20-\x7e]+$/, 'printable ASCII characters only');
export type CommandId = z.infer<typeof CommandId>;

/**
 * Every command may carry the version its sender saw (a different current version is a
 * conflict), and its command id.
 */
const base = {
  expectedVersion: z.number().int().nonnegative().optional(),
  commandId: CommandId.optional(),
};
/** The turn a clock button means: a different current turn is a conflict, not a second action. */
const onTurn = { ...base, turnId: ServerId.optional() };
/**
 * Added (intent, docs/protocol.md "Intent"): the turn the sender saw on the floor when it pressed
 * a button that gives the floor, `null` for nobody. Another turn current now is a `conflict`:
 * two officers giving the floor at once give it once, and a request arriving meanwhile does not
 * refuse the press (as `expectedVersion` would).
 */
const turnSeen = { turnId: ServerId.nullable().optional() };
/** Added (intent): the step the sender saw, so a press meant for a step past is a `conflict`. */
const stepSeen = { fromStepId: Id.optional(), fromItemId: Id.optional() };

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...base, ...shape }).strict();

export const AgendaStart = command('agenda.start', {});
/** `fromStepId` (and, added, `fromItemId`): the step the sender saw, so a second press is a conflict. */
export const AgendaNext = command('agenda.next', stepSeen);
export const AgendaGoto = command('agenda.goto', {
  itemId: Id,
  stepId: Id.optional(),
  ...stepSeen,
});
export const SessionSuspend = command('session.suspend', { note: note().optional() });
export const SessionResume = command('session.resume', {});
/** Added to the contract: closes the meeting from any step (the chair console confirms it). */
export const SessionClose = command('session.close', {});
/**
 * Contract version 2: brings a closed meeting back, running at the step it was closed at, with
 * nobody on the floor and an empty queue. What was recorded before the close stays recorded.
 */
export const SessionReopen = command('session.reopen', {});

/**
 * Added to the contract: the chair edits the agenda before or during the session (titles,
 * speakers, allowances, sittings). One change at a time, so two chairs editing different things
 * do not overwrite each other; the edited agenda must still pass the agenda schema.
 */
export const AgendaChange = z.discriminatedUnion('target', [
  z
    .object({
      target: z.literal('meeting'),
      title: title().optional(),
      venue: title().optional(),
      breakNote: note().optional(),
    })
    .strict(),
  z
    .object({
      target: z.literal('sitting'),
      sittingId: Id,
      title: title().optional(),
      date: CalendarDate.optional(),
      start: ClockTime.optional(),
      end: ClockTime.optional(),
    })
    .strict(),
  z
    .object({
      target: z.literal('item'),
      itemId: Id,
      title: title().optional(),
      sittingId: Id.optional(),
      plannedStart: ClockTime.optional(),
      plannedEnd: ClockTime.optional(),
    })
    .strict(),
  z
    .object({
      target: z.literal('step'),
      itemId: Id,
      stepId: Id,
      title: title().optional(),
      allowance: Allowance.optional(),
      responseAllowance: Allowance.optional(),
      clusterSize: z.number().int().min(1).max(100).optional(),
      queuePolicy: QueuePolicy.optional(),
      interleaveEvery: z.number().int().min(1).max(20).optional(),
      requestsFrom: RequestsFrom.optional(),
      groupAllowance: Allowance.optional(),
      replyAllowances: z.tuple([Allowance, Allowance]).optional(),
      pointOfOrderAllowance: Allowance.optional(),
      openTo: z.array(Category).min(1).max(CATEGORIES.length).optional(),
      plannedMs: Duration.optional(),
    })
    .strict(),
  z
    .object({
      target: z.literal('speakers'),
      itemId: Id,
      stepId: Id,
      speakers: z.array(ScheduledSpeaker).max(LIMITS.speakersPerStep),
    })
    .strict(),
]);
export type AgendaChange = z.infer<typeof AgendaChange>;
export const AgendaEdit = command('agenda.edit', { change: AgendaChange });

/**
 * What the room display shows besides the floor (added to the contract; contract version 2 adds
 * `blackout` and `lang`). Each field given is set; the others stay as they are.
 */
export const DisplayConfigure = command('display.configure', {
  /** "Running 12 min late" on the room display. */
  showDelay: z.boolean().optional(),
  /** The room display (and the podium) shows nothing but black. */
  blackout: z.boolean().optional(),
  /** The language of the room display, the podium and the overlay. */
  lang: Lang.optional(),
}).refine((c) => c.showDelay !== undefined || c.blackout !== undefined || c.lang !== undefined, {
  message: 'give showDelay, blackout or lang',
});

/**
 * Contract version 2: a discreet message to the speaker on the podium screen ("Please
 * conclude"), until cleared or until the turn ends or another starts.
 */
export const CueSend = command('cue.send', {
  text: displayName({ maxChars: LIMITS.cueChars }),
  flash: z.boolean().optional(),
});
export const CueClear = command('cue.clear', {});

export const AdHocSpeaker = z.object({ name: displayName(), delegationId: Id.optional() }).strict();
export const TurnStart = z
  .object({
    type: z.literal('turn.start'),
    ...base,
    ...stepSeen,
    ...turnSeen,
    speakerId: Id.optional(),
    speaker: AdHocSpeaker.optional(),
  })
  .strict()
  .refine((c) => !(c.speakerId !== undefined && c.speaker !== undefined), {
    message: 'give either speakerId or speaker, not both',
    path: ['speaker'],
  });
export const TurnPause = z.object({ type: z.literal('turn.pause'), ...onTurn }).strict();
export const TurnResume = z.object({ type: z.literal('turn.resume'), ...onTurn }).strict();
export const TurnEnd = z.object({ type: z.literal('turn.end'), ...onTurn }).strict();
export const TurnAdjust = z
  .object({
    type: z.literal('turn.adjust'),
    ...onTurn,
    /**
     * Added: the limit the sender saw, so two co-chairs pressing "+30 s" at once add 30 s once
     * (the second is a conflict); absent, the adjustment applies to whatever the limit is.
     */
    fromLimitMs: Duration.optional(),
    deltaMs: z
      .number()
      .int()
      .min(-LIMITS.maxAdjustMs)
      .max(LIMITS.maxAdjustMs)
      .refine((d) => d !== 0, 'must not be zero'),
  })
  .strict();

/**
 * What a request asks for (contract version 2, "Kinds of request"): its kind (a statement unless
 * said otherwise), and for a statement the group it speaks for and the panelists it questions.
 */
const asking = {
  speakerName: displayName().optional(),
  sex: Sex.optional(),
  kind: RequestKind.optional(),
  onBehalfOf: Id.optional(),
  addressedTo: z
    .array(Id)
    .min(1, 'name at least one panelist, or leave addressedTo out')
    .max(LIMITS.addressees, `at most ${LIMITS.addressees} panelists`)
    .refine((ids) => new Set(ids).size === ids.length, 'names a panelist twice')
    .optional(),
};
/** Only a statement speaks for a group or questions panelists; the field at fault is named. */
const statementsOnly = <
  T extends z.ZodType<{ kind?: string; onBehalfOf?: string; addressedTo?: string[] }>,
>(
  schema: T,
) =>
  schema.superRefine((c, ctx) => {
    if (c.kind === undefined || c.kind === 'statement') return;
    if (c.onBehalfOf !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'only a statement is made on behalf of a group',
        path: ['onBehalfOf'],
      });
    }
    if (c.addressedTo !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'only a statement puts questions to panelists',
        path: ['addressedTo'],
      });
    }
  });

export const FloorRequest = statementsOnly(command('floor.request', asking));
/**
 * `requestId` (added): which of the delegation's requests to withdraw (it may wait with a
 * statement, a reply and a point of order at once); without it, all of them.
 */
export const FloorWithdraw = command('floor.withdraw', { requestId: ServerId.optional() });
export const FloorAdd = statementsOnly(command('floor.add', { delegationId: Id, ...asking }));
export const FloorRemove = command('floor.remove', { requestId: ServerId });
export const FloorMove = command('floor.move', {
  requestId: ServerId,
  position: z.number().int().nonnegative().max(LIMITS.rosterDelegations),
});
export const FloorGrant = command('floor.grant', { requestId: ServerId, ...turnSeen });
/**
 * `requestId` (added, intent): the request the sender saw at the head of the queue. The server
 * grants the head as it stands; if that is another request now, the press is a `conflict`.
 */
export const FloorNext = command('floor.next', { requestId: ServerId.optional(), ...turnSeen });
export const FloorClose = command('floor.close', {});
export const FloorOpen = command('floor.open', {});
export const FloorSegment = command('floor.segment', { segment: Segment });

export const Command = z.discriminatedUnion('type', [
  AgendaStart,
  AgendaNext,
  AgendaGoto,
  SessionSuspend,
  SessionResume,
  SessionClose,
  SessionReopen,
  AgendaEdit,
  DisplayConfigure,
  CueSend,
  CueClear,
  TurnStart,
  TurnPause,
  TurnResume,
  TurnEnd,
  TurnAdjust,
  FloorRequest,
  FloorWithdraw,
  FloorAdd,
  FloorRemove,
  FloorMove,
  FloorGrant,
  FloorNext,
  FloorClose,
  FloorOpen,
  FloorSegment,
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export const COMMAND_TYPES = Command.options.map(
  (o) => o.shape.type.value,
) as readonly CommandType[];
