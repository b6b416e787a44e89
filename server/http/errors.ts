import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';
import {
  HTTP_ERROR_STATUS,
  type HttpErrorCode,
  type HttpErrorResponse,
} from '../../shared/protocol/contract';
import { describeIssues, type Issue } from '../validation/issues';
import { applySecurityHeaders } from './security';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route answers as a command's ack (the control API): its errors carry `"ok": false`
     * beside `error`, whichever part of the server refused the request, so a client reads one
     * shape.
     */
    answersAsAck?: boolean;
  }
}

/** An error the API answers as such: a contract code, a message in plain words. */
export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const errorBody = (code: string, message: string): HttpErrorResponse => ({
  error: { code, message },
});

/** Whether the request's route answers as a command's ack (a request refused before routing has none). */
const answersAsAck = (request: FastifyRequest): boolean =>
  request.routeOptions?.config?.answersAsAck === true;

export const sendError = (
  reply: FastifyReply,
  code: HttpErrorCode,
  message: string,
  headers: Record<string, string> = {},
): FastifyReply => {
  const body = errorBody(code, message);
  return reply
    .code(HTTP_ERROR_STATUS[code])
    .headers(headers)
    .send(answersAsAck(reply.request) ? { ok: false, ...body } : body);
};

/** A body limit in words: `1 MiB`, `16 KiB`. */
const bytesInWords = (bytes: number): string =>
  bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MiB`
    : bytes % 1024 === 0
      ? `${bytes / 1024} KiB`
      : `${bytes} bytes`;

const STATUS_CODES = new Map<number, HttpErrorCode>(
  Object.entries(HTTP_ERROR_STATUS).map(([code, status]) => [status, code as HttpErrorCode]),
);

/**
 * What Fastify's own errors (body parsing, limits) mean in the contract's words. `bodyLimit` is
 * the route's (1 MiB, or a command's 16 KiB).
 */
const fastifyError = (
  error: FastifyError,
  bodyLimit: number,
): { code: HttpErrorCode; message: string } | null => {
  const tooLarge = `The body is larger than ${bytesInWords(bodyLimit)}.`;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', message: tooLarge };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        code: 'invalid',
        message: 'Send the body as JSON, with Content-Type: application/json.',
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'invalid', message: 'The body is empty: send a JSON object.' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'invalid', message: 'The body is not valid JSON.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'invalid', message: 'The Content-Length does not match the body.' };
    default:
      break;
  }
  const status = error.statusCode;
  if (status === 413) return { code: 'payload_too_large', message: tooLarge };
  if (error instanceof SyntaxError && status === 400) {
    return { code: 'invalid', message: 'The body is not valid JSON.' };
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return { code: STATUS_CODES.get(status) ?? 'invalid', message: 'The request is not valid.' };
  }
  return null;
};

/**
 * A route's params or body refused by its zod schema, as fastify-type-provider-zod reports each
 * issue (its path as a JSON pointer): the field at fault leads each line, as everywhere
 * (docs/protocol.md, "HTTP": "a message naming the field").
 */
const issuesOf = (validation: readonly ZodFastifySchemaValidationError[]): Issue[] =>
  validation.map((v) => ({
    path: v.instancePath.split('/').filter((segment) => segment !== ''),
    message: v.message ?? 'not valid',
  }));

/**
 * Every error becomes `{"error":{"code","message"}}` with the contract's status; nothing of a
 * stack or an internal message reaches the client. Unexpected errors are logged with their stack.
 */
export const registerErrorHandling = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return sendError(reply, error.code, error.message, error.headers);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const whole = error.validationContext ?? 'request';
      return sendError(reply, 'invalid', describeIssues(issuesOf(error.validation), whole));
    }
    const known = fastifyError(error, request.routeOptions.bodyLimit);
    if (known) {
      request.log.info({ code: known.code, fastify: error.code }, 'request refused');
      return sendError(reply, known.code, known.message);
    }
    if (error.name === 'SqliteError') {
      request.log.error({ err: error }, 'the store failed');
      return sendError(
        reply,
        'unavailable',
        'The server could not store or read that just now; nothing was changed. Try again.',
      );
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply
      .code(500)
      .send(errorBody('internal', 'Something went wrong on the server; it has been logged.'));
  });
};

/**
 * Fastify's `frameworkErrors`: requests it refuses before routing (a malformed %-escape in the
 * path, a path segment over its length limit). No hook runs for them, so the security headers
 * are set here, and the answer is the contract's, like every other.
 */
export const answerFrameworkError = (
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void => {
  applySecurityHeaders(request.raw, reply.raw);
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? 'The address is not a valid URL: it has a malformed %-escape.'
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'A part of the address is too long.'
        : 'The request is not valid.';
  request.log.info({ code: 'invalid', fastify: error.code }, 'request refused');
  void sendError(reply, 'invalid', message);
};
