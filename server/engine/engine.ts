import { type Actor, createActor, type Snapshot } from 'xstate';
import { mayRoleSend } from '../../shared/permissions';
import type { Agenda, Delegation, Roster } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import { type Refusal, refuse } from '../../shared/protocol/errors';
import type { MeetingStatus, MeetingView } from '../../shared/protocol/view';
import {
  type CommandEvent,
  emptyFloor,
  type MeetingContext,
  noRecords,
  type Records,
  type Sender,
} from './context';
import { meetingMachine } from './machine';
import { refusalOf } from './rules';
import { meetingView } from './view';

export type ApplyResult =
  | { ok: true; version: number; records: Records }
  | { ok: false; error: Refusal };

/** The engine's state as JSON: what the store keeps and `MeetingEngine.restore` takes back. */
export type PersistedMeeting = Snapshot<unknown> & { value: unknown; context: MeetingContext };

const STATUSES: readonly MeetingStatus[] = ['pending', 'running', 'suspended', 'closed'];

/**
 * One meeting's session engine: the xstate actor of its flow, and the roster it was made with.
 * Given a command, its sender and the instant, it answers the new version and the records made,
 * or a refusal that changed nothing. It knows no socket, no database and no system clock.
 */
export class MeetingEngine {
  private actor: Actor<typeof meetingMachine>;
  private readonly roster: ReadonlyMap<string, Delegation>;
  private pendingRecords: Records = noRecords();
  /** The state before the last accepted command, so the server can take it back. */
  private beforeLastChange: PersistedMeeting | null = null;

  private constructor(
    roster: Roster,
    snapshot: PersistedMeeting | undefined,
    context?: MeetingContext,
  ) {
    this.roster = new Map(roster.map((d) => [d.id, d]));
    this.actor = this.startActor(snapshot, context);
  }

  static create(options: { meetingId: string; agenda: Agenda; roster: Roster }): MeetingEngine {
    const context: MeetingContext = {
      meetingId: options.meetingId,
      version: 0,
      agenda: options.agenda,
      agendaVersion: 0,
      current: null,
      turn: null,
      floor: emptyFloor(),
      suspension: null,
      display: { showDelay: false },
    };
    return new MeetingEngine(options.roster, undefined, context);
  }

  static restore(snapshot: PersistedMeeting, roster: Roster): MeetingEngine {
    // Snapshots stored before contexts carried `agendaVersion` restore with 0: every client gets
    // the agenda again when it reconnects after the restart anyway.
    const context = { ...snapshot.context, agendaVersion: snapshot.context.agendaVersion ?? 0 };
    return new MeetingEngine(roster, { ...snapshot, context });
  }

  private startActor(snapshot: PersistedMeeting | undefined, context?: MeetingContext) {
    // A restored actor takes its context from the snapshot; xstate's types still want an input.
    const input = { context: context ?? (snapshot as { context: MeetingContext }).context };
    const actor = createActor(meetingMachine, snapshot ? { snapshot, input } : { input });
    actor.on('recorded', ({ records }) => {
      this.pendingRecords.turns.push(...records.turns);
      this.pendingRecords.requests.push(...records.requests);
      this.pendingRecords.steps.push(...records.steps);
    });
    // An action that throws puts the actor in error; without an observer xstate rethrows it later.
    actor.subscribe({ error: () => {} });
    actor.start();
    return actor;
  }

  get context(): Readonly<MeetingContext> {
    return this.actor.getSnapshot().context;
  }

  get version(): number {
    return this.context.version;
  }

  get status(): MeetingStatus {
    const value = this.actor.getSnapshot().value;
    return STATUSES.find((s) => s === value) ?? 'pending';
  }

  get delegations(): ReadonlyMap<string, Delegation> {
    return this.roster;
  }

  view(now: number): MeetingView {
    return meetingView(this.status, this.context, now);
  }

  persisted(): PersistedMeeting {
    return this.actor.getPersistedSnapshot() as PersistedMeeting;
  }

  /**
   * The instant the current turn reaches its limit when its step ends turns there; the server
   * ends it then with `turn.end`. Null when no such deadline runs.
   */
  deadline(): number | null {
    const turn = this.context.turn;
    if (!turn?.endAtLimit || turn.status !== 'running' || turn.startedAt === null) return null;
    return turn.startedAt + (turn.limitMs - turn.elapsedMs);
  }

  /** Why `command` would be refused from `by` now, or null if it would act. Changes nothing. */
  check(command: Command, by: Sender): Refusal | null {
    return (
      this.precheck(command, by) ?? refusalOf(this.status, this.context, this.event(command, by, 0))
    );
  }

  apply(command: Command, by: Sender, now: number): ApplyResult {
    const event = this.event(command, by, now);
    const refusal = this.precheck(command, by) ?? refusalOf(this.status, this.context, event);
    if (refusal) return { ok: false, error: refusal };
    const before = this.actor.getSnapshot();
    if (!before.can(event)) {
      // The rules and the machine disagree: a bug, answered as a refusal rather than a crash.
      return {
        ok: false,
        error: refuse('not_now', 'That is not possible at this point of the meeting.'),
      };
    }
    const previous = this.persisted();
    this.beforeLastChange = previous;
    this.pendingRecords = noRecords();
    this.actor.send(event);
    const after = this.actor.getSnapshot();
    if (after.status === 'error' || after.context.version !== before.context.version + 1) {
      this.beforeLastChange = null;
      this.actor.stop();
      this.actor = this.startActor(previous);
      throw new Error(`The engine failed on "${command.type}"; the meeting is as it was.`, {
        cause: after.error,
      });
    }
    const records = this.pendingRecords;
    this.pendingRecords = noRecords();
    return { ok: true, version: after.context.version, records };
  }

  /**
   * Takes back the last accepted command, when what follows it fails (the store could not keep
   * it): the meeting is exactly as it was before. Only the last one, and only once.
   */
  undoLastChange(): void {
    const previous = this.beforeLastChange;
    if (!previous) throw new Error('There is no change to take back.');
    this.beforeLastChange = null;
    this.actor.stop();
    this.actor = this.startActor(previous);
  }

  private precheck(command: Command, by: Sender): Refusal | null {
    if (!mayRoleSend(by.role, command.type)) {
      return refuse('forbidden', `A ${by.role} may not send "${command.type}".`);
    }
    if (command.expectedVersion !== undefined && command.expectedVersion !== this.version) {
      return refuse(
        'conflict',
        `The meeting changed meanwhile (version ${this.version}, not ${command.expectedVersion}): look again and retry.`,
      );
    }
    if (command.type === 'floor.request' || command.type === 'floor.withdraw') {
      if (by.delegationId === undefined || !this.roster.has(by.delegationId)) {
        return refuse('not_found', 'This device is not bound to a delegation of this meeting.');
      }
    }
    return null;
  }

  private event(command: Command, by: Sender, now: number): CommandEvent {
    return commandEvent(this.roster, command, by, now);
  }
}

/** The machine event of a command, with the delegation it concerns looked up in the roster. */
export const commandEvent = (
  roster: ReadonlyMap<string, Delegation>,
  command: Command,
  by: Sender,
  now: number,
): CommandEvent => {
  const delegationId =
    command.type === 'floor.request'
      ? by.delegationId
      : command.type === 'floor.add'
        ? command.delegationId
        : command.type === 'turn.start'
          ? command.speaker?.delegationId
          : undefined;
  const delegation = delegationId === undefined ? undefined : roster.get(delegationId);
  return { type: command.type, command, by, now, ...(delegation && { delegation }) };
};
