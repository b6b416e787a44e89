import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type AnswerOf,
  COMMAND_ERROR_STATUS,
  HTTP_ROUTES,
} from '../../../shared/protocol/contract';
import { LIMITS } from '../../../shared/protocol/limits';
import type { CommandIntake } from '../../realtime/commandIntake';
import { deviceOf, meetingOf } from '../access';

const { command, state } = HTTP_ROUTES;

/**
 * The control API (contract version 2, "Speaker cues and room outputs"; docs/integrations.md
 * shows it driven from a Stream Deck and from curl): every route here is `access: 'token'`, any
 * token of this very meeting.
 *
 * A command over HTTP is a command on a socket: the same intake (`CommandIntake`) takes it, with
 * the same budget for the token, the same parse and words, the same engine and ack. Only the
 * answer's envelope differs: a refusal carries its status (`COMMAND_ERROR_STATUS`), and so does
 * every other error of the route, as an ack (`answersAsAck`).
 */
export const controlRoutes: FastifyPluginAsyncZod<{ commands: CommandIntake }> = async (
  app,
  { commands },
) => {
  app.post(
    '/commands',
    {
      config: { access: command.access, answersAsAck: true },
      // A command is no larger over HTTP than a socket lets it be.
      bodyLimit: LIMITS.socketMessageBytes,
      // No body schema here: the intake parses it after the token's limits, as on a socket,
      // and says what is wrong in a socket's words (`command.body` is the same `Command`).
      schema: { params: command.params },
    },
    async (request, reply): Promise<AnswerOf<typeof command>> => {
      const device = deviceOf(request);
      // A display beyond its limit is answered `rate_limited`: there is no socket to close.
      const { ack } = await commands.take(device, request.body, 'http');
      if (!ack.ok) reply.code(COMMAND_ERROR_STATUS[ack.error.code]);
      return ack;
    },
  );

  app.get(
    '/state',
    { config: { access: state.access }, schema: { params: state.params } },
    // The meeting as its last stored command left it, not the last broadcast (a turn of the
    // event loop behind), so a command's answer and a read that follows it agree.
    async (request): Promise<AnswerOf<typeof state>> => meetingOf(request).view(),
  );
};
