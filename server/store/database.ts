import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Durability } from '../config';
import { MIGRATIONS } from './migrations';
import { makePrivate, privateDir, privateFile } from './privateFiles';

export type Db = Database.Database;

export interface OpenOptions {
  dataDir: string;
  durability: Durability;
  /**
   * How long a write waits for a lock another process holds. better-sqlite3 is synchronous, so
   * this blocks the whole server: keep it short. Only this process writes, so it is never
   * needed in normal running.
   */
  busyTimeoutMs?: number;
}

export const DATABASE_FILE = 'rostrum.sqlite';

/**
 * A `dataDir` that keeps everything in memory: the same store and statements, nothing on disk,
 * nothing after the process ends. For the benchmark's durable-against-memory comparison.
 */
export const IN_MEMORY = ':memory:';

/**
 * Opens (or creates) the server's database in DATA_DIR and brings its schema up to date.
 *
 * WAL with `synchronous=NORMAL`: a commit is in the WAL file (in the OS page cache) before
 * `COMMIT` returns, so every acknowledged command survives a crash or `kill -9` of the process;
 * only a power cut or an OS crash can lose the last few commits. `DURABILITY=full` sets
 * `synchronous=FULL`, which also fsyncs the WAL at each commit, for machines that may lose power.
 */
export const openDatabase = (options: OpenOptions): Db => {
  const inMemory = options.dataDir === IN_MEMORY;
  const file = inMemory ? IN_MEMORY : join(options.dataDir, DATABASE_FILE);
  if (!inMemory) {
    // The database holds codes in clear: its user's alone, and its -wal and -shm (which SQLite
    // creates with the database file's mode) with it.
    privateDir(options.dataDir);
    privateFile(file);
    makePrivate(`${file}-wal`, `${file}-shm`, `${file}-journal`);
  }
  const db = new Database(file);
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 200))}`);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
};

/** Applies the migrations newer than the database's `user_version`, each in its transaction. */
const migrate = (db: Db): void => {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database is at schema version ${current}, newer than this server (${MIGRATIONS.length}): run a newer Rostrum.`,
    );
  }
  MIGRATIONS.slice(current).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + index + 1}`);
    })();
  });
};
