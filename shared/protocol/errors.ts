import { z } from 'zod';
import { COMMAND_ERROR_CODES } from './refusals';

/** Refusals of a socket command (PROTOCOL.md, "Client to server"): the list is ./refusals.ts's. */
export const CommandErrorCode = z.enum(COMMAND_ERROR_CODES);
export type CommandErrorCode = z.infer<typeof CommandErrorCode>;

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

// The zod-free facts of refusals, where the server and the tests have always read them.
export {
  COMMAND_ERROR_STATUS,
  HTTP_ERROR_STATUS,
  type HttpErrorCode,
  type Refusal,
  refuse,
} from './refusals';
