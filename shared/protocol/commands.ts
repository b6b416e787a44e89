import { z } from 'zod';
import { Id, Name, Note, Segment, ServerId, Sex } from './common';
import { LIMITS } from './limits';

/** Every command may carry the version its sender saw; a different current version is a conflict. */
const base = { expectedVersion: z.number().int().nonnegative().optional() };
/** The turn a clock button means: a different current turn is a conflict, not a second action. */
const onTurn = { ...base, turnId: ServerId.optional() };

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...base, ...shape }).strict();

export const AgendaStart = command('agenda.start', {});
export const AgendaNext = command('agenda.next', { fromStepId: Id.optional() });
export const AgendaGoto = command('agenda.goto', { itemId: Id, stepId: Id.optional() });
export const SessionSuspend = command('session.suspend', { note: Note.optional() });
export const SessionResume = command('session.resume', {});
/** Added to the contract: closes the meeting from any step (the chair console confirms it). */
export const SessionClose = command('session.close', {});

export const AdHocSpeaker = z.object({ name: Name, delegationId: Id.optional() }).strict();
export const TurnStart = z
  .object({
    type: z.literal('turn.start'),
    ...base,
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
    deltaMs: z
      .number()
      .int()
      .min(-LIMITS.maxAdjustMs)
      .max(LIMITS.maxAdjustMs)
      .refine((d) => d !== 0, 'must not be zero'),
  })
  .strict();

export const FloorRequest = command('floor.request', {
  speakerName: Name.optional(),
  sex: Sex.optional(),
});
export const FloorWithdraw = command('floor.withdraw', {});
export const FloorAdd = command('floor.add', {
  delegationId: Id,
  speakerName: Name.optional(),
  sex: Sex.optional(),
});
export const FloorRemove = command('floor.remove', { requestId: ServerId });
export const FloorMove = command('floor.move', {
  requestId: ServerId,
  position: z.number().int().nonnegative().max(LIMITS.rosterDelegations),
});
export const FloorGrant = command('floor.grant', { requestId: ServerId });
export const FloorNext = command('floor.next', {});
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
