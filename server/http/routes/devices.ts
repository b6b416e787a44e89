import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type AnswerOf, HTTP_ROUTES } from '../../../shared/protocol/contract';
import { countDevices } from '../../meetings/deviceCounts';
import type { MeetingRegistry } from '../../meetings/registry';
import type { MeetingRuntime } from '../../meetings/runtime';
import type { Devices } from '../../realtime/devices';
import { actorOf, meetingOf } from '../access';
import { HttpError } from '../errors';

const { codes, signOut, rotateCode, devices: devicesNow, audit } = HTTP_ROUTES;

/** A delegation of this meeting's roster, named in the path or the body, or 404. */
const delegationOf = (runtime: MeetingRuntime, id: string): string => {
  if (!runtime.roster.some((d) => d.id === id)) {
    throw new HttpError(
      'not_found',
      `There is no delegation "${id.slice(0, 64)}" in this meeting.`,
    );
  }
  return id;
};

/**
 * The chair's devices and codes (docs/protocol.md, "Devices and codes"): every route here is
 * `access: 'chair'`, a chair of this very meeting or the operator.
 */
export const devicesRoutes: FastifyPluginAsyncZod<{
  registry: MeetingRegistry;
  devices: Devices;
}> = async (app, { registry, devices }) => {
  // Every code of the meeting, to print join cards: the operator's, and (added) a chair's.
  app.get(
    '/codes',
    { config: { access: codes.access }, schema: { params: codes.params } },
    async (request): Promise<AnswerOf<typeof codes>> => {
      const { meetingId } = meetingOf(request);
      return { meetingId, codes: await registry.codes(meetingId) };
    },
  );

  // Added: signs out every device of one delegation. Its code still joins (rotate it too to
  // keep the delegation's card from working).
  app.post(
    '/delegations/:delegationId/sign-out',
    { config: { access: signOut.access }, schema: { params: signOut.params, body: signOut.body } },
    async (request): Promise<AnswerOf<typeof signOut>> => {
      const runtime = meetingOf(request);
      const actor = actorOf(request);
      const delegationId = delegationOf(runtime, request.params.delegationId);
      const holder = { role: 'delegate' as const, delegationId };
      // Revoked in the store first (a restart keeps it), then the sockets closed at once; a
      // handshake that read the token before it was revoked reads it again (`authenticate`).
      const revokedTokens = await registry.signOut(runtime.meetingId, holder, actor);
      const disconnected = await devices.signOut(runtime.meetingId, holder, {
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
  app.post(
    '/codes/rotate',
    {
      config: { access: rotateCode.access },
      schema: { params: rotateCode.params, body: rotateCode.body },
    },
    async (request): Promise<AnswerOf<typeof rotateCode>> => {
      const runtime = meetingOf(request);
      const actor = actorOf(request);
      const body = request.body;
      const holder =
        body.role === 'delegate'
          ? { role: body.role, delegationId: delegationOf(runtime, body.delegationId ?? '') }
          : { role: body.role };
      // A chair who rotates the chair code revokes their own token too: they get a new one.
      const reissue = actor === 'chair' && holder.role === 'chair';
      const rotated = await registry.rotateCode(runtime.meetingId, holder, actor, { reissue });
      const disconnected = await devices.signOut(runtime.meetingId, holder, {
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
  app.get(
    '/devices',
    { config: { access: devicesNow.access }, schema: { params: devicesNow.params } },
    async (request): Promise<AnswerOf<typeof devicesNow>> => {
      const runtime = meetingOf(request);
      const tokens = await registry.tokenCounts(runtime.meetingId);
      return countDevices(runtime, await devices.of(runtime.meetingId), tokens);
    },
  );

  // Added: the sign-outs and code rotations of this meeting, oldest first.
  app.get(
    '/audit',
    { config: { access: audit.access }, schema: { params: audit.params } },
    async (request): Promise<AnswerOf<typeof audit>> => {
      const { meetingId } = meetingOf(request);
      return { meetingId, entries: await registry.audit(meetingId) };
    },
  );
};
