import { SqliteAccess } from './access';
import type { CommitOptions, Store } from './api';
import { type LoggedCommand, SqliteCommandLog } from './commandLog';
import type { Db } from './database';
import { SqliteHooks } from './hooks';
import { SqliteLeases } from './leases';
import { SqliteMeetings } from './meetings';
import { type MeetingRecord, SqliteRecords } from './records';
import { SqliteSnapshots } from './snapshots';

// The store's interface and data, where callers have always found them.
export type {
  AccessCode,
  CommandSource,
  CommitOptions,
  DealtPhase,
  IssuedToken,
  Lease,
  LeaseCommit,
  LoggedCommand,
  MeetingRecord,
  SnapshotToSave,
  Store,
  StoredHook,
  StoredMeeting,
  StoredSnapshot,
  StoreLeases,
  TokenCount,
  TokenHolder,
  UnreadableSnapshot,
} from './api';

/**
 * The store in one SQLite file (the default: one process, no other service), behind prepared
 * statements, one part per job: the meetings, who may come in (codes, tokens, audit), the
 * command log, the snapshots, the record. What spans parts is here, each in one transaction: an
 * accepted command with the records it made and (every so often) a snapshot, so a crash leaves
 * either all of it or none; and the log moved aside with the snapshots that stood on it.
 *
 * better-sqlite3 is synchronous: each method does its work before it returns and answers a
 * settled promise, so a write is on disk (in the WAL) before anyone awaits its answer.
 */
export class SqliteStore implements Store {
  readonly meetings: SqliteMeetings;
  readonly access: SqliteAccess;
  readonly log: SqliteCommandLog;
  readonly snapshots: SqliteSnapshots;
  readonly records: SqliteRecords;
  readonly hooks: SqliteHooks;
  readonly leases: SqliteLeases;

  constructor(private readonly db: Db) {
    this.access = new SqliteAccess(db);
    this.meetings = new SqliteMeetings(db, this.access);
    this.log = new SqliteCommandLog(db);
    this.snapshots = new SqliteSnapshots(db);
    this.records = new SqliteRecords(db);
    this.hooks = new SqliteHooks(db);
    this.leases = new SqliteLeases(this.meetings);
  }

  /**
   * Stores one accepted command with the records it made, and the snapshot when one is due, in
   * one transaction. Rejects if SQLite cannot write (disk full, read-only, locked): then nothing
   * of it is stored. A lease in `options` is not checked: this process owns every meeting.
   */
  async commitCommand(
    meetingId: string,
    entry: LoggedCommand,
    records: MeetingRecord,
    options: CommitOptions = {},
  ): Promise<void> {
    const { snapshot } = options;
    this.db.transaction(() => {
      this.log.append(meetingId, entry);
      this.records.add(meetingId, entry.version, records);
      if (snapshot) {
        // The snapshot is saved at the instant of the command that made it.
        this.snapshots.saveNow(
          meetingId,
          entry.version,
          snapshot.state,
          snapshot.formatVersion,
          entry.at,
        );
      }
    })();
  }

  /**
   * Moves the commands from `version` on into `diverged_commands` and drops the snapshots at or
   * after it (they stood on those commands), in one transaction. Answers how many were moved.
   */
  async moveAsideFrom(meetingId: string, version: number, at = Date.now()): Promise<number> {
    return this.db.transaction(() => {
      this.snapshots.dropFrom(meetingId, version);
      return this.log.moveAsideFrom(meetingId, version, at);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  get isOpen(): boolean {
    return this.db.open;
  }
}
