import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type AnswerOf, HTTP_ROUTES } from '../../../shared/protocol/contract';
import type { Outputs } from '../../outputs/outputs';
import { TooManyHooks } from '../../outputs/webhooks';
import { actorOf, meetingOf } from '../access';
import { HttpError } from '../errors';

const { createHook, hooks, deleteHook } = HTTP_ROUTES;

/**
 * A meeting's webhooks (docs/protocol.md, "HTTP"; docs/integrations.md): a chair of the meeting
 * or the operator adds them, lists them (never their secrets) with how their deliveries go, and
 * removes them. They are stored at once, so they survive a restart.
 */
export const hooksRoutes: FastifyPluginAsyncZod<{ outputs: Outputs }> = async (
  app,
  { outputs },
) => {
  app.post(
    '/hooks',
    {
      config: { access: createHook.access },
      schema: { params: createHook.params, body: createHook.body },
    },
    async (request, reply): Promise<AnswerOf<typeof createHook>> => {
      const runtime = meetingOf(request);
      try {
        const created = await outputs.addHook(
          runtime.meetingId,
          () => runtime.view(),
          request.body,
          actorOf(request),
        );
        reply.code(createHook.status);
        return created;
      } catch (error) {
        if (error instanceof TooManyHooks) throw new HttpError('conflict', error.message);
        throw error;
      }
    },
  );

  app.get(
    '/hooks',
    { config: { access: hooks.access }, schema: { params: hooks.params } },
    async (request): Promise<AnswerOf<typeof hooks>> => {
      const { meetingId } = meetingOf(request);
      return { meetingId, hooks: outputs.hooks(meetingId) };
    },
  );

  app.delete(
    '/hooks/:hookId',
    { config: { access: deleteHook.access }, schema: { params: deleteHook.params } },
    async (request): Promise<AnswerOf<typeof deleteHook>> => {
      const { meetingId } = meetingOf(request);
      const { hookId } = request.params;
      if (!(await outputs.removeHook(meetingId, hookId))) {
        throw new HttpError('not_found', `This meeting has no webhook "${hookId.slice(0, 64)}".`);
      }
      return { hookId, removed: true };
    },
  );
};
