import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type AnswerOf, HTTP_ROUTES } from '../../../shared/protocol/contract';
import type { MeetingRegistry } from '../../meetings/registry';
import { noSuchMeeting } from '../access';
import { HttpError } from '../errors';
import type { WrongCodeBudget } from '../wrongCodeLimiter';

const { join, joinByCode } = HTTP_ROUTES;

export interface JoinOptions {
  registry: MeetingRegistry;
  limiter: WrongCodeBudget;
}

/**
 * The joins (docs/protocol.md, "HTTP" and "Access codes and tokens"): a code for a token. Both are
 * `access: 'code'`, so an address over its wrong-code budget is refused before its body is read;
 * the meeting named in the path is looked up after the body is checked, as the code is.
 */
export const joinRoutes: FastifyPluginAsyncZod<JoinOptions> = async (app, options) => {
  const { registry, limiter } = options;

  /** A right code is logged (without the code); a wrong one counts against the address's budget. */
  const joined = async <T extends { role: string; delegationId?: string }>(
    request: FastifyRequest,
    meetingId: string | undefined,
    answer: T | null,
    wrongCode: string,
  ): Promise<T> => {
    if (!answer) {
      await limiter.recordFailure(request.ip);
      throw new HttpError('unauthorized', wrongCode);
    }
    request.log.info({ meetingId, role: answer.role, delegationId: answer.delegationId }, 'joined');
    return answer;
  };

  app.post(
    '/meetings/:id/join',
    { config: { access: join.access }, schema: { params: join.params, body: join.body } },
    async (request): Promise<AnswerOf<typeof join>> => {
      // Sharing the store (issue 16), a meeting another node holds joins here too: the codes
      // and tokens are in the store.
      const meetingId = request.params.id;
      if (!(await registry.known(meetingId))) throw noSuchMeeting(meetingId);
      return joined(
        request,
        meetingId,
        await registry.join(meetingId, request.body.code),
        'That code does not open this meeting: check it and try again.',
      );
    },
  );

  // Contract version 2: a code alone joins. Codes are unique across the server's meetings, so
  // the code names its meeting; a wrong code counts against the same budget as above.
  app.post(
    '/join',
    { config: { access: joinByCode.access }, schema: { body: joinByCode.body } },
    async (request): Promise<AnswerOf<typeof joinByCode>> => {
      const answer = await registry.joinByCode(request.body.code);
      return joined(
        request,
        answer?.meetingId,
        answer,
        'That access code opens no meeting on this server: check it and try again.',
      );
    },
  );
};
