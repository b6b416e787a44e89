import { rm } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { DATABASE_FILE, type Db, IN_MEMORY, openDatabase } from '../../server/store/database';
import { PostgresStore } from '../../server/store/postgres/store';
import { SqliteStore, type Store } from '../../server/store/store';
import { startTestPostgres, type TestPostgres, whyNoPostgres } from './postgres';
import { tempDir } from './server';

/**
 * A store under test (tests/integration/store/): one implementation of `Store`, opened empty,
 * and what the suite needs of it besides the interface, done the implementation's own way.
 */
export interface StoreUnderTest {
  store: Store;
  /**
   * Writes a snapshot row's text as it is, past the store: what a damaged disk or another program
   * leaves, which the store must read back as unreadable rather than throw.
   */
  writeSnapshotText(meetingId: string, version: number, text: string): Promise<void>;
  /** Writes a logged command whose command text is as given (not JSON, not a command). */
  writeCommandText(meetingId: string, version: number, text: string): Promise<void>;
  /**
   * The same data through a store opened afresh, as a restart reads it (the one before is closed
   * first); absent where nothing outlives the store (SQLite in memory).
   */
  reopen?: () => Promise<Store>;
  /** Closes what is open and removes what was made. */
  dispose(): Promise<void>;
}

/** One implementation, as the suite runs it. */
export interface StoreImplementation {
  name: string;
  /** Why it cannot run here (a missing package, named), or undefined when it can. */
  missing?: string | undefined;
  /**
   * Whether its JSON columns hold JSON only (PostgreSQL's jsonb): text that is not JSON cannot
   * be written there, by the store or anyone else, so such a damaged row cannot exist.
   */
  jsonColumns: boolean;
  open: () => Promise<StoreUnderTest>;
  /** Stops what the implementation's tests share (a database server), after the last test. */
  finish?: () => Promise<void>;
}

/** Rows written past the store, on the SQLite database under it. */
const sqliteRows = (db: () => Db) => ({
  writeSnapshotText: async (meetingId: string, version: number, text: string) => {
    db()
      .prepare('INSERT OR REPLACE INTO snapshots (meeting, version, snapshot) VALUES (?, ?, ?)')
      .run(meetingId, version, text);
  },
  writeCommandText: async (meetingId: string, version: number, text: string) => {
    db()
      .prepare(
        `INSERT INTO commands (meeting, version, at, role, delegation, source, command)
         VALUES (?, ?, ?, 'chair', NULL, 'socket', ?)`,
      )
      .run(meetingId, version, version, text);
  },
});

/** SQLite in a file of a new temporary DATA_DIR: the default store of `npm start`. */
const sqliteFile: StoreImplementation = {
  name: 'SQLite, a file',
  jsonColumns: false,
  open: async () => {
    const dataDir = await tempDir('rostrum-store-suite-');
    let store = new SqliteStore(openDatabase({ dataDir, durability: 'normal' }));
    // Another connection to the same file, as another program (or a later start) has.
    const raw = new Database(joinPath(dataDir, DATABASE_FILE));
    return {
      get store() {
        return store;
      },
      ...sqliteRows(() => raw),
      reopen: async () => {
        await store.close();
        store = new SqliteStore(openDatabase({ dataDir, durability: 'normal' }));
        return store;
      },
      dispose: async () => {
        raw.close();
        await store.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** SQLite in memory (DATA_DIR=:memory:): the same statements, nothing on disk. */
const sqliteMemory: StoreImplementation = {
  name: 'SQLite, in memory',
  jsonColumns: false,
  open: async () => {
    const db = openDatabase({ dataDir: IN_MEMORY, durability: 'normal' });
    const store = new SqliteStore(db);
    return {
      store,
      ...sqliteRows(() => db),
      dispose: () => store.close(),
    };
  },
};

/**
 * PostgreSQL, a database of its own for each test on a throwaway server shared by the file's
 * tests (tests/support/postgres.ts); damaged rows written by another connection, as another
 * program would, and a reopen that is a new pool on the same database (its schema found done).
 */
const postgres = (): StoreImplementation => {
  let server: Promise<TestPostgres> | undefined;
  return {
    name: 'PostgreSQL',
    missing: whyNoPostgres(),
    jsonColumns: true,
    open: async () => {
      server ??= startTestPostgres();
      const url = await (await server).freshDatabase();
      let store = await PostgresStore.open({ url, maxConnections: 4 });
      const raw = new pg.Pool({ connectionString: url, max: 1 });
      raw.on('error', () => {});
      return {
        get store() {
          return store;
        },
        writeSnapshotText: async (meetingId, version, text) => {
          await raw.query(
            `INSERT INTO snapshots (meeting, version, snapshot) VALUES ($1, $2, $3)
             ON CONFLICT (meeting, version) DO UPDATE SET snapshot = excluded.snapshot`,
            [meetingId, version, text],
          );
        },
        writeCommandText: async (meetingId, version, text) => {
          await raw.query(
            `INSERT INTO commands (meeting, version, at, role, delegation, source, command)
             VALUES ($1, $2, $2, 'chair', NULL, 'socket', $3)`,
            [meetingId, version, text],
          );
        },
        reopen: async () => {
          await store.close();
          store = await PostgresStore.open({ url, maxConnections: 4 });
          return store;
        },
        dispose: async () => {
          await raw.end();
          await store.close();
        },
      };
    },
    finish: async () => {
      const started = server;
      server = undefined;
      if (started) await (await started).stop();
    },
  };
};

/** Every implementation of the store the suite runs against. */
export const STORE_IMPLEMENTATIONS: readonly StoreImplementation[] = [
  sqliteFile,
  sqliteMemory,
  postgres(),
];
