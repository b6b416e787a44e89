import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../server/cluster/services/process';
import { POSTGRES_MIGRATIONS } from '../../../server/store/postgres/migrations';
import { PostgresStore } from '../../../server/store/postgres/store';
import { TEST_AGENDA, TEST_ROSTER } from '../../support/server';
import { servicesMissing, useServices } from '../../support/services';

/**
 * What the PostgreSQL store does past the interface the store suite checks (./store.test.ts):
 * its schema at open (nodes starting at once, a newer database), its connections (cut, or the
 * database not there), and closing with a commit under way.
 */
const missing = servicesMissing();

const MEETING = 'meeting1';
const entry = (version: number) => ({
  version,
  at: 1_753_362_000_000 + version,
  sender: { role: 'chair' as const },
  source: 'socket' as const,
  command: { type: 'turn.pause' as const },
});
const NONE = { turns: [], requests: [], steps: [] };
const meeting = {
  id: MEETING,
  title: 'Meeting',
  agenda: TEST_AGENDA,
  roster: TEST_ROSTER,
  groups: [],
  createdAt: 1,
};

describe.skipIf(missing !== '')(`the PostgreSQL store ${missing}`, () => {
  const { postgres, later } = useServices();

  const open = async (url: string, onIdleError?: (error: Error) => void) => {
    const store = await PostgresStore.open({ url, ...(onIdleError && { onIdleError }) });
    later(() => store.close());
    return store;
  };

  /** A plain connection to the database, as psql would be: another program's. */
  const connect = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    later(() => client.end());
    return client;
  };

  it('brings a fresh database up to date once when several nodes open it at the same moment', async () => {
    const url = await postgres().freshDatabase();
    const stores = await Promise.all([open(url), open(url), open(url), open(url)]);
    await stores[0]?.meetings.create(meeting, []);
    // Each sees what another wrote: one schema, not one each.
    for (const store of stores) expect(await store.meetings.exists(MEETING)).toBe(true);
    const client = await connect(url);
    const { rows } = await client.query('SELECT version FROM schema_version ORDER BY version');
    expect(rows.map((row: { version: number }) => row.version)).toEqual(
      POSTGRES_MIGRATIONS.map((_, index) => index + 1),
    );
  });

  it('refuses a database a newer server brought further, and says what to do', async () => {
    const url = await postgres().freshDatabase();
    await (await open(url)).close();
    const client = await connect(url);
    const newer = POSTGRES_MIGRATIONS.length + 1;
    await client.query('INSERT INTO schema_version (version, applied_at) VALUES ($1, 0)', [newer]);
    await expect(PostgresStore.open({ url })).rejects.toThrow(
      `The database is at schema version ${newer}, newer than this server (${POSTGRES_MIGRATIONS.length}): run a newer Rostrum.`,
    );
    // Refusing left nothing changed and nothing open: the refused server's connection is gone.
    const { rows } = await client.query(
      "SELECT count(*)::int AS open FROM pg_stat_activity WHERE application_name = 'rostrum'",
    );
    expect(rows).toEqual([{ open: 0 }]);
  });

  it('rejects at once when no database answers at that address', async () => {
    const port = await freePort();
    const started = performance.now();
    await expect(
      PostgresStore.open({ url: `postgres://rostrum@127.0.0.1:${port}/rostrum` }),
    ).rejects.toThrow(/ECONNREFUSED/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('outlives its connections being cut while idle, and takes the next command on a new one', async () => {
    const url = await postgres().freshDatabase();
    const idleErrors: Error[] = [];
    const store = await open(url, (error) => idleErrors.push(error));
    await store.meetings.create(meeting, []);
    await store.commitCommand(MEETING, entry(1), NONE);
    // What a restart of PostgreSQL, or its administrator, does to the pool's idle connections.
    const admin = await connect(url);
    const { rows } = await admin.query(
      "SELECT count(pg_terminate_backend(pid))::int AS cut FROM pg_stat_activity WHERE application_name = 'rostrum'",
    );
    expect(rows[0].cut).toBeGreaterThan(0);
    await expect.poll(() => idleErrors.length).toBeGreaterThan(0);
    expect(idleErrors[0]?.message).toMatch(/terminat/);
    await store.commitCommand(MEETING, entry(2), NONE);
    expect((await store.log.after(MEETING, 0)).entries.map((e) => e.version)).toEqual([1, 2]);
  });

  it('rejects a commit whose connection is cut in the middle, and takes the next on another', async () => {
    const url = await postgres().freshDatabase();
    const store = await open(url);
    await store.meetings.create(meeting, []);
    // Another program holds the meeting's row: the commit's log line waits for it, mid-transaction.
    const holder = await connect(url);
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [MEETING]);
    const commit = store.commitCommand(MEETING, entry(1), NONE);
    const admin = await connect(url);
    await expect
      .poll(async () => {
        const { rows } = await admin.query(
          "SELECT count(pg_terminate_backend(pid))::int AS cut FROM pg_stat_activity WHERE application_name = 'rostrum' AND wait_event_type = 'Lock'",
        );
        return rows[0].cut;
      })
      .toBe(1);
    await expect(commit).rejects.toThrow(/terminat/);
    await holder.query('ROLLBACK');
    // Nothing of it was kept; the store goes on, on a connection of its own.
    expect(await store.log.after(MEETING, 0)).toEqual({ entries: [] });
    await store.commitCommand(MEETING, entry(1), NONE);
    expect((await store.log.after(MEETING, 0)).entries).toEqual([entry(1)]);
  });

  it('closes after the commits under way: each is stored and answered, none is cut', async () => {
    const url = await postgres().freshDatabase();
    const store = await open(url);
    await store.meetings.create(meeting, []);
    const commits = [1, 2, 3].map((version) => store.commitCommand(MEETING, entry(version), NONE));
    const closed = store.close();
    await expect(Promise.all(commits)).resolves.toBeDefined();
    await closed;
    expect(store.isOpen).toBe(false);
    const again = await open(url);
    expect((await again.log.after(MEETING, 0)).entries.map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it('refuses to read an instant too large for a number rather than round it', async () => {
    const url = await postgres().freshDatabase();
    const store = await open(url);
    await store.meetings.create(meeting, []);
    const client = await connect(url);
    await client.query(
      `INSERT INTO commands (meeting, version, at, role, delegation, source, command)
       VALUES ($1, 1, 9007199254740993, 'chair', NULL, 'socket', '{"type": "turn.pause"}')`,
      [MEETING],
    );
    await expect(store.log.after(MEETING, 0)).rejects.toThrow(
      '9007199254740993 does not fit a number',
    );
  });
});
