/**
 * The contract's refusals without zod: the codes a command's refusal may carry, the status of
 * each over HTTP, and the error body of every HTTP answer that is not a success. The engine
 * refuses with these (it runs in the consoles and on the tablet too), and the screens read an
 * error body with `httpErrorOf`; ./errors.ts builds the schemas from the same lists.
 */

/** Refusals of a socket command (PROTOCOL.md, "Client to server"). */
export const COMMAND_ERROR_CODES = [
  'invalid',
  'forbidden',
  'not_now',
  'not_found',
  'conflict',
  'already_queued',
  'list_closed',
  'rate_limited',
  'unavailable',
] as const;
export type CommandErrorCode = (typeof COMMAND_ERROR_CODES)[number];

/**
 * Why a command was refused, for a screen to say in its own language (contract version 2,
 * "Languages"; added to the error object, which keeps its `code` and its English `message`): a
 * message id of the catalogues' area `refusals` (`refusal.list-closed`), and the values its
 * placeholders take (`{"delegation":"Mexico","delegationId":"mexico","count":2}`). A value that
 * names a delegation or a group comes with its id (`delegationId`, `groupId`), so a screen can
 * name it in its language. The ids and their English are in `shared/engine/refusals.ts`.
 */
export interface RefusalReason {
  id: string;
  values?: Record<string, string | number>;
}

/** A refusal as the server answers it: the code, the English words, and (added) the reason. */
export interface Refusal {
  code: CommandErrorCode;
  message: string;
  reason?: RefusalReason;
}

/**
 * A refusal with its reason, as the engine decides it (`shared/engine/refusals.ts`) and a screen
 * foresees it (`useMayPress`): the words come later, in the language of whoever reads them.
 */
export interface ReasonedRefusal {
  code: CommandErrorCode;
  reason: RefusalReason;
}

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

/** The body of every HTTP error (PROTOCOL.md, "HTTP"): `{"error":{"code","message"}}`. */
export interface HttpErrorBody {
  error: { code: string; message: string };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The error of an HTTP answer's parsed JSON when it is the contract's error body, or null. The
 * same check as the `HttpErrorResponse` schema (./http.ts; a test holds them to the same
 * answers), written plainly so that the join page and the tablet read a refusal without zod.
 */
export const httpErrorOf = (json: unknown): HttpErrorBody['error'] | null => {
  if (!isRecord(json) || !isRecord(json.error)) return null;
  const { code, message } = json.error;
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : null;
};
