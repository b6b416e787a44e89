import { z } from 'zod';
import { ServerId } from '../../shared/protocol/common';
import type { StoreSnapshots } from './api';
import type { Db } from './database';

/** What a snapshot document says it is, so that nothing else stored as JSON passes for one. */
export const SNAPSHOT_FORMAT = 'rostrum.meeting-state';

/**
 * The format version of the rows stored before snapshots were documents of their own: the
 * engine's state as xstate persisted it (`getPersistedSnapshot()`), bare. They come back with
 * this version, their JSON as their state, for the engine to take or convert.
 */
export const BARE_XSTATE_FORMAT_VERSION = 1;

/** The older ones go when a new one is stored; two stay, so a bad latest costs a longer replay, not the whole log. */
export const SNAPSHOTS_KEPT = 2;

/**
 * A snapshot as the `snapshots` table keeps it: Rostrum's own document around the engine's
 * state. The store checks this envelope and nothing inside `state`: the state is the engine's,
 * with its own schema and its own migrations, chosen by `formatVersion`.
 */
export const SnapshotDocument = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  formatVersion: z.number().int().positive(),
  meetingId: ServerId,
  /** The meeting's version the state is at: the log replays from the next one. */
  version: z.number().int().nonnegative(),
  /** When it was stored (ms since the epoch, the server's clock): for whoever reads the file. */
  savedAt: z.number().int(),
  state: z.json(),
});
export type SnapshotDocument = z.infer<typeof SnapshotDocument>;

/**
 * What xstate's persisted snapshot looked like, enough to tell an older row from something
 * else: the engine's own restore checks the rest.
 */
const BareXstateSnapshot = z.looseObject({
  status: z.string(),
  context: z.record(z.string(), z.unknown()),
});

/** A snapshot read back: its version, and the engine's state in the format it was stored in. */
export interface StoredSnapshot {
  version: number;
  formatVersion: number;
  state: unknown;
}

/** A snapshot row that is not a snapshot (damaged, or written by something else): why. */
export interface UnreadableSnapshot {
  version: number;
  unreadable: string;
}

const SnapshotRow = z.object({ version: z.number().int().nonnegative(), snapshot: z.string() });

/**
 * The engine's state every so often (and at a clean stop), so a restart replays only the
 * commands logged after it. Stored in the transaction of the command it follows; the older ones
 * pruned in the same transaction, the latest `SNAPSHOTS_KEPT` kept.
 */
export class SqliteSnapshots implements StoreSnapshots {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      insert: db.prepare(
        'INSERT OR REPLACE INTO snapshots (meeting, version, snapshot) VALUES (?, ?, ?)',
      ),
      // Every snapshot older than the SNAPSHOTS_KEPT-th latest; none while there are fewer.
      prune: db.prepare(
        `DELETE FROM snapshots WHERE meeting = @meeting AND version < (
           SELECT version FROM snapshots WHERE meeting = @meeting
            ORDER BY version DESC LIMIT 1 OFFSET @keep - 1)`,
      ),
      latestBelow: db.prepare(
        'SELECT version, snapshot FROM snapshots WHERE meeting = ? AND version < ? ORDER BY version DESC LIMIT 1',
      ),
      versions: db
        .prepare('SELECT version FROM snapshots WHERE meeting = ? ORDER BY version')
        .pluck(),
      dropFrom: db.prepare('DELETE FROM snapshots WHERE meeting = ? AND version >= ?'),
    };
  }

  /**
   * Stores the engine's `state` at `version` as a snapshot document and prunes the older ones, in
   * one transaction. `state` must be JSON.
   */
  async save(
    meetingId: string,
    version: number,
    state: unknown,
    formatVersion: number,
    savedAt = Date.now(),
  ): Promise<void> {
    this.saveNow(meetingId, version, state, formatVersion, savedAt);
  }

  /** `save`, at once: nested in the caller's transaction (SqliteStore.commitCommand). */
  saveNow(
    meetingId: string,
    version: number,
    state: unknown,
    formatVersion: number,
    savedAt: number,
  ): void {
    const document = { format: SNAPSHOT_FORMAT, formatVersion, meetingId, version, savedAt, state };
    this.db.transaction(() => {
      this.statements.insert.run(meetingId, version, JSON.stringify(document));
      this.statements.prune.run({ meeting: meetingId, keep: SNAPSHOTS_KEPT });
    })();
  }

  /**
   * The meeting's latest snapshot (below `version`, when given: the one to fall back on when the
   * latest does not restore), undefined if there is none. A row that is not a snapshot document
   * nor an older bare xstate snapshot comes back as `unreadable`, with its version and why: the
   * caller tries an older one or replays the whole log.
   */
  async latest(
    meetingId: string,
    below?: number,
  ): Promise<StoredSnapshot | UnreadableSnapshot | undefined> {
    const raw = this.statements.latestBelow.get(meetingId, below ?? Number.MAX_SAFE_INTEGER);
    return raw === undefined ? undefined : toSnapshot(meetingId, raw);
  }

  /** The versions of the snapshots a meeting has stored, oldest first. */
  async versions(meetingId: string): Promise<number[]> {
    return z.array(z.number().int()).parse(this.statements.versions.all(meetingId));
  }

  /** Drops the snapshots from `version` on: the log they stand on was moved aside. */
  dropFrom(meetingId: string, version: number): void {
    this.statements.dropFrom.run(meetingId, version);
  }
}

/** A `snapshots` row (its version and text) as a snapshot, or why it is not one. */
export const toSnapshot = (
  meetingId: string,
  raw: unknown,
): StoredSnapshot | UnreadableSnapshot => {
  const row = SnapshotRow.parse(raw);
  return readSnapshot(meetingId, row.version, row.snapshot);
};

/** One row's text as a snapshot, or why it is not one. */
export const readSnapshot = (
  meetingId: string,
  version: number,
  text: string,
): StoredSnapshot | UnreadableSnapshot => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { version, unreadable: 'not JSON' };
  }
  if (typeof parsed === 'object' && parsed !== null && 'format' in parsed) {
    const document = SnapshotDocument.safeParse(parsed);
    if (!document.success) {
      return { version, unreadable: `not a snapshot document: ${z.prettifyError(document.error)}` };
    }
    const d = document.data;
    if (d.meetingId !== meetingId || d.version !== version) {
      return {
        version,
        unreadable: `a snapshot of ${d.meetingId} at version ${d.version}, stored as ${meetingId} at ${version}`,
      };
    }
    return { version, formatVersion: d.formatVersion, state: d.state };
  }
  // Stored before snapshots were documents: the engine's xstate snapshot, bare.
  return BareXstateSnapshot.safeParse(parsed).success
    ? { version, formatVersion: BARE_XSTATE_FORMAT_VERSION, state: parsed }
    : { version, unreadable: 'neither a snapshot document nor a bare xstate snapshot' };
};
