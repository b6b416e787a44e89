import type { AuditEntry } from '../../shared/protocol/access';
import type { Role } from '../../shared/protocol/common';
import type { AccessCode, IssuedToken, TokenCount, TokenHolder } from './access';
import type { LoggedCommand } from './commandLog';
import type { DealtPhase, StoredHook } from './hooks';
import type { StoredMeeting } from './meetings';
import type { MeetingRecord } from './records';
import type { StoredSnapshot, UnreadableSnapshot } from './snapshots';

// The data the store keeps, as every implementation hands it over.
export type { AccessCode, IssuedToken, TokenCount, TokenHolder } from './access';
export type { CommandSource, LoggedCommand } from './commandLog';
export type { DealtPhase, StoredHook } from './hooks';
export type { StoredMeeting } from './meetings';
export type { MeetingRecord } from './records';
export type { StoredSnapshot, UnreadableSnapshot } from './snapshots';

/**
 * What the server keeps, whatever keeps it (issue 16: SQLite in one process, PostgreSQL under
 * several). Every method answers a promise: a database over the network answers later, and the
 * server must not wait for it with the event loop held. A method that writes answers once what
 * it wrote is durable, and rejects when it could not write: then nothing of it was written (one
 * transaction each). Reads answer rows already checked against their schemas.
 *
 * The steps of a transaction (a command's log line, its records, a meeting's codes) are not
 * here: they are written only inside the transaction that needs them, `commitCommand` and
 * `meetings.create`.
 */
export interface Store {
  readonly meetings: StoreMeetings;
  /** Who may come in: codes, tokens, and the audit of sign-outs and code rotations. */
  readonly access: StoreAccess;
  readonly log: StoreCommandLog;
  readonly snapshots: StoreSnapshots;
  readonly records: StoreRecords;
  /** The room's outputs: webhooks, and the clock phase they last dealt with. */
  readonly hooks: StoreHooks;
  /** Which node writes each meeting (issue 16: one writer per meeting, docs/many-nodes.md). */
  readonly leases: StoreLeases;

  /**
   * Stores one accepted command with the records it made, and the snapshot when one is due, in
   * one transaction. Rejects if the command could not be stored: then none of it is.
   */
  commitCommand(
    meetingId: string,
    entry: LoggedCommand,
    records: MeetingRecord,
    options?: CommitOptions,
  ): Promise<void>;

  /**
   * Moves the commands from `version` on into the diverged commands and drops the snapshots at
   * or after it (they stood on those commands), in one transaction. Answers how many moved.
   */
  moveAsideFrom(meetingId: string, version: number, at?: number): Promise<number>;

  /** Lets go of the database; what was answered before is kept. Closing twice does nothing. */
  close(): Promise<void>;

  /** Whether it still takes reads and writes (false once closed). */
  readonly isOpen: boolean;
}

/** What goes with a command's commit besides the command. */
export interface CommitOptions {
  /** The engine's state at the command's version, when a snapshot is due. */
  snapshot?: SnapshotToSave;
  /**
   * The lease the committing node holds on the meeting (issue 16). The commit renews it first,
   * in its own transaction, and rejects with `LeaseLost` (storing nothing) when it is no longer
   * this node's: a node that lost its lease can never store, nor then acknowledge, a change.
   */
  lease?: LeaseCommit;
}

/** A lease as a commit checks it: the node's, at the epoch it claimed. */
export interface LeaseCommit {
  nodeId: string;
  epoch: number;
  /** How long the renewal made by the commit lasts, in milliseconds. */
  ttlMs: number;
}

/** A lease held on a meeting: by which node, at which epoch, until when (the database's clock). */
export interface Lease {
  meetingId: string;
  nodeId: string;
  /** One more at each claim of the meeting: a holder of an older epoch has lost it. */
  epoch: number;
  /** Milliseconds since the epoch on the database's clock, never a node's. */
  expiresAt: number;
}

/**
 * A commit or a renewal refused because the lease is no longer this node's (it expired, and
 * another node took the meeting): nothing was stored, and the node must stop serving the meeting.
 */
export class LeaseLost extends Error {
  override readonly name = 'LeaseLost';
  constructor(
    readonly meetingId: string,
    readonly nodeId: string,
    readonly epoch: number,
  ) {
    super(`The lease of ${nodeId} on meeting ${meetingId} (epoch ${epoch}) is lost.`);
  }
}

/**
 * One writer per meeting (issue 16, docs/many-nodes.md "Leases"): a node writes a meeting's
 * commands only while it holds its lease. Every instant here is the database's clock, so nodes
 * whose clocks disagree still agree on who holds what. A store that one process owns alone
 * (SQLite) grants every claim and renewal.
 */
export interface StoreLeases {
  /**
   * Takes the meeting for `nodeId` for `ttlMs` when nobody holds a live lease on it (never
   * claimed, expired or released): answers the lease (its epoch one more than the last), or
   * undefined when another holds it (or this node already does: it renews instead).
   */
  claim(meetingId: string, nodeId: string, ttlMs: number): Promise<Lease | undefined>;
  /**
   * Extends a live lease of this node at this epoch by `ttlMs` from now; answers the lease, or
   * undefined when it is lost (expired, or taken since).
   */
  renew(
    meetingId: string,
    nodeId: string,
    epoch: number,
    ttlMs: number,
  ): Promise<Lease | undefined>;
  /** Lets the meeting go at once (another may claim it now). Whether this node held it. */
  release(meetingId: string, nodeId: string, epoch: number): Promise<boolean>;
  /** The live lease on a meeting, undefined when nobody holds one. */
  holder(meetingId: string): Promise<Lease | undefined>;
  /** The meetings nobody holds a live lease on, oldest first: those a node may claim. */
  unclaimed(): Promise<string[]>;
}

/** The engine's state to keep with a command, in the format the engine wrote it. */
export interface SnapshotToSave {
  state: unknown;
  formatVersion: number;
}

/** The meetings of this server, each with the agenda and roster it was made with. */
export interface StoreMeetings {
  /** A new meeting and its codes, in one transaction: a meeting is never there without them. */
  create(meeting: StoredMeeting, codes: readonly AccessCode[]): Promise<void>;
  /**
   * The same, only if the store holds no meeting at all: the default meeting of an empty
   * database, made once however many nodes start on it at the same moment. Whether it made it.
   */
  createFirst(meeting: StoredMeeting, codes: readonly AccessCode[]): Promise<boolean>;
  /** Every meeting, oldest first. */
  all(): Promise<StoredMeeting[]>;
  exists(meetingId: string): Promise<boolean>;
}

/**
 * Who may come in: the access codes of each meeting (kept in clear: the operator hands them out
 * again), the tokens they gave (only their sha256), and the audit of sign-outs and rotations.
 */
export interface StoreAccess {
  /** Whether any meeting has this code: codes are unique across the server. */
  codeExists(code: string): Promise<boolean>;
  /** A meeting's codes, in the order they were made. */
  codesOf(meetingId: string): Promise<AccessCode[]>;
  findCode(meetingId: string, code: string): Promise<AccessCode | undefined>;
  /** The meeting, role and delegation a code opens, whichever meeting it is of. */
  findCodeAnywhere(code: string): Promise<AccessCode | undefined>;
  insertToken(hash: string, token: IssuedToken, createdAt: number): Promise<void>;
  /** The holder of a token that is still valid; undefined if unknown or revoked. */
  findToken(hash: string): Promise<IssuedToken | undefined>;
  /** Whether a token was ever issued here, revoked or not (a revoked one is no guess). */
  tokenKnown(hash: string): Promise<boolean>;
  /** How many tokens each role and delegation of a meeting holds, valid and revoked. */
  tokenCounts(meetingId: string): Promise<TokenCount[]>;
  /** Revokes a meeting's tokens, all of them or those of one role (and delegation). */
  revokeTokens(
    meetingId: string,
    filter?: { role?: Role; delegationId?: string },
    at?: number,
  ): Promise<number>;
  /**
   * Signs out every device of one holder: revokes its tokens and writes the audit line, in one
   * transaction. Answers how many tokens it revoked.
   */
  signOut(meetingId: string, holder: TokenHolder, entry: AuditEntry): Promise<number>;
  /**
   * Replaces the code of one holder and revokes its tokens, with the audit line and (for a chair
   * who rotates the chair code) the caller's new token, in one transaction: all of it or none.
   * Rejects if the holder has no code. Answers how many tokens it revoked.
   */
  rotateCode(
    meetingId: string,
    holder: TokenHolder,
    code: string,
    entry: AuditEntry,
    newToken?: { hash: string },
  ): Promise<number>;
  /** The sign-outs and rotations of a meeting, oldest first. */
  audit(meetingId: string): Promise<AuditEntry[]>;
}

/**
 * Every accepted command of each meeting, in version order: the audit trail, and what a restart
 * replays after the latest snapshot. Written by `Store.commitCommand` only.
 */
export interface StoreCommandLog {
  /**
   * The commands logged after `version`, in order. A row that no longer reads ends the list:
   * `unreadableFrom` is its version.
   */
  after(meetingId: string, version: number): Promise<CommandsAfter>;
  /**
   * The command logged in the meeting with this command id (issue 16: a command sent again is
   * answered with its first answer), undefined when none is, or when its row does not read.
   */
  withCommandId(meetingId: string, commandId: string): Promise<LoggedCommand | undefined>;
}

export interface CommandsAfter {
  entries: LoggedCommand[];
  unreadableFrom?: number;
}

/** The engine's state every so often, so a restart replays only the commands after it. */
export interface StoreSnapshots {
  /**
   * Stores the engine's `state` at `version` and prunes the older ones (the latest
   * `SNAPSHOTS_KEPT` stay), in one transaction. `state` must be JSON.
   */
  save(
    meetingId: string,
    version: number,
    state: unknown,
    formatVersion: number,
    savedAt?: number,
  ): Promise<void>;
  /**
   * The latest snapshot (below `version`, when given), undefined if there is none; one that is
   * not a snapshot comes back as `unreadable`, with its version and why.
   */
  latest(
    meetingId: string,
    below?: number,
  ): Promise<StoredSnapshot | UnreadableSnapshot | undefined>;
  /** The versions of the snapshots a meeting has stored, oldest first. */
  versions(meetingId: string): Promise<number[]>;
}

/** The meeting's record: turns, requests and steps, written by `Store.commitCommand` only. */
export interface StoreRecords {
  /** The whole record of a meeting, in the order it was made. */
  of(meetingId: string): Promise<MeetingRecord>;
}

/** The room's outputs that survive restarts: webhooks, and the phase last dealt with. */
export interface StoreHooks {
  add(hook: StoredHook): Promise<void>;
  /** Whether there was such a hook of that meeting (it is gone now). */
  remove(meetingId: string, hookId: string): Promise<boolean>;
  /** Every hook of every meeting, oldest first. */
  all(): Promise<StoredHook[]>;
  phase(meetingId: string): Promise<DealtPhase | undefined>;
  savePhase(meetingId: string, dealt: DealtPhase, at: number): Promise<void>;
}
