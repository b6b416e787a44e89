import { AccessStore } from './access';
import { CommandLog, type LoggedCommand } from './commandLog';
import type { Db } from './database';
import { HookStore } from './hooks';
import { MeetingStore } from './meetings';
import { type MeetingRecord, RecordStore } from './records';
import { SnapshotStore } from './snapshots';

// The parts' types, where callers have always found them.
export type { AccessCode, IssuedToken, TokenCount, TokenHolder } from './access';
export type { CommandSource, LoggedCommand } from './commandLog';
export type { DealtPhase, StoredHook } from './hooks';
export type { StoredMeeting } from './meetings';
export type { MeetingRecord } from './records';
export type { StoredSnapshot, UnreadableSnapshot } from './snapshots';

/** The engine's state to keep with a command, in the format the engine wrote it. */
export interface SnapshotToSave {
  state: unknown;
  formatVersion: number;
}

/**
 * Everything the server keeps, in one SQLite file, behind prepared statements, one part per job:
 * the meetings, who may come in (codes, tokens, audit), the command log, the snapshots, the
 * record. What spans parts is here, each in one transaction: an accepted command with the records
 * it made and (every so often) a snapshot, so a crash leaves either all of it or none; and the
 * log moved aside with the snapshots that stood on it.
 */
export class Store {
  readonly meetings: MeetingStore;
  readonly access: AccessStore;
  readonly log: CommandLog;
  readonly snapshots: SnapshotStore;
  readonly records: RecordStore;
  /** The room's outputs: webhooks, and the clock phase they last dealt with. */
  readonly hooks: HookStore;

  constructor(private readonly db: Db) {
    this.access = new AccessStore(db);
    this.meetings = new MeetingStore(db, this.access);
    this.log = new CommandLog(db);
    this.snapshots = new SnapshotStore(db);
    this.records = new RecordStore(db);
    this.hooks = new HookStore(db);
  }

  /**
   * Stores one accepted command with the records it made, and the snapshot when one is due, in
   * one transaction. Throws if SQLite cannot write (disk full, read-only, locked): then nothing
   * of it is stored.
   */
  commitCommand(
    meetingId: string,
    entry: LoggedCommand,
    records: MeetingRecord,
    snapshot?: SnapshotToSave,
  ): void {
    this.db.transaction(() => {
      this.log.append(meetingId, entry);
      this.records.add(meetingId, entry.version, records);
      if (snapshot) {
        // The snapshot is saved at the instant of the command that made it.
        this.snapshots.save(
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
  moveAsideFrom(meetingId: string, version: number, at = Date.now()): number {
    return this.db.transaction(() => {
      this.snapshots.dropFrom(meetingId, version);
      return this.log.moveAsideFrom(meetingId, version, at);
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  get isOpen(): boolean {
    return this.db.open;
  }
}
