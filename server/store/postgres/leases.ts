import { z } from 'zod';
import type { Lease, StoreLeases } from '../api';
import { changesOf, type PostgresDatabase, type Queryable, rowsOf } from './database';

/**
 * The database's clock in milliseconds, read when the statement gets there (`now()` would be
 * its transaction's start): every lease instant is on it, never on a node's clock.
 */
const DB_NOW = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

const RETURNING = 'RETURNING meeting_id, node_id, epoch, expires_at';

const STATEMENTS = {
  // A row back: the meeting is this node's at that epoch. A live lease (this node's or another's)
  // keeps the row as it is and answers nothing. Two nodes at once: the second waits on the first's
  // row (or its key), then finds the lease live.
  claim: {
    name: 'rostrum.leases.claim',
    text: `INSERT INTO meeting_leases (meeting_id, node_id, epoch, expires_at)
           VALUES ($1, $2, 1, ${DB_NOW} + $3)
           ON CONFLICT (meeting_id) DO UPDATE
              SET node_id = excluded.node_id, epoch = meeting_leases.epoch + 1,
                  expires_at = ${DB_NOW} + $3
            WHERE meeting_leases.expires_at <= ${DB_NOW}
           ${RETURNING}`,
  },
  // Only a live lease is renewed: one that expired may be claimed already, or at any moment.
  renew: {
    name: 'rostrum.leases.renew',
    text: `UPDATE meeting_leases SET expires_at = ${DB_NOW} + $4
            WHERE meeting_id = $1 AND node_id = $2 AND epoch = $3 AND expires_at > ${DB_NOW}
           ${RETURNING}`,
  },
  release: {
    name: 'rostrum.leases.release',
    text: `UPDATE meeting_leases SET expires_at = ${DB_NOW}
            WHERE meeting_id = $1 AND node_id = $2 AND epoch = $3 AND expires_at > ${DB_NOW}`,
  },
  holder: {
    name: 'rostrum.leases.holder',
    text: `SELECT meeting_id, node_id, epoch, expires_at FROM meeting_leases
            WHERE meeting_id = $1 AND expires_at > ${DB_NOW}`,
  },
  unclaimed: {
    name: 'rostrum.leases.unclaimed',
    text: `SELECT m.id FROM meetings m
             LEFT JOIN meeting_leases l ON l.meeting_id = m.id AND l.expires_at > ${DB_NOW}
            WHERE l.meeting_id IS NULL
            ORDER BY m.created_at, m.id COLLATE "C"`,
  },
} as const;

const LeaseRow = z
  .object({
    meeting_id: z.string(),
    node_id: z.string(),
    epoch: z.number().int().positive(),
    expires_at: z.number().int(),
  })
  .transform(
    (row): Lease => ({
      meetingId: row.meeting_id,
      nodeId: row.node_id,
      epoch: row.epoch,
      expiresAt: row.expires_at,
    }),
  );

const IdRow = z.object({ id: z.string() });

const leaseOf = (rows: unknown[]): Lease | undefined =>
  rows.length === 0 ? undefined : LeaseRow.parse(rows[0]);

/**
 * Which node writes each meeting, in PostgreSQL (issue 16, docs/many-nodes.md "Leases"): a row
 * per meeting ever claimed, its epoch one more at each claim, its expiry on the database's clock.
 */
export class PostgresLeases implements StoreLeases {
  constructor(private readonly db: PostgresDatabase) {}

  async claim(meetingId: string, nodeId: string, ttlMs: number): Promise<Lease | undefined> {
    return leaseOf(await rowsOf(this.db, STATEMENTS.claim, [meetingId, nodeId, ttlMs]));
  }

  renew(
    meetingId: string,
    nodeId: string,
    epoch: number,
    ttlMs: number,
  ): Promise<Lease | undefined> {
    return this.renewIn(this.db, meetingId, nodeId, epoch, ttlMs);
  }

  /** A renewal through `db`: inside a commit's transaction, its first statement. */
  async renewIn(
    db: Queryable,
    meetingId: string,
    nodeId: string,
    epoch: number,
    ttlMs: number,
  ): Promise<Lease | undefined> {
    return leaseOf(await rowsOf(db, STATEMENTS.renew, [meetingId, nodeId, epoch, ttlMs]));
  }

  async release(meetingId: string, nodeId: string, epoch: number): Promise<boolean> {
    return (await changesOf(this.db, STATEMENTS.release, [meetingId, nodeId, epoch])) > 0;
  }

  async holder(meetingId: string): Promise<Lease | undefined> {
    return leaseOf(await rowsOf(this.db, STATEMENTS.holder, [meetingId]));
  }

  async unclaimed(): Promise<string[]> {
    return (await rowsOf(this.db, STATEMENTS.unclaimed, [])).map((row) => IdRow.parse(row).id);
  }
}
