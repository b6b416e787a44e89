import { randomInt } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { AuditEntry } from '../../shared/protocol/access';
import type { Agenda, Groups, Roster } from '../../shared/protocol/agenda';
import type { Role } from '../../shared/protocol/common';
import type {
  JoinByCodeResponse,
  JoinResponse,
  MeetingCodes,
  MeetingSummary,
} from '../../shared/protocol/http';
import { CROCKFORD_ALPHABET, canonicalCode, newAccessCode } from '../access/codes';
import { newToken, tokenHash } from '../access/tokens';
import type { ServerClock } from '../clock';
import type {
  AccessCode,
  IssuedToken,
  Store,
  StoredMeeting,
  TokenCount,
  TokenHolder,
} from '../store/store';
import { type ChangeObserver, MeetingRuntime, type PublishState } from './runtime';

const MEETING_ID_LENGTH = 8;

/**
 * The live meetings of this server, each with its runtime, and the access to them: codes that
 * admit a role, tokens that prove it afterwards.
 */
export class MeetingRegistry {
  private readonly meetings = new Map<string, MeetingRuntime>();
  /**
   * Sign-outs and code rotations stored so far: a token check that read the store while one was
   * being stored reads again (see `authenticate`).
   */
  private revocations = 0;
  /** Set by `close`: settles once every meeting is closed. */
  private closing: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly publish: PublishState,
    private readonly log: FastifyBaseLogger,
    /** The server's clock, which every meeting reads too. */
    readonly clock: ServerClock,
    /** What follows the meetings' changes besides their sockets (the room's outputs). */
    private readonly observer: ChangeObserver | null = null,
  ) {}

  /** Brings every stored meeting back, as it was when the server stopped. */
  async openAll(): Promise<void> {
    for (const meeting of await this.store.meetings.all()) await this.open(meeting);
  }

  /** A stored meeting's runtime: its engine restored, its state published from now on. */
  private async open(meeting: StoredMeeting): Promise<MeetingRuntime> {
    const runtime = await MeetingRuntime.open(
      meeting,
      this.store,
      this.publish,
      this.log,
      this.clock,
      this.observer,
    );
    this.meetings.set(meeting.id, runtime);
    return runtime;
  }

  get size(): number {
    return this.meetings.size;
  }

  get(meetingId: string): MeetingRuntime | undefined {
    return this.meetings.get(meetingId);
  }

  list(): MeetingSummary[] {
    return [...this.meetings.values()].map((m) => ({ meetingId: m.meetingId, title: m.title }));
  }

  /** A new meeting, with a code for each role and each delegation, none used anywhere else. */
  async create(
    agenda: Agenda,
    roster: Roster,
    groups: Groups = [],
    now = this.clock.now(),
  ): Promise<{ meetingId: string; codes: MeetingCodes }> {
    const meetingId = await this.newMeetingId();
    const taken = new Set<string>();
    const code = (): Promise<string> => this.newCode(taken);
    const roles: Role[] = ['chair', 'moderator', 'display'];
    const codes: AccessCode[] = [];
    for (const role of roles) codes.push({ meetingId, role, code: await code() });
    for (const d of roster) {
      codes.push({ meetingId, role: 'delegate', delegationId: d.id, code: await code() });
    }
    const meeting = { id: meetingId, title: agenda.title, agenda, roster, groups, createdAt: now };
    await this.store.meetings.create(meeting, codes);
    await this.open(meeting);
    this.log.info(
      { meetingId, delegations: roster.length, groups: groups.length },
      'meeting created',
    );
    return { meetingId, codes: codesByRole(codes) };
  }

  async codes(meetingId: string): Promise<MeetingCodes> {
    return codesByRole(await this.store.access.codesOf(meetingId));
  }

  /**
   * Exchanges an access code for a new token bound to the code's role (and delegation) in this
   * meeting. Null when the code does not open this meeting.
   */
  async join(
    meetingId: string,
    typed: string,
    now = this.clock.now(),
  ): Promise<JoinResponse | null> {
    const code = canonicalCode(typed);
    const found = code === null ? undefined : await this.store.access.findCode(meetingId, code);
    if (!found) return null;
    const { meetingId: _, ...joined } = await this.issueToken(found, now);
    return joined;
  }

  /**
   * A code alone (contract version 2): codes are unique across the server, so the code names
   * its meeting. Null when no live meeting has that code.
   */
  async joinByCode(typed: string, now = this.clock.now()): Promise<JoinByCodeResponse | null> {
    const code = canonicalCode(typed);
    const found = code === null ? undefined : await this.store.access.findCodeAnywhere(code);
    if (!found || !this.meetings.has(found.meetingId)) return null;
    return this.issueToken(found, now);
  }

  /** A new token for the holder of a code, stored as its hash. */
  private async issueToken(found: AccessCode, now: number): Promise<JoinByCodeResponse> {
    const token = newToken();
    const holder = {
      role: found.role,
      ...(found.delegationId !== undefined && { delegationId: found.delegationId }),
    };
    await this.store.access.insertToken(
      tokenHash(token),
      { meetingId: found.meetingId, ...holder },
      now,
    );
    return { meetingId: found.meetingId, token, ...holder };
  }

  /**
   * Who a token admits, and to which meeting; null if it is unknown or revoked.
   *
   * A sign-out stores the revocation, then closes the holder's sockets. A check that read the
   * token before the revocation was stored, and answers after the sockets were closed, would
   * let a revoked token in: so a check during which a revocation was stored reads again, and
   * the one that answers read after it (revocations are rare: any of them will do).
   */
  async authenticate(token: string): Promise<IssuedToken | null> {
    if (token.length === 0 || token.length > 256) return null;
    const hash = tokenHash(token);
    for (;;) {
      const before = this.revocations;
      const issued = await this.store.access.findToken(hash);
      if (this.revocations !== before) continue;
      return issued && this.meetings.has(issued.meetingId) ? issued : null;
    }
  }

  /** Whether this server ever issued the token (it may be revoked since): not a guess. */
  async issuedOnce(token: string): Promise<boolean> {
    return (
      token.length > 0 &&
      token.length <= 256 &&
      (await this.store.access.tokenKnown(tokenHash(token)))
    );
  }

  /**
   * Revokes every token of one holder (a role, or one delegation) and writes the audit line.
   * The caller closes their sockets. Answers how many tokens were revoked.
   */
  async signOut(
    meetingId: string,
    holder: TokenHolder,
    actor: AuditEntry['actor'],
    now = this.clock.now(),
  ): Promise<number> {
    const revoked = await this.store.access.signOut(meetingId, holder, {
      at: now,
      actor,
      action: 'delegation.sign-out',
      ...holder,
      revokedTokens: 0,
    });
    this.revocations++;
    this.log.info({ meetingId, ...holder, actor, revoked }, 'devices signed out');
    return revoked;
  }

  /**
   * A new code for one holder (a role, or one delegation): the old code stops joining and every
   * token it gave is revoked, at once and durably. With `reissue`, a new token of that holder
   * is made in the same transaction (a chair who rotates the chair code stays in).
   */
  async rotateCode(
    meetingId: string,
    holder: TokenHolder,
    actor: AuditEntry['actor'],
    options: { reissue?: boolean; now?: number } = {},
  ): Promise<{ code: string; revokedTokens: number; token?: string }> {
    const now = options.now ?? this.clock.now();
    const code = await this.newCode(new Set());
    const token = options.reissue ? newToken() : undefined;
    const revokedTokens = await this.store.access.rotateCode(
      meetingId,
      holder,
      code,
      { at: now, actor, action: 'code.rotate', ...holder, revokedTokens: 0 },
      token === undefined ? undefined : { hash: tokenHash(token) },
    );
    this.revocations++;
    this.log.info({ meetingId, ...holder, actor, revoked: revokedTokens }, 'code rotated');
    return { code, revokedTokens, ...(token !== undefined && { token }) };
  }

  tokenCounts(meetingId: string): Promise<TokenCount[]> {
    return this.store.access.tokenCounts(meetingId);
  }

  audit(meetingId: string): Promise<AuditEntry[]> {
    return this.store.access.audit(meetingId);
  }

  /**
   * Closes every meeting (timers stopped, snapshots kept); settles once each has stored or
   * answered every command it had taken, so the store may close then.
   */
  close(): Promise<void> {
    this.closing ??= Promise.all(
      [...this.meetings.values()].map((runtime) => runtime.close()),
    ).then(() => undefined);
    return this.closing;
  }

  /** A code used nowhere on this server (nor in `taken`), and now taken. */
  private async newCode(taken: Set<string>): Promise<string> {
    for (;;) {
      const candidate = newAccessCode();
      if (!taken.has(candidate) && !(await this.store.access.codeExists(candidate))) {
        taken.add(candidate);
        return candidate;
      }
    }
  }

  private async newMeetingId(): Promise<string> {
    for (;;) {
      let id = '';
      for (let i = 0; i < MEETING_ID_LENGTH; i++) {
        id += CROCKFORD_ALPHABET[randomInt(CROCKFORD_ALPHABET.length)];
      }
      id = id.toLowerCase();
      if (!this.meetings.has(id) && !(await this.store.meetings.exists(id))) return id;
    }
  }
}

const codesByRole = (codes: readonly AccessCode[]): MeetingCodes => {
  const of = (role: Role) => codes.find((c) => c.role === role)?.code ?? '';
  const delegations: Record<string, string> = {};
  for (const c of codes) {
    if (c.role === 'delegate' && c.delegationId !== undefined) delegations[c.delegationId] = c.code;
  }
  return { chair: of('chair'), moderator: of('moderator'), display: of('display'), delegations };
};
