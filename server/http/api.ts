import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { DEFAULT_AGENDA } from '../../shared/defaults/agenda';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import {
  CreateMeetingBody,
  type CreateMeetingResponse,
  type HealthResponse,
  JoinBody,
  type JoinResponse,
  type MeetingCodesResponse,
  type MeetingSummary,
  type RecordResponse,
  type RosterResponse,
} from '../../shared/protocol/http';
import { bearerToken, sameSecret } from '../access/tokens';
import type { MeetingRegistry } from '../meetings/registry';
import type { MeetingRuntime } from '../meetings/runtime';
import { describeZodError } from '../validation/issues';
import { HttpError } from './errors';
import { turnsCsv } from './recordCsv';
import type { WrongCodeLimiter } from './wrongCodeLimiter';

export interface ApiOptions {
  registry: MeetingRegistry;
  adminToken: string;
  limiter: WrongCodeLimiter;
}

type MeetingParams = { Params: { id: string } };

const parse = <T>(schema: z.ZodType<T>, input: unknown, whole: string): T => {
  const result = schema.safeParse(input);
  if (!result.success) throw new HttpError('invalid', describeZodError(result.error, whole));
  return result.data;
};

/** The contract's HTTP API (PROTOCOL.md, "HTTP"), and the operator's codes endpoint. */
export const registerApi = (app: FastifyInstance, options: ApiOptions): void => {
  const { registry, limiter } = options;

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

  app.get('/api/health', async (): Promise<HealthResponse> => ({ ok: true }));

  app.post('/api/meetings', async (request, reply): Promise<CreateMeetingResponse> => {
    requireOperator(request);
    const body = parse(CreateMeetingBody, request.body ?? {}, 'body');
    const created = registry.create(body.agenda ?? DEFAULT_AGENDA, body.roster ?? DEFAULT_ROSTER);
    reply.code(201);
    return created;
  });

  app.get('/api/meetings', async (): Promise<MeetingSummary[]> => registry.list());

  app.get<MeetingParams>(
    '/api/meetings/:id/roster',
    async (request): Promise<RosterResponse> =>
      meeting(request.params.id).roster.map(({ id, name, category }) => ({ id, name, category })),
  );

  app.post<MeetingParams>('/api/meetings/:id/join', async (request): Promise<JoinResponse> => {
    checkLimit(request);
    const { code } = parse(JoinBody, request.body, 'body');
    const runtime = meeting(request.params.id);
    const joined = registry.join(runtime.meetingId, code);
    if (!joined) {
      limiter.recordFailure(request.ip);
      throw new HttpError(
        'unauthorized',
        'That code does not open this meeting: check it and try again.',
      );
    }
    request.log.info(
      { meetingId: runtime.meetingId, role: joined.role, delegationId: joined.delegationId },
      'joined',
    );
    return joined;
  });

  app.get<MeetingParams>('/api/meetings/:id/record', async (request): Promise<RecordResponse> => {
    const runtime = meeting(request.params.id);
    requireOfficer(request, runtime.meetingId);
    return runtime.record();
  });

  app.get<MeetingParams>('/api/meetings/:id/record.csv', async (request, reply) => {
    const runtime = meeting(request.params.id);
    requireOfficer(request, runtime.meetingId);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${runtime.meetingId}-record.csv"`)
      .send(turnsCsv(runtime.record().turns));
  });

  app.get<MeetingParams>(
    '/api/meetings/:id/codes',
    async (request): Promise<MeetingCodesResponse> => {
      requireOperator(request);
      const runtime = meeting(request.params.id);
      return { meetingId: runtime.meetingId, codes: registry.codes(runtime.meetingId) };
    },
  );
};
