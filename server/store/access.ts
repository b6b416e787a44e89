import { z } from 'zod';
import { AuditAction, type AuditEntry } from '../../shared/protocol/access';
import { Id, Role, ServerId } from '../../shared/protocol/common';
import type { StoreAccess } from './api';
import type { Db } from './database';
import { holderOf } from './rows';

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

/** The rows of `codes`, `tokens` and `audit`, as every implementation reads them back. */
const CodeRow = z.object({
  meeting: ServerId,
  role: Role,
  delegation: Id.nullable(),
  code: z.string(),
});
const TokenRow = z.object({ meeting: ServerId, role: Role, delegation: Id.nullable() });
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

/** A `codes` row as an access code. */
export const toCode = (raw: unknown): AccessCode => {
  const row = CodeRow.parse(raw);
  return { meetingId: row.meeting, ...holderOf(row), code: row.code };
};

/** A `tokens` row as the holder of a valid token. */
export const toToken = (raw: unknown): IssuedToken => {
  const row = TokenRow.parse(raw);
  return { meetingId: row.meeting, ...holderOf(row) };
};

/** An `audit` row as an audit entry. */
export const toAuditEntry = (raw: unknown): AuditEntry => {
  const row = AuditRow.parse(raw);
  return {
    at: row.at,
    actor: row.actor,
    action: row.action,
    ...holderOf(row),
    revokedTokens: row.revoked_tokens,
  };
};

/** A `tokenCounts` row: a holder and its counts. */
export const toTokenCount = (raw: unknown): TokenCount => {
  const row = TokenCountRow.parse(raw);
  return { ...holderOf(row), active: row.active, revoked: row.revoked };
};

/**
 * Who may come in: the access codes of each meeting (kept in clear: the operator hands them
 * out again), the tokens they gave (only their sha256), and the audit of sign-outs and code
 * rotations. Revoking and its audit line go in one transaction.
 */
export class SqliteAccess implements StoreAccess {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
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
      replaceCode: db.prepare(
        'UPDATE codes SET code = ? WHERE meeting = ? AND role = ? AND delegation IS ?',
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
      insertAudit: db.prepare(
        `INSERT INTO audit (meeting, at, actor, action, role, delegation, revoked_tokens)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      audit: db.prepare(
        `SELECT at, actor, action, role, delegation, revoked_tokens FROM audit
          WHERE meeting = ? ORDER BY seq`,
      ),
    };
  }

  // Codes

  /** The codes of a new meeting, in its transaction: the meeting's row must be there (SqliteMeetings.create). */
  insertCodes(meetingId: string, codes: readonly AccessCode[]): void {
    for (const c of codes) {
      this.statements.insertCode.run(meetingId, c.role, c.delegationId ?? null, c.code);
    }
  }

  async codeExists(code: string): Promise<boolean> {
    return this.statements.codeExists.get(code) !== undefined;
  }

  async codesOf(meetingId: string): Promise<AccessCode[]> {
    return this.statements.codesOf.all(meetingId).map(toCode);
  }

  async findCode(meetingId: string, code: string): Promise<AccessCode | undefined> {
    const raw = this.statements.findCode.get(meetingId, code);
    return raw === undefined ? undefined : toCode(raw);
  }

  /** The meeting, role and delegation a code opens, whichever meeting it is of. */
  async findCodeAnywhere(code: string): Promise<AccessCode | undefined> {
    const raw = this.statements.findCodeAnywhere.get(code);
    return raw === undefined ? undefined : toCode(raw);
  }

  // Tokens: only their sha256 is kept

  async insertToken(hash: string, token: IssuedToken, createdAt: number): Promise<void> {
    this.insertTokenNow(hash, token, createdAt);
  }

  private insertTokenNow(hash: string, token: IssuedToken, createdAt: number): void {
    this.statements.insertToken.run(
      hash,
      token.meetingId,
      token.role,
      token.delegationId ?? null,
      createdAt,
    );
  }

  async findToken(hash: string): Promise<IssuedToken | undefined> {
    const raw = this.statements.findToken.get(hash);
    return raw === undefined ? undefined : toToken(raw);
  }

  /** Whether a token was ever issued here, revoked or not (a revoked one is no guess). */
  async tokenKnown(hash: string): Promise<boolean> {
    return this.statements.tokenKnown.get(hash) !== undefined;
  }

  /** How many tokens each role and delegation of a meeting holds, valid and revoked. */
  async tokenCounts(meetingId: string): Promise<TokenCount[]> {
    return this.statements.tokenCounts.all(meetingId).map(toTokenCount);
  }

  /** Revokes a meeting's tokens, all of them or those of one role (and delegation). */
  async revokeTokens(
    meetingId: string,
    filter: { role?: Role; delegationId?: string } = {},
    at = Date.now(),
  ): Promise<number> {
    return this.revokeNow(meetingId, filter, at);
  }

  /** `revokeTokens`, at once: inside the caller's transaction. */
  private revokeNow(
    meetingId: string,
    filter: { role?: Role; delegationId?: string },
    at: number,
  ): number {
    const role = filter.role ?? null;
    const delegation = filter.delegationId ?? null;
    return this.statements.revokeTokens.run(at, meetingId, role, role, delegation, delegation)
      .changes;
  }

  // Sign-outs and rotations, with their audit line

  /**
   * Signs out every device of one holder (a role, or one delegation): revokes its tokens and
   * writes the audit line, in one transaction. Answers how many tokens it revoked.
   */
  async signOut(meetingId: string, holder: TokenHolder, entry: AuditEntry): Promise<number> {
    return this.db.transaction(() => {
      const revoked = this.revokeNow(meetingId, holder, entry.at);
      this.insertAudit(meetingId, { ...entry, revokedTokens: revoked });
      return revoked;
    })();
  }

  /**
   * Replaces the code of one holder and revokes its tokens, with the audit line and (for a chair
   * who rotates the chair code) the caller's new token, in one transaction: all of it or none.
   * Throws if the holder has no code.
   */
  async rotateCode(
    meetingId: string,
    holder: TokenHolder,
    code: string,
    entry: AuditEntry,
    newToken?: { hash: string },
  ): Promise<number> {
    return this.db.transaction(() => {
      const changed = this.statements.replaceCode.run(
        code,
        meetingId,
        holder.role,
        holder.delegationId ?? null,
      ).changes;
      if (changed !== 1) throw new Error(`no ${holder.role} code to replace in ${meetingId}`);
      const revoked = this.revokeNow(meetingId, holder, entry.at);
      if (newToken) this.insertTokenNow(newToken.hash, { meetingId, ...holder }, entry.at);
      this.insertAudit(meetingId, { ...entry, revokedTokens: revoked });
      return revoked;
    })();
  }

  async audit(meetingId: string): Promise<AuditEntry[]> {
    return this.statements.audit.all(meetingId).map(toAuditEntry);
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
}
