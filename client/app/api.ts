import type { MessageDescriptor } from '@lingui/core';
import type {
  AnswerOf,
  BodyOf,
  HTTP_ROUTES,
  HttpRoute,
  ParamsOf,
} from '../../shared/protocol/contract';
import { type HttpErrorCode, httpErrorOf } from '../../shared/protocol/refusals';
import { type HttpRouteName, pathOf, ROUTE_PLACES } from '../../shared/protocol/routes';

/**
 * The HTTP side of the contract (docs/protocol.md, "HTTP"), as far as the screens use it: each
 * helper calls a route of `HTTP_ROUTES` (`shared/protocol/contract.ts`) by its name, and answers
 * what that route answers. The contract's types come from there; what a call needs at run time
 * (the route's method and path, the error body's shape) comes from modules without zod, so that
 * no screen loads the schemas.
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
    const error = httpErrorOf(await response.json());
    if (error) return new ApiError(response.status, error.code, error.message);
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

/** A route of the contract, as `HTTP_ROUTES` types it. */
type Route<N extends HttpRouteName> = (typeof HTTP_ROUTES)[N];

/** What a call of a route takes: its path parameters and body (when it has them), a token. */
type CallInput<R extends HttpRoute> = (ParamsOf<R> extends undefined
  ? { params?: undefined }
  : { params: ParamsOf<R> }) &
  (BodyOf<R> extends undefined ? { body?: undefined } : { body: BodyOf<R> }) & { token?: string };

/** The request for a route of the contract: its method, path, JSON body and bearer token. */
const requestFor = <N extends HttpRouteName>(
  name: N,
  input: CallInput<Route<N>>,
): { path: string; init: RequestInit } => {
  const route = ROUTE_PLACES[name];
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

/** Calls a JSON route of the contract, by its name in `HTTP_ROUTES`, and answers what it answers. */
export const call = <N extends HttpRouteName>(
  name: N,
  input: CallInput<Route<N>>,
): Promise<AnswerOf<Route<N>>> => {
  const { path, init } = requestFor(name, input);
  return request(path, init);
};

export const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export const listMeetings = () => call('listMeetings', {});

export const fetchRoster = (meetingId: string) => call('roster', { params: { id: meetingId } });

/** The meeting's groups and their members (contract version 2). */
export const fetchGroups = (meetingId: string) => call('groups', { params: { id: meetingId } });

export const joinMeeting = (meetingId: string, code: string) =>
  call('join', { params: { id: meetingId }, body: { code } });

/** A code alone (contract version 2): the answer names the meeting the code opens. */
export const joinByCode = (code: string) => call('joinByCode', { body: { code } });

/** What a chair's or moderator's device may read with its token. */
export const withToken = (token: string): RequestInit => ({
  headers: { authorization: `Bearer ${token}` },
});

export const fetchHeldSteps = (meetingId: string, token: string) =>
  call('steps', { params: { id: meetingId }, token });

export const fetchReport = (meetingId: string, token: string) =>
  call('report', { params: { id: meetingId }, token });

/** Every code of the meeting: a chair's token only. */
export const fetchCodes = (meetingId: string, token: string) =>
  call('codes', { params: { id: meetingId }, token });

/** The record's CSV exports, by the file name the chair saves. */
export type CsvExport = keyof typeof CSV_EXPORTS;
const CSV_EXPORTS = {
  'record.csv': 'recordCsv',
  'requests.csv': 'requestsCsv',
} as const satisfies Record<string, 'recordCsv' | 'requestsCsv'>;

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
