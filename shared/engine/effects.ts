import { type Category, isStateCategory } from '../categories';
import { elapsedAt, overtimeOf } from '../clock/turnClock';
import type { Allowance, Delegation } from '../protocol/agenda';
import type { CommandOf } from '../protocol/commands';
import type { RequestKind, Segment } from '../protocol/enums';
import {
  GROUP_ALLOWANCE,
  POINT_OF_ORDER_ALLOWANCE,
  REPLY_ALLOWANCES,
} from '../protocol/stepDefaults';
import type { RequestOutcome, RequestRecord, TurnRecord, TurnSpeaker } from '../protocol/view';
import {
  type CommandEvent,
  emptyFloor,
  type MeetingContext,
  noRecords,
  type QueuedRequest,
  type Records,
  type TurnState,
} from './context';
import { currentStep, locate, queueStep, scheduledSpeaker, stepAfter } from './places';
import { placeInQueue } from './queueOrder';

/**
 * What each accepted command does to a meeting, as pure functions of (context, event): the
 * statechart's actions (chart.ts). They run only on a transition the chart took, so every rule
 * has been checked once, by the chart's guards, before. Each returns the new context and the
 * records the change made; none reads the system clock: `event.now` is the instant.
 */
export interface Outcome {
  ctx: MeetingContext;
  records: Records;
}

type Effect = (ctx: MeetingContext, event: CommandEvent) => Outcome;

/** The version this command will produce, which also names what it creates. */
const nextVersion = (ctx: MeetingContext) => ctx.version + 1;

/** Builds an outcome while several steps (end the turn, leave the step...) add their records. */
class Change {
  readonly records: Records = noRecords();
  /** The turn on the floor before the change: a cue goes with it (contract version 2). */
  private readonly turnBefore: string | undefined;
  constructor(public ctx: MeetingContext) {
    this.turnBefore = ctx.turn?.id;
  }

  set(patch: Partial<MeetingContext>): this {
    this.ctx = { ...this.ctx, ...patch };
    return this;
  }

  /**
   * The new context, one version on. A cue to the speaker is cleared when the turn it was sent
   * during ends or another starts, whatever the command that did it (a grant, a new step...).
   */
  done(): Outcome {
    const turnChanged = this.ctx.turn?.id !== this.turnBefore;
    const cue = turnChanged ? null : this.ctx.cue;
    return { ctx: { ...this.ctx, cue, version: nextVersion(this.ctx) }, records: this.records };
  }

  /**
   * Ends the current turn, if any, and the turn a point of order interrupted, if any, and records
   * them: the floor is given to someone else, or the step ends.
   */
  endTurn(now: number): this {
    const { turn, interrupted } = this.ctx;
    if (turn) this.records.turns.push(turnRecord(this.ctx, turn, now));
    if (interrupted) this.records.turns.push(turnRecord(this.ctx, interrupted, now));
    return this.set({ turn: null, interrupted: null });
  }

  /**
   * Ends the current turn and records it; when it was a point of order's, the turn it
   * interrupted is the current turn again, paused, its time intact (contract version 2).
   */
  finishTurn(now: number): this {
    const { turn, interrupted } = this.ctx;
    if (turn) this.records.turns.push(turnRecord(this.ctx, turn, now));
    return this.set({ turn: interrupted, interrupted: null });
  }

  /** Takes a request out of the queue and records how it left. */
  takeRequest(requestId: string, outcome: RequestOutcome, now: number): QueuedRequest | undefined {
    const request = this.ctx.floor.queue.find((r) => r.id === requestId);
    if (!request || !this.ctx.current) return undefined;
    this.records.requests.push(requestRecord(this.ctx, request, outcome, now));
    this.set({
      floor: { ...this.ctx.floor, queue: this.ctx.floor.queue.filter((r) => r.id !== requestId) },
    });
    return request;
  }

  /** Leaves the current step: its turn ends, its queue is recorded as unheard, its time is kept. */
  leaveStep(now: number): this {
    this.endTurn(now);
    const current = this.ctx.current;
    if (!current) return this;
    for (const request of this.ctx.floor.queue) {
      this.records.requests.push(requestRecord(this.ctx, request, 'unheard', now));
    }
    this.records.steps.push({
      itemId: current.itemId,
      stepId: current.stepId,
      startedAt: current.startedAt,
      endedAt: now,
    });
    return this.set({ current: null, floor: emptyFloor() });
  }

  enterStep(itemId: string, stepId: string, now: number): this {
    const before = this.ctx.current;
    const sameItem = before?.itemId === itemId;
    const itemStartedAt = sameItem ? before.itemStartedAt : now;
    const replies = sameItem ? before.replies : {};
    const early = this.earlyRequestsFor(itemId, stepId);
    this.set({
      floor: { ...this.ctx.floor, queue: this.ctx.floor.queue.filter((r) => !early.has(r)) },
    });
    this.leaveStep(now);
    return this.set({
      current: { itemId, stepId, startedAt: now, itemStartedAt, heard: [], replies },
      floor: { ...this.ctx.floor, queue: this.ctx.floor.queue.concat([...early]) },
    });
  }

  /**
   * The statements asked for early (contract version 2, "Early requests") that stay in the queue
   * when the meeting moves on within the item toward the discussion they were made for; the
   * rest of the queue (points of order of the step left) is recorded as unheard.
   */
  private earlyRequestsFor(itemId: string, stepId: string): Set<QueuedRequest> {
    const from = queueStep(this.ctx);
    const here = currentStep(this.ctx);
    if (!from?.early || !here || here.item.id !== itemId) return new Set();
    const target = locate(this.ctx.agenda, itemId, stepId);
    if (!target || target.stepIndex <= here.stepIndex) return new Set();
    const to = queueStep({ agenda: this.ctx.agenda, current: { itemId, stepId } });
    if (to?.step.id !== from.step.id) return new Set();
    return new Set(this.ctx.floor.queue.filter((r) => r.kind === 'statement'));
  }

  /** Gives the floor: the clock starts now with the allowance given. */
  startTurn(
    speaker: TurnSpeaker,
    allowance: Allowance,
    now: number,
    extra: Partial<TurnState>,
  ): this {
    const current = this.ctx.current;
    if (!current) return this;
    const turn: TurnState = {
      id: `T${nextVersion(this.ctx)}`,
      itemId: current.itemId,
      stepId: current.stepId,
      speaker,
      limitMs: allowance.limitMs,
      warnAtMs: allowance.warnAtMs,
      endAtLimit: allowance.endAtLimit ?? false,
      status: 'running',
      startedAt: now,
      elapsedMs: 0,
      firstStartedAt: now,
      ...extra,
    };
    return this.set({ turn });
  }

  segment(segment: Segment): this {
    const floor = this.ctx.floor;
    if (floor.segment === segment) return this;
    // The cluster counts interventions since the panel last answered; the questions put to the
    // panel stay listed while it answers, and a new round of the floor starts a new list.
    return this.set({
      floor: {
        ...floor,
        segment,
        sincePanel: segment === 'panel' ? 0 : floor.sincePanel,
        questions: segment === 'floor' ? [] : floor.questions,
      },
    });
  }
}

const turnRecord = (ctx: MeetingContext, turn: TurnState, now: number): TurnRecord => {
  const here = locate(ctx.agenda, turn.itemId, turn.stepId);
  const spokenMs = elapsedAt(turn, now);
  return {
    id: turn.id,
    itemId: turn.itemId,
    stepId: turn.stepId,
    itemTitle: here?.item.title ?? turn.itemId,
    stepTitle: here?.step.title ?? turn.stepId,
    ...(turn.segment !== undefined && { segment: turn.segment }),
    speakerName: turn.speaker.name,
    ...(turn.speaker.speakerId !== undefined && { speakerId: turn.speaker.speakerId }),
    ...(turn.speaker.delegationId !== undefined && { delegationId: turn.speaker.delegationId }),
    ...(turn.speaker.delegationName !== undefined && {
      delegationName: turn.speaker.delegationName,
    }),
    ...(turn.speaker.category !== undefined && { category: turn.speaker.category }),
    ...(turn.sex !== undefined && { sex: turn.sex }),
    ...(turn.requestId !== undefined && { requestId: turn.requestId }),
    kind: turn.speaker.kind ?? 'statement',
    ...(turn.speaker.onBehalfOf !== undefined && { onBehalfOf: turn.speaker.onBehalfOf }),
    ...(turn.speaker.addressedTo !== undefined && { addressedTo: turn.speaker.addressedTo }),
    limitMs: turn.limitMs,
    warnAtMs: turn.warnAtMs,
    startedAt: turn.firstStartedAt,
    endedAt: now,
    spokenMs,
    overtimeMs: overtimeOf(turn.limitMs, spokenMs),
  };
};

const requestRecord = (
  ctx: MeetingContext,
  request: QueuedRequest,
  outcome: RequestOutcome,
  now: number,
): RequestRecord => ({
  id: request.id,
  itemId: ctx.current?.itemId ?? '',
  stepId: ctx.current?.stepId ?? '',
  delegationId: request.delegationId,
  delegationName: request.name,
  category: request.category,
  ...(request.speakerName !== undefined && { speakerName: request.speakerName }),
  ...(request.sex !== undefined && { sex: request.sex }),
  kind: request.kind,
  ...(request.onBehalfOf !== undefined && { onBehalfOf: request.onBehalfOf }),
  ...(request.addressedTo !== undefined && { addressedTo: request.addressedTo }),
  madeBy: request.madeBy,
  requestedAt: request.requestedAt,
  outcome,
  endedAt: now,
  waitingAtClose: request.waitingAtClose,
});

const pauseClock = (turn: TurnState, now: number): TurnState =>
  turn.status === 'running'
    ? { ...turn, status: 'paused', elapsedMs: elapsedAt(turn, now), startedAt: null }
    : turn;

const delegationSpeaker = (delegation: Delegation, speakerName?: string): TurnSpeaker => ({
  name: speakerName ?? delegation.name,
  delegationId: delegation.id,
  delegationName: delegation.name,
  category: delegation.category,
});

const isPointOfOrder = (r: { kind: RequestKind }) => r.kind === 'point-of-order';

/**
 * A point of order given the floor: the turn being spoken is paused and kept, and given back
 * when the point of order's turn ends; a point of order speaking is simply ended. It does not
 * count toward the cluster, nor change the segment.
 */
const grantPointOfOrder = (change: Change, request: QueuedRequest, now: number): Outcome => {
  const here = currentStep(change.ctx);
  if (change.ctx.turn?.speaker.kind === 'point-of-order') change.finishTurn(now);
  const kept = change.ctx.turn;
  change.set({ turn: null, interrupted: kept ? pauseClock(kept, now) : null });
  if (!here) return change.done();
  return change
    .startTurn(
      requestSpeaker(request),
      here.step.pointOfOrderAllowance ?? POINT_OF_ORDER_ALLOWANCE,
      now,
      { requestId: request.id, ...(request.sex !== undefined && { sex: request.sex }) },
    )
    .done();
};

/** The speaker a request gives the floor to: the delegation, as the request named it. */
const requestSpeaker = (request: QueuedRequest): TurnSpeaker => ({
  ...delegationSpeaker(
    { id: request.delegationId, name: request.name, category: request.category },
    request.speakerName,
  ),
  ...(request.kind !== 'statement' && { kind: request.kind }),
  ...(request.onBehalfOf !== undefined && { onBehalfOf: request.onBehalfOf }),
  ...(request.addressedTo !== undefined && { addressedTo: request.addressedTo }),
});

/**
 * Who has spoken from the floor, for the cluster and for fair access: a statement counts toward
 * the cluster (a reply does not), and every statement or reply counts States since one of the
 * others last spoke.
 */
const countTurn = (
  floor: MeetingContext['floor'],
  kind: RequestKind,
  category: Category | undefined,
): MeetingContext['floor'] => ({
  ...floor,
  sincePanel: floor.sincePanel + (kind === 'statement' ? 1 : 0),
  statesSinceOther:
    category !== undefined && isStateCategory(category) ? floor.statesSinceOther + 1 : 0,
});

const grant = (change: Change, requestId: string, now: number): Outcome => {
  const waiting = change.ctx.floor.queue.find((r) => r.id === requestId);
  if (waiting && isPointOfOrder(waiting)) {
    change.takeRequest(requestId, 'granted', now);
    return grantPointOfOrder(change, waiting, now);
  }
  change.endTurn(now);
  const request = change.takeRequest(requestId, 'granted', now);
  const here = currentStep(change.ctx);
  const current = change.ctx.current;
  if (!request || here?.step.kind !== 'floor' || !current) return change.done();
  const step = here.step;
  change.segment('floor');
  const turnId = `T${nextVersion(change.ctx)}`;
  let allowance = request.onBehalfOf ? (step.groupAllowance ?? GROUP_ALLOWANCE) : step.allowance;
  if (request.kind === 'reply') {
    // The first reply in the item gets the first allowance, the second the second.
    const had = current.replies[request.delegationId] ?? 0;
    const allowances = step.replyAllowances ?? REPLY_ALLOWANCES;
    allowance = allowances[Math.min(had, allowances.length - 1)] ?? step.allowance;
    change.set({
      current: { ...current, replies: { ...current.replies, [request.delegationId]: had + 1 } },
    });
  }
  const floor = countTurn(change.ctx.floor, request.kind, request.category);
  const asked = request.addressedTo;
  change.set({
    floor: asked
      ? {
          ...floor,
          questions: [
            ...floor.questions,
            {
              turnId,
              delegationId: request.delegationId,
              name: request.name,
              ...(request.onBehalfOf !== undefined && { onBehalfOf: request.onBehalfOf }),
              addressedTo: asked,
              askedAt: now,
            },
          ],
        }
      : floor,
  });
  return change
    .startTurn(requestSpeaker(request), allowance, now, {
      segment: 'floor',
      requestId: request.id,
      ...(request.sex !== undefined && { sex: request.sex }),
    })
    .done();
};

export const effects = {
  startAgenda: (ctx, { now }) => {
    const item = ctx.agenda.items[0];
    const step = item?.steps[0];
    const change = new Change(ctx).set({ session: { status: 'running' } });
    if (item && step) change.enterStep(item.id, step.id, now);
    return change.done();
  },

  advanceStep: (ctx, { now }) => {
    const next = stepAfter(ctx);
    const change = new Change(ctx);
    return (next ? change.enterStep(next.itemId, next.stepId, now) : change.leaveStep(now)).done();
  },

  gotoStep: (ctx, { command, now }) => {
    const { itemId, stepId } = command as CommandOf<'agenda.goto'>;
    const item = ctx.agenda.items.find((i) => i.id === itemId);
    const target = stepId ?? item?.steps[0]?.id;
    // From `pending`, going to a step starts the session there.
    const change = new Change(ctx).set({
      session: ctx.session.status === 'pending' ? { status: 'running' } : ctx.session,
    });
    if (target !== undefined) change.enterStep(itemId, target, now);
    return change.done();
  },

  closeMeeting: (ctx, { now }) => {
    const here = ctx.current;
    const from = here && {
      itemId: here.itemId,
      stepId: here.stepId,
      itemStartedAt: here.itemStartedAt,
      heard: here.heard,
      replies: here.replies,
    };
    return new Change(ctx)
      .leaveStep(now)
      .set({ session: { status: 'closed', from } })
      .done();
  },

  /**
   * Back to the step it was closed at, as a new stretch of that step: nobody on the floor, the
   * list open and empty (its requests were recorded as unheard at the close). The item keeps
   * when it began and who was heard, so the schedule and "next speaker" carry on.
   */
  reopenMeeting: (ctx, { now }) => {
    const back = ctx.session.status === 'closed' ? ctx.session.from : null;
    const change = new Change(ctx).set({ session: { status: 'running' } });
    if (!back) return change.done();
    return change
      .set({ current: { ...back, startedAt: now }, turn: null, floor: emptyFloor() })
      .done();
  },

  suspendSession: (ctx, { command, now }) => {
    const { note } = command as CommandOf<'session.suspend'>;
    const fallback = ctx.agenda.breakNote;
    const shown = note !== undefined && note !== '' ? note : fallback;
    return new Change(ctx)
      .set({
        turn: ctx.turn ? pauseClock(ctx.turn, now) : null,
        session: { status: 'suspended', since: now, ...(shown !== undefined && { note: shown }) },
      })
      .done();
  },

  resumeSession: (ctx) => new Change(ctx).set({ session: { status: 'running' } }).done(),

  startTurn: (ctx, event) => {
    const { command, now } = event;
    const { speakerId, speaker } = command as CommandOf<'turn.start'>;
    const change = new Change(ctx).endTurn(now);
    const here = currentStep(ctx);
    const current = ctx.current;
    if (!here || !current) return change.done();
    if (speaker) {
      const who: TurnSpeaker = event.delegation
        ? delegationSpeaker(event.delegation, speaker.name)
        : { name: speaker.name };
      const allowance =
        here.step.kind === 'floor' && ctx.floor.segment === 'panel'
          ? (here.step.responseAllowance ?? here.step.allowance)
          : here.step.allowance;
      const segment = here.step.kind === 'floor' ? { segment: ctx.floor.segment } : {};
      if (here.step.kind === 'floor' && ctx.floor.segment === 'floor' && event.delegation) {
        // A delegation given the floor by name is an intervention from the floor like a grant.
        change.set({
          floor: countTurn(change.ctx.floor, 'statement', event.delegation.category),
        });
      }
      return change.startTurn(who, allowance, now, segment).done();
    }
    // A scheduled speaker: the one named, or the next of this step not yet heard.
    const heard = new Set(current.heard);
    const scheduled = scheduledSpeaker(ctx, speakerId);
    if (!scheduled) return change.done();
    const { speaker: p, step: s } = scheduled;
    const who: TurnSpeaker = {
      name: p.name,
      speakerId: p.id,
      ...(p.delegationId !== undefined && { delegationId: p.delegationId }),
    };
    if (here.step.kind === 'floor') {
      // A panelist given the floor in a discussion is the panel responding.
      change.segment('panel');
      return change
        .startTurn(who, here.step.responseAllowance ?? here.step.allowance, now, {
          segment: 'panel',
        })
        .done();
    }
    change.set({
      current: { ...current, heard: heard.has(p.id) ? current.heard : [...current.heard, p.id] },
    });
    return change.startTurn(who, p.allowance ?? s.allowance, now, {}).done();
  },

  pauseTurn: (ctx, { now }) =>
    new Change(ctx).set({ turn: ctx.turn ? pauseClock(ctx.turn, now) : null }).done(),

  resumeTurn: (ctx, { now }) =>
    new Change(ctx)
      .set({ turn: ctx.turn ? { ...ctx.turn, status: 'running', startedAt: now } : null })
      .done(),

  endTurn: (ctx, { now }) => new Change(ctx).finishTurn(now).done(),

  adjustTurn: (ctx, { command }) => {
    const { deltaMs } = command as CommandOf<'turn.adjust'>;
    const turn = ctx.turn;
    if (!turn) return new Change(ctx).done();
    return new Change(ctx)
      .set({
        turn: {
          ...turn,
          limitMs: turn.limitMs + deltaMs,
          warnAtMs: Math.max(0, turn.warnAtMs + deltaMs),
        },
      })
      .done();
  },

  queueRequest: (ctx, { command, delegation, group, now }) => {
    if (!delegation || !ctx.current) return new Change(ctx).done();
    const { speakerName, sex, kind, addressedTo } = command as
      | CommandOf<'floor.request'>
      | CommandOf<'floor.add'>;
    const request: QueuedRequest = {
      id: `R${nextVersion(ctx)}`,
      delegationId: delegation.id,
      name: delegation.name,
      category: delegation.category,
      requestedAt: now,
      ...(speakerName !== undefined && { speakerName }),
      ...(sex !== undefined && { sex }),
      kind: kind ?? 'statement',
      ...(group !== undefined && { onBehalfOf: { id: group.id, name: group.name } }),
      ...(addressedTo !== undefined && { addressedTo }),
      madeBy: command.type === 'floor.request' ? 'delegate' : 'officer',
      waitingAtClose: false,
    };
    // The list it joins keeps its discussion's order, early requests included.
    const listed = queueStep(ctx)?.step;
    const queue = placeInQueue(
      ctx.floor.queue,
      request,
      listed?.queuePolicy ?? 'arrival',
      listed?.interleaveEvery,
      ctx.floor.statesSinceOther,
    );
    return new Change(ctx).set({ floor: { ...ctx.floor, queue } }).done();
  },

  withdrawRequest: (ctx, { by, command, now }) => {
    const { requestId } = command as CommandOf<'floor.withdraw'>;
    const change = new Change(ctx);
    for (const request of ctx.floor.queue) {
      const named = requestId === undefined || request.id === requestId;
      if (named && request.delegationId === by.delegationId) {
        change.takeRequest(request.id, 'withdrawn', now);
      }
    }
    return change.done();
  },

  removeRequest: (ctx, { command, now }) => {
    const change = new Change(ctx);
    change.takeRequest((command as CommandOf<'floor.remove'>).requestId, 'removed', now);
    return change.done();
  },

  moveRequest: (ctx, { command }) => {
    const { requestId, position } = command as CommandOf<'floor.move'>;
    const request = ctx.floor.queue.find((r) => r.id === requestId);
    if (!request) return new Change(ctx).done();
    const rest = ctx.floor.queue.filter((r) => r.id !== requestId);
    const at = Math.min(position, rest.length);
    const queue = [...rest.slice(0, at), { ...request, moved: true }, ...rest.slice(at)];
    return new Change(ctx).set({ floor: { ...ctx.floor, queue } }).done();
  },

  grantRequest: (ctx, { command, now }) =>
    grant(new Change(ctx), (command as CommandOf<'floor.grant'>).requestId, now),

  grantNext: (ctx, { now }) => {
    const first = ctx.floor.queue[0];
    return first ? grant(new Change(ctx), first.id, now) : new Change(ctx).done();
  },

  closeList: (ctx) =>
    new Change(ctx)
      .set({
        floor: {
          ...ctx.floor,
          open: false,
          queue: ctx.floor.queue.map((r) => ({ ...r, waitingAtClose: true })),
        },
      })
      .done(),

  openList: (ctx) => new Change(ctx).set({ floor: { ...ctx.floor, open: true } }).done(),

  editAgenda: (ctx, { edit }) =>
    new Change(ctx)
      .set(edit?.ok ? { agenda: edit.agenda, agendaVersion: nextVersion(ctx) } : {})
      .done(),

  configureDisplay: (ctx, { command }) => {
    const { showDelay, blackout, lang } = command as CommandOf<'display.configure'>;
    return new Change(ctx)
      .set({
        display: {
          ...ctx.display,
          ...(showDelay !== undefined && { showDelay }),
          ...(blackout !== undefined && { blackout }),
          ...(lang !== undefined && { lang }),
        },
      })
      .done();
  },

  sendCue: (ctx, { command, now }) => {
    const { text, flash } = command as CommandOf<'cue.send'>;
    return new Change(ctx).set({ cue: { text, flash: flash ?? false, sentAt: now } }).done();
  },

  clearCue: (ctx) => new Change(ctx).set({ cue: null }).done(),

  switchSegment: (ctx, { command }) =>
    new Change(ctx).segment((command as CommandOf<'floor.segment'>).segment).done(),
} satisfies Record<string, Effect>;

export type EffectName = keyof typeof effects;
