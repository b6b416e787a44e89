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
 * How this node shares meetings with others on one database (issue 16, docs/many-nodes.md
 * "Leases"): it serves only the meetings it holds the lease of.
 */
export interface LeaseSettings {
  /** This node's name in the leases, unique among the nodes (a new one at each start). */
  nodeId: string;
  /** How long a claim or renewal lasts (LEASE_TTL_MS): a dead node's meetings wait this long. */
  ttlMs: number;
  /** Whether this node's clock is good enough to claim meetings now (ClusterClock.canClaim). */
  canClaim: () => boolean;
}

/** A lease this node holds: its epoch, and when (on this node's monotonic clock) it last held. */
interface Held {
  epoch: number;
  /** `performance.now()` when the last renewal was asked: the lease lasts ttl from before then. */
  renewedAt: number;
}

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
  /** The leases of the meetings this node serves (with `leases` only). */
  private readonly held = new Map<string, Held>();
  /** Set by `servesThroughOthers`: the other nodes' meetings are reached through them. */
  private reachesOthers = false;
  private scanTimer: NodeJS.Timeout | null = null;
  private renewTimer: NodeJS.Timeout | null = null;
  /** A scan or a renewal round under way: the next tick waits for the next interval. */
  private scanning = false;
  private renewing = false;

  constructor(
    private readonly store: Store,
    private readonly publish: PublishState,
    private readonly log: FastifyBaseLogger,
    /** The server's clock, which every meeting reads too. */
    readonly clock: ServerClock,
    /** What follows the meetings' changes besides their sockets (the room's outputs). */
    private readonly observer: ChangeObserver | null = null,
    /** Set with DATABASE_URL: the meetings are shared with other nodes, one writer each. */
    private readonly leases: LeaseSettings | null = null,
  ) {}

  /**
   * Brings every stored meeting back, as it was when the server stopped. With leases, only
   * those nobody holds, claimed first; then a scan every `ttl / 2` takes the ones whose owner
   * died, and every `ttl / 3` this node renews the leases it holds.
   */
  async openAll(): Promise<void> {
    if (!this.leases) {
      for (const meeting of await this.store.meetings.all()) await this.open(meeting);
      return;
    }
    await this.claimFree();
    const { ttlMs } = this.leases;
    this.scanTimer = setInterval(() => void this.scan(), Math.max(1, ttlMs / 2));
    this.renewTimer = setInterval(() => void this.renewAll(), Math.max(1, ttlMs / 3));
    this.scanTimer.unref();
    this.renewTimer.unref();
  }

  /** Claims and opens every meeting nobody holds a live lease on, when the clock allows. */
  private async claimFree(): Promise<void> {
    if (!this.leases?.canClaim() || this.closing) return;
    const free = (await this.store.leases.unclaimed()).filter((id) => !this.meetings.has(id));
    if (free.length === 0) return;
    const meetings = new Map((await this.store.meetings.all()).map((m) => [m.id, m]));
    for (const id of free) {
      const meeting = meetings.get(id);
      if (meeting && !this.closing) await this.claimAndOpen(meeting);
    }
  }

  /** One meeting, claimed and (if this node won it) opened under its lease. */
  private async claimAndOpen(meeting: StoredMeeting): Promise<void> {
    if (!this.leases) return;
    const { nodeId, ttlMs } = this.leases;
    const asked = performance.now();
    const lease = await this.store.leases.claim(meeting.id, nodeId, ttlMs);
    if (!lease) return;
    this.held.set(meeting.id, { epoch: lease.epoch, renewedAt: asked });
    try {
      const runtime = await this.open(meeting);
      if (this.closing) {
        // The server began to stop while this meeting opened: `close` did not see it, so it is
        // closed and handed back here.
        this.meetings.delete(meeting.id);
        this.held.delete(meeting.id);
        await runtime.close();
        await this.store.leases.release(meeting.id, nodeId, lease.epoch).catch(() => false);
        return;
      }
      runtime.holdLease({ nodeId, epoch: lease.epoch, ttlMs }, () => this.letGo(meeting.id));
      runtime.announce();
      this.log.info({ meetingId: meeting.id, epoch: lease.epoch }, 'meeting claimed');
    } catch (error) {
      this.held.delete(meeting.id);
      this.log.error({ err: error, meetingId: meeting.id }, 'could not open a claimed meeting');
      await this.store.leases.release(meeting.id, nodeId, lease.epoch).catch(() => false);
    }
  }

  private async scan(): Promise<void> {
    if (this.scanning) return;
    this.scanning = true;
    try {
      await this.claimFree();
    } catch (error) {
      this.log.warn({ err: error }, 'could not scan for meetings to claim');
    } finally {
      this.scanning = false;
    }
  }

  /**
   * Renews every lease this node holds. One found lost is let go; one that cannot be renewed
   * (the database out of reach) is let go once it may have expired, whoever took it since.
   */
  private async renewAll(): Promise<void> {
    if (!this.leases || this.renewing) return;
    this.renewing = true;
    const { nodeId, ttlMs } = this.leases;
    try {
      await Promise.all(
        [...this.held].map(async ([meetingId, held]) => {
          const asked = performance.now();
          try {
            const renewed = await this.store.leases.renew(meetingId, nodeId, held.epoch, ttlMs);
            if (renewed) held.renewedAt = asked;
            else this.letGo(meetingId);
          } catch (error) {
            this.log.warn({ err: error, meetingId }, 'could not renew a lease');
            if (performance.now() - held.renewedAt >= ttlMs) this.letGo(meetingId);
          }
        }),
      );
    } finally {
      this.renewing = false;
    }
  }

  /** Stops serving a meeting whose lease is lost: its runtime closes without writing. */
  private letGo(meetingId: string): void {
    const runtime = this.meetings.get(meetingId);
    if (!this.held.delete(meetingId) || !runtime) return;
    this.meetings.delete(meetingId);
    this.log.warn({ meetingId }, 'lease lost: the meeting is let go');
    void runtime.relinquish();
  }

  /** Whether this node serves the meeting now (with leases: holds its lease). */
  serves(meetingId: string): boolean {
    return this.meetings.has(meetingId);
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

  /**
   * Whether the meeting exists: one this node serves, or (sharing the store with other nodes)
   * one in the store, which another node holds or will take.
   */
  async known(meetingId: string): Promise<boolean> {
    if (this.meetings.has(meetingId)) return true;
    return this.reachesOthers && (await this.store.meetings.exists(meetingId));
  }

  /**
   * From now on, the meetings other nodes hold are served here too, through them (the cluster's
   * bus, server/cluster/bus.ts): their tokens are taken, and they are listed. Without it, a node
   * sharing the database serves only the meetings it holds.
   */
  servesThroughOthers(): void {
    if (this.leases) this.reachesOthers = true;
  }

  /** A meeting's roster: its runtime's, or the store's for one another node holds. */
  async rosterOf(meetingId: string): Promise<Roster> {
    const runtime = this.meetings.get(meetingId);
    if (runtime) return runtime.roster;
    return (await this.store.meetings.all()).find((m) => m.id === meetingId)?.roster ?? [];
  }

  /** Every meeting served here: this node's, and those it reaches through the others. */
  async listAll(): Promise<MeetingSummary[]> {
    if (!this.reachesOthers) return this.list();
    return (await this.store.meetings.all()).map((m) => ({ meetingId: m.id, title: m.title }));
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
    const made = await this.make(agenda, roster, groups, now, false);
    if (!made) throw new Error('unreachable: a meeting made unconditionally was not made');
    return made;
  }

  /**
   * A new meeting only if the store holds none at all (the default meeting of an empty database,
   * issue 16): made once however many nodes start on it at once. Undefined when there was one.
   */
  createFirst(
    agenda: Agenda,
    roster: Roster,
    groups: Groups = [],
    now = this.clock.now(),
  ): Promise<{ meetingId: string; codes: MeetingCodes } | undefined> {
    return this.make(agenda, roster, groups, now, true);
  }

  private async make(
    agenda: Agenda,
    roster: Roster,
    groups: Groups,
    now: number,
    first: boolean,
  ): Promise<{ meetingId: string; codes: MeetingCodes } | undefined> {
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
    if (first) {
      if (!(await this.store.meetings.createFirst(meeting, codes))) return undefined;
    } else {
      await this.store.meetings.create(meeting, codes);
    }
    // With leases, a node whose clock may not claim leaves the new meeting to the next scan.
    if (!this.leases) await this.open(meeting);
    else if (this.leases.canClaim()) await this.claimAndOpen(meeting);
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
    if (!found || !(await this.known(found.meetingId))) return null;
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
      if (!issued) return null;
      return (await this.known(issued.meetingId)) ? issued : null;
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
    if (this.scanTimer) clearInterval(this.scanTimer);
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.closing ??= Promise.all(
      [...this.meetings.values()].map((runtime) => runtime.close()),
    ).then(() => this.releaseAll());
    return this.closing;
  }

  /** Hands the meetings this node held to the other nodes at once, rather than at expiry. */
  private async releaseAll(): Promise<void> {
    if (!this.leases) return;
    const { nodeId } = this.leases;
    const held = [...this.held];
    this.held.clear();
    await Promise.all(
      held.map(([meetingId, { epoch }]) =>
        this.store.leases.release(meetingId, nodeId, epoch).catch((error: unknown) => {
          // It expires by itself within the lease's time.
          this.log.warn({ err: error, meetingId }, 'could not release a lease');
          return false;
        }),
      ),
    );
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
