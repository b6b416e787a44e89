import { z } from 'zod';
import { Command } from '../../shared/protocol/commands';
import { Id, Role } from '../../shared/protocol/common';
import type { CommandsAfter, StoreCommandLog } from './api';
import type { Db } from './database';
import { holderOf, parseJson } from './rows';

/**
 * Where a command came from: a person's socket, the control API over HTTP (contract version 2,
 * `POST /api/meetings/:id/commands`), or the server's own "end at limit" timer.
 */
export const CommandSource = z.enum(['socket', 'http', 'timer']);
export type CommandSource = z.infer<typeof CommandSource>;

/** One accepted command as the log keeps it: enough to apply it again, exactly. */
export interface LoggedCommand {
  version: number;
  at: number;
  /** Who sent it: a role and, for a delegate, the delegation its token is bound to. */
  sender: { role: Role; delegationId?: string };
  source: CommandSource;
  command: Command;
  /** The sender's id of the command, when it gave one (issue 16): unique in the meeting's log. */
  commandId?: string;
}

const CommandRow = z.object({
  version: z.number().int().positive(),
  at: z.number().int(),
  role: Role,
  delegation: Id.nullable(),
  source: CommandSource,
  command: z.string(),
  command_id: z.string().nullish(),
});
const VersionOnly = z.object({ version: z.number().int() });

/**
 * The `commands` rows logged after `version`, in version order, read as `StoreCommandLog.after`
 * answers them: a row that does not read ends the list, and `unreadableFrom` is its version.
 * Rows are read one at a time, so nothing past the first that fails is parsed.
 */
export const readCommandsAfter = (version: number, rows: Iterable<unknown>): CommandsAfter => {
  const entries: LoggedCommand[] = [];
  for (const raw of rows) {
    const row = CommandRow.safeParse(raw);
    const command = row.success ? parseJson(row.data.command, Command) : undefined;
    if (!row.success || command === undefined) {
      const at = VersionOnly.safeParse(raw);
      return { entries, unreadableFrom: at.success ? at.data.version : version + 1 };
    }
    entries.push({
      version: row.data.version,
      at: row.data.at,
      sender: holderOf(row.data),
      source: row.data.source,
      command,
      ...(row.data.command_id != null && { commandId: row.data.command_id }),
    });
  }
  return { entries };
};

/** The one logged command among `rows` (a look-up by a unique key), if it is there and reads. */
export const readOne = (rows: readonly unknown[]): LoggedCommand | undefined =>
  readCommandsAfter(0, rows).entries[0];

/**
 * Every accepted command of each meeting, in version order: the audit trail, and what a restart
 * replays after the latest snapshot. Kept whole; commands that no longer replay are moved aside
 * to `diverged_commands`, never deleted.
 */
export class SqliteCommandLog implements StoreCommandLog {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        'INSERT INTO commands (meeting, version, at, role, delegation, source, command, command_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      after: db.prepare(
        'SELECT version, at, role, delegation, source, command, command_id FROM commands WHERE meeting = ? AND version > ? ORDER BY version',
      ),
      byCommandId: db.prepare(
        'SELECT version, at, role, delegation, source, command, command_id FROM commands WHERE meeting = ? AND command_id = ?',
      ),
      moveAside: db.prepare(
        `INSERT INTO diverged_commands (meeting, version, at, role, delegation, source, command, moved_at)
         SELECT meeting, version, at, role, delegation, source, command, ? FROM commands WHERE meeting = ? AND version >= ?`,
      ),
      deleteFrom: db.prepare('DELETE FROM commands WHERE meeting = ? AND version >= ?'),
    };
  }

  /** Logs one command; inside the transaction that stores what it made (SqliteStore.commitCommand). */
  append(meetingId: string, entry: LoggedCommand): void {
    this.statements.insert.run(
      meetingId,
      entry.version,
      entry.at,
      entry.sender.role,
      entry.sender.delegationId ?? null,
      entry.source,
      JSON.stringify(entry.command),
      entry.commandId ?? null,
    );
  }

  /**
   * The commands logged after `version`, in order. A row that no longer parses ends the list:
   * `unreadableFrom` is its version.
   */
  async after(meetingId: string, version: number): Promise<CommandsAfter> {
    return readCommandsAfter(version, this.statements.after.iterate(meetingId, version));
  }

  async withCommandId(meetingId: string, commandId: string): Promise<LoggedCommand | undefined> {
    return readOne(this.statements.byCommandId.all(meetingId, commandId));
  }

  /**
   * Moves the commands from `version` on into `diverged_commands`, so new ones can take their
   * place; inside a transaction (SqliteStore.moveAsideFrom, which also drops the snapshots beyond).
   */
  moveAsideFrom(meetingId: string, version: number, at: number): number {
    this.statements.moveAside.run(at, meetingId, version);
    return this.statements.deleteFrom.run(meetingId, version).changes;
  }
}
