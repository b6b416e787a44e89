import pg from 'pg';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { type LeaseSettings, MeetingRegistry } from '../../../server/meetings/registry';
import type { Store } from '../../../server/store/api';
import { PostgresStore } from '../../../server/store/postgres/store';
import { sleep, TEST_AGENDA, TEST_ROSTER, until } from '../../support/server';
import { servicesMissing, useServices } from '../../support/services';

/**
 * The registry under leases (issue 16, docs/many-nodes.md "Leases"): two nodes are two
 * registries, each on its own store (pool), on one real PostgreSQL.
 */
const missing = servicesMissing();

const TTL = 600;
const quiet = pino({ level: 'silent' });

describe.skipIf(missing !== '')(`the registry under leases ${missing}`, () => {
  const { postgres, later } = useServices();

  const node = async (
    url: string,
    settings: Partial<LeaseSettings> & { nodeId: string },
    wrap: (store: PostgresStore) => Store = (store) => store,
  ) => {
    const opened = await PostgresStore.open({ url, maxConnections: 4 });
    const store = wrap(opened);
    later(() => opened.close());
    const registry = new MeetingRegistry(store, () => {}, quiet, systemClock, null, {
      ttlMs: TTL,
      canClaim: () => true,
      ...settings,
    });
    later(() => registry.close());
    return { store, registry };
  };

  it('serves each meeting on one node only, and the other takes it once the owner lets it go', async () => {
    const url = await postgres().freshDatabase();
    const a = await node(url, { nodeId: 'node-a' });
    await a.registry.openAll();
    const { meetingId } = await a.registry.create(TEST_AGENDA, TEST_ROSTER);
    expect(a.registry.serves(meetingId)).toBe(true);
    const b = await node(url, { nodeId: 'node-b' });
    await b.registry.openAll();
    expect(b.registry.serves(meetingId)).toBe(false);
    // Held across several lease times: a renews, b's scans find nothing to take.
    await sleep(TTL * 3);
    expect(b.registry.serves(meetingId)).toBe(false);
    expect((await b.store.leases.holder(meetingId))?.nodeId).toBe('node-a');
    const ack = await a.registry
      .get(meetingId)
      ?.execute({ type: 'turn.pause' }, { role: 'chair' }, 'socket');
    expect(ack).toMatchObject({ ok: false }); // no turn to pause: refused, nothing stored
    await a.registry.close();
    await until(() => b.registry.serves(meetingId), TTL);
    expect(await b.store.leases.holder(meetingId)).toMatchObject({ nodeId: 'node-b', epoch: 2 });
  });

  it('stops serving a meeting whose lease was taken, and answers its commands unavailable', async () => {
    const url = await postgres().freshDatabase();
    const a = await node(url, { nodeId: 'node-a' });
    await a.registry.openAll();
    const { meetingId } = await a.registry.create(TEST_AGENDA, TEST_ROSTER);
    const runtime = a.registry.get(meetingId);
    // As if node a had been paused beyond its lease, and another node took the meeting.
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    later(() => raw.end());
    await raw.query(
      `UPDATE meeting_leases SET node_id = 'node-b', epoch = epoch + 1,
              expires_at = (extract(epoch FROM clock_timestamp()) * 1000)::bigint + 60000`,
    );
    const ack = await runtime?.execute({ type: 'agenda.start' }, { role: 'chair' }, 'socket');
    expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(a.registry.serves(meetingId)).toBe(false);
    const { rows } = await raw.query('SELECT count(*)::int AS n FROM commands');
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('claims nothing while its clock may not', async () => {
    const url = await postgres().freshDatabase();
    let clockGood = false;
    const a = await node(url, { nodeId: 'node-a', canClaim: () => clockGood });
    await a.registry.openAll();
    const { meetingId } = await a.registry.create(TEST_AGENDA, TEST_ROSTER);
    expect(a.registry.serves(meetingId)).toBe(false);
    expect(await a.store.leases.holder(meetingId)).toBeUndefined();
    clockGood = true;
    await until(() => a.registry.serves(meetingId), TTL);
  });

  it('makes the default meeting of an empty database once when four nodes start on it at once', async () => {
    const url = await postgres().freshDatabase();
    const nodes = await Promise.all(['a', 'b', 'c', 'd'].map((n) => node(url, { nodeId: n })));
    await Promise.all(nodes.map(({ registry }) => registry.openAll()));
    const made = await Promise.all(
      nodes.map(({ registry }) => registry.createFirst(TEST_AGENDA, TEST_ROSTER)),
    );
    expect(made.filter((m) => m !== undefined)).toHaveLength(1);
    expect(await nodes[0]?.store.meetings.all()).toHaveLength(1);
    // A later start finds it there.
    expect(await nodes[1]?.registry.createFirst(TEST_AGENDA, TEST_ROSTER)).toBeUndefined();
  });

  it('lets a meeting go when a commit failed and the log cannot tell whether it was stored; the next holder replays what was', async () => {
    const url = await postgres().freshDatabase();
    /** The database cut off just after it committed: the answer is lost, and so is the log. */
    let cutOff = false;
    const a = await node(url, { nodeId: 'node-a' }, (store) => {
      const log: Store['log'] = Object.assign(Object.create(store.log) as Store['log'], {
        after: (meetingId: string, version: number) => {
          if (cutOff) throw new Error('connection lost (a test)');
          return store.log.after(meetingId, version);
        },
      });
      return Object.assign(Object.create(store) as Store, {
        log,
        commitCommand: async (...args: Parameters<Store['commitCommand']>) => {
          await store.commitCommand(...args);
          if (args[1].command.type === 'agenda.start') {
            cutOff = true;
            throw new Error('connection lost during COMMIT (a test)');
          }
        },
      });
    });
    await a.registry.openAll();
    const { meetingId } = await a.registry.create(TEST_AGENDA, TEST_ROSTER);
    const runtime = a.registry.get(meetingId);
    const ack = await runtime?.execute(
      { type: 'agenda.start', commandId: 'in-doubt-1' },
      { role: 'chair' },
      'socket',
    );
    // Neither `ok` (nobody knows) nor "not made": the words say it may have been done.
    expect(ack).toMatchObject({
      ok: false,
      error: { code: 'unavailable', reason: { id: 'refusal.changing-hands' } },
    });
    expect(a.registry.serves(meetingId)).toBe(false);
    // The next holder, once the lease ran out, finds the command in the log and replays it: the
    // device's retry with its id gets the first ack.
    const b = await node(url, { nodeId: 'node-b' });
    await b.registry.openAll();
    await until(() => b.registry.serves(meetingId), TTL * 3);
    const taken = b.registry.get(meetingId);
    expect(taken?.view().version).toBe(1);
    expect(
      await taken?.execute(
        { type: 'agenda.start', commandId: 'in-doubt-1' },
        { role: 'chair' },
        'socket',
      ),
    ).toEqual({ ok: true, version: 1 });
  });

  it('hands back a meeting it was opening when the server began to stop', async () => {
    const url = await postgres().freshDatabase();
    const a = await node(url, { nodeId: 'node-a' });
    await a.registry.openAll();
    const { meetingId } = await a.registry.create(TEST_AGENDA, TEST_ROSTER);
    await a.registry.close();
    // Node b claims the meeting; its log is read slowly, and b is told to stop meanwhile.
    let reading: () => void = () => {};
    const read = new Promise<void>((resolve) => {
      reading = resolve;
    });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const b = await node(url, { nodeId: 'node-b' }, (store) =>
      Object.assign(Object.create(store) as Store, {
        log: Object.assign(Object.create(store.log) as Store['log'], {
          after: async (id: string, version: number) => {
            reading();
            await gate;
            return store.log.after(id, version);
          },
        }),
      }),
    );
    const opening = b.registry.openAll();
    await read;
    expect((await b.store.leases.holder(meetingId))?.nodeId).toBe('node-b');
    const closing = b.registry.close();
    release();
    await Promise.all([opening, closing]);
    expect(b.registry.serves(meetingId)).toBe(false);
    // Handed back at once, not left to expire: another node may take it now.
    expect(await b.store.leases.holder(meetingId)).toBeUndefined();
  });
});
