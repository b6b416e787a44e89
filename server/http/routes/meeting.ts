import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type AnswerOf, HTTP_ROUTES } from '../../../shared/protocol/contract';
import type { ClusterBus } from '../../cluster/bus';
import type { MeetingRegistry } from '../../meetings/registry';
import type { Outputs } from '../../outputs/outputs';
import type { CommandIntake } from '../../realtime/commandIntake';
import type { Devices } from '../../realtime/devices';
import { findMeeting, meetingOf } from '../access';
import { controlRoutes } from './control';
import { devicesRoutes } from './devices';
import { hooksRoutes } from './hooks';
import { recordRoutes } from './record';

const { roster, groups } = HTTP_ROUTES;

export interface MeetingScopeOptions {
  registry: MeetingRegistry;
  devices: Devices;
  /** The intake the sockets' commands go through too (the control API). */
  commands: CommandIntake;
  outputs: Outputs;
  /** In a cluster: how a request for a meeting another node holds reaches it. */
  bus: ClusterBus | null;
}

/**
 * Everything under `/api/meetings/:id` but the join: the meeting named in the path is found
 * first (404, docs/protocol.md "HTTP": "Unknown routes and meetings are 404"), before any token is
 * checked, and every route here reads it with `meetingOf(request)`.
 */
export const meetingScope: FastifyPluginAsyncZod<MeetingScopeOptions> = async (app, options) => {
  const { registry, devices, commands, outputs, bus } = options;
  app.addHook('preValidation', findMeeting(registry, bus));

  app.get(
    '/roster',
    { config: { access: roster.access }, schema: { params: roster.params } },
    // `names` (contract version 2, "Languages") travels with each entry that has it: the screens
    // show a delegation's name in their language from here (client/i18n/names.tsx).
    async (request): Promise<AnswerOf<typeof roster>> =>
      meetingOf(request).roster.map(({ id, name, names, category }) =>
        names ? { id, name, names, category } : { id, name, category },
      ),
  );

  app.get(
    '/groups',
    { config: { access: groups.access }, schema: { params: groups.params } },
    async (request): Promise<AnswerOf<typeof groups>> =>
      meetingOf(request).groups.map(({ id, name, names, members }) =>
        names ? { id, name, names, members } : { id, name, members },
      ),
  );

  await app.register(devicesRoutes, { registry, devices });
  await app.register(recordRoutes);
  await app.register(controlRoutes, { commands });
  await app.register(hooksRoutes, { outputs });
};
