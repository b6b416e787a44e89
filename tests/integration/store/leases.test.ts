import { describe, expect, it } from 'vitest';
import { LeaseLost } from '../../../server/store/api';
import { IN_MEMORY, openDatabase } from '../../../server/store/database';
import { PostgresStore } from '../../../server/store/postgres/store';
import { SqliteStore } from '../../../server/store/store';
import { sleep, TEST_AGENDA, TEST_ROSTER } from '../../support/server';
import { servicesMissing, useServices } from '../../support/services';

/**
 * Leases, one writer per meeting (issue 16, docs/many-nodes.md "Leases"): two nodes are two
 * stores (two pools) on one real PostgreSQL, as two processes are.
 */
const missing = servicesMissing();

const meeting = (id: string) => ({
  id,
  title: 'Meeting',
  agenda: TEST_AGENDA,
  roster: TEST_ROSTER,
  groups: [],
  createdAt: 1,
});
const entry = (version: number) => ({
  version,
  at: 1_753_362_000_000 + version,
  sender: { role: 'chair' as const },
  source: 'socket' as const,
  command: { type: 'turn.pause' as const },
});
const NONE = { turns: [], requests: [], steps: [] };

/** Long enough never to expire during a test; short ones are given where expiry is the point. */
const TTL = 60_000;

describe.skipIf(missing !== '')(`leases on PostgreSQL ${missing}`, () => {
  const { postgres, later } = useServices();

  /** Two nodes on a fresh database, with the meetings given. */
  const twoNodes = async (...meetingIds: string[]) => {
    const url = await postgres().freshDatabase();
    const a = await PostgresStore.open({ url, maxConnections: 8 });
    later(() => a.close());
    const b = await PostgresStore.open({ url, maxConnections: 8 });
    later(() => b.close());
    for (const id of meetingIds) await a.meetings.create(meeting(id), []);
    return { a, b };
  };

  it('gives a meeting claimed by two nodes at the same moment to one of them', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `m${i}`);
    const { a, b } = await twoNodes(...ids);
    const claims = await Promise.all(
      ids.map((id) =>
        Promise.all([a.leases.claim(id, 'node-a', TTL), b.leases.claim(id, 'node-b', TTL)]),
      ),
    );
    for (const [index, [byA, byB]] of claims.entries()) {
      const won = [byA, byB].filter((lease) => lease !== undefined);
      expect(won, `meeting ${ids[index]}`).toHaveLength(1);
      expect(won[0]?.epoch).toBe(1);
      // Both nodes read the same holder: the winner.
      expect((await b.leases.holder(`m${index}`))?.nodeId).toBe(won[0]?.nodeId);
    }
    // A live lease is not claimed again, not even by its own holder (it renews instead).
    const holder = claims[0]?.[0] ? 'node-a' : 'node-b';
    expect(await a.leases.claim('m0', holder, TTL)).toBeUndefined();
    expect(await a.leases.unclaimed()).toEqual([]);
  });

  it('lets another node take an expired lease at the next epoch, and the old holder can no longer renew it', async () => {
    const { a, b } = await twoNodes('m1');
    const first = await a.leases.claim('m1', 'node-a', 300);
    expect(first?.epoch).toBe(1);
    expect(await b.leases.claim('m1', 'node-b', TTL)).toBeUndefined();
    expect(await a.leases.renew('m1', 'node-a', 1, 300)).toBeDefined();
    await sleep(400);
    expect(await b.leases.holder('m1')).toBeUndefined();
    expect(await b.leases.unclaimed()).toEqual(['m1']);
    const second = await b.leases.claim('m1', 'node-b', TTL);
    expect(second).toMatchObject({ meetingId: 'm1', nodeId: 'node-b', epoch: 2 });
    expect(await a.leases.renew('m1', 'node-a', 1, TTL)).toBeUndefined();
    // Nor can it let the meeting go: it is not its own any more.
    expect(await a.leases.release('m1', 'node-a', 1)).toBe(false);
    expect((await a.leases.holder('m1'))?.nodeId).toBe('node-b');
  });

  it('hands a released meeting to the next claim at once', async () => {
    const { a, b } = await twoNodes('m1');
    expect(await a.leases.claim('m1', 'node-a', TTL)).toBeDefined();
    expect(await a.leases.release('m1', 'node-a', 1)).toBe(true);
    expect(await b.leases.claim('m1', 'node-b', TTL)).toMatchObject({ epoch: 2 });
  });

  it('stores a command with the lease it holds, and renews it in the same transaction', async () => {
    const { a } = await twoNodes('m1');
    const claimed = await a.leases.claim('m1', 'node-a', 1_000);
    const lease = { nodeId: 'node-a', epoch: 1, ttlMs: TTL };
    await a.commitCommand('m1', entry(1), NONE, { lease });
    expect((await a.log.after('m1', 0)).entries.map((e) => e.version)).toEqual([1]);
    const renewed = await a.leases.holder('m1');
    expect(renewed?.expiresAt).toBeGreaterThan((claimed?.expiresAt ?? 0) + 30_000);
  });

  it('refuses the commit of a node whose lease was taken, and stores nothing of it', async () => {
    const { a, b } = await twoNodes('m1');
    await a.leases.claim('m1', 'node-a', 300);
    const lease = { nodeId: 'node-a', epoch: 1, ttlMs: 300 };
    await a.commitCommand('m1', entry(1), NONE, { lease });
    await sleep(400);
    await b.leases.claim('m1', 'node-b', TTL);
    const refused = a.commitCommand('m1', entry(2), NONE, {
      lease,
      snapshot: { state: { any: 'state' }, formatVersion: 1 },
    });
    await expect(refused).rejects.toBeInstanceOf(LeaseLost);
    await expect(refused).rejects.toMatchObject({ meetingId: 'm1', nodeId: 'node-a', epoch: 1 });
    expect((await b.log.after('m1', 0)).entries.map((e) => e.version)).toEqual([1]);
    expect(await b.snapshots.versions('m1')).toEqual([]);
    // The new holder's commit goes through at the next version.
    await b.commitCommand('m1', entry(2), NONE, {
      lease: { nodeId: 'node-b', epoch: 2, ttlMs: TTL },
    });
    expect((await a.log.after('m1', 0)).entries.map((e) => e.version)).toEqual([1, 2]);
  });

  it('refuses an expired lease in a commit even when nobody took the meeting yet', async () => {
    const { a } = await twoNodes('m1');
    await a.leases.claim('m1', 'node-a', 200);
    await sleep(300);
    await expect(
      a.commitCommand('m1', entry(1), NONE, { lease: { nodeId: 'node-a', epoch: 1, ttlMs: TTL } }),
    ).rejects.toBeInstanceOf(LeaseLost);
    expect((await a.log.after('m1', 0)).entries).toEqual([]);
  });
});

describe('leases on SQLite', () => {
  it('grants every claim and renewal: one process owns every meeting', async () => {
    const store = new SqliteStore(openDatabase({ dataDir: IN_MEMORY, durability: 'normal' }));
    try {
      await store.meetings.create(meeting('m1'), []);
      expect(await store.leases.unclaimed()).toEqual(['m1']);
      expect(await store.leases.claim('m1', 'node-a', TTL)).toMatchObject({ epoch: 1 });
      expect(await store.leases.claim('m1', 'node-b', TTL)).toBeDefined();
      expect(await store.leases.renew('m1', 'node-a', 1, TTL)).toBeDefined();
      await store.commitCommand('m1', entry(1), NONE, {
        lease: { nodeId: 'node-a', epoch: 7, ttlMs: TTL },
      });
      expect((await store.log.after('m1', 0)).entries).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
