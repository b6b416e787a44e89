import type { StoreHooks } from '../api';
import { type DealtPhase, type StoredHook, toDealtPhase, toHook } from '../hooks';
import { changesOf, type PostgresDatabase, rowsOf } from './database';

const STATEMENTS = {
  insert: {
    name: 'rostrum.hooks.insert',
    text: `INSERT INTO hooks (id, meeting, url, secret, events, created_at, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
  },
  remove: {
    name: 'rostrum.hooks.remove',
    text: 'DELETE FROM hooks WHERE meeting = $1 AND id = $2',
  },
  // The events as text, read by the same rules as SQLite's (../hooks.ts).
  all: {
    name: 'rostrum.hooks.all',
    text: `SELECT id, meeting, url, secret, events::text AS events, created_at, created_by
             FROM hooks ORDER BY created_at, seq`,
  },
  phase: {
    name: 'rostrum.output-phases.of',
    text: 'SELECT turn, phase FROM output_phases WHERE meeting = $1',
  },
  savePhase: {
    name: 'rostrum.output-phases.save',
    text: `INSERT INTO output_phases (meeting, turn, phase, at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (meeting) DO UPDATE
              SET turn = excluded.turn, phase = excluded.phase, at = excluded.at`,
  },
} as const;

/**
 * The room's outputs in PostgreSQL (docs/integrations.md): each meeting's webhooks, and the
 * clock phase last dealt with per meeting, so `turn.phase` is announced once across a restart.
 */
export class PostgresHooks implements StoreHooks {
  constructor(private readonly db: PostgresDatabase) {}

  async add(hook: StoredHook): Promise<void> {
    await this.db.query({
      ...STATEMENTS.insert,
      values: [
        hook.id,
        hook.meetingId,
        hook.url,
        hook.secret,
        hook.events === null ? null : JSON.stringify(hook.events),
        hook.createdAt,
        hook.createdBy,
      ],
    });
  }

  async remove(meetingId: string, hookId: string): Promise<boolean> {
    return (await changesOf(this.db, STATEMENTS.remove, [meetingId, hookId])) > 0;
  }

  async all(): Promise<StoredHook[]> {
    return (await rowsOf(this.db, STATEMENTS.all, [])).map(toHook);
  }

  async phase(meetingId: string): Promise<DealtPhase | undefined> {
    const [raw] = await rowsOf(this.db, STATEMENTS.phase, [meetingId]);
    return raw === undefined ? undefined : toDealtPhase(raw);
  }

  async savePhase(meetingId: string, dealt: DealtPhase, at: number): Promise<void> {
    await this.db.query({
      ...STATEMENTS.savePhase,
      values: [meetingId, dealt.turnId, dealt.phase, at],
    });
  }
}
