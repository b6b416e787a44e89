import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import {
  ApiError,
  fetchCodes,
  fetchCsv,
  fetchHeldSteps,
  fetchReport,
  fetchRoster,
  joinByCode,
  joinMeeting,
  listMeetings,
} from '../../client/app/api';
import { systemClock } from '../../server/clock';
import { registerAccess } from '../../server/http/access';
import { WrongCodeLimiter } from '../../server/http/wrongCodeLimiter';
import {
  AuditResponse,
  DevicesResponse,
  RotateCodeResponse,
  SignOutResponse,
} from '../../shared/protocol/access';
import type { Command } from '../../shared/protocol/commands';
import {
  type Access,
  HTTP_ROUTES,
  type HttpRoute,
  type HttpRouteName,
  pathOf,
} from '../../shared/protocol/contract';
import { CommandAck } from '../../shared/protocol/errors';
import { CreateHookResponse, DeleteHookResponse, HooksResponse } from '../../shared/protocol/hooks';
import {
  CreateMeetingResponse,
  GroupsResponse,
  HealthResponse,
  HttpErrorResponse,
  JoinByCodeResponse,
  JoinResponse,
  MeetingCodesResponse,
  MeetingList,
  RosterResponse,
} from '../../shared/protocol/http';
import { HeldStepsResponse, RecordResponse } from '../../shared/protocol/record';
import { MeetingView } from '../../shared/protocol/view';
import { openRoom, type Room } from '../support/meeting';
import {
  ADMIN_TOKEN,
  createMeeting,
  http,
  join,
  ok,
  startServer,
  TEST_AGENDA_INPUT,
  type TestServer,
} from '../support/server';

/**
 * The HTTP API answers the contract of shared/protocol/contract.ts: every route of `HTTP_ROUTES`
 * is there, admits exactly the callers its `access` names (docs/protocol.md, "HTTP" and "Devices
 * and codes"), and answers bodies its schemas accept; the screens' helpers (client/app/api.ts)
 * call those routes.
 */

const expectError = (
  answer: { status: number; body: unknown },
  status: number,
  code: string,
): string => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const { error } = HttpErrorResponse.parse(answer.body);
  expect(error.code).toBe(code);
  return error.message;
};

/** Who calls, in the walk below. */
type Caller =
  | 'nobody'
  | 'stranger'
  | 'delegate'
  | 'display'
  | 'moderator'
  | 'chair'
  | 'otherChair'
  | 'operator';

const CALLERS: readonly Caller[] = [
  'nobody',
  'stranger',
  'delegate',
  'display',
  'moderator',
  'chair',
  'otherChair',
  'operator',
];

/** The status each caller gets, by the route's access (docs/protocol.md). */
const EXPECTED: Record<Access, (caller: Caller, success: number) => number> = {
  anyone: (_, success) => success,
  code: (_, success) => success,
  operator: (caller, success) => (caller === 'operator' ? success : 401),
  chair: (caller, success) =>
    caller === 'chair' || caller === 'operator'
      ? success
      : caller === 'delegate' || caller === 'display' || caller === 'moderator'
        ? 403
        : 401,
  officer: (caller, success) =>
    caller === 'chair' || caller === 'moderator'
      ? success
      : caller === 'delegate' || caller === 'display'
        ? 403
        : 401,
  token: (caller, success) =>
    caller === 'delegate' || caller === 'display' || caller === 'moderator' || caller === 'chair'
      ? success
      : 401,
};

/**
 * What each caller gets from a route: its access decides, but for a command the permission table
 * has the last word, as on a socket: a display's token opens the route, and is answered 403.
 */
const expectedOf = (name: HttpRouteName, caller: Caller): number => {
  const route: HttpRoute = HTTP_ROUTES[name];
  if (name === 'command' && caller === 'display') return 403;
  return EXPECTED[route.access](caller, route.status);
};

/**
 * The command each caller sends in the walk (the room is at its discussion, its list open): one
 * the role may send and that succeeds there, in the walk's order of callers.
 */
const COMMAND_OF: Partial<Record<Caller, Command>> = {
  delegate: { type: 'floor.request' },
  moderator: { type: 'floor.close' },
  chair: { type: 'display.configure', showDelay: true },
};

/**
 * What each route answers, as the contract's schema for it: the walk checks that a success
 * parses, and that parsing leaves it whole (no field the contract does not name). `null`: not
 * JSON (the CSV exports) or typed by an interface (the report, checked by its own tests).
 */
const ANSWERS: Record<HttpRouteName, z.ZodType | null> = {
  health: HealthResponse,
  createMeeting: CreateMeetingResponse,
  listMeetings: MeetingList,
  roster: RosterResponse,
  groups: GroupsResponse,
  join: JoinResponse,
  joinByCode: JoinByCodeResponse,
  record: RecordResponse,
  recordCsv: null,
  requestsCsv: null,
  steps: HeldStepsResponse,
  report: null,
  codes: MeetingCodesResponse,
  signOut: SignOutResponse,
  rotateCode: RotateCodeResponse,
  devices: DevicesResponse,
  audit: AuditResponse,
  command: CommandAck,
  state: MeetingView,
  createHook: CreateHookResponse,
  hooks: HooksResponse,
  deleteHook: DeleteHookResponse,
};

describe('the HTTP contract', () => {
  let server: TestServer;
  let room: Room;
  let otherChair: string;

  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false });
    room = await openRoom(server);
    // At the discussion, so that the walk's commands (COMMAND_OF) are taken.
    await ok(room.chair, { type: 'agenda.start' });
    await ok(room.chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
    const other = await createMeeting(server.url);
    otherChair = (await join(server.url, other.meetingId, other.codes.chair)).token;
  });
  afterAll(async () => {
    room.close();
    await server.close();
  });

  const tokenOf = (caller: Caller): string | undefined =>
    ({
      nobody: undefined,
      stranger: 'a-token-this-server-never-issued',
      delegate: room.tokens.mexico,
      display: room.tokens.display,
      moderator: room.tokens.moderator,
      chair: room.tokens.chair,
      otherChair,
      operator: ADMIN_TOKEN,
    })[caller];

  /** A hook of the room's meeting, made by the operator, for a caller to remove. */
  const aHook = async (): Promise<string> => {
    const made = await http(server.url, pathOf(HTTP_ROUTES.createHook, { id: room.meetingId }), {
      body: { url: 'http://127.0.0.1:9/nobody-listens', secret: 'a-secret-of-the-walk' },
      token: ADMIN_TOKEN,
    });
    return CreateHookResponse.parse(made.body).hookId;
  };

  /**
   * A request each route accepts from a caller it admits, and that changes nothing in the room
   * (a hook's deliveries are not the room's); asked again for each caller, as removing a hook
   * needs one to remove.
   */
  const requestOf = async (
    name: HttpRouteName,
    caller: Caller,
  ): Promise<{ path: string; body?: unknown }> => {
    const route: HttpRoute = HTTP_ROUTES[name];
    const params = {
      id: room.meetingId,
      delegationId: 'holy-see',
      ...(name === 'deleteHook' && { hookId: await aHook() }),
    };
    const path = pathOf(route, params);
    switch (name) {
      case 'createMeeting':
        return { path, body: { agenda: TEST_AGENDA_INPUT } };
      case 'join':
      case 'joinByCode':
        return { path, body: { code: room.codes.moderator } };
      case 'signOut':
        return { path, body: {} };
      case 'rotateCode':
        // No device of the room holds the Holy See's code.
        return { path, body: { role: 'delegate', delegationId: 'holy-see' } };
      case 'command':
        return { path, body: COMMAND_OF[caller] ?? { type: 'floor.open' } };
      case 'createHook':
        // Nothing listens there: its deliveries fail, and are tried again, out of the room's way.
        return {
          path,
          body: { url: 'http://127.0.0.1:9/nobody-listens', secret: 'a-secret-of-the-walk' },
        };
      default:
        return { path };
    }
  };

  it('serves every route of the contract, to exactly the callers its access names', async () => {
    const names = Object.keys(HTTP_ROUTES) as HttpRouteName[];
    for (const name of names) {
      const route: HttpRoute = HTTP_ROUTES[name];
      for (const caller of CALLERS) {
        const { path, body } = await requestOf(name, caller);
        const token = tokenOf(caller);
        const answer = await http(server.url, path, {
          method: route.method,
          ...(body !== undefined && { body }),
          ...(token !== undefined && { token }),
        });
        const expected = expectedOf(name, caller);
        const where = `${name} (${route.access}) called by ${caller}: ${answer.text.slice(0, 200)}`;
        expect(answer.status, where).toBe(expected);
        if (expected !== route.status) {
          expect(HttpErrorResponse.safeParse(answer.body).success, where).toBe(true);
          continue;
        }
        if (route.media === 'csv') {
          expect(answer.headers.get('content-type'), where).toMatch(/^text\/csv/);
          continue;
        }
        const schema = ANSWERS[name];
        if (schema) expect(schema.parse(answer.body), where).toEqual(answer.body);
      }
    }
  });

  it('finds the meeting first: an unknown one is 404 whoever calls', async () => {
    for (const route of [
      HTTP_ROUTES.record,
      HTTP_ROUTES.codes,
      HTTP_ROUTES.roster,
      HTTP_ROUTES.state,
    ]) {
      const path = pathOf(route, { id: 'nosuchmeeting' });
      for (const caller of ['nobody', 'delegate', 'chair'] as const) {
        const token = tokenOf(caller);
        const answer = await http(server.url, path, token === undefined ? {} : { token });
        expect(expectError(answer, 404, 'not_found')).toBe('There is no meeting "nosuchmeeting".');
      }
    }
  });

  it("refuses the record to a missing bearer (401) and to a delegate's token (403), in words", async () => {
    const path = pathOf(HTTP_ROUTES.record, { id: room.meetingId });
    expect(expectError(await http(server.url, path), 401, 'unauthorized')).toBe(
      "Send a chair's or moderator's token: Authorization: Bearer <token>.",
    );
    expect(
      expectError(await http(server.url, path, { token: room.tokens.mexico }), 403, 'forbidden'),
    ).toBe('Only a chair or a moderator may read the record.');
    // The operator runs the server, not the meeting: the record is the officers'.
    expectError(await http(server.url, path, { token: ADMIN_TOKEN }), 401, 'unauthorized');
  });

  it('reads the body before who calls, and who calls before what the body says', async () => {
    const path = pathOf(HTTP_ROUTES.rotateCode, { id: room.meetingId });
    // Malformed JSON is refused as such, whoever sends it.
    expect(expectError(await http(server.url, path, { body: '{"role":' }), 400, 'invalid')).toBe(
      'The body is not valid JSON.',
    );
    // A well-formed body of the wrong shape: who calls is checked first, then the schema.
    expectError(await http(server.url, path, { body: { role: 'delegate' } }), 401, 'unauthorized');
    const refused = { body: { role: 'delegate' }, token: room.tokens.moderator };
    expectError(await http(server.url, path, refused), 403, 'forbidden');
    const wrong = { body: { role: 'delegate' }, token: room.tokens.chair };
    expect(expectError(await http(server.url, path, wrong), 400, 'invalid')).toBe(
      'delegationId: name the delegation whose code changes',
    );
    const unknown = { body: { role: 'chair', extra: 1 }, token: room.tokens.chair };
    expect(expectError(await http(server.url, path, unknown), 400, 'invalid')).toContain(
      'body: Unrecognized key',
    );
  });

  it('will not start with a route under /api that does not say who may call it', async () => {
    const limiter = new WrongCodeLimiter(systemClock);
    const app = Fastify();
    try {
      const starting = async () => {
        await app.register(
          async (api) => {
            await api.register(registerAccess, {
              registry: server.app.rostrum.registry,
              adminToken: ADMIN_TOKEN,
              limiter,
            });
            api.get('/forgotten', async () => ({ open: true }));
          },
          { prefix: '/api' },
        );
        await app.ready();
      };
      await expect(starting()).rejects.toThrow('GET /api/forgotten: declare who may call it');
    } finally {
      limiter.close();
      await app.close().catch(() => undefined);
    }
  });

  it('tells a signed-out device why, on a chair route', async () => {
    const fresh = await createMeeting(server.url);
    const chair = (await join(server.url, fresh.meetingId, fresh.codes.chair)).token;
    const rotated = await http(
      server.url,
      pathOf(HTTP_ROUTES.rotateCode, { id: fresh.meetingId }),
      {
        body: { role: 'chair' },
        token: ADMIN_TOKEN,
      },
    );
    expect(rotated.status).toBe(200);
    const answer = await http(server.url, pathOf(HTTP_ROUTES.devices, { id: fresh.meetingId }), {
      token: chair,
    });
    expect(expectError(answer, 401, 'unauthorized')).toBe(
      'This device was signed out: join again with an access code.',
    );
  });
});

describe("the screens' HTTP helpers", () => {
  let server: TestServer;
  let meetingId: string;
  let codes: { chair: string; moderator: string };

  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false });
    ({ meetingId, codes } = await createMeeting(server.url));
    // The screens fetch paths of their own origin: here, the test server's.
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) =>
      realFetch(`${server.url}${input}`, init),
    );
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await server.close();
  });

  it('join, list, read the roster, the codes, the steps, the report and the exports', async () => {
    expect(await listMeetings()).toEqual([{ meetingId, title: TEST_AGENDA_INPUT.title }]);
    expect((await fetchRoster(meetingId)).map((d) => d.id)).toContain('mexico');
    const chair = await joinMeeting(meetingId, codes.chair);
    expect(chair.role).toBe('chair');
    const moderator = await joinByCode(codes.moderator.toLowerCase());
    expect(moderator).toMatchObject({ meetingId, role: 'moderator' });
    expect((await fetchCodes(meetingId, chair.token)).codes.chair).toBe(codes.chair);
    expect((await fetchHeldSteps(meetingId, moderator.token)).steps).toEqual([]);
    const report = await fetchReport(meetingId, chair.token);
    expect(report).toMatchObject({ meetingId, status: 'pending' });
    const csv = await fetchCsv(meetingId, chair.token, 'requests.csv');
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^"?id"?,/);
  });

  it("turns the contract's error body into an ApiError with its status and code", async () => {
    const wrongCode = await joinByCode('0000000000').catch((error: unknown) => error);
    expect(wrongCode).toBeInstanceOf(ApiError);
    expect(wrongCode).toMatchObject({ status: 401, code: 'unauthorized' });
    const moderator = await joinMeeting(meetingId, codes.moderator);
    const forbidden = await fetchCodes(meetingId, moderator.token).catch((e: unknown) => e);
    expect(forbidden).toMatchObject({
      status: 403,
      code: 'forbidden',
      message: 'Only a chair may manage codes and devices.',
    });
    const unknown = await fetchRoster('nosuchmeeting').catch((e: unknown) => e);
    expect(unknown).toMatchObject({ status: 404, code: 'not_found' });
  });
});
