import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import {
  type AuditResponse,
  type DeviceCount,
  type DevicesResponse,
  RotateCodeBody,
  type RotateCodeResponse,
  type SignOutResponse,
} from '../../shared/protocol/access';
import type { Role } from '../../shared/protocol/common';
import { Id } from '../../shared/protocol/common';
import {
  CreateMeetingBody,
  type CreateMeetingResponse,
  type HealthResponse,
  JoinBody,
  type JoinByCodeResponse,
  type JoinResponse,
  type MeetingCodesResponse,
  type MeetingSummary,
  type RosterResponse,
} from '../../shared/protocol/http';
import { bearerToken, sameSecret } from '../access/tokens';
import { defaultMeetingAgenda } from '../meetings/defaultMeeting';
import type { MeetingRegistry } from '../meetings/registry';
import type { MeetingRuntime } from '../meetings/runtime';
import type { Devices } from '../realtime/devices';
import { describeZodError } from '../validation/issues';
import { HttpError } from './errors';
import type { WrongCodeLimiter } from './wrongCodeLimiter';

export interface ApiOptions {
  registry: MeetingRegistry;
  adminToken: string;
  limiter: WrongCodeLimiter;
  devices: Devices;
}

type MeetingParams = { Params: { id: string } };
type DelegationParams = { Params: { id: string; delegationId: string } };

/** A POST that needs no body: none at all, or an empty object. */
const NoBody = z.union([z.undefined(), z.null(), z.object({}).strict()]);

const ROLES: readonly Role[] = ['chair', 'moderator', 'display', 'delegate'];

const parse = <T>(schema: z.ZodType<T>, input: unknown, whole: string): T => {
  const result = schema.safeParse(input);
  if (!result.success) throw new HttpError('invalid', describeZodError(result.error, whole));
  return result.data;
};

/** The access checks of the API, for the route files registered beside it. */
export interface ApiAccess {
  /** The live meeting of that id, or 404. */
  meeting: (id: string) => MeetingRuntime;
  /** A chair's or moderator's token for this very meeting, or 401/403. */
  requireOfficer: (request: FastifyRequest, meetingId: string) => void;
  /** A chair's token for this very meeting, or the operator's, or 401/403. */
  requireChair: (request: FastifyRequest, meetingId: string) => 'chair' | 'operator';
}

/**
 * The contract's HTTP API (PROTOCOL.md, "HTTP"), and the operator's codes endpoint. The record's
 * routes are in recordRoutes.ts.
 */
export const registerApi = (app: FastifyInstance, options: ApiOptions): ApiAccess => {
  const { registry, limiter, devices } = options;

  /** Refuses an address that sent too many wrong codes in the last minute. */
  const checkLimit = (request: FastifyRequest): void => {
    const waitMs = limiter.retryAfterMs(request.ip);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new HttpError(
        'rate_limited',
        `Too many wrong codes from this address: try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
        { 'retry-after': String(seconds) },
      );
    }
  };

  const requireOperator = (request: FastifyRequest): void => {
    checkLimit(request);
    const token = bearerToken(request.headers.authorization);
    if (token === null) {
      throw new HttpError(
        'unauthorized',
        'Send the operator token: Authorization: Bearer <ADMIN_TOKEN>.',
      );
    }
    if (!sameSecret(token, options.adminToken)) {
      limiter.recordFailure(request.ip);
      throw new HttpError('unauthorized', 'That is not the operator token.');
    }
  };

  const meeting = (id: string): MeetingRuntime => {
    const runtime = registry.get(id);
    if (!runtime) throw new HttpError('not_found', `There is no meeting "${id.slice(0, 64)}".`);
    return runtime;
  };

  /** A chair's or moderator's token for this very meeting. */
  const requireOfficer = (request: FastifyRequest, meetingId: string): void => {
    const token = bearerToken(request.headers.authorization);
    if (token === null) {
      throw new HttpError(
        'unauthorized',
        "Send a chair's or moderator's token: Authorization: Bearer <token>.",
      );
    }
    const issued = registry.authenticate(token);
    if (!issued || issued.meetingId !== meetingId) {
      throw new HttpError('unauthorized', 'That token does not open this meeting.');
    }
    if (issued.role !== 'chair' && issued.role !== 'moderator') {
      throw new HttpError('forbidden', 'Only a chair or a moderator may read the record.');
    }
  };

  /**
   * A chair of this very meeting, or the operator. A token this server issued is looked up (256
   * random bits: no use guessing); anything else is a try at the operator's token and counts as
   * a wrong code, so the wrong-code limit stops guessing it here too.
   */
  const requireChair = (request: FastifyRequest, meetingId: string): 'chair' | 'operator' => {
    const token = bearerToken(request.headers.authorization);
    if (token === null) {
      throw new HttpError(
        'unauthorized',
        "Send a chair's token (or the operator's): Authorization: Bearer <token>.",
      );
    }
    const issued = registry.authenticate(token);
    if (issued) {
      if (issued.meetingId !== meetingId) {
        throw new HttpError('unauthorized', 'That token does not open this meeting.');
      }
      if (issued.role !== 'chair') {
        throw new HttpError('forbidden', 'Only a chair may manage codes and devices.');
      }
      return 'chair';
    }
    if (registry.issuedOnce(token)) {
      throw new HttpError(
        'unauthorized',
        'This device was signed out: join again with an access code.',
      );
    }
    checkLimit(request);
    if (sameSecret(token, options.adminToken)) return 'operator';
    limiter.recordFailure(request.ip);
    throw new HttpError('unauthorized', 'That token does not open this meeting.');
  };

  /** A delegation of this meeting's roster, named in the path. */
  const delegationOf = (runtime: MeetingRuntime, typed: unknown): string => {
    const parsed = Id.safeParse(typed);
    const found = parsed.success && runtime.roster.some((d) => d.id === parsed.data);
    if (!parsed.success || !found) {
      throw new HttpError(
        'not_found',
        `There is no delegation "${String(typed).slice(0, 64)}" in this meeting.`,
      );
    }
    return parsed.data;
  };

  app.get('/api/health', async (): Promise<HealthResponse> => ({ ok: true }));

  app.post('/api/meetings', async (request, reply): Promise<CreateMeetingResponse> => {
    requireOperator(request);
    const body = parse(CreateMeetingBody, request.body ?? {}, 'body');
    const created = registry.create(
      body.agenda ?? defaultMeetingAgenda(registry.clock.now()),
      body.roster ?? DEFAULT_ROSTER,
    );
    reply.code(201);
    return created;
  });

  app.get('/api/meetings', async (): Promise<MeetingSummary[]> => registry.list());

  app.get<MeetingParams>(
    '/api/meetings/:id/roster',
    async (request): Promise<RosterResponse> =>
      meeting(request.params.id).roster.map(({ id, name, category }) => ({ id, name, category })),
  );

  /**
   * A join, by a meeting's code or by a code alone: within the address's limits, a wrong code
   * counted against its wrong-code budget and refused with `wrongCode`, a right one logged
   * (without the code) and answered with its token.
   */
  const joinWith = <T extends { meetingId?: string; role: string; delegationId?: string }>(
    request: FastifyRequest,
    open: (code: string) => T | null,
    wrongCode: string,
  ): T => {
    checkLimit(request);
    const { code } = parse(JoinBody, request.body, 'body');
    const joined = open(code);
    if (!joined) {
      limiter.recordFailure(request.ip);
      throw new HttpError('unauthorized', wrongCode);
    }
    request.log.info(
      { meetingId: joined.meetingId, role: joined.role, delegationId: joined.delegationId },
      'joined',
    );
    return joined;
  };

  app.post<MeetingParams>(
    '/api/meetings/:id/join',
    async (request): Promise<JoinResponse> =>
      joinWith(
        request,
        (code) => registry.join(meeting(request.params.id).meetingId, code),
        'That code does not open this meeting: check it and try again.',
      ),
  );

  // Contract version 2: a code alone joins. Codes are unique across the server's meetings, so
  // the code names its meeting; a wrong code counts against the same budget as above.
  app.post(
    '/api/join',
    async (request): Promise<JoinByCodeResponse> =>
      joinWith(
        request,
        (code) => registry.joinByCode(code),
        'That access code opens no meeting on this server: check it and try again.',
      ),
  );

  // Every code of the meeting, to print join cards: the operator's, and (added) a chair's.
  app.get<MeetingParams>(
    '/api/meetings/:id/codes',
    async (request): Promise<MeetingCodesResponse> => {
      const runtime = meeting(request.params.id);
      requireChair(request, runtime.meetingId);
      return { meetingId: runtime.meetingId, codes: registry.codes(runtime.meetingId) };
    },
  );

  // Added: signs out every device of one delegation. Its code still joins (rotate it too to
  // keep the delegation's card from working).
  app.post<DelegationParams>(
    '/api/meetings/:id/delegations/:delegationId/sign-out',
    async (request): Promise<SignOutResponse> => {
      const runtime = meeting(request.params.id);
      const actor = requireChair(request, runtime.meetingId);
      parse(NoBody, request.body, 'body');
      const delegationId = delegationOf(runtime, request.params.delegationId);
      const holder = { role: 'delegate' as const, delegationId };
      // Revoked in the store first (a restart keeps it), then the sockets closed, in the same
      // turn of the event loop: no handshake can slip in between.
      const revokedTokens = registry.signOut(runtime.meetingId, holder, actor);
      const disconnected = devices.signOut(runtime.meetingId, holder, {
        reason: 'delegation-signed-out',
        message: "The chair signed out this delegation's devices: join again with its code.",
      });
      request.log.info(
        { meetingId: runtime.meetingId, delegationId, actor, revokedTokens, disconnected },
        'delegation signed out',
      );
      return { meetingId: runtime.meetingId, delegationId, revokedTokens, disconnected };
    },
  );

  // Added: a new code for a role or one delegation; the old code and its tokens stop at once.
  app.post<MeetingParams>(
    '/api/meetings/:id/codes/rotate',
    async (request): Promise<RotateCodeResponse> => {
      const runtime = meeting(request.params.id);
      const actor = requireChair(request, runtime.meetingId);
      const body = parse(RotateCodeBody, request.body, 'body');
      const holder =
        body.role === 'delegate'
          ? { role: body.role, delegationId: delegationOf(runtime, body.delegationId) }
          : { role: body.role };
      // A chair who rotates the chair code revokes their own token too: they get a new one.
      const reissue = actor === 'chair' && holder.role === 'chair';
      const rotated = registry.rotateCode(runtime.meetingId, holder, actor, { reissue });
      const disconnected = devices.signOut(runtime.meetingId, holder, {
        reason: 'code-rotated',
        message: 'The access code of this device was changed: join again with the new code.',
      });
      request.log.info(
        {
          meetingId: runtime.meetingId,
          ...holder,
          actor,
          revokedTokens: rotated.revokedTokens,
          disconnected,
        },
        'code rotated',
      );
      return {
        meetingId: runtime.meetingId,
        ...holder,
        code: rotated.code,
        revokedTokens: rotated.revokedTokens,
        disconnected,
        ...(rotated.token !== undefined && { token: rotated.token }),
      };
    },
  );

  // Added: how many devices each role and delegation has connected now, and tokens issued.
  app.get<MeetingParams>('/api/meetings/:id/devices', async (request): Promise<DevicesResponse> => {
    const runtime = meeting(request.params.id);
    requireChair(request, runtime.meetingId);
    const zero = (): DeviceCount => ({ connected: 0, tokens: 0, revoked: 0 });
    const roles = Object.fromEntries(ROLES.map((role) => [role, zero()])) as Record<
      Role,
      DeviceCount
    >;
    const byDelegation = new Map(runtime.roster.map((d) => [d.id, zero()]));
    for (const device of devices.of(runtime.meetingId)) {
      roles[device.role].connected++;
      const delegation = device.delegationId && byDelegation.get(device.delegationId);
      if (delegation) delegation.connected++;
    }
    for (const count of registry.tokenCounts(runtime.meetingId)) {
      roles[count.role].tokens += count.active;
      roles[count.role].revoked += count.revoked;
      const delegation = count.delegationId && byDelegation.get(count.delegationId);
      if (delegation) {
        delegation.tokens += count.active;
        delegation.revoked += count.revoked;
      }
    }
    return {
      meetingId: runtime.meetingId,
      at: registry.clock.now(),
      roles,
      delegations: runtime.roster.map((d) => ({
        delegationId: d.id,
        name: d.name,
        ...(byDelegation.get(d.id) ?? zero()),
      })),
    };
  });

  // Added: the sign-outs and code rotations of this meeting, oldest first.
  app.get<MeetingParams>('/api/meetings/:id/audit', async (request): Promise<AuditResponse> => {
    const runtime = meeting(request.params.id);
    requireChair(request, runtime.meetingId);
    return { meetingId: runtime.meetingId, entries: registry.audit(runtime.meetingId) };
  });

  return { meeting, requireOfficer, requireChair };
};
