import { z } from 'zod';
import { Agenda, Groups, Roster } from '../../shared/protocol/agenda';
import { ServerId } from '../../shared/protocol/common';
import type { AccessCode, SqliteAccess } from './access';
import type { StoreMeetings } from './api';
import type { Db } from './database';

/** A meeting as it was made: its agenda and roster then (the engine's state holds later edits). */
export interface StoredMeeting {
  id: string;
  title: string;
  agenda: Agenda;
  roster: Roster;
  /** Its groups (contract version 2); none for meetings made before groups existed. */
  groups: Groups;
  createdAt: number;
}

const MeetingRow = z.object({
  id: ServerId,
  title: z.string(),
  agenda: z.string(),
  roster: z.string(),
  delegation_groups: z.string(),
  created_at: z.number().int(),
});

/** A `meetings` row as the meeting; throws if it does not read (a meeting is not skipped unseen). */
export const toMeeting = (raw: unknown): StoredMeeting => {
  const row = MeetingRow.parse(raw);
  return {
    id: row.id,
    title: row.title,
    agenda: Agenda.parse(JSON.parse(row.agenda)),
    roster: Roster.parse(JSON.parse(row.roster)),
    groups: Groups.parse(JSON.parse(row.delegation_groups)),
    createdAt: row.created_at,
  };
};

/** The meetings of this server, each with the agenda and roster it was made with: in SQLite. */
export class SqliteMeetings implements StoreMeetings {
  private readonly statements;

  constructor(
    private readonly db: Db,
    private readonly access: SqliteAccess,
  ) {
    this.statements = {
      insert: db.prepare(
        'INSERT INTO meetings (id, title, agenda, roster, delegation_groups, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      all: db.prepare(
        'SELECT id, title, agenda, roster, delegation_groups, created_at FROM meetings ORDER BY created_at, id',
      ),
      exists: db.prepare('SELECT 1 FROM meetings WHERE id = ?').pluck(),
      any: db.prepare('SELECT 1 FROM meetings LIMIT 1').pluck(),
    };
  }

  /** A new meeting and its codes, in one transaction: a meeting is never there without them. */
  async create(meeting: StoredMeeting, codes: readonly AccessCode[]): Promise<void> {
    this.db.transaction(() => {
      this.statements.insert.run(
        meeting.id,
        meeting.title,
        JSON.stringify(meeting.agenda),
        JSON.stringify(meeting.roster),
        JSON.stringify(meeting.groups),
        meeting.createdAt,
      );
      this.access.insertCodes(meeting.id, codes);
    })();
  }

  /** Only on a store with no meeting: one process owns the file, so one transaction is enough. */
  async createFirst(meeting: StoredMeeting, codes: readonly AccessCode[]): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.statements.any.get() !== undefined) return false;
      this.statements.insert.run(
        meeting.id,
        meeting.title,
        JSON.stringify(meeting.agenda),
        JSON.stringify(meeting.roster),
        JSON.stringify(meeting.groups),
        meeting.createdAt,
      );
      this.access.insertCodes(meeting.id, codes);
      return true;
    })();
  }

  /** Every meeting, oldest first. */
  async all(): Promise<StoredMeeting[]> {
    return this.statements.all.all().map(toMeeting);
  }

  async exists(meetingId: string): Promise<boolean> {
    return this.statements.exists.get(meetingId) !== undefined;
  }
}
