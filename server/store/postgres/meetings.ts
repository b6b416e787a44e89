import type { AccessCode } from '../access';
import type { StoreMeetings } from '../api';
import { type StoredMeeting, toMeeting } from '../meetings';
import type { PostgresAccess } from './access';
import { type PostgresDatabase, type Queryable, rowsOf } from './database';

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
  any: { name: 'rostrum.meetings.any', text: 'SELECT 1 FROM meetings LIMIT 1' },
} as const;

/**
 * The advisory lock of the first meeting (a fixed key of ours, beside the schema's): nodes that
 * start at once on an empty database make its default meeting one after the other, the later
 * ones finding it there. Held for the creating transaction only.
 */
const FIRST_MEETING_LOCK = 7_245_617_002;

/** The meetings of this server, each with the agenda and roster it was made with: in PostgreSQL. */
export class PostgresMeetings implements StoreMeetings {
  constructor(
    private readonly db: PostgresDatabase,
    private readonly access: PostgresAccess,
  ) {}

  async create(meeting: StoredMeeting, codes: readonly AccessCode[]): Promise<void> {
    await this.db.transaction((client) => this.insert(client, meeting, codes));
  }

  async createFirst(meeting: StoredMeeting, codes: readonly AccessCode[]): Promise<boolean> {
    return this.db.transaction(async (client) => {
      await client.query({
        text: 'SELECT pg_advisory_xact_lock($1)',
        values: [FIRST_MEETING_LOCK],
      });
      if ((await rowsOf(client, STATEMENTS.any, [])).length > 0) return false;
      await this.insert(client, meeting, codes);
      return true;
    });
  }

  private async insert(
    client: Queryable,
    meeting: StoredMeeting,
    codes: readonly AccessCode[],
  ): Promise<void> {
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
  }

  async all(): Promise<StoredMeeting[]> {
    return (await rowsOf(this.db, STATEMENTS.all, [])).map(toMeeting);
  }

  async exists(meetingId: string): Promise<boolean> {
    return (await rowsOf(this.db, STATEMENTS.exists, [meetingId])).length > 0;
  }
}
