import type { CommandsAfter, StoreCommandLog } from '../api';
import { type LoggedCommand, readCommandsAfter, readOne } from '../commandLog';
import { changesOf, type PostgresDatabase, type Queryable, rowsOf } from './database';

const STATEMENTS = {
  insert: {
    name: 'rostrum.commands.insert',
    text: `INSERT INTO commands (meeting, version, at, role, delegation, source, command, command_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
  },
  // The command as text, read by the same rules as SQLite's (../commandLog.ts).
  after: {
    name: 'rostrum.commands.after',
    text: `SELECT version, at, role, delegation, source, command::text AS command, command_id
             FROM commands WHERE meeting = $1 AND version > $2 ORDER BY version`,
  },
  byCommandId: {
    name: 'rostrum.commands.by-command-id',
    text: `SELECT version, at, role, delegation, source, command::text AS command, command_id
             FROM commands WHERE meeting = $1 AND command_id = $2`,
  },
  moveAside: {
    name: 'rostrum.commands.move-aside',
    text: `INSERT INTO diverged_commands
                  (meeting, version, at, role, delegation, source, command, moved_at)
           SELECT meeting, version, at, role, delegation, source, command, $1
             FROM commands WHERE meeting = $2 AND version >= $3 ORDER BY version`,
  },
  deleteFrom: {
    name: 'rostrum.commands.delete-from',
    text: 'DELETE FROM commands WHERE meeting = $1 AND version >= $2',
  },
} as const;

/**
 * Every accepted command of each meeting, in version order, in PostgreSQL: the audit trail, and
 * what a restart replays after the latest snapshot. Kept whole; commands that no longer replay
 * are moved aside to `diverged_commands`, never deleted.
 */
export class PostgresCommandLog implements StoreCommandLog {
  constructor(private readonly db: PostgresDatabase) {}

  /** Logs one command; inside the transaction that stores what it made (PostgresStore.commitCommand). */
  async append(db: Queryable, meetingId: string, entry: LoggedCommand): Promise<void> {
    await db.query({
      ...STATEMENTS.insert,
      values: [
        meetingId,
        entry.version,
        entry.at,
        entry.sender.role,
        entry.sender.delegationId ?? null,
        entry.source,
        JSON.stringify(entry.command),
        entry.commandId ?? null,
      ],
    });
  }

  async after(meetingId: string, version: number): Promise<CommandsAfter> {
    return readCommandsAfter(
      version,
      await rowsOf(this.db, STATEMENTS.after, [meetingId, version]),
    );
  }

  async withCommandId(meetingId: string, commandId: string): Promise<LoggedCommand | undefined> {
    return readOne(await rowsOf(this.db, STATEMENTS.byCommandId, [meetingId, commandId]));
  }

  /** Moves the commands from `version` on aside; inside PostgresStore.moveAsideFrom's transaction. */
  async moveAsideFrom(
    db: Queryable,
    meetingId: string,
    version: number,
    at: number,
  ): Promise<number> {
    await db.query({ ...STATEMENTS.moveAside, values: [at, meetingId, version] });
    return changesOf(db, STATEMENTS.deleteFrom, [meetingId, version]);
  }
}
