/**
 * PostgreSQL read past the servers, as an auditor would (issue 16's tests): the command log of a
 * meeting, who holds its lease, and the check that every acknowledged command is in the log.
 */
import pg from 'pg';
import { expect } from 'vitest';
import { z } from 'zod';
import { Command } from '../../shared/protocol/commands';

const LogRow = z.object({
  version: z.number().int(),
  role: z.string(),
  delegation: z.string().nullable(),
  command: Command,
});
export type LogRow = z.infer<typeof LogRow>;

/** A command a client saw acknowledged: its version, who sent it (a role or a delegation), what. */
export interface Acknowledged {
  version: number;
  sender: string;
  command: Command;
}

const query = async <T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>) => {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
};

/** The meeting's command log, in version order. */
export const commandLogOf = (databaseUrl: string, meetingId: string): Promise<LogRow[]> =>
  query(databaseUrl, async (client) => {
    const { rows } = await client.query(
      'SELECT version::int AS version, role, delegation, command FROM commands WHERE meeting = $1 ORDER BY version',
      [meetingId],
    );
    return rows.map((row) => LogRow.parse(row));
  });

/** The node holding a live lease on the meeting now (on the database's clock), if any. */
export const leaseHolderOf = (databaseUrl: string, meetingId: string): Promise<string | null> =>
  query(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT node_id FROM meeting_leases WHERE meeting_id = $1
         AND expires_at > (extract(epoch from clock_timestamp()) * 1000)::bigint`,
      [meetingId],
    );
    return z.array(z.object({ node_id: z.string() })).parse(rows)[0]?.node_id ?? null;
  });

/**
 * The log is whole (versions 1..n, none missing, none twice), and every acknowledged command is
 * in it at the version its ack gave, sent by whom it was sent by.
 */
export const expectAcknowledgedInLog = (
  log: readonly LogRow[],
  acknowledged: readonly Acknowledged[],
) => {
  expect(log.map((row) => row.version)).toEqual(log.map((_, index) => index + 1));
  const byVersion = new Map(log.map((row) => [row.version, row]));
  for (const ack of acknowledged) {
    const row = byVersion.get(ack.version);
    expect(row, `acknowledged version ${ack.version} is in the log`).toBeDefined();
    expect(row?.command).toEqual(Command.parse(ack.command));
    expect(row?.role === 'delegate' ? row.delegation : row?.role).toBe(ack.sender);
  }
};
