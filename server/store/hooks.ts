import { z } from 'zod';
import type { Phase } from '../../shared/clock/turnClock';
import { ServerId } from '../../shared/protocol/common';
import { HookEvent } from '../../shared/protocol/hooks';
import type { StoreHooks } from './api';
import type { Db } from './database';
import { parseJson } from './rows';

/** A webhook as it is kept: its secret too, which only the signing ever reads. */
export interface StoredHook {
  id: string;
  meetingId: string;
  url: string;
  secret: string;
  /** The events it asked for; null for all. */
  events: HookEvent[] | null;
  createdAt: number;
  createdBy: 'chair' | 'operator';
}

/** The phase of a turn the outputs last dealt with (announced, or found as it stood). */
export interface DealtPhase {
  turnId: string;
  phase: Phase;
}

const HookRow = z.object({
  id: ServerId,
  meeting: ServerId,
  url: z.string(),
  secret: z.string(),
  events: z.string().nullable(),
  created_at: z.number().int(),
  created_by: z.enum(['chair', 'operator']),
});

const PhaseRow = z.object({
  turn: ServerId,
  phase: z.enum(['normal', 'warning', 'overtime']),
});

const Events = z.array(HookEvent);

/**
 * A `hooks` row as a hook. A row whose events do not read (a hand-edited file) is sent every
 * event rather than none: a hook that says too much is seen and fixed.
 */
export const toHook = (raw: unknown): StoredHook => {
  const row = HookRow.parse(raw);
  return {
    id: row.id,
    meetingId: row.meeting,
    url: row.url,
    secret: row.secret,
    events: row.events === null ? null : (parseJson(row.events, Events) ?? null),
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
};

/** An `output_phases` row as the phase dealt with; undefined if it does not read. */
export const toDealtPhase = (raw: unknown): DealtPhase | undefined => {
  const row = PhaseRow.safeParse(raw);
  return row.success ? { turnId: row.data.turn, phase: row.data.phase } : undefined;
};

/**
 * The room's outputs (docs/integrations.md): each meeting's webhooks, which survive restarts,
 * and the clock phase last dealt with per meeting, so `turn.phase` is announced once across a
 * restart. Deliveries themselves are not kept: they are the network's, not the meeting's.
 */
export class SqliteHooks implements StoreHooks {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        'INSERT INTO hooks (id, meeting, url, secret, events, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      remove: db.prepare('DELETE FROM hooks WHERE meeting = ? AND id = ?'),
      all: db.prepare(
        'SELECT id, meeting, url, secret, events, created_at, created_by FROM hooks ORDER BY created_at, rowid',
      ),
      phase: db.prepare('SELECT turn, phase FROM output_phases WHERE meeting = ?'),
      savePhase: db.prepare(
        `INSERT INTO output_phases (meeting, turn, phase, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (meeting) DO UPDATE SET turn = excluded.turn, phase = excluded.phase, at = excluded.at`,
      ),
    };
  }

  async add(hook: StoredHook): Promise<void> {
    this.statements.insert.run(
      hook.id,
      hook.meetingId,
      hook.url,
      hook.secret,
      hook.events === null ? null : JSON.stringify(hook.events),
      hook.createdAt,
      hook.createdBy,
    );
  }

  /** Whether there was such a hook of that meeting (it is gone now). */
  async remove(meetingId: string, hookId: string): Promise<boolean> {
    return this.statements.remove.run(meetingId, hookId).changes > 0;
  }

  /** Every hook of every meeting, oldest first (see `toHook` for a row that does not read). */
  async all(): Promise<StoredHook[]> {
    return this.statements.all.all().map(toHook);
  }

  async phase(meetingId: string): Promise<DealtPhase | undefined> {
    const raw = this.statements.phase.get(meetingId);
    return raw === undefined ? undefined : toDealtPhase(raw);
  }

  async savePhase(meetingId: string, dealt: DealtPhase, at: number): Promise<void> {
    this.statements.savePhase.run(meetingId, dealt.turnId, dealt.phase, at);
  }
}
