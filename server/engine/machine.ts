import { and, setup } from 'xstate';
import { mayRoleClose } from '../../shared/permissions';
import type { MeetingStatus } from '../../shared/protocol/view';
import { atLastStep, type CommandEvent, type MeetingContext, type Records } from './context';
import { refusalOf } from './rules';
import { type TransitionName, transitions } from './transitions';

export interface MeetingInput {
  context: MeetingContext;
}

/** Emitted when a command made records (an ended turn, a request that left the queue, a step held). */
export interface RecordedEvent {
  type: 'recorded';
  records: Records;
}

const meetingSetup = setup({
  types: {} as {
    context: MeetingContext;
    events: CommandEvent;
    input: MeetingInput;
    emitted: RecordedEvent;
  },
  guards: {
    /** The same question `refusalOf` answers for the person: may this command act now? */
    commandAllowed: ({ context, event }, params: { status: MeetingStatus }) =>
      refusalOf(params.status, context, event) === null,
    atLastStep: ({ context }) => atLastStep(context),
    /** Closing is the chair's: the `agenda.next` that would close is refused to a moderator. */
    senderMayClose: ({ event }) => mayRoleClose(event.by.role),
  },
});

/** Runs a named transition: assigns the new context, then emits what it recorded. */
const act = (name: TransitionName) =>
  meetingSetup.enqueueActions(({ context, event, enqueue }) => {
    const { ctx, records } = transitions[name](context, event);
    enqueue.assign(() => ctx);
    if (records.turns.length + records.requests.length + records.steps.length > 0) {
      enqueue.emit({ type: 'recorded', records });
    }
  });

const actions = Object.fromEntries(
  (Object.keys(transitions) as TransitionName[]).map((name) => [name, act(name)]),
) as Record<TransitionName, ReturnType<typeof act>>;

const allowedIn = (status: MeetingStatus) => ({
  type: 'commandAllowed' as const,
  params: { status },
});

/** The handlers a state shares: each command, its guard, its transition. */
const handle = (status: MeetingStatus, action: TransitionName) => ({
  guard: allowedIn(status),
  actions: actions[action],
});

/** What the room may do to the agenda and the floor whether it is sitting or suspended. */
const inSession = (status: 'running' | 'suspended') => ({
  'agenda.next': [
    {
      guard: and([allowedIn(status), 'atLastStep', 'senderMayClose']),
      target: '#meeting.closed',
      actions: actions.closeMeeting,
    },
    handle(status, 'advanceStep'),
  ],
  'agenda.goto': handle(status, 'gotoStep'),
  'session.close': { ...handle(status, 'closeMeeting'), target: '#meeting.closed' },
  'agenda.edit': handle(status, 'editAgenda'),
  'display.configure': handle(status, 'configureDisplay'),
  'turn.pause': handle(status, 'pauseTurn'),
  'turn.end': handle(status, 'endTurn'),
  'turn.adjust': handle(status, 'adjustTurn'),
  'floor.request': handle(status, 'queueRequest'),
  'floor.add': handle(status, 'queueRequest'),
  'floor.withdraw': handle(status, 'withdrawRequest'),
  'floor.remove': handle(status, 'removeRequest'),
  'floor.move': handle(status, 'moveRequest'),
  'floor.close': handle(status, 'closeList'),
  'floor.open': handle(status, 'openList'),
  'floor.segment': handle(status, 'switchSegment'),
});

/**
 * The session flow of one meeting: pending -> running <-> suspended -> closed -> (reopened)
 * running. Every change is
 * a command event; guards ask `refusalOf`, actions run the pure `transitions`. Clock instants
 * live in context; there are no `after` timers, so a restored snapshot keeps time exactly.
 */
export const meetingMachine = meetingSetup.createMachine({
  id: 'meeting',
  context: ({ input }) => input.context,
  initial: 'pending',
  states: {
    pending: {
      on: {
        'agenda.start': { ...handle('pending', 'startAgenda'), target: 'running' },
        'agenda.goto': { ...handle('pending', 'gotoStep'), target: 'running' },
        'session.close': { ...handle('pending', 'closeMeeting'), target: 'closed' },
        'agenda.edit': handle('pending', 'editAgenda'),
        'display.configure': handle('pending', 'configureDisplay'),
      },
    },
    running: {
      on: {
        ...inSession('running'),
        'session.suspend': { ...handle('running', 'suspendSession'), target: 'suspended' },
        'turn.start': handle('running', 'startTurn'),
        'turn.resume': handle('running', 'resumeTurn'),
        'floor.grant': handle('running', 'grantRequest'),
        'floor.next': handle('running', 'grantNext'),
      },
    },
    suspended: {
      on: {
        ...inSession('suspended'),
        'session.resume': { ...handle('suspended', 'resumeSession'), target: 'running' },
      },
    },
    // Closed takes one command: the chair reopens it. It is not a final state, so a closed
    // meeting's actor stays alive and its snapshot restores like any other.
    closed: {
      on: {
        'session.reopen': { ...handle('closed', 'reopenMeeting'), target: 'running' },
      },
    },
  },
});

export type MeetingMachine = typeof meetingMachine;
