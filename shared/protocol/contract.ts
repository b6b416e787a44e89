import { z } from 'zod';
import {
  type AuditResponse,
  type DevicesResponse,
  RotateCodeBody,
  type RotateCodeResponse,
  type SignedOut,
  type SignOutResponse,
} from './access';
import { Command } from './commands';
import type { CommandAck } from './errors';
import {
  CreateHookBody,
  type CreateHookResponse,
  type DeleteHookResponse,
  type HooksResponse,
} from './hooks';
import {
  CreateMeetingBody,
  type CreateMeetingResponse,
  type GroupsResponse,
  type HealthResponse,
  JoinBody,
  type JoinByCodeResponse,
  type JoinResponse,
  type MeetingCodesResponse,
  type MeetingSummary,
  type RosterResponse,
} from './http';
import type { HeldStepsResponse, RecordResponse, ReportResponse } from './record';
import { type HttpRouteName, ROUTE_PLACES, type RoutePlace } from './routes';
import type { MeetingState } from './state';
import type { MeetingView } from './view';

/**
 * The contract between the server and the screens, typed once (docs/protocol.md, "HTTP" and
 * "Socket.io"): the socket.io events each way with their acks, and every HTTP route with what
 * it parses and what it answers. The server (`server/realtime/socketServer.ts`, the route
 * plugins of `server/http/`) and the screens (`client/live/socket.ts`, `client/app/api.ts`) both
 * read it; the payloads' own schemas stay in the files beside this one.
 */

// ---------------------------------------------------------------------------------------------
// Socket.io

/** What the server sends (docs/protocol.md, "`state`" and "`signed_out`"). */
export interface ServerToClientEvents {
  /** The agenda only on connect and when `agendaVersion` changes: see `StateFollower`. */
  state: (state: MeetingState) => void;
  /** Added: the chair revoked this device's token; the server closes the socket next. */
  signed_out: (signal: SignedOut) => void;
}

/**
 * What a screen sends, each with the ack it gets (docs/protocol.md, "`command`" and "`sync`").
 * Without an ack callback the server ignores the message.
 */
export interface ClientToServerEvents {
  command: (command: Command, ack: (answer: CommandAck) => void) => void;
  /** The ack is the server's `Date.now()` when it answered. */
  sync: (clientTime: number, ack: (serverNow: number) => void) => void;
}

export type ClientEvent = keyof ClientToServerEvents;

/** The answer an event's ack carries: `CommandAck` for `command`, the server's clock for `sync`. */
export type AckOf<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[1] extends (
  answer: infer A,
) => void
  ? A
  : never;

/**
 * The same events as the server receives them. Anything may arrive (an old screen, a script): each
 * argument is `unknown` until the schemas have parsed it, and the ack, when there is one, is the
 * last argument. What the server answers through it is typed by `AckOf`.
 */
export type ReceivedClientEvents = { [E in ClientEvent]: (...args: unknown[]) => void };

/** The handshake's `auth` payload: the token a join answered. Other fields are ignored. */
export const HandshakeAuth = z.object({ token: z.string() });
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

/**
 * The message of a refused handshake's `connect_error` (docs/protocol.md, "Socket.io"): a missing,
 * unknown or revoked token; an address over its wrong-code budget; the server failing.
 */
export const ConnectRefusal = z.enum(['unauthorized', 'rate_limited', 'unavailable']);
export type ConnectRefusal = z.infer<typeof ConnectRefusal>;

// ---------------------------------------------------------------------------------------------
// HTTP

/**
 * Who may call a route (docs/protocol.md, the "who" column of "HTTP"; "Devices and codes"):
 * - `anyone`;
 * - `code`: anyone with an access code, within the address's wrong-code budget;
 * - `operator`: `Authorization: Bearer <ADMIN_TOKEN>`;
 * - `chair`: a chair's token of this very meeting, or the operator's;
 * - `officer`: a chair's or a moderator's token of this very meeting (the record);
 * - `token`: any token of this very meeting, whatever its role (contract version 2, the control
 *   API: what a device may do there is what it may do on its socket). Not the operator's: the
 *   operator runs the server, not the meeting.
 */
export const Access = z.enum(['anyone', 'code', 'operator', 'chair', 'officer', 'token']);
export type Access = z.infer<typeof Access>;

/** A meeting named in the path. Any string: an id that names no meeting is a 404, not a 400. */
export const MeetingPath = z.object({ id: z.string() });
export type MeetingPath = z.infer<typeof MeetingPath>;

/** A delegation of a meeting named in the path (404 when the roster has none of that id). */
export const DelegationPath = MeetingPath.extend({ delegationId: z.string() });
export type DelegationPath = z.infer<typeof DelegationPath>;

/** A webhook of a meeting named in the path (404 when the meeting has none of that id). */
export const HookPath = MeetingPath.extend({ hookId: z.string() });
export type HookPath = z.infer<typeof HookPath>;

/** A POST that needs no body: none at all, or an empty object. */
export const NoBody = z.union([z.undefined(), z.null(), z.object({}).strict()]);

/** `POST /api/meetings`: no body at all is the defaults, as `{}` is. */
export const CreateMeetingRequest = z.preprocess((body) => body ?? {}, CreateMeetingBody);

/** What a route answers on success: a type for both sides, never parsed on the way out. */
export interface Answer<T> {
  readonly answers?: T;
}
const answers = <T>(): Answer<T> => ({});

export interface HttpRoute extends RoutePlace {
  access: Access;
  params?: z.ZodType;
  body?: z.ZodType;
  /** The status of a success. */
  status: 200 | 201;
  /** JSON, or the record's CSV exports (docs/protocol.md, "HTTP"). */
  media: 'json' | 'csv';
  answer: Answer<unknown>;
}

const route = <const R extends HttpRoute>(r: R): R => r;
const json = { status: 200, media: 'json' } as const;
const csv = { status: 200, media: 'csv', answer: answers<string>() } as const;

/**
 * Every route of the HTTP API, as docs/protocol.md's "HTTP" table lists them: where it is
 * (./routes.ts, which the screens read without zod), who may call it, what it parses and what it
 * answers.
 */
export const HTTP_ROUTES = {
  health: route({
    ...ROUTE_PLACES.health,
    access: 'anyone',
    ...json,
    answer: answers<HealthResponse>(),
  }),
  createMeeting: route({
    ...ROUTE_PLACES.createMeeting,
    access: 'operator',
    body: CreateMeetingRequest,
    status: 201,
    media: 'json',
    answer: answers<CreateMeetingResponse>(),
  }),
  listMeetings: route({
    ...ROUTE_PLACES.listMeetings,
    access: 'anyone',
    ...json,
    answer: answers<MeetingSummary[]>(),
  }),
  roster: route({
    ...ROUTE_PLACES.roster,
    access: 'anyone',
    params: MeetingPath,
    ...json,
    answer: answers<RosterResponse>(),
  }),
  /** Contract version 2: the meeting's groups, with their members. */
  groups: route({
    ...ROUTE_PLACES.groups,
    access: 'anyone',
    params: MeetingPath,
    ...json,
    answer: answers<GroupsResponse>(),
  }),
  join: route({
    ...ROUTE_PLACES.join,
    access: 'code',
    params: MeetingPath,
    body: JoinBody,
    ...json,
    answer: answers<JoinResponse>(),
  }),
  /** Contract version 2: a code alone joins, and the answer names its meeting. */
  joinByCode: route({
    ...ROUTE_PLACES.joinByCode,
    access: 'code',
    body: JoinBody,
    ...json,
    answer: answers<JoinByCodeResponse>(),
  }),
  record: route({
    ...ROUTE_PLACES.record,
    access: 'officer',
    params: MeetingPath,
    ...json,
    answer: answers<RecordResponse>(),
  }),
  recordCsv: route({
    ...ROUTE_PLACES.recordCsv,
    access: 'officer',
    params: MeetingPath,
    ...csv,
  }),
  requestsCsv: route({
    ...ROUTE_PLACES.requestsCsv,
    access: 'officer',
    params: MeetingPath,
    ...csv,
  }),
  steps: route({
    ...ROUTE_PLACES.steps,
    access: 'officer',
    params: MeetingPath,
    ...json,
    answer: answers<HeldStepsResponse>(),
  }),
  report: route({
    ...ROUTE_PLACES.report,
    access: 'officer',
    params: MeetingPath,
    ...json,
    answer: answers<ReportResponse>(),
  }),
  codes: route({
    ...ROUTE_PLACES.codes,
    access: 'chair',
    params: MeetingPath,
    ...json,
    answer: answers<MeetingCodesResponse>(),
  }),
  signOut: route({
    ...ROUTE_PLACES.signOut,
    access: 'chair',
    params: DelegationPath,
    body: NoBody,
    ...json,
    answer: answers<SignOutResponse>(),
  }),
  rotateCode: route({
    ...ROUTE_PLACES.rotateCode,
    access: 'chair',
    params: MeetingPath,
    body: RotateCodeBody,
    ...json,
    answer: answers<RotateCodeResponse>(),
  }),
  devices: route({
    ...ROUTE_PLACES.devices,
    access: 'chair',
    params: MeetingPath,
    ...json,
    answer: answers<DevicesResponse>(),
  }),
  audit: route({
    ...ROUTE_PLACES.audit,
    access: 'chair',
    params: MeetingPath,
    ...json,
    answer: answers<AuditResponse>(),
  }),
  /**
   * Contract version 2, the control API: one command, exactly as on a socket (the body is parsed
   * by `Command` after the token's limits, as a socket's message is). A refusal is the ack with
   * the status of `COMMAND_ERROR_STATUS`.
   */
  command: route({
    ...ROUTE_PLACES.command,
    access: 'token',
    params: MeetingPath,
    body: Command,
    ...json,
    answer: answers<CommandAck>(),
  }),
  /** Contract version 2: the meeting as it stands now, agenda included. */
  state: route({
    ...ROUTE_PLACES.state,
    access: 'token',
    params: MeetingPath,
    ...json,
    answer: answers<MeetingView>(),
  }),
  /** Contract version 2 ("Speaker cues and room outputs"): a webhook for the meeting's events. */
  createHook: route({
    ...ROUTE_PLACES.createHook,
    access: 'chair',
    params: MeetingPath,
    body: CreateHookBody,
    status: 201,
    media: 'json',
    answer: answers<CreateHookResponse>(),
  }),
  /** Contract version 2: the meeting's webhooks, without their secrets, with their deliveries. */
  hooks: route({
    ...ROUTE_PLACES.hooks,
    access: 'chair',
    params: MeetingPath,
    ...json,
    answer: answers<HooksResponse>(),
  }),
  /** Contract version 2: removes a webhook; nothing more is sent to it. */
  deleteHook: route({
    ...ROUTE_PLACES.deleteHook,
    access: 'chair',
    params: HookPath,
    ...json,
    answer: answers<DeleteHookResponse>(),
  }),
} as const satisfies Record<HttpRouteName, HttpRoute>;

/** What a route answers on success. */
export type AnswerOf<R extends HttpRoute> = R['answer'] extends Answer<infer T> ? T : never;

/** What a route's path parameters are, as a caller gives them; `undefined` for none. */
export type ParamsOf<R extends HttpRoute> = R extends { params: infer P extends z.ZodType }
  ? z.input<P>
  : undefined;

/** What a route's body is, as a caller sends it; `undefined` for none. */
export type BodyOf<R extends HttpRoute> = R extends { body: infer B extends z.ZodType }
  ? z.input<B>
  : undefined;

export { COMMAND_ERROR_STATUS, HTTP_ERROR_STATUS, type HttpErrorCode } from './errors';
export { HttpErrorResponse } from './http';
export { type HttpRouteName, pathOf, ROUTE_PLACES, type RoutePlace } from './routes';
