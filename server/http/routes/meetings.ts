import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DEFAULT_GROUPS } from '../../../shared/defaults/groups';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import { groupsOutsideRoster } from '../../../shared/protocol/agenda';
import { type AnswerOf, HTTP_ROUTES } from '../../../shared/protocol/contract';
import { defaultMeetingAgenda } from '../../meetings/defaultMeeting';
import type { MeetingRegistry } from '../../meetings/registry';
import { HttpError } from '../errors';

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
      const { agenda, roster, groups } = request.body;
      // The default roster brings its groups; a roster of one's own has only the groups given.
      const members = roster ?? DEFAULT_ROSTER;
      const grouped = groups ?? (roster === undefined ? DEFAULT_GROUPS : []);
      const outside = groupsOutsideRoster(grouped, members)[0];
      if (outside) {
        throw new HttpError('invalid', `${outside.path.join('.')}: ${outside.message}`);
      }
      const created = await registry.create(
        agenda ?? defaultMeetingAgenda(registry.clock.now()),
        members,
        grouped,
      );
      reply.code(createMeeting.status);
      return created;
    },
  );

  app.get(
    '',
    { config: { access: listMeetings.access } },
    async (): Promise<AnswerOf<typeof listMeetings>> => registry.listAll(),
  );
};
