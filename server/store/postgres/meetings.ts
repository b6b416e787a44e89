import type { AccessCode } from '../access';
import type { StoreMeetings } from '../api';
import { type StoredMeeting, toMeeting } from '../meetings';
import type { PostgresAccess } from './access';
import { type PostgresDatabase, rowsOf } from './database';

const STATEMENTS = {
  insert: {
    name: 'rostrum.meetings.insert',
    text: `INSERT INTO meetings (id, title, agenda, roster, delegation_groups, created_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
  },
  // JSON columns come back as text, read by the same schemas as SQLite's (../meetings.ts). Ties
  // in created_at are ordered by the id's bytes, as SQLite does, whatever the database's collation.
  all: {
    name: 'rostrum.meetings.all',
    text: `SELECT id, title, agenda::text AS agenda, roster::text AS roster,
                  delegation_groups::text AS delegation_groups, created_at
             FROM meetings ORDER BY created_at, id COLLATE "C"`,
  },
  exists: { name: 'rostrum.meetings.exists', text: 'SELECT 1 FROM meetings WHERE id = $1' },
} as const;

/** The meetings of this server, each with the agenda and roster it was made with: in PostgreSQL. */
export class PostgresMeetings implements StoreMeetings {
  constructor(
    private readonly db: PostgresDatabase,
    private readonly access: PostgresAccess,
  ) {}

  async create(meeting: StoredMeeting, codes: readonly AccessCode[]): Promise<void> {
    await this.db.transaction(async (client) => {
      await client.query({
        ...STATEMENTS.insert,
        values: [
          meeting.id,
          meeting.title,
          JSON.stringify(meeting.agenda),
          JSON.stringify(meeting.roster),
          JSON.stringify(meeting.groups),
          meeting.createdAt,
        ],
      });
      await this.access.insertCodes(client, meeting.id, codes);
    });
  }

  async all(): Promise<StoredMeeting[]> {
    return (await rowsOf(this.db, STATEMENTS.all, [])).map(toMeeting);
  }

  async exists(meetingId: string): Promise<boolean> {
    return (await rowsOf(this.db, STATEMENTS.exists, [meetingId])).length > 0;
  }
}
