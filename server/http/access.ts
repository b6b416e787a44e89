import type {
  FastifyPluginAsync,
  FastifyRequest,
  onRequestHookHandler,
  preValidationHookHandler,
} from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../../shared/protocol/common';
import { type Access, MeetingPath } from '../../shared/protocol/contract';
import { bearerToken, sameSecret, tokenHash } from '../access/tokens';
import { type ClusterBus, FORWARDED_HEADER, forwardedRequestOf } from '../cluster/bus';
import type { MeetingRegistry } from '../meetings/registry';
import type { MeetingRuntime } from '../meetings/runtime';
import { HttpError } from './errors';
import type { WrongCodeBudget } from './wrongCodeLimiter';

/**
 * Who may call what (docs/protocol.md, "HTTP" and "Devices and codes"), as Fastify does it: an
 * `onRequest` hook reads the bearer token into `request.caller`, and each route declares its
 * `access` in its options (`config: { access }`); the check runs as that route's `preValidation`
 * hook, after the body is parsed (malformed JSON is a 400 first) and before the schemas check it
 * (a caller who may not call the route learns nothing of its body's rules).
 */

/** Who the bearer token says is calling. */
export type Caller =
  /** No `Authorization: Bearer` header. */
  | { kind: 'nobody' }
  /**
   * A token this server issued and has not revoked; `tokenKey` is its hash, under which its
   * command limits are kept (the same key as on its sockets).
   */
  | { kind: 'device'; meetingId: string; role: Role; delegationId?: string; tokenKey: string }
  /** A token this server issued and revoked since (a sign-out, a code rotation). */
  | { kind: 'signed-out' }
  | { kind: 'operator' }
  /** Anything else: a try at the operator's token, as far as the wrong-code budget goes. */
  | { kind: 'stranger' };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every route under /api declares it. */
    access?: Access;
  }
  interface FastifyRequest {
    /** Who the bearer token says is calling; null before the API's `onRequest` hook read it. */
    caller: Caller | null;
    /** The meeting named in the path, once the meeting's scope has found it. */
    meeting: MeetingRuntime | null;
  }
}

export interface AccessOptions {
  registry: MeetingRegistry;
  adminToken: string;
  limiter: WrongCodeBudget;
}

const NOBODY: Caller = { kind: 'nobody' };

/** Who is calling: without a bearer token, nobody. */
export const callerOf = (request: FastifyRequest): Caller => request.caller ?? NOBODY;

/** The meeting the path names; its routes are registered in a scope that has found it. */
export const meetingOf = (request: FastifyRequest): MeetingRuntime => {
  if (!request.meeting) throw new Error(`${request.url}: no meeting in this route's scope`);
  return request.meeting;
};

/** Who acted on a chair's route: a chair of the meeting, or the operator. */
export const actorOf = (request: FastifyRequest): 'chair' | 'operator' => {
  const caller = callerOf(request);
  if (caller.kind === 'operator') return 'operator';
  if (caller.kind === 'device' && caller.role === 'chair') return 'chair';
  throw new Error(`${request.url}: not a chair's route`);
};

/** The device calling a `token` route: a token of this meeting, as its access has checked. */
export const deviceOf = (request: FastifyRequest): Extract<Caller, { kind: 'device' }> => {
  const caller = callerOf(request);
  if (caller.kind !== 'device') throw new Error(`${request.url}: not a device's route`);
  return caller;
};

/**
 * The `preValidation` hook of a meeting's scope (`/api/meetings/:id`): the meeting named in the
 * path, or 404, before any token or schema is checked.
 */
export const findMeeting =
  (registry: MeetingRegistry, bus: ClusterBus | null): preValidationHookHandler =>
  async (request, reply) => {
    const path = MeetingPath.safeParse(request.params);
    const id = path.success ? path.data.id : '';
    const runtime = registry.get(id);
    if (runtime) {
      request.meeting = runtime;
      return;
    }
    // Another node holds it (issue 16): it answers, as if the request had gone there. One
    // passed on already is not passed on again (the meeting changed hands meanwhile).
    if (bus && (await registry.known(id))) {
      const forwarded =
        request.headers[FORWARDED_HEADER] === undefined ? forwardedRequestOf(id, request) : null;
      const response = forwarded && (await bus.http(forwarded));
      if (!response) {
        throw new HttpError(
          'unavailable',
          'The meeting is changing hands between servers: try again in a few seconds.',
        );
      }
      return reply
        .code(response.status)
        .headers(response.headers)
        .send(Buffer.from(response.body, 'base64'));
    }
    request.meeting = meetingNamed(registry, id);
  };

/** The live meeting of that id, or a 404 that names it. */
export const meetingNamed = (registry: MeetingRegistry, id: string): MeetingRuntime => {
  const runtime = registry.get(id);
  if (!runtime) throw noSuchMeeting(id);
  return runtime;
};

/** The 404 for a meeting id nobody knows, naming it. */
export const noSuchMeeting = (id: string): HttpError =>
  new HttpError('not_found', `There is no meeting "${id.slice(0, 64)}".`);

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const accessPlugin: FastifyPluginAsync<AccessOptions> = async (app, options) => {
  const { registry, limiter, adminToken } = options;

  app.decorateRequest('caller', null);
  app.decorateRequest('meeting', null);

  const readCaller: onRequestHookHandler = async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (token === null) return;
    // A token this server issued is looked up (256 random bits: no use guessing); anything else
    // may be a try at the operator's token.
    const issued = await registry.authenticate(token);
    if (issued) {
      request.caller = {
        kind: 'device',
        meetingId: issued.meetingId,
        role: issued.role,
        ...(issued.delegationId !== undefined && { delegationId: issued.delegationId }),
        tokenKey: tokenHash(token),
      };
    } else if (await registry.issuedOnce(token)) {
      request.caller = { kind: 'signed-out' };
    } else {
      request.caller = sameSecret(token, adminToken) ? { kind: 'operator' } : { kind: 'stranger' };
    }
  };
  app.addHook('onRequest', readCaller);

  /** Refuses an address that sent too many wrong codes in the last minute (429). */
  const withinBudget = async (request: FastifyRequest): Promise<void> => {
    const waitMs = await limiter.retryAfterMs(request.ip);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new HttpError(
        'rate_limited',
        `Too many wrong codes from this address: try again in ${plural(seconds, 'second')}.`,
        { 'retry-after': String(seconds) },
      );
    }
  };

  /** A wrong operator token counts against the address's wrong-code budget. */
  const wrongSecret = async (request: FastifyRequest, message: string): Promise<HttpError> => {
    await limiter.recordFailure(request.ip);
    return new HttpError('unauthorized', message);
  };

  const operator = async (request: FastifyRequest): Promise<void> => {
    await withinBudget(request);
    const caller = callerOf(request);
    if (caller.kind === 'nobody') {
      throw new HttpError(
        'unauthorized',
        'Send the operator token: Authorization: Bearer <ADMIN_TOKEN>.',
      );
    }
    if (caller.kind !== 'operator') {
      throw await wrongSecret(request, 'That is not the operator token.');
    }
  };

  /** A chair of this very meeting, or the operator. */
  const chair = async (request: FastifyRequest): Promise<void> => {
    const caller = callerOf(request);
    const meetingId = meetingOf(request).meetingId;
    switch (caller.kind) {
      case 'nobody':
        throw new HttpError(
          'unauthorized',
          "Send a chair's token (or the operator's): Authorization: Bearer <token>.",
        );
      case 'device':
        if (caller.meetingId !== meetingId) {
          throw new HttpError('unauthorized', 'That token does not open this meeting.');
        }
        if (caller.role !== 'chair') {
          throw new HttpError('forbidden', 'Only a chair may manage codes and devices.');
        }
        return;
      case 'signed-out':
        throw new HttpError(
          'unauthorized',
          'This device was signed out: join again with an access code.',
        );
      case 'operator':
        await withinBudget(request);
        return;
      case 'stranger':
        await withinBudget(request);
        throw await wrongSecret(request, 'That token does not open this meeting.');
    }
  };

  /** A chair's or moderator's token for this very meeting: the record is theirs. */
  const officer = (request: FastifyRequest): void => {
    const caller = callerOf(request);
    if (caller.kind === 'nobody') {
      throw new HttpError(
        'unauthorized',
        "Send a chair's or moderator's token: Authorization: Bearer <token>.",
      );
    }
    if (caller.kind !== 'device' || caller.meetingId !== meetingOf(request).meetingId) {
      throw new HttpError('unauthorized', 'That token does not open this meeting.');
    }
    if (caller.role !== 'chair' && caller.role !== 'moderator') {
      throw new HttpError('forbidden', 'Only a chair or a moderator may read the record.');
    }
  };

  /**
   * Any token of this very meeting, whatever its role (the control API): what the role may do is
   * the command's business, checked as on a socket. The operator's token is no meeting's and is
   * refused with the words any other token gets, so the route tells nothing about it.
   */
  const member = (request: FastifyRequest): void => {
    const caller = callerOf(request);
    switch (caller.kind) {
      case 'nobody':
        throw new HttpError(
          'unauthorized',
          'Send a token of this meeting (a join answers one): Authorization: Bearer <token>.',
        );
      case 'signed-out':
        throw new HttpError(
          'unauthorized',
          'This device was signed out: join again with an access code.',
        );
      case 'device':
        if (caller.meetingId === meetingOf(request).meetingId) return;
        throw new HttpError('unauthorized', 'That token does not open this meeting.');
      case 'operator':
      case 'stranger':
        throw new HttpError('unauthorized', 'That token does not open this meeting.');
    }
  };

  const checks: Record<Access, ((request: FastifyRequest) => void | Promise<void>) | null> = {
    anyone: null,
    // The join itself checks the code; a wrong one counts against the same budget.
    code: withinBudget,
    operator,
    chair,
    officer,
    token: member,
  };

  // Every route under /api says who may call it: one that forgot would otherwise be open to all.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`${route.method} ${route.url}: declare who may call it (config.access)`);
    }
    const check = checks[access];
    if (!check) return;
    const hook: preValidationHookHandler = async (request) => check(request);
    const own = route.preValidation;
    route.preValidation = own === undefined ? [hook] : [hook, ...[own].flat()];
  });
};

/** The access plugin: its decorators and hooks reach every route registered after it in /api. */
export const registerAccess = fp(accessPlugin, { name: 'rostrum-access', fastify: '5.x' });
