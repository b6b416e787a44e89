import { expect } from 'vitest';
import type { z } from 'zod';
import { type ApplyResult, type EngineSnapshot, MeetingEngine } from '../../server/engine/engine';
import { DEFAULT_GROUPS } from '../../shared/defaults/groups';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import type { MeetingContext, Records, Sender } from '../../shared/engine/context';
import { Agenda, type FloorStep, type Groups, type Roster } from '../../shared/protocol/agenda';
import type { Command, CommandOf } from '../../shared/protocol/commands';
import type { Refusal } from '../../shared/protocol/errors';
import { NOTE_AGENDA } from './agenda';

export const CHAIR: Sender = { role: 'chair' };
export const MODERATOR: Sender = { role: 'moderator' };
export const DISPLAY: Sender = { role: 'display' };
export const delegate = (delegationId: string): Sender => ({ role: 'delegate', delegationId });

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/** The engine's whole state as the store would keep it, detached from the live engine. */
export const snapshotOf = (engine: MeetingEngine): EngineSnapshot =>
  JSON.parse(JSON.stringify(engine.snapshot()));

/**
 * The snapshot the engine of format 1 (xstate's persisted envelope, before contract version 2's
 * engine) would have stored for this meeting: the status in `value`, a suspension and the step a
 * closed meeting stood at in the context. For the migration's tests.
 */
export const formatOneSnapshotOf = (engine: MeetingEngine): EngineSnapshot => ({
  formatVersion: 1,
  state: formatOneStateOf(snapshotOf(engine).state as MeetingContext),
});

/** A context of today's engine as the format-1 engine held it: xstate's persisted envelope. */
export const formatOneStateOf = (context: MeetingContext): unknown => {
  const { session, interrupted: _, ...rest } = context;
  return {
    status: 'active',
    value: session.status,
    historyValue: {},
    children: {},
    context: {
      ...rest,
      suspension:
        session.status === 'suspended'
          ? { since: session.since, ...(session.note !== undefined && { note: session.note }) }
          : null,
      ...(session.status === 'closed' && { closedFrom: session.from }),
    },
  };
};

/** A meeting engine with a hand-cranked clock, and the record it has made so far. */
export class EngineHarness {
  readonly engine: MeetingEngine;
  now: number;
  readonly record: Records = { turns: [], requests: [], steps: [] };

  /**
   * Without a roster, the default one with its groups (the five regional groups), as a server
   * makes the default meeting; a roster of its own comes with the groups given, or none.
   */
  constructor(options: { agenda?: Agenda; roster?: Roster; groups?: Groups; start?: number } = {}) {
    this.engine = MeetingEngine.create({
      meetingId: 'M-test',
      agenda: options.agenda ?? NOTE_AGENDA,
      roster: options.roster ?? DEFAULT_ROSTER,
      groups: options.groups ?? (options.roster ? [] : DEFAULT_GROUPS),
    });
    this.now = options.start ?? Date.UTC(2017, 6, 24, 14, 0, 0);
  }

  /** A running meeting at the given step (the first step of the item when none is named). */
  static at(
    itemId: string,
    stepId?: string,
    options: { agenda?: Agenda; groups?: Groups } = {},
  ): EngineHarness {
    const h = new EngineHarness(options);
    h.ok({ type: 'agenda.goto', itemId, ...(stepId !== undefined && { stepId }) });
    return h;
  }

  /** Lets time pass on the meeting's clock. */
  wait(ms: number): this {
    this.now += ms;
    return this;
  }

  send(command: Command, by: Sender = CHAIR): ApplyResult {
    const result = this.engine.apply(command, by, this.now);
    if (result.ok) {
      this.record.turns.push(...result.records.turns);
      this.record.requests.push(...result.records.requests);
      this.record.steps.push(...result.records.steps);
    }
    return result;
  }

  /** Sends a command that must be accepted. */
  ok(command: Command, by: Sender = CHAIR): number {
    const result = this.send(command, by);
    if (!result.ok) {
      throw new Error(`${command.type} refused: ${result.error.code}: ${result.error.message}`);
    }
    return result.version;
  }

  /**
   * Sends a command that must be refused, checks that the refusal changed nothing (the stored
   * state is exactly as before) and that `check` foresaw it, and answers the refusal.
   */
  refused(command: Command, by: Sender = CHAIR): Refusal {
    const before = snapshotOf(this.engine);
    const foreseen = this.engine.check(command, by);
    const result = this.send(command, by);
    if (result.ok) throw new Error(`${command.type} was accepted (version ${result.version})`);
    expect(snapshotOf(this.engine)).toEqual(before);
    expect(foreseen?.code).toBe(result.error.code);
    return result.error;
  }

  /**
   * A delegate asks for the floor for its own delegation (a statement unless `kind` says
   * otherwise); answers the request's id, which the server makes from the command's version.
   */
  request(delegationId: string, extra: Omit<CommandOf<'floor.request'>, 'type'> = {}): string {
    return `R${this.ok({ type: 'floor.request', ...extra }, delegate(delegationId))}`;
  }

  /** An officer enters a request on a delegation's behalf; answers the request's id. */
  add(delegationId: string, extra: Omit<CommandOf<'floor.add'>, 'type' | 'delegationId'> = {}) {
    return `R${this.ok({ type: 'floor.add', delegationId, ...extra }, MODERATOR)}`;
  }

  /** The id of the request a delegation has waiting (its first, when it waits with several). */
  requestOf(delegationId: string): string {
    const entry = this.engine.context.floor.queue.find((r) => r.delegationId === delegationId);
    if (!entry) throw new Error(`${delegationId} has no request waiting`);
    return entry.id;
  }

  /** The delegations waiting, in the order of the queue. */
  queue(): string[] {
    return this.engine.context.floor.queue.map((r) => r.delegationId);
  }

  /** The queue as the room reads it: who, and for what ("kenya:point-of-order", "egypt:statement@african-group"). */
  lines(): string[] {
    return this.view().floor.queue.map(
      (r) => `${r.delegationId}:${r.kind}${r.onBehalfOf ? `@${r.onBehalfOf.id}` : ''}`,
    );
  }

  view() {
    return this.engine.view(this.now);
  }

  /** The current turn, which must exist. */
  turn() {
    const turn = this.view().turn;
    if (!turn) throw new Error('nobody has the floor');
    return turn;
  }
}

/** A small agenda for cases the default does not cover: one speakers item and one discussion. */
export const smallAgenda = (discussion: Partial<z.input<typeof FloorStep>> = {}): Agenda =>
  Agenda.parse({
    title: 'A small meeting',
    items: [
      {
        id: 'opening',
        title: 'Opening',
        kind: 'remarks',
        steps: [
          {
            id: 'remarks',
            kind: 'speakers',
            title: 'Opening remarks',
            speakers: [
              { id: 'chair', name: 'The chair', role: 'Chair' },
              {
                id: 'guest',
                name: 'The guest',
                role: 'Guest',
                allowance: { limitMs: 120_000, warnAtMs: 90_000 },
              },
            ],
            allowance: { limitMs: 5 * MINUTE, warnAtMs: 4 * MINUTE },
          },
        ],
      },
      {
        id: 'debate',
        title: 'Debate',
        kind: 'panel',
        steps: [
          {
            id: 'talks',
            kind: 'speakers',
            title: 'Talks',
            speakers: [{ id: 'expert', name: 'The expert', role: 'Expert' }],
            allowance: { limitMs: 7 * MINUTE, warnAtMs: 5 * MINUTE },
          },
          {
            id: 'floor',
            kind: 'floor',
            title: 'Questions',
            allowance: { limitMs: 3 * MINUTE, warnAtMs: 150_000 },
            ...discussion,
          },
          {
            id: 'wrap-up',
            kind: 'speakers',
            title: 'Wrap-up',
            speakers: [{ id: 'expert', name: 'The expert', role: 'Expert' }],
            allowance: { limitMs: 2 * MINUTE, warnAtMs: 90_000 },
          },
        ],
      },
    ],
  });
