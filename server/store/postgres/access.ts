import type { AuditEntry } from '../../../shared/protocol/access';
import type { Role } from '../../../shared/protocol/common';
import {
  type AccessCode,
  type IssuedToken,
  type TokenCount,
  type TokenHolder,
  toAuditEntry,
  toCode,
  toToken,
  toTokenCount,
} from '../access';
import type { StoreAccess } from '../api';
import { changesOf, type PostgresDatabase, type Queryable, rowsOf } from './database';

const STATEMENTS = {
  // One statement for all of a meeting's codes (a roster of 193 delegations is 197 codes), in
  // their order: the identity column numbers them as they come.
  insertCodes: {
    name: 'rostrum.codes.insert',
    text: `INSERT INTO codes (meeting, role, delegation, code)
           SELECT $1, role, delegation, code
             FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY
                  AS c(role, delegation, code, n)
            ORDER BY n`,
  },
  codeExists: { name: 'rostrum.codes.exists', text: 'SELECT 1 FROM codes WHERE code = $1' },
  codesOf: {
    name: 'rostrum.codes.of',
    text: 'SELECT meeting, role, delegation, code FROM codes WHERE meeting = $1 ORDER BY seq',
  },
  findCode: {
    name: 'rostrum.codes.find',
    text: 'SELECT meeting, role, delegation, code FROM codes WHERE meeting = $1 AND code = $2',
  },
  // A code is unique across the server (the column's UNIQUE constraint): one row at most.
  findCodeAnywhere: {
    name: 'rostrum.codes.find-anywhere',
    text: 'SELECT meeting, role, delegation, code FROM codes WHERE code = $1',
  },
  replaceCode: {
    name: 'rostrum.codes.replace',
    text: `UPDATE codes SET code = $1
            WHERE meeting = $2 AND role = $3 AND delegation IS NOT DISTINCT FROM $4`,
  },
  insertToken: {
    name: 'rostrum.tokens.insert',
    text: `INSERT INTO tokens (hash, meeting, role, delegation, created_at)
           VALUES ($1, $2, $3, $4, $5)`,
  },
  findToken: {
    name: 'rostrum.tokens.find',
    text: 'SELECT meeting, role, delegation FROM tokens WHERE hash = $1 AND revoked_at IS NULL',
  },
  tokenKnown: { name: 'rostrum.tokens.known', text: 'SELECT 1 FROM tokens WHERE hash = $1' },
  revokeTokens: {
    name: 'rostrum.tokens.revoke',
    text: `UPDATE tokens SET revoked_at = $1 WHERE meeting = $2 AND revoked_at IS NULL
              AND ($3::text IS NULL OR role = $3) AND ($4::text IS NULL OR delegation = $4)`,
  },
  tokenCounts: {
    name: 'rostrum.tokens.counts',
    text: `SELECT role, delegation, count(*) FILTER (WHERE revoked_at IS NULL) AS active,
                  count(*) FILTER (WHERE revoked_at IS NOT NULL) AS revoked
             FROM tokens WHERE meeting = $1 GROUP BY role, delegation`,
  },
  insertAudit: {
    name: 'rostrum.audit.insert',
    text: `INSERT INTO audit (meeting, at, actor, action, role, delegation, revoked_tokens)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
  },
  audit: {
    name: 'rostrum.audit.of',
    text: `SELECT at, actor, action, role, delegation, revoked_tokens FROM audit
            WHERE meeting = $1 ORDER BY seq`,
  },
} as const;

/**
 * Who may come in, in PostgreSQL: the access codes of each meeting (in clear: the operator hands
 * them out again), the tokens they gave (only their sha256), and the audit of sign-outs and
 * rotations, each revocation in one transaction with its audit line (as SqliteAccess).
 */
export class PostgresAccess implements StoreAccess {
  constructor(private readonly db: PostgresDatabase) {}

  /** The codes of a new meeting, in its transaction: the meeting's row must be there. */
  async insertCodes(db: Queryable, meetingId: string, codes: readonly AccessCode[]): Promise<void> {
    if (codes.length === 0) return;
    await db.query({
      ...STATEMENTS.insertCodes,
      values: [
        meetingId,
        codes.map((c) => c.role),
        codes.map((c) => c.delegationId ?? null),
        codes.map((c) => c.code),
      ],
    });
  }

  async codeExists(code: string): Promise<boolean> {
    return (await rowsOf(this.db, STATEMENTS.codeExists, [code])).length > 0;
  }

  async codesOf(meetingId: string): Promise<AccessCode[]> {
    return (await rowsOf(this.db, STATEMENTS.codesOf, [meetingId])).map(toCode);
  }

  async findCode(meetingId: string, code: string): Promise<AccessCode | undefined> {
    const [raw] = await rowsOf(this.db, STATEMENTS.findCode, [meetingId, code]);
    return raw === undefined ? undefined : toCode(raw);
  }

  async findCodeAnywhere(code: string): Promise<AccessCode | undefined> {
    const [raw] = await rowsOf(this.db, STATEMENTS.findCodeAnywhere, [code]);
    return raw === undefined ? undefined : toCode(raw);
  }

  // Tokens: only their sha256 is kept

  async insertToken(hash: string, token: IssuedToken, createdAt: number): Promise<void> {
    await this.insertTokenIn(this.db, hash, token, createdAt);
  }

  private async insertTokenIn(
    db: Queryable,
    hash: string,
    token: IssuedToken,
    createdAt: number,
  ): Promise<void> {
    await db.query({
      ...STATEMENTS.insertToken,
      values: [hash, token.meetingId, token.role, token.delegationId ?? null, createdAt],
    });
  }

  async findToken(hash: string): Promise<IssuedToken | undefined> {
    const [raw] = await rowsOf(this.db, STATEMENTS.findToken, [hash]);
    return raw === undefined ? undefined : toToken(raw);
  }

  async tokenKnown(hash: string): Promise<boolean> {
    return (await rowsOf(this.db, STATEMENTS.tokenKnown, [hash])).length > 0;
  }

  async tokenCounts(meetingId: string): Promise<TokenCount[]> {
    return (await rowsOf(this.db, STATEMENTS.tokenCounts, [meetingId])).map(toTokenCount);
  }

  async revokeTokens(
    meetingId: string,
    filter: { role?: Role; delegationId?: string } = {},
    at = Date.now(),
  ): Promise<number> {
    return this.revokeIn(this.db, meetingId, filter, at);
  }

  private revokeIn(
    db: Queryable,
    meetingId: string,
    filter: { role?: Role; delegationId?: string },
    at: number,
  ): Promise<number> {
    return changesOf(db, STATEMENTS.revokeTokens, [
      at,
      meetingId,
      filter.role ?? null,
      filter.delegationId ?? null,
    ]);
  }

  // Sign-outs and rotations, with their audit line

  async signOut(meetingId: string, holder: TokenHolder, entry: AuditEntry): Promise<number> {
    return this.db.transaction(async (client) => {
      const revoked = await this.revokeIn(client, meetingId, holder, entry.at);
      await this.insertAudit(client, meetingId, { ...entry, revokedTokens: revoked });
      return revoked;
    });
  }

  async rotateCode(
    meetingId: string,
    holder: TokenHolder,
    code: string,
    entry: AuditEntry,
    newToken?: { hash: string },
  ): Promise<number> {
    return this.db.transaction(async (client) => {
      const changed = await changesOf(client, STATEMENTS.replaceCode, [
        code,
        meetingId,
        holder.role,
        holder.delegationId ?? null,
      ]);
      if (changed !== 1) throw new Error(`no ${holder.role} code to replace in ${meetingId}`);
      const revoked = await this.revokeIn(client, meetingId, holder, entry.at);
      if (newToken) {
        await this.insertTokenIn(client, newToken.hash, { meetingId, ...holder }, entry.at);
      }
      await this.insertAudit(client, meetingId, { ...entry, revokedTokens: revoked });
      return revoked;
    });
  }

  async audit(meetingId: string): Promise<AuditEntry[]> {
    return (await rowsOf(this.db, STATEMENTS.audit, [meetingId])).map(toAuditEntry);
  }

  private async insertAudit(db: Queryable, meetingId: string, entry: AuditEntry): Promise<void> {
    await db.query({
      ...STATEMENTS.insertAudit,
      values: [
        meetingId,
        entry.at,
        entry.actor,
        entry.action,
        entry.role,
        entry.delegationId ?? null,
        entry.revokedTokens,
      ],
    });
  }
}
