/**
 * One node of a cluster on a shared PostgreSQL (DATABASE_URL; issue 16, docs/many-nodes.md):
 * its name in the leases, how long they last, and the cluster's clock it reads every instant off
 * and asks before it claims a meeting. `buildApp` takes it as `cluster`.
 */
import type { LeaseSettings } from '../meetings/registry';
import type { PostgresStore } from '../store/postgres/store';
import { ClusterClock } from './clockOffset';

export interface ClusterNode {
  /** This node's name in the leases (NODE_ID, or one made at this start). */
  nodeId: string;
  /** LEASE_TTL_MS. */
  ttlMs: number;
  /** PostgreSQL's clock as this node sees it: the server's clock, and whether it may claim. */
  clock: ClusterClock;
}

export interface ClusterNodeOptions {
  nodeId: string;
  ttlMs: number;
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
  return { nodeId: options.nodeId, ttlMs: options.ttlMs, clock };
};

/** What the registry needs of the node to share meetings under leases. */
export const leaseSettingsOf = (node: ClusterNode): LeaseSettings => ({
  nodeId: node.nodeId,
  ttlMs: node.ttlMs,
  canClaim: () => node.clock.canClaim(),
});
