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

export const CommandAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), version: z.number().int().nonnegative() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: CommandErrorCode, message: z.string() }),
  }),
]);
export type CommandAck = z.infer<typeof CommandAck>;

export interface Refusal {
  code: CommandErrorCode;
  message: string;
}

export const refuse = (code: CommandErrorCode, message: string): Refusal => ({ code, message });
