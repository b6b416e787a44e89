import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import { type AnswerOf, HTTP_ROUTES } from '../../../shared/protocol/contract';
import { defaultMeetingAgenda } from '../../meetings/defaultMeeting';
import type { MeetingRegistry } from '../../meetings/registry';

const { createMeeting, listMeetings } = HTTP_ROUTES;

/**
 * `/api/meetings` (docs/protocol.md, "HTTP"): the operator makes a meeting (the default agenda and
 * roster stand in for what the body leaves out); anyone lists them, to find the one to join.
 */
export const meetingsRoutes: FastifyPluginAsyncZod<{ registry: MeetingRegistry }> = async (
  app,
  { registry },
) => {
  app.post(
    '',
    { config: { access: createMeeting.access }, schema: { body: createMeeting.body } },
    async (request, reply): Promise<AnswerOf<typeof createMeeting>> => {
      const { agenda, roster } = request.body;
      const created = registry.create(
        agenda ?? defaultMeetingAgenda(registry.clock.now()),
        roster ?? DEFAULT_ROSTER,
      );
      reply.code(createMeeting.status);
      return created;
    },
  );

  app.get(
    '',
    { config: { access: listMeetings.access } },
    async (): Promise<AnswerOf<typeof listMeetings>> => registry.list(),
  );
};
