import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ClusterBus } from '../cluster/bus';
import type { MeetingRegistry } from '../meetings/registry';
import type { Outputs } from '../outputs/outputs';
import type { CommandIntake } from '../realtime/commandIntake';
import type { Devices } from '../realtime/devices';
import { registerAccess } from './access';
import { healthRoutes } from './routes/health';
import { joinRoutes } from './routes/join';
import { meetingScope } from './routes/meeting';
import { meetingsRoutes } from './routes/meetings';
import type { WrongCodeBudget } from './wrongCodeLimiter';

export interface ApiOptions {
  registry: MeetingRegistry;
  adminToken: string;
  limiter: WrongCodeBudget;
  devices: Devices;
  /** Where commands go, from sockets and from the control API alike. */
  commands: CommandIntake;
  outputs: Outputs;
  /** In a cluster (issue 16): how requests for meetings other nodes hold reach them. */
  bus: ClusterBus | null;
}

/**
 * The contract's HTTP API (docs/protocol.md, "HTTP"; every route is listed in `HTTP_ROUTES` of
 * `shared/protocol/contract.ts`), registered with the prefix `/api`:
 *
 * - `routes/health.ts`: `/health`;
 * - `routes/meetings.ts`: `/meetings`, the operator's;
 * - `routes/join.ts`: `/join` and `/meetings/:id/join`;
 * - `routes/meeting.ts`: the scope `/meetings/:id`, which finds the meeting first, with the roster,
 *   `routes/devices.ts` (the chair's devices and codes), `routes/record.ts` (the record) and
 *   `routes/control.ts` (the control API: commands and the state over HTTP).
 *   `routes/hooks.ts` (the meeting's webhooks).
 *
 * Params and bodies are checked by the contract's zod schemas through fastify-type-provider-zod
 * (a refusal is answered by `errors.ts`); who may call a route is its `config.access`, checked by
 * `access.ts`.
 */
export const apiPlugin: FastifyPluginAsync<ApiOptions> = async (app, options) => {
  // Only what each plugin needs: the options given to this one also carry its prefix.
  const { registry, adminToken, limiter, devices, commands, outputs, bus } = options;
  // The routes' schemas are zod's: validated by zod, and a response schema, should a route
  // declare one, serialised by zod too (Fastify's own compilers take JSON Schema).
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(registerAccess, { registry, adminToken, limiter });
  await app.register(healthRoutes);
  await app.register(meetingsRoutes, { prefix: '/meetings', registry });
  await app.register(joinRoutes, { registry, limiter });
  await app.register(meetingScope, {
    prefix: '/meetings/:id',
    registry,
    devices,
    commands,
    outputs,
    bus,
  });
};
