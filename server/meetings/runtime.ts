import { isDeepStrictEqual } from 'node:util';
import type { FastifyBaseLogger } from 'fastify';
import type { MeetingContext, QueuedRequest, Sender } from '../../shared/engine/context';
import { refused } from '../../shared/engine/refusals';
import { meetingView } from '../../shared/engine/view';
import type { Agenda, Groups, Roster } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import type { CommandAck, Refusal } from '../../shared/protocol/errors';
import type { MeetingView } from '../../shared/protocol/view';
import type { ClockTimer, ServerClock } from '../clock';
import { type ApplyResult, MeetingEngine } from '../engine/engine';
import { answerOf } from '../engine/english';
import { type LeaseCommit, LeaseLost } from '../store/api';
import type {
  CommandSource,
  LoggedCommand,
  MeetingRecord,
  Store,
  StoredMeeting,
  StoredSnapshot,
  UnreadableSnapshot,
} from '../store/store';
import { CommandQueue } from './commandQueue';
import { RefusalLog } from './refusalLog';
import { RequestCooldown } from './requestCooldown';

/** A snapshot of the engine goes with every hundredth version, so a restart replays at most 99. */
export const SNAPSHOT_EVERY = 100;

/** setTimeout's longest delay; a deadline further off is re-armed when it is reached. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** When the store cannot take the timer's `turn.end`, it tries again this much later. */
const TIMER_RETRY_MS = 1000;

/**
 * How long a stored change's state may wait for the commands behind it in the meeting's queue,
 * so that one state carries several commands. Bounded by time, not by a number of commands:
 * what a screen feels is the delay, and a count would let a slow store (a commit of 100 ms) hold
 * a state for that count of commits. 10 ms is less than a frame of a screen at 60 Hz, and,
 * against PostgreSQL's commit of 1-1.5 ms, lets one state carry several commands.
 * Only the state waits: a command's ack follows its commit at once.
 */
export const BROADCAST_WAIT_MS = 10;

/**
 * Where a meeting's new state goes, whole: every socket of its room, on every node
 * (server/realtime/roomStates.ts, which leaves the agenda out when the room has it).
 */
export type PublishState = (meetingId: string, view: MeetingView) => void;

/**
 * What follows a meeting's changes besides its sockets: the room's outputs (webhooks, OSC,
 * server/outputs/). It is handed the meeting after each accepted command, after the command is
 * stored and before its ack, so it must only take note and do its work later.
 */
export interface ChangeObserver {
  /** Whether anything follows this meeting now: when nothing does, no view is made for it. */
  follows(meetingId: string): boolean;
  /** The meeting as it opened (restored on start, or new), when something follows it. */
  opened(view: MeetingView): Promise<void>;
  /** The meeting just after an accepted and stored command, at the command's instant. */
  changed(view: MeetingView, at: number): void;
}

/** The answer when the store could not keep a change: the meeting is put back as it was. */
export const UNAVAILABLE: CommandAck = {
  ok: false,
  error: answerOf(refused('unavailable', 'refusal.not-stored')),
};

/**
 * The answer when a commit failed and the log could not be read to tell whether it was stored
 * (issue 16): the meeting is let go, for the next holder to replay; the words do not say it
 * failed.
 */
export const IN_DOUBT: CommandAck = {
  ok: false,
  error: answerOf(refused('unavailable', 'refusal.changing-hands')),
};

/** The answer to a command that arrives while the server stops. */
export const CLOSING: CommandAck = {
  ok: false,
  error: answerOf(refused('unavailable', 'refusal.shutting-down')),
};

/** The meeting at one version: what the room sees, the record kept so far, who waits. */
export interface RecordedMeeting {
  view: MeetingView;
  record: MeetingRecord;
  /** The requests waiting, in order, with what the room does not see (for the record). */
  waiting: readonly QueuedRequest[];
}

/**
 * One live meeting: its engine, its place in the store, and its broadcast. Every change goes
 * through `execute`, which stores it before it is acknowledged or shown to anyone.
 *
 * The store answers later than the engine (PostgreSQL over a network), so the commands of a
 * meeting wait in its queue (`CommandQueue`): each is applied, stored, shown and answered before
 * the next is applied. While a command waits for its commit the engine holds a change nobody may
 * see yet: everything read from outside (the view, the agenda, the waiting requests, the state
 * broadcast) comes from `committed`, the engine's context as of the last stored command.
 */
export class MeetingRuntime {
  readonly meetingId: string;
  readonly roster: Roster;
  /** The meeting's groups (contract version 2): who may speak on behalf of whom. */
  readonly groups: Groups;
  private engine: MeetingEngine;
  /** The engine's context at the last stored command: what anyone outside may see. */
  private committed: Readonly<MeetingContext>;
  /** The commands (and the end-at-limit timer's `turn.end`), one at a time, in arrival order. */
  private readonly commands = new CommandQueue();
  /** The last state sent to the room; a socket that joins gets it (and then every later one). */
  private published: MeetingView;
  private flush: NodeJS.Immediate | null = null;
  /** When the oldest stored change not yet broadcast was stored (`performance.now()`), if any. */
  private unpublishedSince: number | null = null;
  /**
   * The state's wait for the commands behind it (see `BROADCAST_WAIT_MS`): its bound, a timer of
   * the process (not the meeting's clock: it is about sockets, and a test's stopped clock must
   * not hold a state back).
   */
  private waitingBehind: { bound: NodeJS.Timeout } | null = null;
  private deadlineTimer: ClockTimer | null = null;
  private snapshotVersion: number;
  /** How many logged commands the last open replayed after its snapshot. */
  private replayedOnOpen = 0;
  /** The instant of the last accepted command, so the log's instants never go back. */
  private lastAt = 0;
  private closed = false;
  /** Set by `close`: settles once the queue has drained and the closing snapshot is kept. */
  private closing: Promise<void> | null = null;
  /** Refusals are logged on a budget, so a flood of them cannot fill the disk. */
  private readonly refusals: RefusalLog;
  private readonly cooldown = new RequestCooldown();
  /**
   * The lease this node holds on the meeting (issue 16), checked inside every commit; none where
   * one process owns the store (SQLite).
   */
  private lease: { commit: LeaseCommit; lost: () => void } | null = null;
  /** Set once the lease is another node's: nothing more is written, not even a closing snapshot. */
  private leaseGone = false;

  private constructor(
    meeting: StoredMeeting,
    engine: MeetingEngine,
    snapshotVersion: number,
    private readonly store: Store,
    private readonly publish: PublishState,
    private readonly log: FastifyBaseLogger,
    /** The server's clock: every instant of this meeting, and its end-at-limit timer. */
    readonly clock: ServerClock,
    private readonly observer: ChangeObserver | null,
  ) {
    this.meetingId = meeting.id;
    this.roster = meeting.roster;
    this.groups = meeting.groups;
    this.engine = engine;
    this.committed = engine.context;
    this.snapshotVersion = snapshotVersion;
    this.published = engine.view(clock.now());
    this.refusals = new RefusalLog(log, clock);
  }

  /**
   * Brings a stored meeting back: its latest snapshot (or a new engine at version 0), then the
   * commands logged after it, applied again with their own instants and senders. A command that
   * does not give the version it gave the first time stops the replay: it and those after it
   * are moved aside (kept in `diverged_commands`), and the meeting goes on from there.
   */
  static async open(
    meeting: StoredMeeting,
    store: Store,
    publish: PublishState,
    log: FastifyBaseLogger,
    clock: ServerClock,
    observer: ChangeObserver | null = null,
  ): Promise<MeetingRuntime> {
    const meetingLog = log.child({ meetingId: meeting.id });
    let engine = await MeetingRuntime.fromSnapshot(meeting, store, meetingLog);
    const snapshotVersion = engine.version;
    const { entries, unreadableFrom } = await store.log.after(meeting.id, engine.version);
    let lastAt = 0;
    let divergedAt = unreadableFrom;
    for (const entry of entries) {
      if (divergedAt !== undefined && entry.version >= divergedAt) break;
      let result: ApplyResult;
      try {
        result = engine.apply(entry.command, entry.sender, entry.at);
      } catch (error) {
        result = { ok: false, error: { code: 'unavailable', message: String(error) } };
      }
      if (!result.ok || result.version !== entry.version) {
        meetingLog.error(
          {
            version: entry.version,
            type: entry.command.type,
            replayed: result.ok ? result.version : result.error,
          },
          'REPLAY DIVERGED: the logged command does not give the version it gave; the log from here on is moved aside to diverged_commands',
        );
        divergedAt = entry.version;
        break;
      }
      lastAt = entry.at;
    }
    if (divergedAt !== undefined) {
      if (unreadableFrom !== undefined && divergedAt === unreadableFrom) {
        meetingLog.error(
          { version: unreadableFrom },
          'REPLAY STOPPED: an unreadable logged command',
        );
      }
      // The engine may have failed half-way on the bad command: take it back to the last good one.
      engine = MeetingEngine.restore(engine.snapshot(), meeting.roster, meeting.groups);
      const moved = await store.moveAsideFrom(meeting.id, divergedAt, clock.now());
      meetingLog.error({ moved, version: engine.version }, 'the meeting goes on from here');
    }
    const runtime = new MeetingRuntime(
      meeting,
      engine,
      snapshotVersion,
      store,
      publish,
      meetingLog,
      clock,
      observer,
    );
    runtime.lastAt = lastAt;
    runtime.replayedOnOpen = engine.version - snapshotVersion;
    if (engine.version > snapshotVersion) await runtime.saveSnapshot();
    meetingLog.info(
      { version: engine.version, replayed: engine.version - snapshotVersion },
      'meeting restored',
    );
    runtime.armDeadline();
    try {
      if (observer?.follows(meeting.id)) await observer.opened(runtime.view());
    } catch (error) {
      // The outputs are the room's extras: the meeting opens without them rather than not at all.
      meetingLog.error({ err: error }, 'could not open the outputs of this meeting');
    }
    return runtime;
  }

  // Snapshots: the store keeps the latest two; the newest that restores is taken (#12, point 5).

  /** The engine from the newest stored snapshot that restores, or a new one at version 0. */
  private static async fromSnapshot(
    meeting: StoredMeeting,
    store: Store,
    log: FastifyBaseLogger,
  ): Promise<MeetingEngine> {
    let below: number | undefined;
    for (;;) {
      let stored: StoredSnapshot | UnreadableSnapshot | undefined;
      try {
        stored = await store.snapshots.latest(meeting.id, below);
      } catch (error) {
        log.error({ err: error }, 'unreadable snapshots: replaying the whole log');
        break;
      }
      if (!stored) break;
      // Each try is older than the last: the loop ends when the stored ones do.
      below = stored.version;
      const engine = MeetingRuntime.restoreSnapshot(stored, meeting, log);
      if (engine) return engine;
    }
    return MeetingEngine.create({
      meetingId: meeting.id,
      agenda: meeting.agenda,
      roster: meeting.roster,
      groups: meeting.groups,
    });
  }

  /** One stored snapshot as an engine, or undefined (and why, in the log) if it is not one. */
  private static restoreSnapshot(
    stored: StoredSnapshot | UnreadableSnapshot,
    meeting: StoredMeeting,
    log: FastifyBaseLogger,
  ): MeetingEngine | undefined {
    const context = { snapshotVersion: stored.version };
    if ('unreadable' in stored) {
      log.error(
        { ...context, reason: stored.unreadable },
        'unreadable snapshot: trying an older one, or the whole log',
      );
      return undefined;
    }
    try {
      // The store checked the document around it; the engine checks (and migrates) the state:
      // a format it does not know, or a state its schema refuses, throws and is logged below.
      const engine = MeetingEngine.restore(stored, meeting.roster, meeting.groups);
      if (engine.version === stored.version) return engine;
      log.error(
        { ...context, restored: engine.version },
        'snapshot version mismatch: trying an older one, or the whole log',
      );
    } catch (error) {
      log.error(
        { ...context, err: error },
        'snapshot does not restore: trying an older one, or the whole log',
      );
    }
    return undefined;
  }

  /** How many logged commands the last open replayed after the snapshot it restored. */
  get replayed(): number {
    return this.replayedOnOpen;
  }

  /** The version of the last stored command. */
  get version(): number {
    return this.committed.version;
  }

  /** The agenda as it stands (the chair may edit it). */
  get agenda(): Agenda {
    return this.committed.agenda;
  }

  /**
   * From now on every commit checks (and renews) this lease in its transaction. A commit that
   * finds it lost is answered `unavailable` and calls `lost` once: the caller lets the meeting go.
   */
  holdLease(commit: LeaseCommit, lost: () => void): void {
    this.lease = { commit, lost };
  }

  /**
   * Stops serving the meeting because its lease is lost (another node writes it now): as
   * `close`, but nothing more is written, not even the closing snapshot.
   */
  relinquish(): Promise<void> {
    this.leaseGone = true;
    return this.close();
  }

  /**
   * This node writes the meeting no more (its lease is lost, or what it stored is in doubt):
   * nothing more is stored, and the registry is told to let the meeting go.
   */
  private stopWriting(): void {
    this.leaseGone = true;
    const lost = this.lease?.lost;
    this.lease = null;
    lost?.();
  }

  /** The meeting's title as it stands (the chair may edit the agenda). */
  get title(): string {
    return this.committed.agenda.title;
  }

  /**
   * Applies a command from a sender, after the commands that came before it: a refusal is
   * answered and changes nothing; an accepted command is stored in one transaction before the
   * answer, then broadcast. If it cannot be stored the engine goes back to where it was and the
   * answer is `unavailable`. Its instant is `at`, by default the moment it arrives: a command that
   * waits its turn in the queue acts as of when it was sent, not when the store was free.
   */
  execute(
    command: Command,
    sender: Sender,
    source: CommandSource,
    at = this.clock.now(),
  ): Promise<CommandAck> {
    if (this.closed) return Promise.resolve(CLOSING);
    return this.commands.run(() => this.apply(command, sender, source, at));
  }

  /** One command, in the queue: the engine, the store, then the room and the answer. */
  private async apply(
    command: Command,
    sender: Sender,
    source: CommandSource,
    at: number,
  ): Promise<CommandAck> {
    // The server began stopping while it waited.
    if (this.closed) return CLOSING;
    if (command.commandId !== undefined) {
      // Sent again (no answer reached its sender): the first answer, nothing applied twice.
      let logged: LoggedCommand | undefined;
      try {
        logged = await this.store.log.withCommandId(this.meetingId, command.commandId);
      } catch (error) {
        this.log.error({ err: error, type: command.type }, 'could not look up a command id');
        return UNAVAILABLE;
      }
      if (logged) return { ok: true, version: logged.version };
    }
    const now = Math.max(at, this.lastAt);
    const tooSoon =
      command.type === 'floor.request' && sender.delegationId !== undefined
        ? this.cooldown.check(sender.delegationId, now)
        : null;
    if (tooSoon) return this.refused(command, sender, source, tooSoon);
    let result: ApplyResult;
    try {
      result = this.engine.apply(command, sender, now);
    } catch (error) {
      // The engine puts itself back as it was before it throws.
      this.log.error({ err: error, type: command.type, role: sender.role }, 'engine failure');
      return UNAVAILABLE;
    }
    if (!result.ok) return this.refused(command, sender, source, result.error);
    const snapshotDue = result.version % SNAPSHOT_EVERY === 0;
    const entry: LoggedCommand = {
      version: result.version,
      at: now,
      sender,
      source,
      command,
      ...(command.commandId !== undefined && { commandId: command.commandId }),
    };
    try {
      await this.store.commitCommand(this.meetingId, entry, result.records, {
        ...(snapshotDue && { snapshot: this.engine.snapshot() }),
        ...(this.lease && { lease: this.lease.commit }),
      });
    } catch (error) {
      if (error instanceof LeaseLost) {
        // Another node writes the meeting now: this one must neither store nor answer `ok`.
        this.log.warn(
          { type: command.type, version: result.version, epoch: error.epoch },
          'lease lost: the command is not stored and the meeting is let go',
        );
        this.engine.undoLastChange();
        this.stopWriting();
        return UNAVAILABLE;
      }
      const stored = await this.wasStored(entry, error);
      if (stored !== 'stored') {
        this.log.error(
          { err: error, type: command.type, role: sender.role, version: result.version },
          'could not store the command: the meeting is put back as it was',
        );
        this.engine.undoLastChange();
        if (stored === 'unknown' && this.lease) {
          // Nobody can tell whether it was stored: this node may no longer tell the room what
          // the meeting is. It lets the meeting go; whoever takes it next (this node, maybe)
          // replays the log, which is the truth, and the device's retry with its command id
          // gets the answer the log gives.
          this.stopWriting();
          return IN_DOUBT;
        }
        return UNAVAILABLE;
      }
    }
    // Stored: from here on it may be seen, and the answer is `ok`, whatever happens to the log
    // line or the broadcast.
    this.committed = this.engine.context;
    if (snapshotDue) this.snapshotVersion = result.version;
    this.lastAt = now;
    if (command.type === 'floor.withdraw' && sender.delegationId !== undefined) {
      this.cooldown.withdrew(sender.delegationId, now);
    }
    try {
      this.log.info(
        { version: result.version, type: command.type, role: sender.role, source },
        'command',
      );
      this.changed();
      if (this.observer?.follows(this.meetingId)) this.observer.changed(this.view(now), now);
    } catch (error) {
      this.log.error({ err: error, version: result.version }, 'could not announce a stored change');
    }
    return { ok: true, version: result.version };
  }

  /**
   * Whether a commit that threw was stored all the same (issue 16, docs/many-nodes.md "In-doubt
   * commits"): a database across a network may have committed and lost only its answer. The log
   * at the command's version tells: this command there (its id, or without one the same sender,
   * instant and command) means it was stored, and the change stands. Only this node writes the
   * meeting, so nothing else can be at that version. A log that cannot be read either tells
   * nothing: the change is undone, and the next owner's replay of the log is the truth.
   */
  private async wasStored(
    entry: LoggedCommand,
    commitError: unknown,
  ): Promise<'stored' | 'not-stored' | 'unknown'> {
    let logged: LoggedCommand | undefined;
    try {
      const { entries } = await this.store.log.after(this.meetingId, entry.version - 1);
      logged = entries[0]?.version === entry.version ? entries[0] : undefined;
    } catch (error) {
      this.log.error(
        { err: error, commitError, version: entry.version },
        'a commit in doubt, and the log cannot be read to tell',
      );
      return 'unknown';
    }
    if (!logged) return 'not-stored';
    const same =
      entry.commandId !== undefined
        ? logged.commandId === entry.commandId
        : logged.at === entry.at &&
          logged.sender.role === entry.sender.role &&
          logged.sender.delegationId === entry.sender.delegationId &&
          logged.source === entry.source &&
          isDeepStrictEqual(logged.command, entry.command);
    if (same) {
      this.log.warn(
        { err: commitError, type: entry.command.type, version: entry.version },
        'a commit in doubt was stored: the change stands',
      );
    }
    return same ? 'stored' : 'not-stored';
  }

  /**
   * What a socket that joins now is sent: the state last sent to the room, with the time of now,
   * agenda included (contract version 2: the agenda is always sent on connect).
   * A change not yet broadcast reaches it with the room, so its versions still only go up.
   */
  stateForNewcomer(now = this.clock.now()): MeetingView {
    return { ...this.published, serverTime: now };
  }

  /**
   * Sends the room the meeting as it stands: a node that just took the meeting over (issue 16)
   * tells every node's sockets, which may have waited through the failover.
   */
  announce(): void {
    try {
      this.publish(this.meetingId, this.stateForNewcomer());
    } catch (error) {
      this.log.error({ err: error }, 'could not announce the meeting');
    }
  }

  /** The record as stored: turns, requests and steps, in the order they were made. */
  record(): Promise<MeetingRecord> {
    return this.store.records.of(this.meetingId);
  }

  /**
   * The record with the meeting as it stands, both at one version: read in the queue, where no
   * command is stored between the two reads.
   */
  recorded(now?: number): Promise<RecordedMeeting> {
    return this.commands.run(async () => {
      const record = await this.store.records.of(this.meetingId);
      return {
        view: this.view(now),
        record,
        waiting: this.committed.floor.queue,
      };
    });
  }

  /**
   * The meeting as its last stored command left it, at `now` (not the last broadcast, which may
   * be a turn of the loop behind): a command's answer and a read that follows it agree.
   */
  view(now = this.clock.now()): MeetingView {
    return meetingView(this.committed, now);
  }

  /** A refusal, logged on the refusals' budget and answered; nothing changed. */
  private refused(
    command: Command,
    sender: Sender,
    source: CommandSource,
    error: Refusal,
  ): CommandAck {
    this.refusals.refused({ type: command.type, role: sender.role, source, refused: error.code });
    return { ok: false, error };
  }

  /**
   * Stops the timer and the pending broadcast, takes no command after, and settles once the
   * command being stored has ended (those still waiting are answered CLOSING) and a snapshot is
   * kept: the store may close then.
   */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closed = true;
    if (this.flush) clearImmediate(this.flush);
    this.endWaitBehind();
    this.deadlineTimer?.cancel();
    this.flush = null;
    this.deadlineTimer = null;
    this.closing = this.finish();
    return this.closing;
  }

  private async finish(): Promise<void> {
    await this.commands.drained();
    this.refusals.flush();
    if (this.engine.version > this.snapshotVersion && !this.leaseGone) {
      try {
        await this.saveSnapshot();
      } catch (error) {
        // The log has every command; the snapshot only shortens the next start.
        this.log.warn({ err: error }, 'could not store the closing snapshot');
      }
    }
  }

  /** Keeps the engine's state; only where the engine holds nothing unstored (open, close). */
  private async saveSnapshot(): Promise<void> {
    const { state, formatVersion } = this.engine.snapshot();
    const version = this.engine.version;
    await this.store.snapshots.save(
      this.meetingId,
      version,
      state,
      formatVersion,
      this.clock.now(),
    );
    this.snapshotVersion = version;
  }

  /**
   * After a change: the end-at-limit timer set again, and one broadcast of the latest state for
   * every change stored since the last one. SQLite's commits answer at once, so a burst of
   * commands is stored in one turn of the event loop and one state, sent at the end of that turn,
   * carries it. An asynchronous store (PostgreSQL) answers each commit in a turn of its own: the
   * state then waits for the commands still in the queue behind, within `BROADCAST_WAIT_MS`.
   */
  private changed(): void {
    this.armDeadline();
    this.unpublishedSince ??= performance.now();
    this.flush ??= setImmediate(() => {
      this.flush = null;
      this.broadcastOrWait();
    });
  }

  /**
   * At the end of the turn in which a change was stored: the state goes now, unless commands are
   * still in the queue behind it (the one just stored has ended) and the bound is not reached.
   * Then it goes when the queue is empty (its commands stored, refused or failed alike) or at the
   * bound, whichever comes first; a change stored meanwhile rides with it.
   */
  private broadcastOrWait(): void {
    if (this.closed || this.unpublishedSince === null || this.waitingBehind) return;
    const left = this.unpublishedSince + BROADCAST_WAIT_MS - performance.now();
    if (this.commands.length === 0 || left <= 0) {
      this.broadcast();
      return;
    }
    const bound = setTimeout(() => this.broadcast(), left);
    bound.unref();
    const wait = { bound };
    this.waitingBehind = wait;
    const untilQueueEmpty = (): void => {
      void this.commands.drained().then(() => {
        // A wait ended by its bound: a later one has its own.
        if (this.waitingBehind !== wait) return;
        // Commands that came in meanwhile ride with it too, until the bound.
        if (this.commands.length > 0) untilQueueEmpty();
        else this.broadcast();
      });
    };
    untilQueueEmpty();
  }

  /** Sends the room the meeting as last stored, if a change of it has not been sent yet. */
  private broadcast(): void {
    this.endWaitBehind();
    if (this.closed || this.unpublishedSince === null) return;
    this.unpublishedSince = null;
    const view = this.view();
    this.published = view;
    try {
      this.publish(this.meetingId, view);
    } catch (error) {
      // Called from a timer or a promise: a throw would end the process or go unheard.
      this.log.error({ err: error, version: view.version }, 'could not broadcast the state');
    }
  }

  private endWaitBehind(): void {
    if (this.waitingBehind) clearTimeout(this.waitingBehind.bound);
    this.waitingBehind = null;
  }

  /**
   * The one timer of a meeting: a step that ends turns at the limit sends `turn.end` then. Set
   * only where the engine holds nothing unstored: after a commit, at open, or in the queue.
   */
  private armDeadline(): void {
    this.deadlineTimer?.cancel();
    this.deadlineTimer = null;
    if (this.closed) return;
    const deadline = this.engine.deadline();
    const turnId = this.engine.context.turn?.id;
    if (deadline === null || turnId === undefined) return;
    const delay = Math.min(Math.max(0, deadline - this.clock.now()), MAX_TIMER_MS);
    this.deadlineTimer = this.clock.after(delay, () => {
      this.deadlineTimer = null;
      this.inQueue(() => this.reachDeadline(turnId, deadline));
    });
  }

  /** The timer's work, in the queue with the commands: it reads the engine and may change it. */
  private inQueue(task: () => Promise<void>): void {
    this.commands.run(task).catch((error: unknown) => {
      this.log.error({ err: error }, 'the end-at-limit timer failed');
    });
  }

  private async reachDeadline(turnId: string, deadline: number): Promise<void> {
    if (this.closed) return;
    // A command that came before in the queue moved the deadline (or ended the turn), and set
    // the timer again for what stands now.
    if (this.engine.deadline() !== deadline || this.engine.context.turn?.id !== turnId) return;
    if (this.clock.now() < deadline) {
      this.armDeadline(); // a timer may fire a little early, or the deadline was far off
      return;
    }
    // The turn ends at its limit, not when the timer happened to run (or the server restarted).
    const ack = await this.apply(
      { type: 'turn.end', turnId },
      { role: 'chair' },
      'timer',
      deadline,
    );
    if (!ack.ok && ack.error.code === 'unavailable' && !this.closed) {
      this.deadlineTimer?.cancel();
      this.deadlineTimer = this.clock.after(TIMER_RETRY_MS, () => {
        this.deadlineTimer = null;
        this.inQueue(async () => this.armDeadline());
      });
    }
  }
}
