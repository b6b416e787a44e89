import { mayRoleClose } from '../../shared/permissions';
import type { CommandOf } from '../../shared/protocol/commands';
import { isStateCategory } from '../../shared/protocol/common';
import { type Refusal, refuse } from '../../shared/protocol/errors';
import { LIMITS } from '../../shared/protocol/limits';
import type { MeetingStatus } from '../../shared/protocol/view';
import { editAgenda } from './agendaEdit';
import { atLastStep, type CommandEvent, currentStep, locate, type MeetingContext } from './context';

/**
 * Whether a command may act now, and if not, why, in words for the person who pressed the
 * button. Roles and `expectedVersion` are checked before; this knows only the meeting.
 * The machine's guard asks the same question, so the two cannot disagree.
 */
export const refusalOf = (
  status: MeetingStatus,
  ctx: MeetingContext,
  event: CommandEvent,
): Refusal | null => {
  const { command } = event;
  if (status === 'closed' && command.type !== 'session.reopen') {
    return refuse('not_now', 'The meeting is closed.');
  }
  switch (command.type) {
    case 'agenda.start':
      return status === 'pending' ? null : refuse('not_now', 'The session has already started.');
    case 'agenda.next':
      if (status === 'pending') return refuse('not_now', 'The session has not started yet.');
      return (
        stepPrecondition(ctx, command.fromItemId, command.fromStepId) ??
        (atLastStep(ctx) && !mayRoleClose(event.by.role)
          ? refuse(
              'forbidden',
              'This is the last step: moving on would close the meeting, and only a chair may close the meeting.',
            )
          : null)
      );
    case 'agenda.goto':
      return gotoRefusal(ctx, command);
    case 'session.suspend':
      if (status === 'pending') return refuse('not_now', 'The session has not started yet.');
      return status === 'suspended' ? refuse('not_now', 'The session is already suspended.') : null;
    case 'session.resume':
      return status === 'suspended' ? null : refuse('not_now', 'The session is not suspended.');
    case 'session.close':
      return null;
    case 'session.reopen':
      return reopenRefusal(status, ctx);
    case 'agenda.edit': {
      const edited = editAgenda(ctx.agenda, command.change);
      return edited.ok ? null : edited.error;
    }
    case 'display.configure':
      return ctx.display.showDelay === command.showDelay
        ? refuse(
            'not_now',
            command.showDelay
              ? 'The display already shows the delay.'
              : 'The display already hides the delay.',
          )
        : null;
    case 'turn.start':
      return sittingRefusal(status) ?? turnStartRefusal(ctx, event);
    case 'turn.pause':
      return (
        turnPrecondition(ctx, command.turnId) ??
        (ctx.turn?.status === 'paused' ? refuse('not_now', 'The clock is already paused.') : null)
      );
    case 'turn.resume':
      return (
        sittingRefusal(status) ??
        turnPrecondition(ctx, command.turnId) ??
        (ctx.turn?.status === 'running' ? refuse('not_now', 'The clock is already running.') : null)
      );
    case 'turn.end':
      return turnPrecondition(ctx, command.turnId);
    case 'turn.adjust':
      return turnPrecondition(ctx, command.turnId) ?? adjustRefusal(ctx, command);
    case 'floor.request':
    case 'floor.add':
      return floorStepRefusal(status, ctx) ?? requestRefusal(ctx, event);
    case 'floor.withdraw':
      return (
        floorStepRefusal(status, ctx) ??
        (ctx.floor.queue.some((r) => r.delegationId === event.by.delegationId)
          ? null
          : refuse('not_found', 'Your delegation has no request waiting.'))
      );
    case 'floor.remove':
    case 'floor.move':
      return floorStepRefusal(status, ctx) ?? queuedRefusal(ctx, command.requestId);
    case 'floor.grant':
      return (
        floorStepRefusal(status, ctx) ??
        sittingRefusal(status) ??
        queuedRefusal(ctx, command.requestId)
      );
    case 'floor.next':
      return (
        floorStepRefusal(status, ctx) ??
        sittingRefusal(status) ??
        (ctx.floor.queue.length === 0
          ? refuse('not_found', 'Nobody is waiting for the floor.')
          : null)
      );
    case 'floor.close':
      return (
        floorStepRefusal(status, ctx) ??
        (ctx.floor.open ? null : refuse('not_now', 'The list of speakers is already closed.'))
      );
    case 'floor.open':
      return (
        floorStepRefusal(status, ctx) ??
        (ctx.floor.open ? refuse('not_now', 'The list of speakers is already open.') : null)
      );
    case 'floor.segment':
      return (
        floorStepRefusal(status, ctx) ??
        (ctx.floor.segment === command.segment
          ? refuse(
              'not_now',
              command.segment === 'panel'
                ? 'The panel already has the floor.'
                : 'The floor is already open to delegations.',
            )
          : null)
      );
    default:
      return command satisfies never;
  }
};

const sittingRefusal = (status: MeetingStatus): Refusal | null => {
  if (status === 'pending') return refuse('not_now', 'The session has not started yet.');
  if (status === 'suspended')
    return refuse('not_now', 'The session is suspended: resume it first.');
  return null;
};

const reopenRefusal = (status: MeetingStatus, ctx: MeetingContext): Refusal | null => {
  if (status !== 'closed') return refuse('not_now', 'The meeting is not closed.');
  if (ctx.closedFrom === null || ctx.agenda.items.length === 0) {
    return refuse(
      'not_now',
      'The meeting was closed before it began: there is no step to go back to.',
    );
  }
  return null;
};

const stepPrecondition = (
  ctx: MeetingContext,
  fromItemId: string | undefined,
  fromStepId: string | undefined,
): Refusal | null => {
  // Step ids repeat across items (every panel has an "opening"): the item, when given, tells
  // them apart.
  const sameStep = fromStepId === undefined || ctx.current?.stepId === fromStepId;
  const sameItem = fromItemId === undefined || ctx.current?.itemId === fromItemId;
  if (sameStep && sameItem) return null;
  const here = currentStep(ctx);
  return refuse(
    'conflict',
    `The meeting has already moved on${here ? ` to "${here.step.title}"` : ''}.`,
  );
};

const gotoRefusal = (ctx: MeetingContext, command: CommandOf<'agenda.goto'>): Refusal | null => {
  const item = ctx.agenda.items.find((i) => i.id === command.itemId);
  if (!item) return refuse('not_found', `There is no agenda item "${command.itemId}".`);
  const stepId = command.stepId ?? item.steps[0]?.id;
  if (stepId === undefined || !locate(ctx.agenda, item.id, stepId)) {
    return refuse('not_found', `Item "${item.title}" has no step "${command.stepId}".`);
  }
  if (ctx.current?.itemId === item.id && ctx.current.stepId === stepId) {
    return refuse('not_now', 'The meeting is already at that step.');
  }
  return null;
};

const turnPrecondition = (ctx: MeetingContext, turnId: string | undefined): Refusal | null => {
  // A named turn that is no longer current is a conflict even when nobody has the floor: the
  // second of two presses on "end" must not read as a different mistake (PROTOCOL.md).
  if (turnId !== undefined && ctx.turn?.id !== turnId) {
    return refuse(
      'conflict',
      ctx.turn
        ? `That turn is over: ${ctx.turn.speaker.name} has the floor now.`
        : 'That turn is over: nobody has the floor now.',
    );
  }
  if (!ctx.turn) return refuse('not_now', 'Nobody has the floor.');
  return null;
};

const adjustRefusal = (ctx: MeetingContext, command: CommandOf<'turn.adjust'>): Refusal | null => {
  if (!ctx.turn) return null;
  if (command.fromLimitMs !== undefined && command.fromLimitMs !== ctx.turn.limitMs) {
    return refuse('conflict', 'The time of this turn was changed meanwhile: look again and retry.');
  }
  const limitMs = ctx.turn.limitMs + command.deltaMs;
  if (limitMs < 0) return refuse('invalid', 'That would remove more time than the turn was given.');
  // No turn may be given more than the longest allowance a step may set: beyond it the view and
  // the record would no longer fit the contract's durations.
  if (limitMs > LIMITS.maxAllowanceMs) {
    return refuse(
      'invalid',
      `A turn may be given at most ${LIMITS.maxAllowanceMs / 3_600_000} hours.`,
    );
  }
  return null;
};

const turnStartRefusal = (ctx: MeetingContext, event: CommandEvent): Refusal | null => {
  const command = event.command as CommandOf<'turn.start'>;
  const here = currentStep(ctx);
  if (!here) return refuse('not_now', 'No step is under way.');
  if (command.speakerId !== undefined) {
    const scheduled = here.item.steps.some(
      (s) => s.kind === 'speakers' && s.speakers.some((p) => p.id === command.speakerId),
    );
    return scheduled
      ? null
      : refuse('not_found', `"${command.speakerId}" is not a scheduled speaker of this item.`);
  }
  if (command.speaker) {
    if (command.speaker.delegationId !== undefined && !event.delegation) {
      return refuse('not_found', `There is no delegation "${command.speaker.delegationId}".`);
    }
    return null;
  }
  if (here.step.kind === 'floor') {
    return refuse('not_now', 'In a discussion, give the floor to a request or name the speaker.');
  }
  const heard = new Set(ctx.current?.heard);
  return here.step.speakers.some((s) => !heard.has(s.id))
    ? null
    : refuse(
        'not_now',
        'Every scheduled speaker of this step has been heard: name the next speaker.',
      );
};

const floorStepRefusal = (status: MeetingStatus, ctx: MeetingContext): Refusal | null => {
  if (status === 'pending') return refuse('not_now', 'The session has not started yet.');
  return currentStep(ctx)?.step.kind === 'floor'
    ? null
    : refuse('not_now', 'The floor is not open for requests in this step.');
};

const requestRefusal = (ctx: MeetingContext, event: CommandEvent): Refusal | null => {
  const { delegation } = event;
  if (!delegation) return refuse('not_found', 'There is no such delegation in this meeting.');
  const here = currentStep(ctx);
  if (
    here?.step.kind === 'floor' &&
    here.step.openTo &&
    !here.step.openTo.includes(delegation.category)
  ) {
    const who = here.step.openTo.every(isStateCategory) ? 'States' : here.step.openTo.join(', ');
    return refuse('forbidden', `In this step the floor is open to ${who} only.`);
  }
  if (ctx.floor.queue.some((r) => r.delegationId === delegation.id)) {
    return refuse('already_queued', `${delegation.name} is already waiting for the floor.`);
  }
  if (event.command.type === 'floor.request' && !ctx.floor.open) {
    return refuse('list_closed', 'The list of speakers is closed.');
  }
  return null;
};

const queuedRefusal = (ctx: MeetingContext, requestId: string): Refusal | null =>
  ctx.floor.queue.some((r) => r.id === requestId)
    ? null
    : refuse('not_found', 'That request is no longer waiting.');
