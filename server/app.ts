import { resolve } from 'node:path';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { DEFAULT_GROUPS } from '../shared/defaults/groups';
import { DEFAULT_ROSTER } from '../shared/defaults/roster';
import { LIMITS } from '../shared/protocol/limits';
import { type AdminToken, resolveAdminToken } from './access/adminToken';
import { type ServerClock, systemClock } from './clock';
import { ClusterBus } from './cluster/bus';
import { type ClusterNode, leaseSettingsOf, stopClusterNode } from './cluster/node';
import type { Durability } from './config';
import { apiPlugin } from './http/api';
import { clientAddresses } from './http/clientAddress';
import {
  type HttpTimeouts,
  httpTimeouts,
  limitConnectionsPerAddress,
} from './http/connectionLimits';
import { answerFrameworkError, registerErrorHandling, sendError } from './http/errors';
import { registerRateLimit } from './http/rateLimit';
import { redisRateLimitStore } from './http/redisRateLimitStore';
import { RedisWrongCodeBudget } from './http/redisWrongCodeBudget';
import { registerSecurityHeaders } from './http/security';
import { SharedLimitsHealth, type SharedRedis } from './http/sharedRedis';
import { registerClient } from './http/static';
import { type WrongCodeBudget, WrongCodeLimiter } from './http/wrongCodeLimiter';
import { defaultMeetingAgenda } from './meetings/defaultMeeting';
import { MeetingRegistry } from './meetings/registry';
import { type OutputOptions, Outputs } from './outputs/outputs';
import { CommandIntake } from './realtime/commandIntake';
import { Devices } from './realtime/devices';
import { HandshakeGuard } from './realtime/handshakeGuard';
import { capProxiedSockets } from './realtime/proxiedSockets';
import { RoomStates } from './realtime/roomStates';
import { dropSlowReaders } from './realtime/slowReaders';
import {
  attachRealtime,
  createSocketServer,
  type RostrumSocketServer,
} from './realtime/socketServer';
import { IN_MEMORY, openDatabase } from './store/database';
import { privateDir } from './store/privateFiles';
import { SqliteStore, type Store } from './store/store';

export interface AppOptions {
  dataDir: string;
  /** The operator's token; when absent, the one stored in DATA_DIR (made on the first start). */
  adminToken?: string | undefined;
  durability?: Durability;
  /** Fastify's pino options; false (no logs) unless given. */
  logger?: FastifyServerOptions['logger'];
  /** The built screens; default dist/client. */
  clientDir?: string;
  /** Whether an empty DATA_DIR gets the default meeting (default agenda and roster). Default true. */
  createDefaultMeeting?: boolean;
  /** How long a write waits for a lock held by another process; see server/store/database.ts. */
  busyTimeoutMs?: number;
  /** The network's limits, when not the defaults of LIMITS (see docs/security.md). */
  network?: Partial<NetworkLimits>;
  /**
   * Where every instant the server uses comes from, and its timers run: the system's clock
   * unless given. Tests give one they move on by hand (tests/support/clock.ts).
   */
  clock?: ServerClock;
  /** The room's outputs: OSC targets (`OSC_TARGETS`), and how webhooks deliver (tests shorten it). */
  outputs?: Partial<OutputOptions>;
  /**
   * The store, opened by the caller, instead of SQLite in DATA_DIR (`durability` and
   * `busyTimeoutMs` are then the caller's business); the app closes it when it closes.
   * DATA_DIR still holds the operator token when none is given.
   */
  store?: Store;
  /**
   * With DATABASE_URL (issue 16): this node shares the store's meetings with the other nodes on
   * it, serving only those it holds the lease of, on the cluster's clock (unless `clock` is
   * given). The app stops its clock when it closes.
   */
  cluster?: ClusterNode;
  /**
   * Issue 16, shared limits: the HTTP rate limit and the wrong-code budget are counted in this
   * Redis, together with every other node on it, instead of in this node's memory. The caller
   * connects and closes the client. A cluster's Redis (`cluster.redis`) is used when this is not
   * given.
   */
  sharedLimits?: { redis: SharedRedis };
}

export interface NetworkLimits extends HttpTimeouts {
  /** Concurrent TCP connections from one address; 0 for no cap (MAX_CONNECTIONS_PER_ADDRESS). */
  maxConnectionsPerAddress: number;
  /** Whether the cap applies to the server's own machine too (LIMIT_LOOPBACK_CONNECTIONS). */
  limitLoopbackConnections: boolean;
  /** Unread output past which a socket is dropped. */
  maxQueuedOutputBytes: number;
  /**
   * The proxies in front of the server (TRUST_PROXY: addresses, CIDRs): a request through one
   * is counted under the address it forwards (X-Forwarded-For), in every limit; none by default,
   * the room's network with no proxy. See clientAddress.ts and connectionLimits.ts.
   */
  trustedProxies: string[];
}

/** What the server is made of, for main.ts (the summary it prints) and the tests. */
export interface RostrumServices {
  registry: MeetingRegistry;
  store: Store;
  io: RostrumSocketServer;
  /** The sockets connected now, per meeting: counted, and closed when their tokens are revoked. */
  devices: Devices;
  /** The room's outputs: webhooks and OSC. */
  outputs: Outputs;
  adminToken: AdminToken;
  dataDir: string;
  /** The meeting made on this start because DATA_DIR was empty, if any. */
  createdOnStart: string | undefined;
  /** Open TCP connections from an address, as the per-address cap counts them. */
  connectionsFrom: (address: string) => number;
  /** Open socket.io connections a trusted proxy forwarded from an address (`capProxiedSockets`). */
  socketsFrom: (address: string) => number;
}

declare module 'fastify' {
  interface FastifyInstance {
    rostrum: RostrumServices;
  }
}

/**
 * Logs never hold codes or tokens: URLs lose their query (a join link carries its code),
 * Authorization headers and join bodies are redacted.
 */
export const SAFE_LOGGING = {
  redact: {
    // Secrets only: a top-level `code` is an error code ("request refused"), kept readable.
    paths: ['req.headers.authorization', 'req.body', 'body.code', 'token', 'accessCode'],
    censor: '[redacted]',
  },
  serializers: {
    req: (req: { method?: string; url?: string; ip?: string }) => ({
      method: req.method,
      url: req.url?.split('?')[0],
      remoteAddress: req.ip,
    }),
  },
};

/**
 * The whole server, not yet listening: the store opened and every meeting restored, the HTTP
 * API, the static screens, socket.io. `app.close()` stops taking work, closes the sockets,
 * keeps a snapshot of each meeting and closes the database.
 */
export const buildApp = async (options: AppOptions): Promise<FastifyInstance> => {
  const inMemory = options.dataDir === IN_MEMORY;
  if (inMemory && options.adminToken === undefined) {
    throw new Error('An in-memory store keeps no files: give the operator token (ADMIN_TOKEN).');
  }
  const dataDir = inMemory ? IN_MEMORY : resolve(options.dataDir);
  // The operator's files go there whatever the store (with PostgreSQL, nothing else does).
  if (!inMemory) privateDir(dataDir);
  const adminToken = resolveAdminToken(dataDir, options.adminToken);
  const store =
    options.store ??
    new SqliteStore(
      openDatabase({
        dataDir,
        durability: options.durability ?? 'normal',
        ...(options.busyTimeoutMs !== undefined && { busyTimeoutMs: options.busyTimeoutMs }),
      }),
    );
  const clock = options.clock ?? options.cluster?.clock ?? systemClock;
  const { cluster } = options;
  const stopCluster = async (): Promise<void> => {
    if (cluster) await stopClusterNode(cluster);
  };
  let closeLimiter = (): void => undefined;
  let closeOutputs = async (): Promise<void> => undefined;
  // Set once the meetings opened: a failure after that stops their timers and hands back their
  // leases before the store closes.
  let closeRegistry = async (): Promise<void> => undefined;
  const network: NetworkLimits = {
    maxConnectionsPerAddress: LIMITS.connectionsPerAddress,
    limitLoopbackConnections: false,
    maxQueuedOutputBytes: LIMITS.socketQueuedOutputBytes,
    headersTimeoutMs: LIMITS.httpHeadersTimeoutMs,
    requestTimeoutMs: LIMITS.httpRequestTimeoutMs,
    keepAliveTimeoutMs: LIMITS.httpKeepAliveTimeoutMs,
    trustedProxies: [],
    ...options.network,
  };
  const addresses = clientAddresses(network.trustedProxies);
  try {
    const app = Fastify({
      logger: options.logger ?? false,
      bodyLimit: LIMITS.httpBodyBytes,
      // While stopping, the hook below answers in the contract's shape instead.
      return503OnClosing: false,
      // The room's network, no proxy in front: the address is the device's own. Behind trusted
      // proxies (TRUST_PROXY), the one they forward, and only from them.
      trustProxy: addresses.trustProxy,
      ...httpTimeouts(network),
      frameworkErrors: answerFrameworkError,
    });
    // The shared limits (issue 16) when given a Redis, else this node's memory.
    const limitsRedis = options.sharedLimits?.redis ?? cluster?.redis;
    const shared = limitsRedis ? new SharedLimitsHealth(limitsRedis, app.log) : undefined;
    const limiter: WrongCodeBudget = shared
      ? new RedisWrongCodeBudget(shared, clock)
      : new WrongCodeLimiter(clock);
    closeLimiter = () => limiter.close();
    const connectionsFrom = limitConnectionsPerAddress(app.server, {
      perAddress: network.maxConnectionsPerAddress,
      loopback: network.limitLoopbackConnections,
      exempt: addresses.isTrustedProxy,
    });
    // In a cluster (issue 16), rooms span the nodes through Redis (socket.io's streams adapter:
    // the nodes are those subscribed to its channel, so one that died is gone at once).
    const redis = cluster?.redis;
    const io = createSocketServer(app.server, redis && createAdapter(redis));
    const rooms = new RoomStates(io, clock, redis !== undefined);
    const guard = new HandshakeGuard(limiter, addresses);
    guard.install(io);
    const socketsFrom = capProxiedSockets(io, addresses, {
      perAddress: network.maxConnectionsPerAddress,
      loopback: network.limitLoopbackConnections,
    });
    dropSlowReaders(io, network.maxQueuedOutputBytes, app.log);
    // Before the meetings open: a restored meeting with hooks is followed from its first view.
    const outputs = await Outputs.open(store.hooks, clock, app.log, options.outputs);
    closeOutputs = () => outputs.close();
    const registry = new MeetingRegistry(
      store,
      (meetingId, view) => rooms.publish(meetingId, view),
      app.log,
      clock,
      outputs,
      cluster ? leaseSettingsOf(cluster) : null,
    );
    // One intake for the sockets and the control API: a token has one budget either way.
    const commands = new CommandIntake(registry, clock, app.log);
    // Listening before the meetings open: the other nodes may ask about them at once.
    const bus = redis ? new ClusterBus(io, registry, rooms, app.log) : null;
    if (bus) {
      bus.listen(app);
      commands.forwardThrough(bus);
      registry.servesThroughOthers();
    }
    closeRegistry = () => registry.close();
    await registry.openAll();
    let createdOnStart: string | undefined;
    if (registry.size === 0 && options.createDefaultMeeting !== false) {
      const agenda = defaultMeetingAgenda(clock.now());
      // Sharing the store, an empty registry may only mean the other nodes hold every meeting,
      // and nodes starting together on an empty database must make one default meeting, not one
      // each: it is made only if the store holds none.
      const created = cluster
        ? await registry.createFirst(agenda, DEFAULT_ROSTER, DEFAULT_GROUPS)
        : await registry.create(agenda, DEFAULT_ROSTER, DEFAULT_GROUPS);
      createdOnStart = created?.meetingId;
    }
    attachRealtime(io, registry, app.log, guard, clock, commands, rooms, bus);
    const devices = new Devices(io);

    app.decorate('rostrum', {
      registry,
      store,
      io,
      devices,
      outputs,
      adminToken,
      dataDir,
      createdOnStart,
      connectionsFrom,
      socketsFrom,
    });
    registerErrorHandling(app);
    await registerSecurityHeaders(app);
    await registerRateLimit(app, shared ? { store: redisRateLimitStore(shared) } : {});
    let stopping = false;
    app.addHook('onRequest', async (_request, reply) => {
      if (stopping) {
        return sendError(
          reply,
          'unavailable',
          'The server is shutting down: try again in a moment.',
        );
      }
    });
    // The API's route plugins under /api (server/http/api.ts), then the screens and the
    // not-found answer for everything else.
    await app.register(apiPlugin, {
      prefix: '/api',
      registry,
      adminToken: adminToken.value,
      limiter,
      devices,
      commands,
      outputs,
      bus,
    });
    await app.register(registerClient, { clientDir: options.clientDir ?? resolve('dist/client') });

    // Stop taking work: sockets closed first, then in-flight HTTP requests end, then the
    // meetings (each stores or answers the commands it has taken: none is left half done), and
    // only then the database.
    app.addHook('preClose', async () => {
      stopping = true;
      await io.close();
    });
    app.addHook('onClose', async () => {
      await registry.close();
      // Pending deliveries stop here: a hook's receiver never holds up the server's stop.
      await outputs.close();
      closeLimiter();
      await stopCluster();
      await store.close();
    });
    return app;
  } catch (error) {
    await closeRegistry().catch(() => undefined);
    await closeOutputs();
    closeLimiter();
    await stopCluster();
    await store.close();
    throw error;
  }
};
