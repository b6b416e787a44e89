import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type AnswerOf, HTTP_ROUTES } from '../../../shared/protocol/contract';

const { health } = HTTP_ROUTES;

/** `GET /api/health` (docs/protocol.md, "HTTP"): the process answers. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { config: { access: health.access } },
    async (): Promise<AnswerOf<typeof health>> => ({ ok: true }),
  );
};
