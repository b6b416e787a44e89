import { z } from 'zod';
import type { Records, Sender } from '../../shared/engine/context';
import { AuditAction, type AuditEntry } from '../../shared/protocol/access';
import { Agenda, Roster } from '../../shared/protocol/agenda';
import { Command } from '../../shared/protocol/commands';
import { Id, Role, ServerId } from '../../shared/protocol/common';
import { RequestRecord, StepRecord, TurnRecord } from '../../shared/protocol/view';
import type { EngineSnapshot } from '../engine/engine';
import type { Db } from './database';

/** Where a command came from: a person's socket, or the server's own "end at limit" timer. */
export const CommandSource = z.enum(['socket', 'timer']);
export type CommandSource = z.infer<typeof CommandSource>;

export interface StoredMeeting {
  id: string;
  title: string;
  agenda: Agenda;
  roster: Roster;
  createdAt: number;
}

export interface AccessCode {
  meetingId: string;
  role: Role;
  delegationId?: string;
  /** Canonical: 10 symbols of Crockford's base32, upper case. */
  code: string;
}

export interface IssuedToken {
  meetingId: string;
  role: Role;
  delegationId?: string;
}

/** Whose tokens: a whole role, or (for delegates) one delegation. */
export interface TokenHolder {
  role: Role;
  delegationId?: string;
}

/** Tokens of one role and delegation: issued and still valid, and revoked. */
export interface TokenCount {
  role: Role;
  delegationId?: string;
  active: number;
  revoked: number;
}

/** One accepted command as the log keeps it: enough to apply it again, exactly. */
export interface LoggedCommand {
  version: number;
  at: number;
  sender: Sender;
  source: CommandSource;
  command: Command;
}

export interface MeetingRecord {
  turns: TurnRecord[];
  requests: RequestRecord[];
  steps: StepRecord[];
}

// Rows as SQLite answers them; parsed with zod, since a file on disk is an edge too.
const CodeRow = z.object({
  meeting: ServerId,
  role: Role,
  delegation: Id.nullable(),
  code: z.string(),
});
const TokenRow = z.object({ meeting: ServerId, role: Role, delegation: Id.nullable() });
const MeetingRow = z.object({
  id: ServerId,
  title: z.string(),
  agenda: z.string(),
  roster: z.string(),
  created_at: z.number().int(),
});
const CommandRow = z.object({
  version: z.number().int().positive(),
  at: z.number().int(),
  role: Role,
  delegation: Id.nullable(),
  source: CommandSource,
  command: z.string(),
});
const TokenCountRow = z.object({
  role: Role,
  delegation: Id.nullable(),
  active: z.number().int().nonnegative(),
  revoked: z.number().int().nonnegative(),
});
const AuditRow = z.object({
  at: z.number().int(),
  actor: z.enum(['chair', 'operator']),
  action: AuditAction,
  role: Role,
  delegation: Id.nullable(),
  revoked_tokens: z.number().int().nonnegative(),
});
const SnapshotRow = z.object({ version: z.number().int().nonnegative(), snapshot: z.string() });
const RecordRow = z.object({ record: z.string() });

const parseJson = <T>(text: string, schema: z.ZodType<T>): T | undefined => {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

const toCode = (row: z.infer<typeof CodeRow>): AccessCode => ({
  meetingId: row.meeting,
  role: row.role,
  ...(row.delegation !== null && { delegationId: row.delegation }),
  code: row.code,
});

/**
 * Everything the server keeps, in one SQLite file, behind prepared statements. Each accepted
 * command is stored in one transaction with the records it made (and, every so often, a
 * snapshot of the engine), so a crash leaves either all of it or none.
 */
export class Store {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      insertMeeting: db.prepare(
        'INSERT INTO meetings (id, title, agenda, roster, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      meetings: db.prepare(
        'SELECT id, title, agenda, roster, created_at FROM meetings ORDER BY created_at, id',
      ),
      meetingExists: db.prepare('SELECT 1 FROM meetings WHERE id = ?').pluck(),
      insertCode: db.prepare(
        'INSERT INTO codes (meeting, role, delegation, code) VALUES (?, ?, ?, ?)',
      ),
      codeExists: db.prepare('SELECT 1 FROM codes WHERE code = ?').pluck(),
      codesOf: db.prepare(
        'SELECT meeting, role, delegation, code FROM codes WHERE meeting = ? ORDER BY rowid',
      ),
      findCode: db.prepare(
        'SELECT meeting, role, delegation, code FROM codes WHERE meeting = ? AND code = ?',
      ),
      // A code is unique across the server (the column's UNIQUE constraint): one row at most.
      findCodeAnywhere: db.prepare(
        'SELECT meeting, role, delegation, code FROM codes WHERE code = ?',
      ),
      insertToken: db.prepare(
        'INSERT INTO tokens (hash, meeting, role, delegation, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      findToken: db.prepare(
        'SELECT meeting, role, delegation FROM tokens WHERE hash = ? AND revoked_at IS NULL',
      ),
      tokenKnown: db.prepare('SELECT 1 FROM tokens WHERE hash = ?').pluck(),
      revokeTokens: db.prepare(
        `UPDATE tokens SET revoked_at = ? WHERE meeting = ? AND revoked_at IS NULL
           AND (? IS NULL OR role = ?) AND (? IS NULL OR delegation = ?)`,
      ),
      tokenCounts: db.prepare(
        `SELECT role, delegation, count(*) FILTER (WHERE revoked_at IS NULL) AS active,
                count(*) FILTER (WHERE revoked_at IS NOT NULL) AS revoked
           FROM tokens WHERE meeting = ? GROUP BY role, delegation`,
      ),
      replaceCode: db.prepare(
        'UPDATE codes SET code = ? WHERE meeting = ? AND role = ? AND delegation IS ?',
      ),
      insertAudit: db.prepare(
        `INSERT INTO audit (meeting, at, actor, action, role, delegation, revoked_tokens)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      audit: db.prepare(
        `SELECT at, actor, action, role, delegation, revoked_tokens FROM audit
          WHERE meeting = ? ORDER BY seq`,
      ),
      insertCommand: db.prepare(
        'INSERT INTO commands (meeting, version, at, role, delegation, source, command) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      commandsAfter: db.prepare(
        'SELECT version, at, role, delegation, source, command FROM commands WHERE meeting = ? AND version > ? ORDER BY version',
      ),
      moveAside: db.prepare(
        `INSERT INTO diverged_commands (meeting, version, at, role, delegation, source, command, moved_at)
         SELECT meeting, version, at, role, delegation, source, command, ? FROM commands WHERE meeting = ? AND version >= ?`,
      ),
      deleteFrom: db.prepare('DELETE FROM commands WHERE meeting = ? AND version >= ?'),
      insertSnapshot: db.prepare(
        'INSERT OR REPLACE INTO snapshots (meeting, version, snapshot) VALUES (?, ?, ?)',
      ),
      // Restore reads the latest snapshot only (and replays the whole log when it does not
      // restore), so older ones are dead weight: pruned in the transaction that stores a new one.
      pruneSnapshots: db.prepare('DELETE FROM snapshots WHERE meeting = ? AND version < ?'),
      latestSnapshot: db.prepare(
        'SELECT version, snapshot FROM snapshots WHERE meeting = ? ORDER BY version DESC LIMIT 1',
      ),
      snapshotCount: db.prepare('SELECT count(*) FROM snapshots WHERE meeting = ?').pluck(),
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

  // Meetings and their codes

  createMeeting(meeting: StoredMeeting, codes: readonly AccessCode[]): void {
    this.db.transaction(() => {
      this.statements.insertMeeting.run(
        meeting.id,
        meeting.title,
        JSON.stringify(meeting.agenda),
        JSON.stringify(meeting.roster),
        meeting.createdAt,
      );
      for (const c of codes) {
        this.statements.insertCode.run(meeting.id, c.role, c.delegationId ?? null, c.code);
      }
    })();
  }

  meetings(): StoredMeeting[] {
    return this.statements.meetings.all().map((raw) => {
      const row = MeetingRow.parse(raw);
      return {
        id: row.id,
        title: row.title,
        agenda: Agenda.parse(JSON.parse(row.agenda)),
        roster: Roster.parse(JSON.parse(row.roster)),
        createdAt: row.created_at,
      };
    });
  }

  meetingExists(meetingId: string): boolean {
    return this.statements.meetingExists.get(meetingId) !== undefined;
  }

  codeExists(code: string): boolean {
    return this.statements.codeExists.get(code) !== undefined;
  }

  codesOf(meetingId: string): AccessCode[] {
    return this.statements.codesOf.all(meetingId).map((raw) => toCode(CodeRow.parse(raw)));
  }

  findCode(meetingId: string, code: string): AccessCode | undefined {
    const raw = this.statements.findCode.get(meetingId, code);
    return raw === undefined ? undefined : toCode(CodeRow.parse(raw));
  }

  /** The meeting, role and delegation a code opens, whichever meeting it is of. */
  findCodeAnywhere(code: string): AccessCode | undefined {
    const raw = this.statements.findCodeAnywhere.get(code);
    return raw === undefined ? undefined : toCode(CodeRow.parse(raw));
  }

  // Tokens: only their sha256 is kept

  insertToken(hash: string, token: IssuedToken, createdAt: number): void {
    this.statements.insertToken.run(
      hash,
      token.meetingId,
      token.role,
      token.delegationId ?? null,
      createdAt,
    );
  }

  findToken(hash: string): IssuedToken | undefined {
    const raw = this.statements.findToken.get(hash);
    if (raw === undefined) return undefined;
    const row = TokenRow.parse(raw);
    return {
      meetingId: row.meeting,
      role: row.role,
      ...(row.delegation !== null && { delegationId: row.delegation }),
    };
  }

  /** Whether a token was ever issued here, revoked or not (a revoked one is no guess). */
  tokenKnown(hash: string): boolean {
    return this.statements.tokenKnown.get(hash) !== undefined;
  }

  /** How many tokens each role and delegation of a meeting holds, valid and revoked. */
  tokenCounts(meetingId: string): TokenCount[] {
    return this.statements.tokenCounts.all(meetingId).map((raw) => {
      const row = TokenCountRow.parse(raw);
      return {
        role: row.role,
        ...(row.delegation !== null && { delegationId: row.delegation }),
        active: row.active,
        revoked: row.revoked,
      };
    });
  }

  /**
   * Signs out every device of one holder (a role, or one delegation): revokes its tokens and
   * writes the audit line, in one transaction. Answers how many tokens it revoked.
   */
  signOut(meetingId: string, holder: TokenHolder, entry: AuditEntry): number {
    return this.db.transaction(() => {
      const revoked = this.revokeTokens(meetingId, holder, entry.at);
      this.insertAudit(meetingId, { ...entry, revokedTokens: revoked });
      return revoked;
    })();
  }

  /**
   * Replaces the code of one holder and revokes its tokens, with the audit line and (for a chair
   * who rotates the chair code) the caller's new token, in one transaction: all of it or none.
   * Throws if the holder has no code.
   */
  rotateCode(
    meetingId: string,
    holder: TokenHolder,
    code: string,
    entry: AuditEntry,
    newToken?: { hash: string },
  ): number {
    return this.db.transaction(() => {
      const changed = this.statements.replaceCode.run(
        code,
        meetingId,
        holder.role,
        holder.delegationId ?? null,
      ).changes;
      if (changed !== 1) throw new Error(`no ${holder.role} code to replace in ${meetingId}`);
      const revoked = this.revokeTokens(meetingId, holder, entry.at);
      if (newToken) this.insertToken(newToken.hash, { meetingId, ...holder }, entry.at);
      this.insertAudit(meetingId, { ...entry, revokedTokens: revoked });
      return revoked;
    })();
  }

  audit(meetingId: string): AuditEntry[] {
    return this.statements.audit.all(meetingId).map((raw) => {
      const row = AuditRow.parse(raw);
      return {
        at: row.at,
        actor: row.actor,
        action: row.action,
        role: row.role,
        ...(row.delegation !== null && { delegationId: row.delegation }),
        revokedTokens: row.revoked_tokens,
      };
    });
  }

  private insertAudit(meetingId: string, entry: AuditEntry): void {
    this.statements.insertAudit.run(
      meetingId,
      entry.at,
      entry.actor,
      entry.action,
      entry.role,
      entry.delegationId ?? null,
      entry.revokedTokens,
    );
  }

  /** Revokes a meeting's tokens, all of them or those of one role (and delegation). */
  revokeTokens(
    meetingId: string,
    filter: { role?: Role; delegationId?: string } = {},
    at = Date.now(),
  ): number {
    const role = filter.role ?? null;
    const delegation = filter.delegationId ?? null;
    return this.statements.revokeTokens.run(at, meetingId, role, role, delegation, delegation)
      .changes;
  }

  // The command log, the records and the snapshots

  /**
   * Stores one accepted command with the records it made, and the snapshot when one is due, in
   * one transaction. Throws if SQLite cannot write (disk full, read-only, locked): then nothing
   * of it is stored.
   */
  commitCommand(
    meetingId: string,
    entry: LoggedCommand,
    records: Records,
    snapshot?: EngineSnapshot,
  ): void {
    this.db.transaction(() => {
      const s = this.statements;
      s.insertCommand.run(
        meetingId,
        entry.version,
        entry.at,
        entry.sender.role,
        entry.sender.delegationId ?? null,
        entry.source,
        JSON.stringify(entry.command),
      );
      for (const turn of records.turns) {
        s.insertTurn.run(meetingId, entry.version, turn.id, JSON.stringify(turn));
      }
      for (const request of records.requests) {
        s.insertRequest.run(meetingId, entry.version, request.id, JSON.stringify(request));
      }
      for (const step of records.steps) {
        s.insertStep.run(meetingId, entry.version, JSON.stringify(step));
      }
      if (snapshot) this.replaceSnapshot(meetingId, entry.version, snapshot);
    })();
  }

  /** Stores a snapshot in place of the meeting's older ones, in one transaction. */
  saveSnapshot(meetingId: string, version: number, snapshot: EngineSnapshot): void {
    this.db.transaction(() => this.replaceSnapshot(meetingId, version, snapshot))();
  }

  /**
   * The new snapshot, and the older ones deleted: a restart needs only the latest (the command
   * log, kept whole as the audit, covers everything after it, or everything if it is unreadable).
   */
  private replaceSnapshot(meetingId: string, version: number, snapshot: EngineSnapshot): void {
    this.statements.insertSnapshot.run(meetingId, version, JSON.stringify(snapshot));
    this.statements.pruneSnapshots.run(meetingId, version);
  }

  /** How many snapshots a meeting has stored (one, once it has any). */
  snapshotCount(meetingId: string): number {
    return z.number().int().parse(this.statements.snapshotCount.get(meetingId));
  }

  latestSnapshot(meetingId: string): { version: number; snapshot: EngineSnapshot } | undefined {
    const raw = this.statements.latestSnapshot.get(meetingId);
    if (raw === undefined) return undefined;
    const row = SnapshotRow.parse(raw);
    // The engine's document is checked (and migrated) when the engine restores it. Snapshots
    // written before it had a format number are xstate's envelope: format 1.
    const stored: unknown = JSON.parse(row.snapshot);
    const numbered = z
      .object({ formatVersion: z.number().int(), state: z.unknown() })
      .safeParse(stored);
    return {
      version: row.version,
      snapshot: numbered.success
        ? { formatVersion: numbered.data.formatVersion, state: numbered.data.state }
        : { formatVersion: 1, state: stored },
    };
  }

  /**
   * The commands logged after `version`, in order. A row that no longer parses ends the list:
   * `unreadableFrom` is its version.
   */
  commandsAfter(
    meetingId: string,
    version: number,
  ): { entries: LoggedCommand[]; unreadableFrom?: number } {
    const entries: LoggedCommand[] = [];
    for (const raw of this.statements.commandsAfter.iterate(meetingId, version)) {
      const row = CommandRow.safeParse(raw);
      const command = row.success ? parseJson(row.data.command, Command) : undefined;
      if (!row.success || command === undefined) {
        const at = z.object({ version: z.number().int() }).safeParse(raw);
        return { entries, unreadableFrom: at.success ? at.data.version : version + 1 };
      }
      entries.push({
        version: row.data.version,
        at: row.data.at,
        sender: {
          role: row.data.role,
          ...(row.data.delegation !== null && { delegationId: row.data.delegation }),
        },
        source: row.data.source,
        command,
      });
    }
    return { entries };
  }

  /** Moves the commands from `version` on into `diverged_commands`, so new ones can take their place. */
  moveAsideFrom(meetingId: string, version: number, at = Date.now()): number {
    return this.db.transaction(() => {
      this.statements.moveAside.run(at, meetingId, version);
      return this.statements.deleteFrom.run(meetingId, version).changes;
    })();
  }

  record(meetingId: string): MeetingRecord {
    const read = <T>(rows: unknown[], schema: z.ZodType<T>): T[] =>
      rows.map((raw) => schema.parse(JSON.parse(RecordRow.parse(raw).record)));
    return {
      turns: read(this.statements.turns.all(meetingId), TurnRecord),
      requests: read(this.statements.requests.all(meetingId), RequestRecord),
      steps: read(this.statements.steps.all(meetingId), StepRecord),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  get isOpen(): boolean {
    return this.db.open;
  }
}
