import { z } from 'zod';
import { RequestRecord, StepRecord, TurnRecord } from '../../../shared/protocol/view';
import type { StoreRecords } from '../api';
import { type MeetingRecord, readRecords } from '../records';
import { type PostgresDatabase, type Queryable, rowsOf } from './database';

const KindRow = z.object({ kind: z.enum(['turn', 'request', 'step']) });

/**
 * Each kind of record inserted in one statement, whatever their number, in the order given: the
 * identity column numbers the rows as they come (WITH ORDINALITY keeps the array's order).
 */
const STATEMENTS = {
  insertTurns: {
    name: 'rostrum.turns.insert',
    text: `INSERT INTO turns (meeting, version, id, record)
           SELECT $1, $2, r->>'id', r FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(r, n)
            ORDER BY n`,
  },
  insertRequests: {
    name: 'rostrum.requests.insert',
    text: `INSERT INTO requests (meeting, version, id, record)
           SELECT $1, $2, r->>'id', r FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(r, n)
            ORDER BY n`,
  },
  insertSteps: {
    name: 'rostrum.steps.insert',
    text: `INSERT INTO steps (meeting, version, record)
           SELECT $1, $2, r FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(r, n)
            ORDER BY n`,
  },
  // One statement, so one snapshot of the database: a record read while a command commits has
  // all of what it made or none of it, as with SQLite.
  of: {
    name: 'rostrum.records.of',
    text: `SELECT kind, record FROM (
             SELECT 'turn' AS kind, seq, record::text AS record FROM turns WHERE meeting = $1
             UNION ALL
             SELECT 'request', seq, record::text FROM requests WHERE meeting = $1
             UNION ALL
             SELECT 'step', seq, record::text FROM steps WHERE meeting = $1
           ) AS made ORDER BY seq`,
  },
} as const;

/**
 * The meeting's record in PostgreSQL: each turn spoken, each request for the floor, each step
 * held, in the order they were made, with the version of the command that made them. Written
 * only with that command (PostgresStore.commitCommand), never on its own.
 */
export class PostgresRecords implements StoreRecords {
  constructor(private readonly db: PostgresDatabase) {}

  /** The records command `version` made; inside the transaction that logs the command. */
  async add(
    db: Queryable,
    meetingId: string,
    version: number,
    records: MeetingRecord,
  ): Promise<void> {
    const kinds = [
      [STATEMENTS.insertTurns, records.turns],
      [STATEMENTS.insertRequests, records.requests],
      [STATEMENTS.insertSteps, records.steps],
    ] as const;
    // Most commands make no record: they cost no statement.
    for (const [statement, rows] of kinds) {
      if (rows.length === 0) continue;
      await db.query({ ...statement, values: [meetingId, version, JSON.stringify(rows)] });
    }
  }

  async of(meetingId: string): Promise<MeetingRecord> {
    const rows = await rowsOf(this.db, STATEMENTS.of, [meetingId]);
    const of = (kind: string) => rows.filter((raw) => KindRow.parse(raw).kind === kind);
    return {
      turns: readRecords(of('turn'), TurnRecord),
      requests: readRecords(of('request'), RequestRecord),
      steps: readRecords(of('step'), StepRecord),
    };
  }
}
