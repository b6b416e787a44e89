import { z } from 'zod';

/** Refusals of a socket command (PROTOCOL.md, "Client to server"). */
export const CommandErrorCode = z.enum([
  'invalid',
  'forbidden',
  'not_now',
  'not_found',
  'conflict',
  'already_queued',
  'list_closed',
  'rate_limited',
  'unavailable',
]);
export type CommandErrorCode = z.infer<typeof CommandErrorCode>;

/** Errors of the HTTP API, each with its status. */
export const HTTP_ERROR_STATUS = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
} as const;
export type HttpErrorCode = keyof typeof HTTP_ERROR_STATUS;

/**
 * The status of a command's refusal over HTTP (`POST /api/meetings/:id/commands`, contract
 * version 2, "Speaker cues and room outputs"): the refusals of the moment (`not_now`,
 * `already_queued`, `list_closed`) are conflicts with the meeting's state, as `conflict` is.
 */
export const COMMAND_ERROR_STATUS = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  not_now: 409,
  already_queued: 409,
  list_closed: 409,
  rate_limited: 429,
  unavailable: 503,
} as const satisfies Record<CommandErrorCode, number>;

export const ErrorBody = z.object({ code: z.string(), message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * Why a command was refused, for a screen to say in its own language (contract version 2,
 * "Languages"; added to the error object, which keeps its `code` and its English `message`): a
 * message id of the catalogues' area `refusals` (`refusal.list-closed`), and the values its
 * placeholders take (`{"delegation":"Mexico","delegationId":"mexico","count":2}`). A value that
 * names a delegation or a group comes with its id (`delegationId`, `groupId`), so a screen can
 * name it in its language. The ids and their English are in `shared/engine/refusals.ts`.
 */
export const RefusalReason = z.object({
  id: z.string().min(1).max(100),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RefusalReason = z.infer<typeof RefusalReason>;

/** A refusal as the server answers it: the code, the English words, and (added) the reason. */
export const Refusal = z.object({
  code: CommandErrorCode,
  message: z.string(),
  reason: RefusalReason.optional(),
});
export type Refusal = z.infer<typeof Refusal>;

export const CommandAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), version: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), error: Refusal }),
]);
export type CommandAck = z.infer<typeof CommandAck>;

/**
 * A refusal with its reason, as the engine decides it (`shared/engine/refusals.ts`) and a screen
 * foresees it (`useMayPress`): the words come later, in the language of whoever reads them.
 */
export interface ReasonedRefusal {
  code: CommandErrorCode;
  reason: RefusalReason;
}
