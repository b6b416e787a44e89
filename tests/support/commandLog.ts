import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../server/store/database';
import type { Sender } from '../../shared/engine/context';
import { Command } from '../../shared/protocol/commands';
import type { Role } from '../../shared/protocol/common';

/** A command as the store's log keeps it: its version, who sent it, what it was. */
export interface LoggedCommand {
  version: number;
  sender: Sender;
  command: Command;
}

/** What the store's command log holds for a meeting, read straight from its file. */
export const loggedCommands = (dataDir: string, meetingId: string): LoggedCommand[] => {
  const db = new Database(joinPath(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const rows = db
      .prepare(
        'SELECT version, role, delegation, command FROM commands WHERE meeting = ? ORDER BY version',
      )
      .all(meetingId) as {
      version: number;
      role: Role;
      delegation: string | null;
      command: string;
    }[];
    return rows.map((row) => ({
      version: row.version,
      sender: { role: row.role, ...(row.delegation !== null && { delegationId: row.delegation }) },
      command: Command.parse(JSON.parse(row.command)),
    }));
  } finally {
    db.close();
  }
};
