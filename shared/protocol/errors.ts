import { z } from 'zod';
import { COMMAND_ERROR_CODES, type RefusalReason as ReasonFacts, type Refusal } from './refusals';

/** Refusals of a socket command (PROTOCOL.md, "Client to server"): the list is ./refusals.ts's. */
export const CommandErrorCode = z.enum(COMMAND_ERROR_CODES);
export type CommandErrorCode = z.infer<typeof CommandErrorCode>;

export const ErrorBody = z.object({ code: z.string(), message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** A refusal's reason (contract version 2, "Languages"): ./refusals.ts says what it is. */
export const RefusalReason = z.object({
  id: z.string().min(1).max(100),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
}) satisfies z.ZodType<ReasonFacts>;

/** A refusal as the server answers it: the code, the English words, and (added) the reason. */
export const CommandRefusal = z.object({
  code: CommandErrorCode,
  message: z.string(),
  reason: RefusalReason.optional(),
}) satisfies z.ZodType<Refusal>;

export const CommandAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), version: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), error: CommandRefusal }),
]);
export type CommandAck = z.infer<typeof CommandAck>;

// The zod-free facts of refusals, where the server and the tests have always read them.
export {
  COMMAND_ERROR_STATUS,
  HTTP_ERROR_STATUS,
  type HttpErrorCode,
  type ReasonedRefusal,
  type Refusal,
} from './refusals';
export type RefusalReason = ReasonFacts;
