import type { MeetingContext, Records, Sender } from '../../shared/engine/context';
import {
  type Decision,
  decide,
  newMeeting,
  type RosterIndex,
  rosterIndex,
} from '../../shared/engine/decide';
import { contextFromSnapshot, STATE_FORMAT_VERSION } from '../../shared/engine/document';
import { type Refused, refused } from '../../shared/engine/refusals';
import { meetingView } from '../../shared/engine/view';
import { Agenda, type Groups, type Roster } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import type { Refusal } from '../../shared/protocol/refusals';
import type { MeetingStatus, MeetingView } from '../../shared/protocol/view';
import { answerOf } from './english';

export type ApplyResult =
  | { ok: true; version: number; records: Records }
  | { ok: false; error: Refusal };

/** What the store keeps of the engine: its context, in a numbered format (shared/engine/document.ts). */
export interface EngineSnapshot {
  formatVersion: number;
  state: unknown;
}

/**
 * One meeting's engine on the server: its current context, and the roster it was made with.
 * Each command is one `decide` (shared/engine/decide.ts); the engine keeps the answer's context.
 * It knows no socket, no database and no system clock.
 */
export class MeetingEngine {
  private ctx: MeetingContext;
  private readonly roster: RosterIndex;
  /** The context before the last accepted command, so the server can take it back. */
  private beforeLastChange: MeetingContext | null = null;

  private constructor(context: MeetingContext, roster: Roster, groups: Groups) {
    this.ctx = context;
    this.roster = rosterIndex(roster, groups);
  }

  static create(options: {
    meetingId: string;
    agenda: Agenda;
    roster: Roster;
    groups?: Groups;
  }): MeetingEngine {
    return new MeetingEngine(
      newMeeting(options.meetingId, options.agenda),
      options.roster,
      options.groups ?? [],
    );
  }

  /** The engine of a stored snapshot, migrated from an older format; throws if it is not one. */
  static restore(snapshot: EngineSnapshot, roster: Roster, groups: Groups = []): MeetingEngine {
    return new MeetingEngine(
      contextFromSnapshot(snapshot.formatVersion, snapshot.state),
      roster,
      groups,
    );
  }

  get context(): Readonly<MeetingContext> {
    return this.ctx;
  }

  get version(): number {
    return this.ctx.version;
  }

  get status(): MeetingStatus {
    return this.ctx.session.status;
  }

  view(now: number): MeetingView {
    return meetingView(this.ctx, now);
  }

  snapshot(): EngineSnapshot {
    return { formatVersion: STATE_FORMAT_VERSION, state: this.ctx };
  }

  /**
   * The instant the current turn reaches its limit when its step ends turns there; the server
   * ends it then with `turn.end`. Null when no such deadline runs.
   */
  deadline(): number | null {
    const turn = this.ctx.turn;
    if (!turn?.endAtLimit || turn.status !== 'running' || turn.startedAt === null) return null;
    return turn.startedAt + (turn.limitMs - turn.elapsedMs);
  }

  /**
   * Why `command` would be refused from `by` now (the reason, as a screen foresees it), or null if
   * it would act. Changes nothing.
   */
  check(command: Command, by: Sender, now = 0): Refused | null {
    const decision = this.decide(command, by, now);
    return decision.ok ? null : decision.error;
  }

  apply(command: Command, by: Sender, now: number): ApplyResult {
    const decision = this.decide(command, by, now);
    // The reason, and its English words for the ack, the logs and other makers' clients.
    if (!decision.ok) return { ok: false, error: answerOf(decision.error) };
    this.beforeLastChange = this.ctx;
    this.ctx = decision.context;
    return { ok: true, version: decision.context.version, records: decision.records };
  }

  /**
   * The engine's decision, and for an `agenda.edit` the agenda it makes checked against the
   * agenda schema as a whole, as a created meeting's agenda is: the engine merges the change (its
   * fields parsed at the edge, `AgendaChange`) without zod, since the screens load it too, and it
   * is here, on the server, that an agenda that no longer holds together (a sitting that ends
   * before it starts, a warning after its limit, a speaker id twice) is refused as `invalid`,
   * naming the field (`agenda.sittings.0.end: end must be after start`). The meeting keeps the
   * agenda as the schema reads it.
   */
  private decide(command: Command, by: Sender, now: number): Decision {
    const decision = decide(this.ctx, this.roster, command, by, now);
    if (!decision.ok || command.type !== 'agenda.edit') return decision;
    const parsed = Agenda.safeParse(decision.context.agenda);
    if (parsed.success) {
      return { ...decision, context: { ...decision.context, agenda: parsed.data } };
    }
    const issue = parsed.error.issues[0];
    if (!issue) return { ok: false, error: refused('invalid', 'refusal.agenda-change-invalid') };
    // The schema's own words (English), naming the field: a screen shows them as they are.
    const where = issue.path.join('.');
    return {
      ok: false,
      error: where
        ? refused('invalid', 'refusal.agenda-field-invalid', {
            field: `agenda.${where}`,
            problem: issue.message,
          })
        : refused('invalid', 'refusal.agenda-invalid', { problem: issue.message }),
    };
  }

  /**
   * Takes back the last accepted command, when what follows it fails (the store could not keep
   * it): the meeting is exactly as it was before. Only the last one, and only once.
   */
  undoLastChange(): void {
    const previous = this.beforeLastChange;
    if (!previous) throw new Error('There is no change to take back.');
    this.beforeLastChange = null;
    this.ctx = previous;
  }
}
