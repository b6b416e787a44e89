import type { MessageDescriptor } from '@lingui/core';
import {
  type AnswerOf,
  type BodyOf,
  HTTP_ROUTES,
  HttpErrorResponse,
  type HttpRoute,
  type ParamsOf,
  pathOf,
} from '../../shared/protocol/contract';
import type { HttpErrorCode } from '../../shared/protocol/errors';

/**
 * The HTTP side of the contract (docs/protocol.md, "HTTP"), as far as the screens use it: each
 * helper calls a route of `HTTP_ROUTES` (`shared/protocol/contract.ts`), and answers what that
 * route answers.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const OFFLINE = (): ApiError =>
  new ApiError(0, 'offline', 'The server cannot be reached. Check the room network.');

/** The contract's error body (`{"error":{"code","message"}}`), or a plain description. */
const errorOf = async (response: Response): Promise<ApiError> => {
  try {
    const body = HttpErrorResponse.safeParse(await response.json());
    if (body.success) {
      return new ApiError(response.status, body.data.error.code, body.data.error.message);
    }
  } catch {
    // Not JSON: fall through to a plain description.
  }
  return new ApiError(response.status, 'unknown', `The server answered ${response.status}.`);
};

export const request = async <T>(path: string, init?: RequestInit): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...init?.headers },
    });
  } catch {
    throw OFFLINE();
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
};

/** What a call of a route takes: its path parameters and body (when it has them), a token. */
type CallInput<R extends HttpRoute> = (ParamsOf<R> extends undefined
  ? { params?: undefined }
  : { params: ParamsOf<R> }) &
  (BodyOf<R> extends undefined ? { body?: undefined } : { body: BodyOf<R> }) & { token?: string };

/** The request for a route of the contract: its method, path, JSON body and bearer token. */
const requestFor = <R extends HttpRoute>(
  route: R,
  input: CallInput<R>,
): { path: string; init: RequestInit } => {
  const headers: Record<string, string> = {};
  if (input.token !== undefined) headers.authorization = `Bearer ${input.token}`;
  if (input.body !== undefined) headers['content-type'] = 'application/json';
  return {
    path: pathOf(route, input.params),
    init: {
      method: route.method,
      headers,
      ...(input.body !== undefined && { body: JSON.stringify(input.body) }),
    },
  };
};

/** Calls a JSON route of the contract and answers what it answers. */
export const call = <R extends HttpRoute>(route: R, input: CallInput<R>): Promise<AnswerOf<R>> => {
  const { path, init } = requestFor(route, input);
  return request(path, init);
};

export const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export const listMeetings = () => call(HTTP_ROUTES.listMeetings, {});

export const fetchRoster = (meetingId: string) =>
  call(HTTP_ROUTES.roster, { params: { id: meetingId } });

/** The meeting's groups and their members (contract version 2). */
export const fetchGroups = (meetingId: string) =>
  call(HTTP_ROUTES.groups, { params: { id: meetingId } });

export const joinMeeting = (meetingId: string, code: string) =>
  call(HTTP_ROUTES.join, { params: { id: meetingId }, body: { code } });

/** A code alone (contract version 2): the answer names the meeting the code opens. */
export const joinByCode = (code: string) => call(HTTP_ROUTES.joinByCode, { body: { code } });

/** What a chair's or moderator's device may read with its token. */
export const withToken = (token: string): RequestInit => ({
  headers: { authorization: `Bearer ${token}` },
});

export const fetchHeldSteps = (meetingId: string, token: string) =>
  call(HTTP_ROUTES.steps, { params: { id: meetingId }, token });

export const fetchReport = (meetingId: string, token: string) =>
  call(HTTP_ROUTES.report, { params: { id: meetingId }, token });

/** Every code of the meeting: a chair's token only. */
export const fetchCodes = (meetingId: string, token: string) =>
  call(HTTP_ROUTES.codes, { params: { id: meetingId }, token });

type CsvRoute = typeof HTTP_ROUTES.recordCsv | typeof HTTP_ROUTES.requestsCsv;

/** The record's CSV exports, by the file name the chair saves. */
export type CsvExport = keyof typeof CSV_EXPORTS;
const CSV_EXPORTS = {
  'record.csv': HTTP_ROUTES.recordCsv,
  'requests.csv': HTTP_ROUTES.requestsCsv,
} as const satisfies Record<string, CsvRoute>;

/** A CSV export of the record (`record.csv` or `requests.csv`), as a file the browser saves. */
export const fetchCsv = async (
  meetingId: string,
  token: string,
  name: CsvExport,
): Promise<Blob> => {
  const { path, init } = requestFor(CSV_EXPORTS[name], { params: { id: meetingId }, token });
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw OFFLINE();
  }
  if (!response.ok) throw await errorOf(response);
  return response.blob();
};

/**
 * What went wrong with a call of the HTTP API, in the page's language (the catalogues' area
 * `refusals`): the server's error code says it, for the codes the contract names; the server's
 * `message` is English, for developers and logs.
 */
export const httpProblem = (error: unknown): MessageDescriptor => {
  if (!(error instanceof ApiError)) return { id: 'refusal.http-failed' };
  const id = HTTP_PROBLEMS[error.code];
  return id ? { id } : { id: 'refusal.http-status', values: { status: error.status } };
};

/** The error codes of the contract (`HttpErrorCode`), and the client's own `offline`. */
const HTTP_PROBLEMS: Partial<Record<string, string>> = {
  offline: 'refusal.http-offline',
  invalid: 'refusal.http-invalid',
  unauthorized: 'refusal.http-unauthorized',
  forbidden: 'refusal.http-forbidden',
  not_found: 'refusal.http-not-found',
  conflict: 'refusal.http-conflict',
  payload_too_large: 'refusal.http-too-large',
  rate_limited: 'refusal.http-rate-limited',
  unavailable: 'refusal.http-unavailable',
} satisfies Record<HttpErrorCode | 'offline', string>;

/** What went wrong with a join, for the person holding the code. */
export const joinProblem = (error: unknown): MessageDescriptor => {
  if (!(error instanceof ApiError)) return { id: 'join.failed' };
  switch (error.code) {
    case 'unauthorized':
      return { id: 'join.unknown-code' };
    case 'rate_limited':
      return { id: 'join.too-many-codes' };
    case 'not_found':
      return { id: 'join.no-such-meeting' };
    default:
      // A case a join rarely meets (the network, the server's trouble): said by its code.
      return httpProblem(error);
  }
};
