import { databaseClock } from '../../cluster/clockOffset';
import {
  type CommitOptions,
  LeaseLost,
  type LoggedCommand,
  type MeetingRecord,
  type Store,
} from '../api';
import { PostgresAccess } from './access';
import { PostgresCommandLog } from './commandLog';
import { openPostgres, type PostgresDatabase, type PostgresOptions } from './database';
import { PostgresHooks } from './hooks';
import { PostgresLeases } from './leases';
import { PostgresMeetings } from './meetings';
import { PostgresRecords } from './records';
import { PostgresSnapshots } from './snapshots';

/**
 * The store in PostgreSQL (DATABASE_URL; issue 16), the same interface and data as
 * `SqliteStore`, on a pool of connections, one part per job. What spans parts is here, each in
 * one transaction: an accepted command with the records it made and (every so often) a snapshot;
 * and the log moved aside with the snapshots that stood on it.
 *
 * A write answers once PostgreSQL has committed it, with the database's own durability
 * (`synchronous_commit`, and replication when configured): DURABILITY is SQLite's setting.
 */
export class PostgresStore implements Store {
  readonly meetings: PostgresMeetings;
  readonly access: PostgresAccess;
  readonly log: PostgresCommandLog;
  readonly snapshots: PostgresSnapshots;
  readonly records: PostgresRecords;
  readonly hooks: PostgresHooks;
  readonly leases: PostgresLeases;

  /** Opens the pool and brings the schema up to date (see ./database.ts). */
  static async open(options: PostgresOptions): Promise<PostgresStore> {
    return new PostgresStore(await openPostgres(options));
  }

  private constructor(private readonly db: PostgresDatabase) {
    this.access = new PostgresAccess(db);
    this.meetings = new PostgresMeetings(db, this.access);
    this.log = new PostgresCommandLog(db);
    this.snapshots = new PostgresSnapshots(db);
    this.records = new PostgresRecords(db);
    this.hooks = new PostgresHooks(db);
    this.leases = new PostgresLeases(db);
  }

  /**
   * Stores one accepted command with the records it made, and the snapshot when one is due, in
   * one transaction. Rejects if it was not committed: the version is taken (by this meeting's
   * log), the database refused it, or the connection failed. A connection that fails during the
   * COMMIT leaves the commit in doubt: the caller cannot tell from the rejection alone.
   *
   * With `options.lease`, the lease is renewed first, in the same transaction: a lease that is
   * no longer this node's rejects with `LeaseLost` and nothing is stored. The renewal holds the
   * lease's row until the commit ends, so another node cannot claim the meeting in between.
   */
  async commitCommand(
    meetingId: string,
    entry: LoggedCommand,
    records: MeetingRecord,
    options: CommitOptions = {},
  ): Promise<void> {
    const { snapshot, lease } = options;
    await this.db.transaction(async (client) => {
      if (lease) {
        const { nodeId, epoch, ttlMs } = lease;
        const renewed = await this.leases.renewIn(client, meetingId, nodeId, epoch, ttlMs);
        if (!renewed) throw new LeaseLost(meetingId, nodeId, epoch);
      }
      await this.log.append(client, meetingId, entry);
      await this.records.add(client, meetingId, entry.version, records);
      if (snapshot) {
        // The snapshot is saved at the instant of the command that made it.
        await this.snapshots.saveIn(
          client,
          meetingId,
          entry.version,
          snapshot.state,
          snapshot.formatVersion,
          entry.at,
        );
      }
    });
  }

  async moveAsideFrom(meetingId: string, version: number, at = Date.now()): Promise<number> {
    return this.db.transaction(async (client) => {
      await this.snapshots.dropFrom(client, meetingId, version);
      return this.log.moveAsideFrom(client, meetingId, version, at);
    });
  }

  /**
   * Takes nothing new, lets every statement and transaction under way settle (a commit is
   * stored and answered, not cut), then ends the pool. Closing again answers the same promise.
   */
  close(): Promise<void> {
    return this.db.close();
  }

  get isOpen(): boolean {
    return this.db.isOpen;
  }

  /**
   * The database's clock now (the cluster's clock, server/cluster/clockOffset.ts), read on the
   * store's own pool: one place for the nodes' instants and the leases' expiries.
   */
  readClock(): Promise<number> {
    return databaseClock({ query: (text: string) => this.db.query({ text }) })();
  }
}
