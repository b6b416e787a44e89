import { z } from 'zod';
import { RequestRecord, StepRecord, TurnRecord } from '../../shared/protocol/view';
import type { StoreRecords } from './api';
import type { Db } from './database';

/** The record of a meeting, or the part of it one command made: turns, requests, steps. */
export interface MeetingRecord {
  turns: TurnRecord[];
  requests: RequestRecord[];
  steps: StepRecord[];
}

const RecordRow = z.object({ record: z.string() });

/** The `record` column of rows of `turns`, `requests` or `steps`, each checked with its schema. */
export const readRecords = <T>(rows: unknown[], schema: z.ZodType<T>): T[] =>
  rows.map((raw) => schema.parse(JSON.parse(RecordRow.parse(raw).record)));

/**
 * The meeting's record as the secretariat reads it: each turn spoken, each request for the
 * floor, each step held, in the order they were made, with the version of the command that made
 * them. Written only with that command (SqliteStore.commitCommand), never on its own.
 */
export class SqliteRecords implements StoreRecords {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insertTurn: db.prepare(
        'INSERT INTO turns (meeting, version, id, record) VALUES (?, ?, ?, ?)',
      ),
      insertRequest: db.prepare(
        'INSERT INTO requests (meeting, version, id, record) VALUES (?, ?, ?, ?)',
      ),
      insertStep: db.prepare('INSERT INTO steps (meeting, version, record) VALUES (?, ?, ?)'),
      turns: db.prepare('SELECT record FROM turns WHERE meeting = ? ORDER BY seq'),
      requests: db.prepare('SELECT record FROM requests WHERE meeting = ? ORDER BY seq'),
      steps: db.prepare('SELECT record FROM steps WHERE meeting = ? ORDER BY seq'),
    };
  }

  /** The records command `version` made; inside the transaction that logs the command. */
  add(meetingId: string, version: number, records: MeetingRecord): void {
    const s = this.statements;
    for (const turn of records.turns) {
      s.insertTurn.run(meetingId, version, turn.id, JSON.stringify(turn));
    }
    for (const request of records.requests) {
      s.insertRequest.run(meetingId, version, request.id, JSON.stringify(request));
    }
    for (const step of records.steps) {
      s.insertStep.run(meetingId, version, JSON.stringify(step));
    }
  }

  /** The whole record of a meeting, in the order it was made. */
  async of(meetingId: string): Promise<MeetingRecord> {
    return {
      turns: readRecords(this.statements.turns.all(meetingId), TurnRecord),
      requests: readRecords(this.statements.requests.all(meetingId), RequestRecord),
      steps: readRecords(this.statements.steps.all(meetingId), StepRecord),
    };
  }
}
