import { describe, expect, it } from 'vitest';
import { ClusterClock } from '../../../server/cluster/clockOffset';
import { startClusterNode } from '../../../server/cluster/node';
import { PostgresStore } from '../../../server/store/postgres/store';
import { MeetingList } from '../../../shared/protocol/http';
import {
  defaultMeetingOf,
  http,
  join,
  ok,
  sleep,
  startServer,
  type TestServer,
  until,
} from '../../support/server';
import { servicesMissing, useServices } from '../../support/services';

/**
 * The leases wired into the server (issue 16, docs/many-nodes.md "Leases"): two whole servers,
 * as `npm start` builds them with DATABASE_URL, on one fresh PostgreSQL. One serves the default
 * meeting; when it stops, the other takes the meeting over where it was.
 */
const missing = servicesMissing();

/** LEASE_TTL_MS, short for the test. */
const TTL = 600;

describe.skipIf(missing !== '')(`the leases wired into the server ${missing}`, () => {
  const { postgres, later, open } = useServices();

  /** A node as server/main.ts makes it: the store, its clock on the database, its leases. */
  const node = async (url: string, nodeId: string): Promise<TestServer> => {
    const store = await PostgresStore.open({ url, maxConnections: 4 });
    const cluster = await startClusterNode(store, { nodeId, ttlMs: TTL });
    const server = await startServer({ store, cluster });
    later(() => server.close());
    return server;
  };

  const served = async (server: TestServer): Promise<string[]> =>
    MeetingList.parse((await http(server.url, '/api/meetings')).body).map((m) => m.meetingId);

  it('makes one default meeting served by one node, which the other takes over at the same version within the lease time', async () => {
    const url = await postgres().freshDatabase();
    // Started together on an empty database: one default meeting between them, not one each.
    const [a, b] = await Promise.all([node(url, 'node-a'), node(url, 'node-b')]);
    const made = [a, b].map((s) => s.app.rostrum.createdOnStart).filter((id) => id !== undefined);
    expect(made).toHaveLength(1);
    const meetingId = made[0] ?? '';
    for (const server of [a, b]) {
      // The server's clock is PostgreSQL's, measured well enough to claim.
      expect(server.app.rostrum.registry.clock).toBeInstanceOf(ClusterClock);
      expect((server.app.rostrum.registry.clock as ClusterClock).canClaim()).toBe(true);
    }
    const [owner, other] = a.app.rostrum.registry.serves(meetingId) ? [a, b] : [b, a];
    if (!owner || !other) throw new Error('unreachable');
    // Held across several lease times: the owner renews, the other's scans find nothing to take.
    await sleep(TTL * 2);
    expect(await served(owner)).toEqual([meetingId]);
    expect(await served(other)).toEqual([]);
    expect(other.app.rostrum.registry.serves(meetingId)).toBe(false);

    const { codes } = await defaultMeetingOf(owner.url);
    const token = (await join(owner.url, meetingId, codes.chair)).token;
    let chair = await open(owner.url, token);
    await ok(chair, { type: 'agenda.start' });
    const last = await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    chair.close();

    await owner.close();
    const tookMs = await until(async () => (await served(other)).includes(meetingId), TTL);
    expect(tookMs).toBeLessThan(TTL);
    // The token issued by the first node opens the meeting on the second, where it was.
    chair = await open(other.url, token);
    expect(chair.latest().version).toBe(last);
    expect(await ok(chair, { type: 'agenda.next' })).toBe(last + 1);
  }, 60_000);
});
