import { rm } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, type Db, IN_MEMORY, openDatabase } from '../../server/store/database';
import { SqliteStore, type Store } from '../../server/store/store';
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

/** One implementation, as `describe.each` takes it. */
export interface StoreImplementation {
  name: string;
  open: () => Promise<StoreUnderTest>;
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

/** Every implementation of the store the suite runs against. */
export const STORE_IMPLEMENTATIONS: readonly StoreImplementation[] = [sqliteFile, sqliteMemory];
