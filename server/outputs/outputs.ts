import type { FastifyBaseLogger } from 'fastify';
import type { Phase } from '../../shared/clock/turnClock';
import type { CreateHookBody, HookPayload, HookSummary } from '../../shared/protocol/hooks';
import type { MeetingView, TurnView } from '../../shared/protocol/view';
import type { ClockTimer, ServerClock } from '../clock';
import type { ChangeObserver } from '../meetings/runtime';
import type { StoreHooks } from '../store/api';
import { eventsBetween } from './events';
import { OscSender, type OscTarget } from './osc';
import { enteredAt, nextAnnouncedAt, outputPhaseAt } from './phases';
import { HOOK_DEFAULTS, type HookOptions, Webhooks } from './webhooks';

/** A `turn.phase` later than this is logged: the contract promises at most 250 ms. */
export const PHASE_LATE_MS = 250;
/** How many of the latest phases' lateness are kept, for `phaseLateness`. */
const LATENESS_KEPT = 1_000;
/** setTimeout's longest delay; a phase further off is re-armed when the timer runs. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface OutputOptions {
  /** `OSC_TARGETS`: where OSC messages go; none, no OSC. */
  oscTargets: readonly OscTarget[];
  hooks: HookOptions;
}

/**
 * The clock that ran from one view to the next, as it ran: the same turn, running before, on the
 * same allowance (an adjustment moves the points, so a phase it brings is the change's); else null.
 */
const ranUntil = (before: TurnView | null, after: TurnView | null): TurnView | null =>
  before !== null &&
  after !== null &&
  before.id === after.id &&
  before.status === 'running' &&
  before.limitMs === after.limitMs &&
  before.warnAtMs === after.warnAtMs
    ? before
    : null;

/** What the outputs follow of one meeting. */
interface Followed {
  meetingId: string;
  /** The meeting as the outputs last read it: events are what changed since. */
  last: MeetingView;
  /** Changes accepted and not yet read, in order: read after the command's ack has gone. */
  pending: { view: MeetingView; at: number }[];
  /** The phase dealt with, per turn on the floor (current and kept). */
  dealt: Map<string, Phase>;
  /** The `turn.phase` timer, and the instant it is for. */
  timer: ClockTimer | null;
  /** The phases being kept, in the order they were dealt with (the last one stays). */
  saving: Promise<void>;
}

/**
 * The room's outputs (docs/integrations.md): from each meeting's changes, the events webhooks and
 * OSC targets are sent, and `turn.phase` at the instant a clock enters warning or overtime.
 *
 * Nothing here delays a command's ack: the runtime hands over the view after each accepted
 * command (and only for a meeting something follows: a hook of its own, or OSC targets), the
 * events are read from it after the ack, in a later turn of the event loop, and each hook sends
 * from its own queue.
 */
export class Outputs implements ChangeObserver {
  private readonly meetings = new Map<string, Followed>();
  private readonly webhooks: Webhooks;
  private readonly osc: OscSender | null;
  private flush: NodeJS.Immediate | null = null;
  private closed = false;
  /** The latest phases' lateness, ms: when the server sent each, minus the instant it was due. */
  private readonly lateness: number[] = [];

  private constructor(
    private readonly store: StoreHooks,
    private readonly clock: ServerClock,
    private readonly log: FastifyBaseLogger,
    webhooks: Webhooks,
    options: Partial<OutputOptions>,
  ) {
    this.webhooks = webhooks;
    const targets = options.oscTargets ?? [];
    this.osc = targets.length > 0 ? new OscSender(targets, log) : null;
  }

  /** The outputs, with every stored webhook started. */
  static async open(
    store: StoreHooks,
    clock: ServerClock,
    log: FastifyBaseLogger,
    options: Partial<OutputOptions> = {},
  ): Promise<Outputs> {
    const webhooks = await Webhooks.open(store, options.hooks ?? HOOK_DEFAULTS, clock, log);
    return new Outputs(store, clock, log, webhooks, options);
  }

  // ChangeObserver: what the meetings' runtimes call.

  follows(meetingId: string): boolean {
    return !this.closed && (this.osc !== null || this.webhooks.has(meetingId));
  }

  /**
   * A meeting opened (restored on start, or made): followed from the view it opens with. A phase
   * the outputs had announced before the restart is not announced again; one its clock entered
   * while the server was down (or before anything followed it) is announced now, once.
   */
  async opened(view: MeetingView): Promise<void> {
    const turn = view.turn;
    let dealt: Phase = 'normal';
    if (turn) {
      try {
        const saved = await this.store.phase(view.meetingId);
        if (saved?.turnId === turn.id) dealt = saved.phase;
      } catch (error) {
        this.log.error({ err: error, meetingId: view.meetingId }, 'could not read the last phase');
      }
    }
    // Followed from here: the meeting is not yet open to commands while the phase is read.
    const followed = this.follow(view);
    if (turn) followed.dealt.set(turn.id, dealt);
    // Brought by the clock, while the server was down: its `at` says when, and how late it is.
    this.dispatch(this.phaseNow(followed, this.clock.now(), view.turn));
    this.arm(followed);
  }

  changed(view: MeetingView, at: number): void {
    const followed = this.meetings.get(view.meetingId);
    if (!followed) {
      // Followed since the meeting opened only by what was added later (a hook): start from here.
      this.startFollowing(view);
      return;
    }
    followed.pending.push({ view, at });
    this.flush ??= setImmediate(() => {
      this.flush = null;
      for (const f of this.meetings.values()) this.readPending(f);
    });
  }

  // Webhooks: what the routes call.

  /**
   * A new hook of a meeting, stored before it is answered. `viewNow` is the meeting as it stands,
   * read once the hook is stored: every change after it reaches the hook, none before.
   */
  async addHook(
    meetingId: string,
    viewNow: () => MeetingView,
    body: CreateHookBody,
    createdBy: 'chair' | 'operator',
  ): Promise<{ hookId: string }> {
    const hookId = await this.webhooks.add(meetingId, body, createdBy);
    if (!this.meetings.has(meetingId)) this.startFollowing(viewNow());
    return { hookId };
  }

  async removeHook(meetingId: string, hookId: string): Promise<boolean> {
    const removed = await this.webhooks.remove(meetingId, hookId);
    if (removed && !this.follows(meetingId)) this.stopFollowing(meetingId);
    return removed;
  }

  hooks(meetingId: string): HookSummary[] {
    return this.webhooks.list(meetingId);
  }

  /**
   * How late the server sent the latest `turn.phase` events that its clock brought (up to the
   * last 1,000), in ms after the instant each clock entered its phase: what the benchmark
   * reports beside the lateness measured at the receivers.
   */
  phaseLateness(): readonly number[] {
    return this.lateness;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.flush) clearImmediate(this.flush);
    for (const meetingId of [...this.meetings.keys()]) this.stopFollowing(meetingId);
    this.webhooks.close();
    await this.osc?.close();
  }

  // Following a meeting.

  private follow(view: MeetingView): Followed {
    this.stopFollowing(view.meetingId);
    const followed: Followed = {
      meetingId: view.meetingId,
      last: view,
      pending: [],
      dealt: new Map(),
      timer: null,
      saving: Promise.resolve(),
    };
    this.meetings.set(view.meetingId, followed);
    return followed;
  }

  /**
   * From a view on, with its clocks' phases as they stand taken as dealt with: a hook added
   * during a warning is sent the overtime, not the warning it missed.
   */
  private startFollowing(view: MeetingView): void {
    const followed = this.follow(view);
    const now = this.clock.now();
    for (const turn of [view.turn, view.interrupted]) {
      if (turn) followed.dealt.set(turn.id, outputPhaseAt(turn, now));
    }
    if (view.turn) this.saveDealt(followed, view.turn.id, now);
    this.arm(followed);
  }

  private stopFollowing(meetingId: string): void {
    const followed = this.meetings.get(meetingId);
    if (!followed) return;
    followed.timer?.cancel();
    this.meetings.delete(meetingId);
  }

  /** The changes not yet read, each against the one before it, then the phase timer set again. */
  private readPending(followed: Followed): void {
    if (followed.pending.length === 0) return;
    const pending = followed.pending.splice(0);
    for (const { view, at } of pending) {
      const events = eventsBetween(followed.last, view, at);
      const ran = ranUntil(followed.last.turn, view.turn);
      followed.last = view;
      const phases = this.phaseNow(followed, at, ran);
      if (ran) this.noteLateness(followed, phases);
      this.dispatch([...events, ...phases]);
    }
    this.arm(followed, pending[pending.length - 1]?.at);
  }

  /**
   * The `turn.phase` due at `now`, if the current turn's phase is not the one dealt with and is
   * warning or overtime. `ran` is the clock that ran into it, as it ran (its `at` is then the
   * instant it crossed the point); null when a change brought it (an adjustment: `at` is `now`).
   */
  private phaseNow(followed: Followed, now: number, ran: TurnView | null): HookPayload[] {
    const { last } = followed;
    const onFloor = new Set([last.turn?.id, last.interrupted?.id]);
    for (const id of followed.dealt.keys()) if (!onFloor.has(id)) followed.dealt.delete(id);
    const turn = last.turn;
    if (!turn) return [];
    if (last.interrupted && !followed.dealt.has(last.interrupted.id)) {
      followed.dealt.set(last.interrupted.id, outputPhaseAt(last.interrupted, now));
    }
    const phase = outputPhaseAt(turn, now);
    const before = followed.dealt.get(turn.id);
    if (before === phase) return [];
    followed.dealt.set(turn.id, phase);
    // A turn new to the floor in its normal phase is what a restart assumes of it: nothing to keep.
    if (before !== undefined || phase !== 'normal') this.saveDealt(followed, turn.id, now);
    if (phase === 'normal') return [];
    const at = ran ? enteredAt(ran, phase, now) : now;
    return [
      {
        event: 'turn.phase',
        meetingId: followed.meetingId,
        version: last.version,
        at,
        data: { turnId: turn.id, phase },
      },
    ];
  }

  /**
   * Keeps the phase dealt with, so a restart does not announce it again. Nothing waits for it;
   * the saves of one meeting go one after another, so the last dealt with is the one kept.
   */
  private saveDealt(followed: Followed, turnId: string, now: number): void {
    const phase = followed.dealt.get(turnId);
    if (phase === undefined) return;
    const { meetingId } = followed;
    followed.saving = followed.saving
      .then(() => this.store.savePhase(meetingId, { turnId, phase }, now))
      .catch((error: unknown) => {
        // Only a restart's memory of it is lost: it might then be announced once more.
        this.log.error({ err: error, meetingId }, 'could not keep the phase');
      });
  }

  /**
   * The timer for the next instant the current turn's clock enters warning or overtime, from
   * the instant last read (`from`; a point crossed since is due at once).
   */
  private arm(followed: Followed, from = this.clock.now()): void {
    followed.timer?.cancel();
    followed.timer = null;
    const turn = followed.last.turn;
    if (!turn || this.closed) return;
    const due = nextAnnouncedAt(turn, from);
    if (due === null) return;
    const delay = Math.min(Math.max(0, due - this.clock.now()), MAX_TIMER_MS);
    followed.timer = this.clock.after(delay, () => this.reached(followed, due));
  }

  private reached(followed: Followed, due: number): void {
    followed.timer = null;
    if (this.meetings.get(followed.meetingId) !== followed) return;
    const now = this.clock.now();
    if (now < due) {
      this.arm(followed, now); // a timer may run a little early, or the instant was far off
      return;
    }
    // What changed before this instant goes first, so a hook hears events in order.
    this.readPending(followed);
    const events = this.phaseNow(followed, now, followed.last.turn);
    this.noteLateness(followed, events);
    this.dispatch(events);
    this.arm(followed, now);
  }

  /** How late phases the clock brought are sent now; one later than promised is logged. */
  private noteLateness(followed: Followed, events: readonly HookPayload[]): void {
    const now = this.clock.now();
    for (const event of events) {
      const late = now - event.at;
      this.lateness.push(late);
      if (this.lateness.length > LATENESS_KEPT) this.lateness.shift();
      if (late > PHASE_LATE_MS) {
        this.log.warn({ meetingId: followed.meetingId, lateMs: late }, 'turn.phase sent late');
      }
    }
  }

  /** Each event to the hooks that asked for it, and to the OSC targets; nothing waits here. */
  private dispatch(events: readonly HookPayload[]): void {
    for (const event of events) {
      try {
        // OSC first: one datagram, and a lighting desk is the one that must not lag.
        this.osc?.send(event);
        this.webhooks.deliver(event.meetingId, event.event, JSON.stringify(event));
      } catch (error) {
        this.log.error(
          { err: error, event: event.event },
          'could not hand an event to the outputs',
        );
      }
    }
  }
}
