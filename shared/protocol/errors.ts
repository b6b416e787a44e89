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
