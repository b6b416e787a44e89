import type { CommandErrorCode, ReasonedRefusal } from '../protocol/refusals';

/**
 * Every refusal of a command, by its message id, with its English words as an ICU message
 * (contract version 2, "Languages"). The engine and the server refuse with an id and values
 * (`refused`); the server renders this English into the ack's `message` (server/engine/english.ts),
 * as the words for logs, the control API and clients of other makers; a screen renders the same id
 * from its catalogue (client/locales/<lang>/refusals.po) in its own language. The English
 * catalogue holds these very messages: tests/unit/engine/refusals.test.ts pins them together.
 *
 * `values` lists what a refusal carries: the message's placeholders, and beside a delegation's or
 * a group's name its id (`delegationId`, `groupId`), a category list's ids (`categoryIds`), so a
 * screen can name them in its language. Identifiers a person typed or a client sent (`{id}`) and
 * speakers' names and agenda titles stay as they are.
 */
interface Entry {
  en: string;
  values?: readonly string[];
}

export const REFUSALS = {
  // Who sent it, and what they saw (decide.ts).
  'refusal.role-may-not': {
    en: '{role, select, chair {A chair} moderator {A moderator} delegate {A delegate} display {A display} other {A {role}}} may not send "{command}".',
    values: ['role', 'command'],
  },
  'refusal.meeting-changed': {
    en: 'The meeting changed meanwhile (version {current}, not {seen}): look again and retry.',
    values: ['current', 'seen'],
  },
  'refusal.device-not-bound': {
    en: 'This device is not bound to a delegation of this meeting.',
  },
  'refusal.not-possible-now': { en: 'That is not possible at this point of the meeting.' },

  // The session and the agenda.
  'refusal.not-started': { en: 'The session has not started yet.' },
  'refusal.already-started': { en: 'The session has already started.' },
  'refusal.suspended': { en: 'The session is suspended: resume it first.' },
  'refusal.not-suspended': { en: 'The session is not suspended.' },
  'refusal.already-suspended': { en: 'The session is already suspended.' },
  'refusal.meeting-closed': { en: 'The meeting is closed.' },
  'refusal.not-closed': { en: 'The meeting is not closed.' },
  'refusal.closed-before-it-began': {
    en: 'The meeting was closed before it began: there is no step to go back to.',
  },
  'refusal.last-step-chair-closes': {
    en: 'This is the last step: moving on would close the meeting, and only a chair may close the meeting.',
  },
  'refusal.moved-on-to': {
    en: 'The meeting has already moved on to "{step}".',
    values: ['step'],
  },
  'refusal.moved-on': { en: 'The meeting has already moved on.' },
  'refusal.already-at-step': { en: 'The meeting is already at that step.' },
  'refusal.no-such-item': { en: 'There is no agenda item "{id}".', values: ['id'] },
  'refusal.item-has-no-step': { en: 'That item has no step "{id}".', values: ['id'] },

  // The agenda's edits (agendaEdit.ts).
  'refusal.agenda-change-invalid': { en: 'Not a valid change of the agenda.' },
  'refusal.no-such-sitting': { en: 'There is no sitting "{id}".', values: ['id'] },
  'refusal.no-such-step': {
    en: 'There is no step "{id}" in item "{itemId}".',
    values: ['id', 'itemId'],
  },
  'refusal.discussion-has-no-speakers': {
    en: '"{step}" is a discussion: it has no scheduled speakers.',
    values: ['step'],
  },
  'refusal.discussion-only-field': {
    en: '{field}: only a discussion step has it.',
    values: ['field'],
  },
  // The agenda schema's own words (a sitting's end before its start), naming the field.
  'refusal.agenda-field-invalid': { en: '{field}: {problem}', values: ['field', 'problem'] },
  'refusal.agenda-invalid': { en: '{problem}', values: ['problem'] },

  // The room display.
  'refusal.display-already-black': { en: 'The display is already black.' },
  'refusal.display-already-showing': { en: 'The display is already showing.' },
  'refusal.display-already-in-language': { en: 'The display already speaks that language.' },
  'refusal.display-already-shows-delay': { en: 'The display already shows the delay.' },
  'refusal.display-already-hides-delay': { en: 'The display already hides the delay.' },

  // The turn and its clock.
  'refusal.nobody-speaks': { en: 'Nobody has the floor.' },
  'refusal.turn-over': {
    en: 'That turn is over: {speaker} has the floor now.',
    values: ['speaker', 'delegationId'],
  },
  'refusal.turn-over-nobody': { en: 'That turn is over: nobody has the floor now.' },
  'refusal.floor-given-meanwhile': {
    en: 'Meanwhile {speaker} was given the floor: nothing was done.',
    values: ['speaker', 'delegationId'],
  },
  'refusal.turn-ended-meanwhile': { en: 'Meanwhile the turn ended: nothing was done.' },
  'refusal.not-scheduled': {
    en: '"{id}" is not a scheduled speaker of this item.',
    values: ['id'],
  },
  'refusal.no-such-delegation-id': { en: 'There is no delegation "{id}".', values: ['id'] },
  'refusal.discussion-needs-speaker': {
    en: 'In a discussion, give the floor to a request or name the speaker.',
  },
  'refusal.every-speaker-heard': {
    en: 'Every scheduled speaker of this step has been heard: name the next speaker.',
  },
  'refusal.clock-running': { en: 'The clock is already running.' },
  'refusal.clock-paused': { en: 'The clock is already paused.' },
  'refusal.time-changed': {
    en: 'The time of this turn was changed meanwhile: look again and retry.',
  },
  'refusal.removes-too-much': { en: 'That would remove more time than the turn was given.' },
  'refusal.turn-too-long': {
    en: 'A turn may be given at most {hours, plural, one {# hour} other {# hours}}.',
    values: ['hours'],
  },
  'refusal.cue-needs-speaker': { en: 'Nobody has the floor: a cue goes to the speaker.' },
  'refusal.no-cue': { en: 'There is no cue to clear.' },

  // The list of speakers and its requests.
  'refusal.not-a-discussion': { en: 'The floor is not open for requests in this step.' },
  'refusal.list-closed': { en: 'The list of speakers is closed.' },
  'refusal.list-already-open': { en: 'The list of speakers is already open.' },
  'refusal.list-already-closed': { en: 'The list of speakers is already closed.' },
  'refusal.floor-already-open': { en: 'The floor is already open to delegations.' },
  'refusal.panel-already-has-floor': { en: 'The panel already has the floor.' },
  'refusal.open-to-states': { en: 'In this step the floor is open to States only.' },
  'refusal.open-to-categories': {
    en: 'In this step the floor is open to {categories} only.',
    values: ['categories', 'categoryIds'],
  },
  'refusal.no-such-delegation': { en: 'There is no such delegation in this meeting.' },
  'refusal.already-waiting': {
    en: '{delegation} is already waiting for the floor.',
    values: ['delegation', 'delegationId'],
  },
  'refusal.already-asked-reply': {
    en: '{delegation} has already asked for a right of reply.',
    values: ['delegation', 'delegationId'],
  },
  'refusal.already-raised-point-of-order': {
    en: '{delegation} has already raised a point of order.',
    values: ['delegation', 'delegationId'],
  },
  'refusal.reply-outside-discussion': {
    en: 'A right of reply is asked for during a discussion.',
  },
  'refusal.no-such-group': { en: 'There is no group "{id}" in this meeting.', values: ['id'] },
  'refusal.not-group-member': {
    en: '{delegation} is not a member of the {group}.',
    values: ['delegation', 'delegationId', 'group', 'groupId'],
  },
  'refusal.addressee-not-panelist': {
    en: 'A question may address only the panelists of this item.',
  },
  'refusal.replies-used': {
    en: '{delegation} has had its {count, plural, one {# right of reply} other {# rights of reply}} on this item.',
    values: ['delegation', 'delegationId', 'count'],
  },
  'refusal.nothing-to-withdraw': { en: 'Your delegation has no request waiting.' },
  'refusal.request-gone': { en: 'That request is no longer waiting.' },
  'refusal.early-request-waits': {
    en: 'That request waits for the discussion: it is heard there.',
  },
  'refusal.nobody-waiting': { en: 'Nobody is waiting for the floor.' },
  'refusal.queue-changed': {
    en: 'Meanwhile the queue changed: {delegation} is first now. Nothing was done.',
    values: ['delegation', 'delegationId'],
  },

  // The server's own limits, before the engine (server/realtime, server/meetings).
  'refusal.request-cooldown': {
    en: 'This delegation withdrew its request a moment ago: try again in {seconds, plural, one {# second} other {# seconds}}.',
    values: ['seconds'],
  },
  'refusal.screen-sends-nothing': { en: 'This screen sends no commands.' },
  'refusal.device-too-fast': {
    en: 'Too many commands from this device: wait a moment and try again.',
  },
  'refusal.delegation-too-fast': {
    en: "Too many commands from this delegation's devices: wait a moment and try again.",
  },
  // The command schema's words, naming the field (`speakerName: at most 200 characters`).
  'refusal.command-invalid': { en: '{problem}', values: ['problem'] },
  'refusal.meeting-not-open': { en: 'This meeting is not open on the server.' },
  'refusal.server-failed': {
    en: 'The server could not handle that just now; nothing was changed. Try again.',
  },
  'refusal.not-stored': {
    en: 'The server could not store this change, so it was not made. Try again; if it keeps failing, tell the operator.',
  },
  'refusal.shutting-down': { en: 'The server is shutting down: try again in a moment.' },
  // Issue 16: the server holding the meeting stopped answering, and no other holds it yet. The
  // command may have been stored just before: it is not said to have failed.
  'refusal.changing-hands': {
    en: 'The meeting is moving to another server and no answer came: look at the screen before you try again, it may have been done.',
  },
} as const satisfies Record<string, Entry>;

export type RefusalId = keyof typeof REFUSALS;

/** The names of the values a refusal carries (none for most; for several ids, all of theirs). */
type KeysOf<I extends RefusalId> = I extends RefusalId
  ? (typeof REFUSALS)[I] extends { values: readonly (infer K extends string)[] }
    ? K
    : never
  : never;

/** What `refused` takes after the id: the values, when the message has any. */
export type ValuesArg<I extends RefusalId> = [KeysOf<I>] extends [never]
  ? []
  : [values: Record<KeysOf<I>, string | number>];

/** A refusal as the engine and the server decide it: the code, and the reason's id and values. */
export interface Refused extends ReasonedRefusal {
  reason: { id: RefusalId; values?: Record<string, string | number> };
}

export const refused = <I extends RefusalId>(
  code: CommandErrorCode,
  id: I,
  ...[values]: ValuesArg<I>
): Refused => ({ code, reason: values === undefined ? { id } : { id, values } });
