import { and, not, setup } from 'xstate';
import { CATEGORY_LABEL, type Category, isStateCategory } from '../categories';
import { mayRoleClose } from '../permissions';
import type { Delegation } from '../protocol/agenda';
import type { CommandOf, CommandType } from '../protocol/commands';
import type { RequestKind } from '../protocol/enums';
import { LIMITS } from '../protocol/limits';
import type { CommandErrorCode as ErrorCode } from '../protocol/refusals';
import { MAX_REPLIES_PER_ITEM } from '../protocol/stepDefaults';
import type { CommandEvent, MeetingContext, Records } from './context';
import { type EffectName, effects } from './effects';
import {
  atLastStep,
  currentStep,
  locate,
  panelistsOfItem,
  queueStep,
  scheduledSpeaker,
} from './places';
import { type RefusalId, type Refused, refused, type ValuesArg } from './refusals';

/**
 * The meeting's statechart (docs/architecture.md, "The engine"). Its states are what the room is
 * in; each state says, for each command, what it does there or why it is refused there. A
 * command is decided by one pass through the chart (`decide.ts`): the guards below run once, the
 * chosen transition's effect runs once, and a refusal is a transition too (the `refuse` action),
 * so the reason is the state's own.
 *
 *   pending ── agenda.start / agenda.goto ──> sitting ── agenda.next at the last step ──> closed
 *   sitting (parallel):                                  <── session.reopen ──
 *     session: running <-> suspended
 *     step:    speakers | floor (parallel: list open <-> closed, segment floor <-> panel)
 *     turn:    none -> speaking (running <-> paused) -> none
 *              speaking -- a point of order granted --> interrupting (the turn kept, paused)
 *              interrupting -- its end --> speaking.paused (the turn given back)
 *
 * The chart's configuration is a function of the context (`chartValue`): a snapshot keeps the
 * context only, and a transition that reshapes several regions at once (a new step, a grant)
 * re-enters `sitting`, whose regions route from the new context through their `route` states.
 * A test walks every transition and checks the chart lands where its new context says.
 */

type Ctx = { context: MeetingContext; event: CommandEvent };

/** The command as the type the handler knows it is. */
const the = <T extends CommandType>(event: CommandEvent, _type: T) =>
  event.command as Extract<CommandEvent['command'], { type: T }>;

const turnIdSeen = (event: CommandEvent): string | null | undefined => {
  const { command } = event;
  switch (command.type) {
    case 'turn.start':
    case 'turn.pause':
    case 'turn.resume':
    case 'turn.end':
    case 'turn.adjust':
    case 'floor.grant':
    case 'floor.next':
      return command.turnId;
    default:
      return undefined;
  }
};

const stepSeen = (event: CommandEvent): { itemId?: string; stepId?: string } => {
  const { command } = event;
  return command.type === 'agenda.next' ||
    command.type === 'agenda.goto' ||
    command.type === 'turn.start'
    ? { itemId: command.fromItemId, stepId: command.fromStepId }
    : {};
};

/** What a request asks for: a statement unless it says otherwise. */
const kindAsked = (event: CommandEvent): RequestKind | undefined => {
  const { command } = event;
  return command.type === 'floor.request' || command.type === 'floor.add'
    ? (command.kind ?? 'statement')
    : undefined;
};
const asksPointOfOrder = (event: CommandEvent): boolean => kindAsked(event) === 'point-of-order';

/** The request's own fields, for the checks of group statements and questions. */
const asked = (event: CommandEvent) =>
  event.command as CommandOf<'floor.request'> | CommandOf<'floor.add'>;

/** A delegation that already waits with this kind of request. */
const ALREADY = {
  statement: 'refusal.already-waiting',
  reply: 'refusal.already-asked-reply',
  'point-of-order': 'refusal.already-raised-point-of-order',
} as const satisfies Record<RequestKind, RefusalId>;

/**
 * The delegation a request names, as a refusal's values: its name, and its id for a screen to
 * name it in its language. The checks before these refusals found it in the roster; the id the
 * command gave stands in otherwise.
 */
const delegationOf = (event: CommandEvent): { delegation: string; delegationId: string } => {
  const known: Pick<Delegation, 'id' | 'name'> | undefined = event.delegation;
  const { command } = event;
  const named = command.type === 'floor.add' ? command.delegationId : event.by.delegationId;
  const id = known?.id ?? named ?? '';
  return { delegation: known?.name ?? id, delegationId: id };
};

/**
 * Whoever has the floor, as a refusal's values: the speaker's name, and when the speaker is named
 * by the delegation (no speaker's name of its own) the delegation's id, for a screen to name it.
 */
const speakerOf = (turn: NonNullable<MeetingContext['turn']>) => ({
  speaker: turn.speaker.name,
  delegationId:
    turn.speaker.delegationId !== undefined && turn.speaker.name === turn.speaker.delegationName
      ? turn.speaker.delegationId
      : '',
});

const chartSetup = setup({
  types: {} as { context: MeetingContext; events: CommandEvent },
  guards: {
    // Where the room is: the routes of `sitting`'s regions read these.
    sessionSuspended: ({ context }) => context.session.status === 'suspended',
    stepIsFloor: ({ context }) => currentStep(context)?.step.kind === 'floor',
    listClosed: ({ context }) => !context.floor.open,
    panelHasFloor: ({ context }) => context.floor.segment === 'panel',
    turnRunning: ({ context }) => context.turn?.status === 'running',
    turnPaused: ({ context }) => context.turn?.status === 'paused',

    // What the sender saw (intent): another step or turn now means the press was for a moment past.
    stepSeenElsewhere: ({ context, event }) => {
      // Step ids repeat across items (every panel has an "opening"): the item tells them apart.
      const seen = stepSeen(event);
      return (
        (seen.stepId !== undefined && context.current?.stepId !== seen.stepId) ||
        (seen.itemId !== undefined && context.current?.itemId !== seen.itemId)
      );
    },
    turnSeenElsewhere: ({ context, event }) => {
      const seen = turnIdSeen(event);
      return seen !== undefined && (context.turn?.id ?? null) !== seen;
    },
    headSeenElsewhere: ({ context, event }) => {
      const seen = the(event, 'floor.next').requestId;
      return seen !== undefined && context.floor.queue[0]?.id !== seen;
    },
    limitSeenElsewhere: ({ context, event }) => {
      const seen = the(event, 'turn.adjust').fromLimitMs;
      return seen !== undefined && seen !== context.turn?.limitMs;
    },

    // The agenda.
    atLastStep: ({ context }) => atLastStep(context),
    senderMayClose: ({ event }) => mayRoleClose(event.by.role),
    gotoItemMissing: ({ context, event }) =>
      !context.agenda.items.some((i) => i.id === the(event, 'agenda.goto').itemId),
    gotoStepMissing: ({ context, event }) => gotoTarget(context, event) === null,
    alreadyAtGotoTarget: ({ context, event }) => {
      const target = gotoTarget(context, event);
      return (
        target !== null &&
        context.current?.itemId === target.itemId &&
        context.current.stepId === target.stepId
      );
    },
    editInvalid: ({ event }) => event.edit?.ok !== true,
    displayUnchanged: ({ context, event }) => {
      const { showDelay, blackout, lang } = the(event, 'display.configure');
      const shown = context.display;
      return (
        (showDelay === undefined || showDelay === shown.showDelay) &&
        (blackout === undefined || blackout === shown.blackout) &&
        (lang === undefined || lang === shown.lang)
      );
    },
    noCue: ({ context }) => context.cue === null,
    closedBeforeItBegan: ({ context }) =>
      context.session.status !== 'closed' ||
      context.session.from === null ||
      context.agenda.items.length === 0,

    // The turn.
    speakerNotScheduled: ({ context, event }) => {
      const { speakerId } = the(event, 'turn.start');
      return speakerId !== undefined && scheduledSpeaker(context, speakerId) === null;
    },
    adHocDelegationMissing: ({ event }) => {
      const { speaker } = the(event, 'turn.start');
      return speaker?.delegationId !== undefined && !event.delegation;
    },
    namesNobody: ({ event }) => {
      const command = the(event, 'turn.start');
      return command.speakerId === undefined && command.speaker === undefined;
    },
    everyScheduledSpeakerHeard: ({ context }) => scheduledSpeaker(context) === null,
    adjustBelowZero: ({ context, event }) =>
      (context.turn?.limitMs ?? 0) + the(event, 'turn.adjust').deltaMs < 0,
    adjustBeyondLongest: ({ context, event }) =>
      (context.turn?.limitMs ?? 0) + the(event, 'turn.adjust').deltaMs > LIMITS.maxAllowanceMs,

    // The list of speakers.
    delegationUnknown: ({ event }) => !event.delegation,
    // The discussion's categories: the current step's, or the one an early request is for.
    stepClosedToCategory: ({ context, event }) => {
      const openTo = queueStep(context)?.step.openTo;
      return (
        openTo !== undefined &&
        event.delegation !== undefined &&
        !openTo.includes(event.delegation.category)
      );
    },
    // A delegation waits once with each kind: a statement, a reply, a point of order.
    alreadyQueued: ({ context, event }) =>
      context.floor.queue.some(
        (r) => r.delegationId === event.delegation?.id && r.kind === kindAsked(event),
      ),
    asksPointOfOrder: ({ event }) => asksPointOfOrder(event),
    asksReply: ({ event }) => kindAsked(event) === 'reply',
    asksStatement: ({ event }) => kindAsked(event) === 'statement',
    earlyRequestsTaken: ({ context }) => queueStep(context)?.early === true,
    groupMissing: ({ event }) => asked(event).onBehalfOf !== undefined && !event.group,
    notGroupMember: ({ event }) =>
      event.group !== undefined &&
      event.delegation !== undefined &&
      !event.group.members.includes(event.delegation.id),
    addresseeUnknown: ({ context, event }) => {
      const panelists = panelistsOfItem(context);
      return (asked(event).addressedTo ?? []).some((id) => !panelists.has(id));
    },
    repliesUsed: ({ context, event }) =>
      (context.current?.replies[event.delegation?.id ?? ''] ?? 0) >= MAX_REPLIES_PER_ITEM,
    interruptsNobody: ({ context }) => context.interrupted === null,
    senderNotWaiting: ({ context, event }) => {
      const { requestId } = the(event, 'floor.withdraw');
      return !context.floor.queue.some(
        (r) =>
          r.delegationId === event.by.delegationId &&
          (requestId === undefined || r.id === requestId),
      );
    },
    // Before its discussion, an early statement waits: only a point of order is heard now.
    grantsEarlyStatement: ({ context, event }) => {
      const { command } = event;
      const id =
        command.type === 'floor.grant'
          ? command.requestId
          : command.type === 'floor.next'
            ? context.floor.queue[0]?.id
            : undefined;
      const request = context.floor.queue.find((r) => r.id === id);
      return request !== undefined && request.kind !== 'point-of-order';
    },
    requestNotWaiting: ({ context, event }) => {
      const { command } = event;
      const requestId =
        command.type === 'floor.remove' ||
        command.type === 'floor.move' ||
        command.type === 'floor.grant'
          ? command.requestId
          : undefined;
      return !context.floor.queue.some((r) => r.id === requestId);
    },
    queueEmpty: ({ context }) => context.floor.queue.length === 0,
    asksForPanel: ({ event }) => the(event, 'floor.segment').segment === 'panel',
  },
  actions: {
    /** A refusal: the command changes nothing; `decide` answers the code and the reason. */
    refuse: (_: Ctx, _refused: Refused) => {},
    /** The records a command made, for the server to store with it. */
    record: (_: Ctx, _records: Records) => {},
  },
});

/** The step `agenda.goto` names (its first step when it names none), if the agenda has it. */
const gotoTarget = (context: MeetingContext, event: CommandEvent) => {
  const { itemId, stepId } = the(event, 'agenda.goto');
  const item = context.agenda.items.find((i) => i.id === itemId);
  const target = stepId ?? item?.steps[0]?.id;
  return target !== undefined && locate(context.agenda, itemId, target)
    ? { itemId, stepId: target }
    : null;
};

/** Runs a named effect: assigns the new context, then hands over what it recorded. */
const act = (name: EffectName) =>
  chartSetup.enqueueActions(({ context, event, enqueue }) => {
    const { ctx, records } = effects[name](context, event);
    enqueue.assign(() => ctx);
    if (records.turns.length + records.requests.length + records.steps.length > 0) {
      enqueue({ type: 'record', params: records });
    }
  });

/** A refusal with fixed words. */
const refuse = <I extends RefusalId>(code: ErrorCode, id: I, ...values: ValuesArg<I>) => ({
  actions: { type: 'refuse' as const, params: refused(code, id, ...values) },
});
/** A refusal whose words depend on the meeting (who has the floor, which step). */
const refuseWith = (reason: (c: Ctx) => Refused) => ({
  actions: { type: 'refuse' as const, params: reason },
});
const when = <const G, R extends object>(guard: G, refusal: R) => ({ guard, ...refusal });

const NOT_STARTED = refuse('not_now', 'refusal.not-started');
const NOBODY_SPEAKS = refuse('not_now', 'refusal.nobody-speaks');
const NOT_CLOSED = refuse('not_now', 'refusal.not-closed');
const NOT_A_DISCUSSION = refuse('not_now', 'refusal.not-a-discussion');
const SUSPENDED = refuse('not_now', 'refusal.suspended');

/** A turn button pressed for a turn that is over: a conflict, even when nobody speaks now. */
const TURN_OVER = when(
  'turnSeenElsewhere',
  refuseWith(({ context }) =>
    context.turn
      ? refused('conflict', 'refusal.turn-over', speakerOf(context.turn))
      : refused('conflict', 'refusal.turn-over-nobody'),
  ),
);
/** A floor-giving button pressed when the floor had changed hands: given once, not twice. */
const FLOOR_CHANGED = when(
  'turnSeenElsewhere',
  refuseWith(({ context }) =>
    context.turn
      ? refused('conflict', 'refusal.floor-given-meanwhile', speakerOf(context.turn))
      : refused('conflict', 'refusal.turn-ended-meanwhile'),
  ),
);
const STEP_PAST = when(
  'stepSeenElsewhere',
  refuseWith(({ context }) => {
    const here = currentStep(context);
    return here
      ? refused('conflict', 'refusal.moved-on-to', { step: here.step.title })
      : refused('conflict', 'refusal.moved-on');
  }),
);
const NOT_WAITING = when('requestNotWaiting', refuse('not_found', 'refusal.request-gone'));

const each = <K extends string, V>(keys: readonly K[], value: V) =>
  Object.fromEntries(keys.map((k) => [k, value])) as Record<K, V>;

/** `agenda.edit` and `display.configure` act the same before, during and after the sitting. */
const SETTINGS = {
  'agenda.edit': [
    {
      guard: 'editInvalid' as const,
      actions: {
        type: 'refuse' as const,
        params: ({ event }: Ctx): Refused =>
          event.edit?.ok === false
            ? event.edit.error
            : refused('invalid', 'refusal.agenda-change-invalid'),
      },
    },
    { actions: act('editAgenda') },
  ],
  'display.configure': [
    when(
      'displayUnchanged',
      refuseWith(({ event }) => {
        const { showDelay, blackout, lang } = the(event, 'display.configure');
        if (blackout !== undefined) {
          return refused(
            'not_now',
            blackout ? 'refusal.display-already-black' : 'refusal.display-already-showing',
          );
        }
        if (lang !== undefined) return refused('not_now', 'refusal.display-already-in-language');
        return refused(
          'not_now',
          showDelay ? 'refusal.display-already-shows-delay' : 'refusal.display-already-hides-delay',
        );
      }),
    ),
    { actions: act('configureDisplay') },
  ],
};

/** Re-enters the sitting: its regions route from the context the effect left. */
const RESHAPE = { target: '#meeting.sitting', reenter: true } as const;

const CLOSED_TO_CATEGORY = refuseWith(({ context }) => {
  // The discussion the request is for: the current step, or the one an early request waits for.
  const openTo: readonly Category[] = queueStep(context)?.step.openTo ?? [];
  if (openTo.every(isStateCategory)) return refused('forbidden', 'refusal.open-to-states');
  // In the room's words, as the tablet shows them: "UN system, Stakeholder", not the ids; the
  // ids too, for a screen to say them in its language.
  return refused('forbidden', 'refusal.open-to-categories', {
    categories: openTo.map((category) => CATEGORY_LABEL[category]).join(', '),
    categoryIds: openTo.join(','),
  });
});

/**
 * A request for the floor (contract version 2, "Kinds of request"), in any step, checked in
 * this order. A statement is asked for in a discussion, or before it when it takes early
 * requests; a right of reply in a discussion; a point of order anywhere. A reply and a point of
 * order need the room sitting (not suspended) and pass a closed list; a statement meets the
 * discussion's categories, and on a tablet the closed list. An officer may still add a
 * statement to a closed list.
 */
const UNKNOWN_DELEGATION = when(
  'delegationUnknown',
  refuse('not_found', 'refusal.no-such-delegation'),
);
const ALREADY_QUEUED = when(
  'alreadyQueued',
  refuseWith(({ event }) =>
    refused('already_queued', ALREADY[kindAsked(event) ?? 'statement'], delegationOf(event)),
  ),
);
const requestChecks = (by: 'officer' | 'delegate') => [
  UNKNOWN_DELEGATION,
  when(
    and(['asksReply', not('stepIsFloor')]),
    refuse('not_now', 'refusal.reply-outside-discussion'),
  ),
  when(and(['asksStatement', not('stepIsFloor'), not('earlyRequestsTaken')]), NOT_A_DISCUSSION),
  when(and([not('asksStatement'), 'sessionSuspended']), SUSPENDED),
  when(and([not('asksPointOfOrder'), 'stepClosedToCategory']), CLOSED_TO_CATEGORY),
  when(
    'groupMissing',
    refuseWith(({ event }) =>
      refused('not_found', 'refusal.no-such-group', { id: String(asked(event).onBehalfOf) }),
    ),
  ),
  when(
    'notGroupMember',
    refuseWith(({ event }) => {
      const groupId = event.group?.id ?? String(asked(event).onBehalfOf);
      return refused('forbidden', 'refusal.not-group-member', {
        ...delegationOf(event),
        group: event.group?.name ?? groupId,
        groupId,
      });
    }),
  ),
  when('addresseeUnknown', refuse('not_found', 'refusal.addressee-not-panelist')),
  ALREADY_QUEUED,
  ...(by === 'delegate'
    ? [when(and(['asksStatement', 'listClosed']), refuse('list_closed', 'refusal.list-closed'))]
    : []),
  when(
    and(['asksReply', 'repliesUsed']),
    refuseWith(({ event }) =>
      refused('not_now', 'refusal.replies-used', {
        ...delegationOf(event),
        count: MAX_REPLIES_PER_ITEM,
      }),
    ),
  ),
  { actions: act('queueRequest') },
];

/**
 * What acts on the queue, in any step: outside a discussion only points of order and early
 * statements wait in it.
 */
const ON_THE_QUEUE = {
  'floor.request': requestChecks('delegate'),
  'floor.add': requestChecks('officer'),
  'floor.withdraw': [
    when('senderNotWaiting', refuse('not_found', 'refusal.nothing-to-withdraw')),
    { actions: act('withdrawRequest') },
  ],
  'floor.remove': [NOT_WAITING, { actions: act('removeRequest') }],
  'floor.move': [NOT_WAITING, { actions: act('moveRequest') }],
  'floor.grant': [NOT_WAITING, FLOOR_CHANGED, { ...RESHAPE, actions: act('grantRequest') }],
  'floor.next': [
    when('queueEmpty', refuse('not_found', 'refusal.nobody-waiting')),
    FLOOR_CHANGED,
    when(
      'headSeenElsewhere',
      refuseWith(({ context }) => {
        const head = context.floor.queue[0];
        // The queue is not empty here (`queueEmpty` comes first).
        return head
          ? refused('conflict', 'refusal.queue-changed', {
              delegation: head.name,
              delegationId: head.delegationId,
            })
          : refused('not_found', 'refusal.nobody-waiting');
      }),
    ),
    { ...RESHAPE, actions: act('grantNext') },
  ],
};

/** What `agenda.goto` meets wherever it is taken: the step seen, and a step that exists. */
const GOTO_CHECKS = [
  STEP_PAST,
  when(
    'gotoItemMissing',
    refuseWith(({ event }) =>
      refused('not_found', 'refusal.no-such-item', { id: the(event, 'agenda.goto').itemId }),
    ),
  ),
  when(
    'gotoStepMissing',
    refuseWith(({ event }) =>
      refused('not_found', 'refusal.item-has-no-step', {
        id: String(the(event, 'agenda.goto').stepId),
      }),
    ),
  ),
];

/** The clock of the turn on the floor: it runs, or it is paused. */
const CLOCK = {
  running: {
    on: {
      'turn.pause': [TURN_OVER, { target: 'paused', actions: act('pauseTurn') }],
      'turn.resume': [TURN_OVER, refuse('not_now', 'refusal.clock-running')],
    },
  },
  paused: {
    on: {
      'turn.pause': [TURN_OVER, refuse('not_now', 'refusal.clock-paused')],
      'turn.resume': [TURN_OVER, { target: 'running', actions: act('resumeTurn') }],
    },
  },
};

/** Time added to (or taken from) the turn on the floor. */
const ADJUST = [
  TURN_OVER,
  when('limitSeenElsewhere', refuse('conflict', 'refusal.time-changed')),
  when('adjustBelowZero', refuse('invalid', 'refusal.removes-too-much')),
  when(
    'adjustBeyondLongest',
    refuse('invalid', 'refusal.turn-too-long', { hours: LIMITS.maxAllowanceMs / 3_600_000 }),
  ),
  { actions: act('adjustTurn') },
];

/** A cue to the speaker on the floor, and its clearing (contract version 2). */
const NO_CUE = when('noCue', refuse('not_now', 'refusal.no-cue'));
const CUES = {
  'cue.send': { actions: act('sendCue') },
  'cue.clear': [NO_CUE, { actions: act('clearCue') }],
};

export const meetingChart = chartSetup.createMachine({
  id: 'meeting',
  context: ({ input }) => input as MeetingContext,
  initial: 'pending',
  // No catch-all here: inside `sitting` every region would reach it. `decide` answers a command
  // no state takes (a test checks there is none) as `not_now`.
  states: {
    pending: {
      on: {
        'agenda.start': { target: 'sitting', actions: act('startAgenda') },
        'agenda.goto': [...GOTO_CHECKS, { target: 'sitting', actions: act('gotoStep') }],
        'session.close': { target: 'closed', actions: act('closeMeeting') },
        ...SETTINGS,
        'session.reopen': NOT_CLOSED,
        'turn.pause': [TURN_OVER, NOBODY_SPEAKS],
        'turn.end': [TURN_OVER, NOBODY_SPEAKS],
        'turn.adjust': [TURN_OVER, NOBODY_SPEAKS],
        '*': NOT_STARTED,
      },
    },

    sitting: {
      type: 'parallel',
      on: {
        'agenda.start': refuse('not_now', 'refusal.already-started'),
        'agenda.next': [
          STEP_PAST,
          when(
            and(['atLastStep', not('senderMayClose')]),
            refuse('forbidden', 'refusal.last-step-chair-closes'),
          ),
          { guard: 'atLastStep', target: 'closed', actions: act('closeMeeting') },
          { ...RESHAPE, actions: act('advanceStep') },
        ],
        'agenda.goto': [
          ...GOTO_CHECKS,
          when('alreadyAtGotoTarget', refuse('not_now', 'refusal.already-at-step')),
          { ...RESHAPE, actions: act('gotoStep') },
        ],
        'session.close': { target: 'closed', actions: act('closeMeeting') },
        'session.reopen': NOT_CLOSED,
        ...SETTINGS,
      },
      states: {
        session: {
          initial: 'route',
          states: {
            route: { always: [{ guard: 'sessionSuspended', target: 'suspended' }, 'running'] },
            running: {
              on: {
                'session.suspend': { ...RESHAPE, actions: act('suspendSession') },
                'session.resume': refuse('not_now', 'refusal.not-suspended'),
              },
            },
            suspended: {
              on: {
                'session.suspend': refuse('not_now', 'refusal.already-suspended'),
                'session.resume': { target: 'running', actions: act('resumeSession') },
                // The clock stays stopped while the room is suspended: nobody is given the floor.
                ...each(
                  ['turn.start', 'turn.resume', 'floor.grant', 'floor.next'] as const,
                  SUSPENDED,
                ),
              },
            },
          },
        },

        step: {
          initial: 'route',
          on: ON_THE_QUEUE,
          states: {
            route: { always: [{ guard: 'stepIsFloor', target: 'floor' }, 'speakers'] },
            speakers: {
              on: {
                ...each(['floor.close', 'floor.open', 'floor.segment'] as const, NOT_A_DISCUSSION),
                // With nobody waiting, the queue's buttons speak of the step, as ever; when a
                // point of order or an early request waits, they act on it (the step's handlers
                // above), but only a point of order is given the floor before the discussion.
                ...each(
                  ['floor.withdraw', 'floor.remove', 'floor.move'] as const,
                  when('queueEmpty', NOT_A_DISCUSSION),
                ),
                ...each(['floor.grant', 'floor.next'] as const, [
                  when('queueEmpty', NOT_A_DISCUSSION),
                  when('grantsEarlyStatement', refuse('not_now', 'refusal.early-request-waits')),
                ]),
              },
            },
            floor: {
              type: 'parallel',
              states: {
                list: {
                  initial: 'route',
                  states: {
                    route: { always: [{ guard: 'listClosed', target: 'closed' }, 'open'] },
                    open: {
                      on: {
                        'floor.close': { target: 'closed', actions: act('closeList') },
                        'floor.open': refuse('not_now', 'refusal.list-already-open'),
                      },
                    },
                    closed: {
                      on: {
                        'floor.open': { target: 'open', actions: act('openList') },
                        'floor.close': refuse('not_now', 'refusal.list-already-closed'),
                      },
                    },
                  },
                },
                segment: {
                  initial: 'route',
                  states: {
                    route: { always: [{ guard: 'panelHasFloor', target: 'panel' }, 'floor'] },
                    floor: {
                      on: {
                        'floor.segment': [
                          { guard: 'asksForPanel', target: 'panel', actions: act('switchSegment') },
                          refuse('not_now', 'refusal.floor-already-open'),
                        ],
                      },
                    },
                    panel: {
                      on: {
                        'floor.segment': [
                          when(
                            'asksForPanel',
                            refuse('not_now', 'refusal.panel-already-has-floor'),
                          ),
                          { target: 'floor', actions: act('switchSegment') },
                        ],
                      },
                    },
                  },
                },
              },
            },
          },
        },

        turn: {
          initial: 'route',
          on: {
            'turn.start': [
              FLOOR_CHANGED,
              STEP_PAST,
              when(
                'speakerNotScheduled',
                refuseWith(({ event }) =>
                  refused('not_found', 'refusal.not-scheduled', {
                    id: String(the(event, 'turn.start').speakerId),
                  }),
                ),
              ),
              when(
                'adHocDelegationMissing',
                refuseWith(({ event }) =>
                  refused('not_found', 'refusal.no-such-delegation-id', {
                    id: String(the(event, 'turn.start').speaker?.delegationId),
                  }),
                ),
              ),
              when(
                and(['namesNobody', 'stepIsFloor']),
                refuse('not_now', 'refusal.discussion-needs-speaker'),
              ),
              when(
                and(['namesNobody', 'everyScheduledSpeakerHeard']),
                refuse('not_now', 'refusal.every-speaker-heard'),
              ),
              { ...RESHAPE, actions: act('startTurn') },
            ],
          },
          states: {
            route: {
              always: [
                { guard: and(['turnRunning', 'interruptsNobody']), target: 'speaking.running' },
                { guard: and(['turnPaused', 'interruptsNobody']), target: 'speaking.paused' },
                { guard: 'turnRunning', target: 'interrupting.running' },
                { guard: 'turnPaused', target: 'interrupting.paused' },
                'none',
              ],
            },
            none: {
              on: {
                'turn.pause': [TURN_OVER, NOBODY_SPEAKS],
                'turn.resume': [TURN_OVER, NOBODY_SPEAKS],
                'turn.end': [TURN_OVER, NOBODY_SPEAKS],
                'turn.adjust': [TURN_OVER, NOBODY_SPEAKS],
                'cue.send': refuse('not_now', 'refusal.cue-needs-speaker'),
                'cue.clear': NO_CUE,
              },
            },
            speaking: {
              // A new turn's clock runs from the start (a turn is never started paused).
              initial: 'running',
              on: {
                'turn.end': [TURN_OVER, { target: 'none', actions: act('endTurn') }],
                'turn.adjust': ADJUST,
                ...CUES,
              },
              states: CLOCK,
            },
            // A point of order speaks while the turn it interrupted is kept, paused, in context.
            interrupting: {
              initial: 'running',
              on: {
                // Its end gives the floor back to the turn it interrupted, paused.
                'turn.end': [TURN_OVER, { target: 'speaking.paused', actions: act('endTurn') }],
                'turn.adjust': ADJUST,
                ...CUES,
              },
              states: CLOCK,
            },
          },
        },
      },
    },

    // Closed takes one command: the chair reopens it. It is not a final state, so a closed
    // meeting's snapshot restores like any other.
    closed: {
      on: {
        'session.reopen': [
          when('closedBeforeItBegan', refuse('not_now', 'refusal.closed-before-it-began')),
          { target: 'sitting', actions: act('reopenMeeting') },
        ],
        '*': refuse('not_now', 'refusal.meeting-closed'),
      },
    },
  },
});
