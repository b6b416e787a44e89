/**
 * One node of a cluster on a shared PostgreSQL (DATABASE_URL; issue 16, docs/many-nodes.md):
 * its name in the leases, how long they last, and the cluster's clock it reads every instant off
 * and asks before it claims a meeting. `buildApp` takes it as `cluster`.
 */
import { createClient } from 'redis';
import type { LeaseSettings } from '../meetings/registry';
import type { PostgresStore } from '../store/postgres/store';
import { ClusterClock } from './clockOffset';

/** A connected Redis client (node-redis 5). */
export type RedisClient = ReturnType<typeof createClient>;

export interface ClusterNode {
  /** This node's name in the leases (NODE_ID, or one made at this start). */
  nodeId: string;
  /** LEASE_TTL_MS. */
  ttlMs: number;
  /** PostgreSQL's clock as this node sees it: the server's clock, and whether it may claim. */
  clock: ClusterClock;
  /**
   * Redis (REDIS_URL), connected: socket.io's adapter on it carries states, commands and
   * sign-outs between the nodes. Without it the node serves alone on the shared database.
   */
  redis?: RedisClient;
}

export interface ClusterNodeOptions {
  nodeId: string;
  ttlMs: number;
  /** REDIS_URL: connected before the node starts, closed with it. */
  redisUrl?: string;
  /** Told when Redis's connection fails (node-redis reconnects by itself). */
  onRedisError?: (error: unknown) => void;
  /** Told when a round of clock samples fails (the database did not answer). */
  onClockError?: (error: unknown) => void;
}

/**
 * Starts the node's clock on the store's database and resolves once its first round of samples
 * is over: a node that then opens its meetings knows the offset, unless the database did not
 * answer (it then claims nothing until a later round succeeds).
 */
export const startClusterNode = async (
  store: PostgresStore,
  options: ClusterNodeOptions,
): Promise<ClusterNode> => {
  const clock = new ClusterClock(() => store.readClock(), {
    ...(options.onClockError && { onError: options.onClockError }),
  });
  await clock.start();
  if (options.redisUrl === undefined)
    return { nodeId: options.nodeId, ttlMs: options.ttlMs, clock };
  try {
    const redis = await connectRedis(options.redisUrl, options.onRedisError);
    return { nodeId: options.nodeId, ttlMs: options.ttlMs, clock, redis };
  } catch (error) {
    clock.stop();
    throw error;
  }
};

/**
 * A client of Redis, connected. An error after the connection is told (node-redis emits
 * 'error' on every failed reconnection, and an 'error' without a listener would end the
 * process); a first connection that fails is thrown: the node does not start half wired.
 */
export const connectRedis = async (
  url: string,
  onError: (error: unknown) => void = () => undefined,
): Promise<RedisClient> => {
  const client = createClient({ url });
  let connected = false;
  const failed = new Promise<never>((_, reject) => {
    client.on('error', (error: unknown) => {
      if (connected) onError(error);
      else reject(error);
    });
  });
  try {
    await Promise.race([client.connect(), failed]);
  } catch (error) {
    client.destroy();
    throw new Error(`could not reach Redis at ${new URL(url).host}: ${String(error)}`);
  }
  connected = true;
  return client;
};

/** Stops what the node started: its clock, and its Redis connection. */
export const stopClusterNode = async (node: ClusterNode): Promise<void> => {
  node.clock.stop();
  const { redis } = node;
  if (!redis?.isOpen) return;
  // `close` waits for the commands queued while Redis was out of reach, which may never go:
  // a client that is not connected, or does not finish within a second, is cut.
  if (!redis.isReady) {
    redis.destroy();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    redis.close().then(
      () => true,
      () => false,
    ),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), 1000);
    }),
  ]).finally(() => clearTimeout(timer));
  if (!closed && redis.isOpen) redis.destroy();
};

/** What the registry needs of the node to share meetings under leases. */
export const leaseSettingsOf = (node: ClusterNode): LeaseSettings => ({
  nodeId: node.nodeId,
  ttlMs: node.ttlMs,
  canClaim: () => node.clock.canClaim(),
});
