import { z } from 'zod';
import type { StoreSnapshots } from '../api';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOTS_KEPT,
  type StoredSnapshot,
  toSnapshot,
  type UnreadableSnapshot,
} from '../snapshots';
import { type PostgresDatabase, type Queryable, rowsOf } from './database';

const STATEMENTS = {
  insert: {
    name: 'rostrum.snapshots.insert',
    text: `INSERT INTO snapshots (meeting, version, snapshot) VALUES ($1, $2, $3)
           ON CONFLICT (meeting, version) DO UPDATE SET snapshot = excluded.snapshot`,
  },
  // Every snapshot older than the SNAPSHOTS_KEPT-th latest; none while there are fewer.
  prune: {
    name: 'rostrum.snapshots.prune',
    text: `DELETE FROM snapshots WHERE meeting = $1 AND version < (
             SELECT version FROM snapshots WHERE meeting = $1
              ORDER BY version DESC LIMIT 1 OFFSET $2 - 1)`,
  },
  // The document as text, read by the same rules as SQLite's (../snapshots.ts).
  latestBelow: {
    name: 'rostrum.snapshots.latest-below',
    text: `SELECT version, snapshot::text AS snapshot FROM snapshots
            WHERE meeting = $1 AND version < $2 ORDER BY version DESC LIMIT 1`,
  },
  versions: {
    name: 'rostrum.snapshots.versions',
    text: 'SELECT version FROM snapshots WHERE meeting = $1 ORDER BY version',
  },
  dropFrom: {
    name: 'rostrum.snapshots.drop-from',
    text: 'DELETE FROM snapshots WHERE meeting = $1 AND version >= $2',
  },
} as const;

const VersionRow = z.object({ version: z.number().int() });

/**
 * The engine's state every so often, in PostgreSQL: the same snapshot documents as SQLite's,
 * stored in the transaction of the command they follow, the older ones pruned in it, the latest
 * `SNAPSHOTS_KEPT` kept.
 */
export class PostgresSnapshots implements StoreSnapshots {
  constructor(private readonly db: PostgresDatabase) {}

  async save(
    meetingId: string,
    version: number,
    state: unknown,
    formatVersion: number,
    savedAt = Date.now(),
  ): Promise<void> {
    await this.db.transaction((client) =>
      this.saveIn(client, meetingId, version, state, formatVersion, savedAt),
    );
  }

  /** `save`, inside the caller's transaction (PostgresStore.commitCommand). */
  async saveIn(
    db: Queryable,
    meetingId: string,
    version: number,
    state: unknown,
    formatVersion: number,
    savedAt: number,
  ): Promise<void> {
    const document = { format: SNAPSHOT_FORMAT, formatVersion, meetingId, version, savedAt, state };
    await db.query({
      ...STATEMENTS.insert,
      values: [meetingId, version, JSON.stringify(document)],
    });
    await db.query({ ...STATEMENTS.prune, values: [meetingId, SNAPSHOTS_KEPT] });
  }

  async latest(
    meetingId: string,
    below?: number,
  ): Promise<StoredSnapshot | UnreadableSnapshot | undefined> {
    const [raw] = await rowsOf(this.db, STATEMENTS.latestBelow, [
      meetingId,
      below ?? Number.MAX_SAFE_INTEGER,
    ]);
    return raw === undefined ? undefined : toSnapshot(meetingId, raw);
  }

  async versions(meetingId: string): Promise<number[]> {
    const rows = await rowsOf(this.db, STATEMENTS.versions, [meetingId]);
    return rows.map((raw) => VersionRow.parse(raw).version);
  }

  /** Drops the snapshots from `version` on: the log they stand on was moved aside. */
  async dropFrom(db: Queryable, meetingId: string, version: number): Promise<void> {
    await db.query({ ...STATEMENTS.dropFrom, values: [meetingId, version] });
  }
}
