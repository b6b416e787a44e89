import { parse } from '@messageformat/parser';
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { MeetingEngine } from '../../../server/engine/engine';
import { englishOf } from '../../../server/engine/english';
import { RequestCooldown } from '../../../server/meetings/requestCooldown';
import { CLOSING, IN_DOUBT, UNAVAILABLE } from '../../../server/meetings/runtime';
import { NOT_OPEN, notACommand, UNEXPECTED } from '../../../server/realtime/commandIntake';
import { type Holder, TokenLimits } from '../../../server/realtime/tokenLimits';
import { meetingChart } from '../../../shared/engine/chart';
import { chartValue, commandEvent, newMeeting, rosterIndex } from '../../../shared/engine/decide';
import { REFUSALS, type RefusalId, refused } from '../../../shared/engine/refusals';
import { Command, type CommandOf } from '../../../shared/protocol/commands';
import type { CommandAck, Refusal } from '../../../shared/protocol/errors';
import { LIMITS } from '../../../shared/protocol/limits';
import { NOTE_AGENDA } from '../../support/agenda';
import { readCatalogue, shapeOf } from '../../support/catalogues';
import {
  CHAIR,
  delegate,
  EngineHarness,
  MINUTE,
  MODERATOR,
  smallAgenda,
} from '../../support/engine';
import { screenEnglish } from '../../support/refusals';

/**
 * The refusals' reasons (contract version 2, "Languages"): one table of ids and English ICU
 * messages (shared/engine/refusals.ts), from which the server renders each refusal's `message`,
 * and the catalogues' area `refusals`, from which a screen renders the same reason in its
 * language. Every refusal is made here as the room meets it, and its English is pinned: the words
 * the server answered before reasons existed, the English catalogue's words for its reason.
 */

const MEXICO = delegate('mexico');
const KENYA = delegate('kenya');
const english = readCatalogue('en', 'refusals');

/** The values a screen is given beside the placeholders: ids, to name things in its language. */
const NAMING_IDS = ['delegationId', 'groupId', 'categoryIds'];

/** The words the screens say for the HTTP API's errors, by their code. */
const SCREENS_OWN = [
  'offline',
  'status',
  'invalid',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'too-large',
  'rate-limited',
  'unavailable',
  'failed',
].map((code) => `refusal.http-${code}`);

const errorOf = (ack: CommandAck): Refusal => {
  if (ack.ok) throw new Error('accepted');
  return ack.error;
};

/** A running turn at the welcome (its first scheduled speaker). */
const speaking = () => {
  const h = EngineHarness.at('welcome');
  h.ok({ type: 'turn.start' }, MODERATOR);
  return h;
};

/** Mexico has spoken its two rights of reply in the first panel's discussion. */
const repliesSpoken = () => {
  const h = EngineHarness.at('panel-1', 'discussion');
  for (let n = 1; n <= 2; n++) {
    h.ok({ type: 'floor.request', kind: 'reply' }, MEXICO);
    h.ok({ type: 'floor.grant', requestId: h.requestOf('mexico') }, MODERATOR);
    h.wait(MINUTE).ok({ type: 'turn.end', turnId: h.turn().id }, MODERATOR);
  }
  return h;
};

/** Admits commands until one is refused, answering that refusal. */
const untilRefused = (limits: TokenLimits, holders: Holder[]): Refusal => {
  for (let i = 0; i < 1000; i++) {
    const admission = limits.admit(holders[i % holders.length] as Holder, 0);
    if (admission.kind !== 'admitted') return errorOf(admission.ack);
  }
  throw new Error('never refused');
};
const tablet = (tokenKey: string): Holder => ({
  tokenKey,
  meetingId: 'M',
  role: 'delegate',
  delegationId: 'mexico',
});

/** An agenda change as the chair's editor sends it. */
const edit = (change: CommandOf<'agenda.edit'>['change']): Command => ({
  type: 'agenda.edit',
  change,
});

/**
 * Each refusal, made as the room meets it (by the engine through the server's `MeetingEngine`,
 * by the server's limits), with the words it has always been answered with. The record's type
 * makes a new id in the table a new line here.
 */
const EXAMPLES: Record<RefusalId, { message: string; make: () => Refusal }> = {
  'refusal.role-may-not': {
    message: 'A moderator may not send "session.close".',
    make: () => EngineHarness.at('welcome').refused({ type: 'session.close' }, MODERATOR),
  },
  'refusal.meeting-changed': {
    message: 'The meeting changed meanwhile (version 0, not 3): look again and retry.',
    make: () => new EngineHarness().refused({ type: 'agenda.start', expectedVersion: 3 }),
  },
  'refusal.device-not-bound': {
    message: 'This device is not bound to a delegation of this meeting.',
    make: () => EngineHarness.at('welcome').refused({ type: 'floor.request' }, delegate('nobody')),
  },
  'refusal.not-possible-now': {
    // `decide`'s answer when the chart neither acts nor refuses; the coverage walk
    // (coverage.test.ts) finds every command answered, so no meeting meets it today.
    message: 'That is not possible at this point of the meeting.',
    make: () => ({
      ...refused('not_now', 'refusal.not-possible-now'),
      message: englishOf({ id: 'refusal.not-possible-now' }),
    }),
  },
  'refusal.not-started': {
    message: 'The session has not started yet.',
    make: () => new EngineHarness().refused({ type: 'session.suspend' }),
  },
  'refusal.already-started': {
    message: 'The session has already started.',
    make: () => EngineHarness.at('welcome').refused({ type: 'agenda.start' }),
  },
  'refusal.suspended': {
    message: 'The session is suspended: resume it first.',
    make: () => {
      const h = EngineHarness.at('welcome');
      h.ok({ type: 'session.suspend' });
      return h.refused({ type: 'turn.start' }, MODERATOR);
    },
  },
  'refusal.not-suspended': {
    message: 'The session is not suspended.',
    make: () => EngineHarness.at('welcome').refused({ type: 'session.resume' }),
  },
  'refusal.already-suspended': {
    message: 'The session is already suspended.',
    make: () => {
      const h = EngineHarness.at('welcome');
      h.ok({ type: 'session.suspend' });
      return h.refused({ type: 'session.suspend' });
    },
  },
  'refusal.meeting-closed': {
    message: 'The meeting is closed.',
    make: () => {
      const h = EngineHarness.at('welcome');
      h.ok({ type: 'session.close' });
      return h.refused({ type: 'agenda.start' });
    },
  },
  'refusal.not-closed': {
    message: 'The meeting is not closed.',
    make: () => EngineHarness.at('welcome').refused({ type: 'session.reopen' }),
  },
  'refusal.closed-before-it-began': {
    message: 'The meeting was closed before it began: there is no step to go back to.',
    make: () => {
      const h = new EngineHarness();
      h.ok({ type: 'session.close' });
      return h.refused({ type: 'session.reopen' });
    },
  },
  'refusal.last-step-chair-closes': {
    message:
      'This is the last step: moving on would close the meeting, and only a chair may close the meeting.',
    make: () => EngineHarness.at('closing').refused({ type: 'agenda.next' }, MODERATOR),
  },
  'refusal.moved-on-to': {
    message: 'The meeting has already moved on to "Presentations by the experts".',
    make: () =>
      EngineHarness.at('panel-1', 'presentations').refused({
        type: 'agenda.next',
        fromStepId: 'opening',
      }),
  },
  'refusal.moved-on': {
    message: 'The meeting has already moved on.',
    make: () =>
      new EngineHarness().refused({ type: 'agenda.goto', itemId: 'welcome', fromStepId: 'x' }),
  },
  'refusal.already-at-step': {
    message: 'The meeting is already at that step.',
    make: () => EngineHarness.at('welcome').refused({ type: 'agenda.goto', itemId: 'welcome' }),
  },
  'refusal.no-such-item': {
    message: 'There is no agenda item "panel-9".',
    make: () => new EngineHarness().refused({ type: 'agenda.goto', itemId: 'panel-9' }),
  },
  'refusal.item-has-no-step': {
    message: 'That item has no step "debate".',
    make: () =>
      new EngineHarness().refused({ type: 'agenda.goto', itemId: 'panel-1', stepId: 'debate' }),
  },
  'refusal.agenda-change-invalid': {
    // The chart's answer to an edit `decide` did not check: `decide` checks every one.
    message: 'Not a valid change of the agenda.',
    make: () => {
      const ctx = newMeeting('M', NOTE_AGENDA);
      const command = edit({ target: 'meeting', title: 'Renamed' });
      const { edit: _, ...unchecked } = commandEvent(ctx, rosterIndex([]), command, CHAIR, 0);
      const snapshot = meetingChart.resolveState({ value: chartValue(ctx), context: ctx });
      const [, actions] = transition(meetingChart, snapshot, unchecked);
      const refusal = actions.find((a) => a.type === 'refuse')?.params as ReturnType<
        typeof refused
      >;
      return { ...refusal, message: englishOf(refusal.reason) };
    },
  },
  'refusal.no-such-sitting': {
    message: 'There is no sitting "day-9".',
    make: () => new EngineHarness().refused(edit({ target: 'sitting', sittingId: 'day-9' })),
  },
  'refusal.no-such-step': {
    message: 'There is no step "debate" in item "panel-1".',
    make: () =>
      new EngineHarness().refused(
        edit({ target: 'step', itemId: 'panel-1', stepId: 'debate', title: 'Debate' }),
      ),
  },
  'refusal.discussion-has-no-speakers': {
    message: '"Interactive discussion" is a discussion: it has no scheduled speakers.',
    make: () =>
      new EngineHarness().refused(
        edit({ target: 'speakers', itemId: 'panel-1', stepId: 'discussion', speakers: [] }),
      ),
  },
  'refusal.discussion-only-field': {
    message: 'clusterSize: only a discussion step has it.',
    make: () =>
      new EngineHarness().refused(
        edit({ target: 'step', itemId: 'welcome', stepId: 'remarks', clusterSize: 3 }),
      ),
  },
  'refusal.agenda-field-invalid': {
    message: 'agenda.sittings.0.end: end must be after start',
    make: () =>
      new EngineHarness().refused(
        edit({ target: 'sitting', sittingId: 'day-1-morning', end: '08:00' }),
      ),
  },
  'refusal.agenda-invalid': {
    // An edit names a field; the agenda as a whole is refused only when it came in wrong (here a
    // key no agenda has), which the server's own checks of an agenda never let in. The server's
    // check of an edited agenda as a whole (MeetingEngine).
    message: 'Unrecognized key: "colour"',
    make: () => {
      const engine = MeetingEngine.create({
        meetingId: 'M',
        agenda: { ...NOTE_AGENDA, colour: 'blue' } as typeof NOTE_AGENDA,
        roster: [],
      });
      const result = engine.apply(edit({ target: 'meeting', title: 'Renamed' }), CHAIR, 0);
      if (result.ok) throw new Error('accepted');
      return result.error;
    },
  },
  'refusal.display-already-black': {
    message: 'The display is already black.',
    make: () => {
      const h = new EngineHarness();
      h.ok({ type: 'display.configure', blackout: true });
      return h.refused({ type: 'display.configure', blackout: true });
    },
  },
  'refusal.display-already-showing': {
    message: 'The display is already showing.',
    make: () => new EngineHarness().refused({ type: 'display.configure', blackout: false }),
  },
  'refusal.display-already-in-language': {
    message: 'The display already speaks that language.',
    make: () => new EngineHarness().refused({ type: 'display.configure', lang: 'en' }),
  },
  'refusal.display-already-shows-delay': {
    message: 'The display already shows the delay.',
    make: () => {
      const h = new EngineHarness();
      h.ok({ type: 'display.configure', showDelay: true });
      return h.refused({ type: 'display.configure', showDelay: true });
    },
  },
  'refusal.display-already-hides-delay': {
    message: 'The display already hides the delay.',
    make: () => new EngineHarness().refused({ type: 'display.configure', showDelay: false }),
  },
  'refusal.nobody-speaks': {
    message: 'Nobody has the floor.',
    make: () => EngineHarness.at('welcome').refused({ type: 'turn.end' }, MODERATOR),
  },
  'refusal.turn-over': {
    message: 'That turn is over: The co-facilitators has the floor now.',
    make: () => speaking().refused({ type: 'turn.end', turnId: 'T-gone' }, MODERATOR),
  },
  'refusal.turn-over-nobody': {
    message: 'That turn is over: nobody has the floor now.',
    make: () =>
      EngineHarness.at('welcome').refused({ type: 'turn.end', turnId: 'T-gone' }, MODERATOR),
  },
  'refusal.floor-given-meanwhile': {
    message: 'Meanwhile Mexico was given the floor: nothing was done.',
    make: () => {
      const h = EngineHarness.at('panel-1', 'discussion');
      h.request('mexico');
      h.request('kenya');
      h.ok({ type: 'floor.next' }, MODERATOR);
      return h.refused({ type: 'floor.next', turnId: null }, MODERATOR);
    },
  },
  'refusal.turn-ended-meanwhile': {
    message: 'Meanwhile the turn ended: nothing was done.',
    make: () => {
      const h = EngineHarness.at('panel-1', 'discussion');
      const mexico = h.request('mexico');
      return h.refused({ type: 'floor.grant', requestId: mexico, turnId: 'T-gone' }, MODERATOR);
    },
  },
  'refusal.not-scheduled': {
    message: '"keynote" is not a scheduled speaker of this item.',
    make: () =>
      EngineHarness.at('welcome').refused({ type: 'turn.start', speakerId: 'keynote' }, MODERATOR),
  },
  'refusal.no-such-delegation-id': {
    message: 'There is no delegation "atlantis".',
    make: () =>
      EngineHarness.at('welcome').refused(
        { type: 'turn.start', speaker: { name: 'Ms. A', delegationId: 'atlantis' } },
        MODERATOR,
      ),
  },
  'refusal.discussion-needs-speaker': {
    message: 'In a discussion, give the floor to a request or name the speaker.',
    make: () =>
      EngineHarness.at('panel-1', 'discussion').refused({ type: 'turn.start' }, MODERATOR),
  },
  'refusal.every-speaker-heard': {
    message: 'Every scheduled speaker of this step has been heard: name the next speaker.',
    make: () => {
      const h = EngineHarness.at('welcome');
      while (h.engine.check({ type: 'turn.start' }, MODERATOR) === null) {
        h.ok({ type: 'turn.start' }, MODERATOR);
      }
      return h.refused({ type: 'turn.start' }, MODERATOR);
    },
  },
  'refusal.clock-running': {
    message: 'The clock is already running.',
    make: () => speaking().refused({ type: 'turn.resume' }, MODERATOR),
  },
  'refusal.clock-paused': {
    message: 'The clock is already paused.',
    make: () => {
      const h = speaking();
      h.ok({ type: 'turn.pause' }, MODERATOR);
      return h.refused({ type: 'turn.pause' }, MODERATOR);
    },
  },
  'refusal.time-changed': {
    message: 'The time of this turn was changed meanwhile: look again and retry.',
    make: () =>
      speaking().refused({ type: 'turn.adjust', deltaMs: 30_000, fromLimitMs: 1 }, MODERATOR),
  },
  'refusal.removes-too-much': {
    message: 'That would remove more time than the turn was given.',
    make: () => speaking().refused({ type: 'turn.adjust', deltaMs: -LIMITS.maxAdjustMs }),
  },
  'refusal.turn-too-long': {
    message: 'A turn may be given at most 6 hours.',
    make: () => {
      const h = speaking();
      while (h.turn().limitMs + LIMITS.maxAdjustMs <= LIMITS.maxAllowanceMs) {
        h.ok({ type: 'turn.adjust', deltaMs: LIMITS.maxAdjustMs });
      }
      return h.refused({ type: 'turn.adjust', deltaMs: LIMITS.maxAdjustMs });
    },
  },
  'refusal.cue-needs-speaker': {
    message: 'Nobody has the floor: a cue goes to the speaker.',
    make: () =>
      EngineHarness.at('welcome').refused({ type: 'cue.send', text: 'Please conclude' }, MODERATOR),
  },
  'refusal.no-cue': {
    message: 'There is no cue to clear.',
    make: () => speaking().refused({ type: 'cue.clear' }, MODERATOR),
  },
  'refusal.not-a-discussion': {
    message: 'The floor is not open for requests in this step.',
    make: () => EngineHarness.at('welcome').refused({ type: 'floor.close' }, MODERATOR),
  },
  'refusal.list-closed': {
    message: 'The list of speakers is closed.',
    make: () => {
      const h = EngineHarness.at('panel-1', 'discussion');
      h.ok({ type: 'floor.close' }, MODERATOR);
      return h.refused({ type: 'floor.request' }, MEXICO);
    },
  },
  'refusal.list-already-open': {
    message: 'The list of speakers is already open.',
    make: () => EngineHarness.at('panel-1', 'discussion').refused({ type: 'floor.open' }),
  },
  'refusal.list-already-closed': {
    message: 'The list of speakers is already closed.',
    make: () => {
      const h = EngineHarness.at('panel-1', 'discussion');
      h.ok({ type: 'floor.close' });
      return h.refused({ type: 'floor.close' });
    },
  },
  'refusal.floor-already-open': {
    message: 'The floor is already open to delegations.',
    make: () =>
      EngineHarness.at('panel-1', 'discussion').refused({
        type: 'floor.segment',
        segment: 'floor',
      }),
  },
  'refusal.panel-already-has-floor': {
    message: 'The panel already has the floor.',
    make: () => {
      const h = EngineHarness.at('panel-1', 'discussion');
      h.ok({ type: 'floor.segment', segment: 'panel' });
      return h.refused({ type: 'floor.segment', segment: 'panel' });
    },
  },
  'refusal.open-to-states': {
    message: 'In this step the floor is open to States only.',
    make: () =>
      EngineHarness.at('summary', 'reactions').refused({ type: 'floor.request' }, delegate('iom')),
  },
  'refusal.open-to-categories': {
    message: 'In this step the floor is open to Member State, UN system only.',
    make: () => {
      const h = new EngineHarness({
        agenda: smallAgenda({ openTo: ['member-state', 'un-system'] }),
      });
      h.ok({ type: 'agenda.goto', itemId: 'debate', stepId: 'floor' });
      return h.refused({ type: 'floor.request' }, delegate('ituc'));
    },
  },
  'refusal.no-such-delegation': {
    message: 'There is no such delegation in this meeting.',
    make: () =>
      EngineHarness.at('panel-1', 'discussion').refused(
        { type: 'floor.add', delegationId: 'atlantis' },
        MODERATOR,
      ),
  },
  'refusal.already-waiting': {
    message: 'Mexico is already waiting for the floor.',
    make: () => {
      const h = EngineHarness.at('panel-1', 'discussion');
      h.request('mexico');
      return h.refused({ type: 'floor.request' }, MEXICO);
    },
  },
  'refusal.already-asked-reply': {
    message: 'Kenya has already asked for a right of reply.',
    make: () => {
      const h = EngineHarness.at('panel-1', 'discussion');
      h.add('kenya', { kind: 'reply' });
      return h.refused({ type: 'floor.add', delegationId: 'kenya', kind: 'reply' }, MODERATOR);
    },
  },
  'refusal.already-raised-point-of-order': {
    message: 'Kenya has already raised a point of order.',
    make: () => {
      const h = EngineHarness.at('welcome');
      h.request('kenya', { kind: 'point-of-order' });
      return h.refused({ type: 'floor.request', kind: 'point-of-order' }, KENYA);
    },
  },
  'refusal.reply-outside-discussion': {
    message: 'A right of reply is asked for during a discussion.',
    make: () =>
      EngineHarness.at('welcome').refused({ type: 'floor.request', kind: 'reply' }, MEXICO),
  },
  'refusal.no-such-group': {
    message: 'There is no group "group-of-77" in this meeting.',
    make: () =>
      EngineHarness.at('panel-1', 'discussion').refused(
        { type: 'floor.request', onBehalfOf: 'group-of-77' },
        MEXICO,
      ),
  },
  'refusal.not-group-member': {
    message: 'Mexico is not a member of the African Group.',
    make: () =>
      EngineHarness.at('panel-1', 'discussion').refused(
        { type: 'floor.add', delegationId: 'mexico', onBehalfOf: 'african-group' },
        MODERATOR,
      ),
  },
  'refusal.addressee-not-panelist': {
    message: 'A question may address only the panelists of this item.',
    make: () =>
      EngineHarness.at('panel-1', 'discussion').refused(
        { type: 'floor.request', addressedTo: ['nobody'] },
        MEXICO,
      ),
  },
  'refusal.replies-used': {
    message: 'Mexico has had its 2 rights of reply on this item.',
    make: () => repliesSpoken().refused({ type: 'floor.request', kind: 'reply' }, MEXICO),
  },
  'refusal.nothing-to-withdraw': {
    message: 'Your delegation has no request waiting.',
    make: () =>
      EngineHarness.at('panel-1', 'discussion').refused({ type: 'floor.withdraw' }, MEXICO),
  },
  'refusal.request-gone': {
    message: 'That request is no longer waiting.',
    make: () =>
      EngineHarness.at('panel-1', 'discussion').refused(
        { type: 'floor.remove', requestId: 'R999' },
        MODERATOR,
      ),
  },
  'refusal.early-request-waits': {
    message: 'That request waits for the discussion: it is heard there.',
    make: () => {
      const h = EngineHarness.at('panel-1', 'presentations');
      const early = h.request('mexico');
      return h.refused({ type: 'floor.grant', requestId: early }, MODERATOR);
    },
  },
  'refusal.nobody-waiting': {
    message: 'Nobody is waiting for the floor.',
    make: () =>
      EngineHarness.at('panel-1', 'discussion').refused({ type: 'floor.next' }, MODERATOR),
  },
  'refusal.queue-changed': {
    message: 'Meanwhile the queue changed: Mexico is first now. Nothing was done.',
    make: () => {
      const h = EngineHarness.at('panel-1', 'discussion');
      h.request('mexico');
      return h.refused({ type: 'floor.next', requestId: 'R-seen' }, MODERATOR);
    },
  },
  'refusal.request-cooldown': {
    message: 'This delegation withdrew its request a moment ago: try again in 2 seconds.',
    make: () => {
      const cooldown = new RequestCooldown(3_000);
      cooldown.withdrew('mexico', 0);
      const refusal = cooldown.check('mexico', 1_000);
      if (!refusal) throw new Error('not held back');
      return refusal;
    },
  },
  'refusal.screen-sends-nothing': {
    message: 'This screen sends no commands.',
    make: () =>
      untilRefused(new TokenLimits(), [{ tokenKey: 'd', meetingId: 'M', role: 'display' }]),
  },
  'refusal.device-too-fast': {
    message: 'Too many commands from this device: wait a moment and try again.',
    make: () => untilRefused(new TokenLimits(), [tablet('a')]),
  },
  'refusal.delegation-too-fast': {
    message: "Too many commands from this delegation's devices: wait a moment and try again.",
    // Each of three tablets within its own budget; the delegation's is spent first.
    make: () => untilRefused(new TokenLimits(), [tablet('a'), tablet('b'), tablet('c')]),
  },
  'refusal.command-invalid': {
    message: 'speakerName: at most 200 characters',
    make: () => {
      const parsed = Command.safeParse({ type: 'floor.request', speakerName: 'x'.repeat(201) });
      if (parsed.success) throw new Error('accepted');
      return errorOf(notACommand(parsed.error));
    },
  },
  'refusal.meeting-not-open': {
    message: 'This meeting is not open on the server.',
    make: () => errorOf(NOT_OPEN),
  },
  'refusal.server-failed': {
    message: 'The server could not handle that just now; nothing was changed. Try again.',
    make: () => errorOf(UNEXPECTED),
  },
  'refusal.not-stored': {
    message:
      'The server could not store this change, so it was not made. Try again; if it keeps failing, tell the operator.',
    make: () => errorOf(UNAVAILABLE),
  },
  'refusal.shutting-down': {
    message: 'The server is shutting down: try again in a moment.',
    make: () => errorOf(CLOSING),
  },
  'refusal.changing-hands': {
    message:
      'The meeting is moving to another server and no answer came: look at the screen before you try again, it may have been done.',
    make: () => errorOf(IN_DOUBT),
  },
};

describe('the refusals’ table', () => {
  it('holds ICU messages whose placeholders are the values each refusal carries', () => {
    for (const [id, entry] of Object.entries(REFUSALS)) {
      const values: readonly string[] = 'values' in entry ? entry.values : [];
      const placeholders = [...shapeOf(entry.en).args];
      expect(parse(entry.en).length, id).toBeGreaterThan(0);
      expect([...values].sort(), id).toEqual(
        [...placeholders, ...NAMING_IDS.filter((key) => values.includes(key))].sort(),
      );
    }
  });

  it('is the English catalogue of the screens, word for word, with the screens’ own refusals', () => {
    for (const [id, { en }] of Object.entries(REFUSALS)) {
      expect(english.get(id), id).toBe(en);
    }
    const others = [...english.keys()].filter((id) => !(id in REFUSALS));
    expect(others.sort()).toEqual([...SCREENS_OWN].sort());
  });
});

describe('every refusal, as the room meets it', () => {
  for (const [id, example] of Object.entries(EXAMPLES)) {
    it(`${id}: the server's words as ever, and the English screen's the same`, () => {
      const refusal = example.make();
      expect(refusal.reason?.id).toBe(id);
      expect(refusal.message).toBe(example.message);
      // The reason carries exactly the values its message needs, and the ids that name.
      const entry = REFUSALS[id as RefusalId];
      expect(Object.keys(refusal.reason?.values ?? {}).sort()).toEqual(
        'values' in entry ? [...entry.values].sort() : [],
      );
      // What an English screen shows for the reason: the server's message.
      expect(screenEnglish(refusal.reason ?? { id })).toBe(refusal.message);
    });
  }

  it('says one second and many seconds, as English does', () => {
    const cooldown = new RequestCooldown(3_000);
    cooldown.withdrew('mexico', 0);
    expect(cooldown.check('mexico', 2_500)?.message).toBe(
      'This delegation withdrew its request a moment ago: try again in 1 second.',
    );
    expect(cooldown.check('mexico', 0)?.message).toBe(
      'This delegation withdrew its request a moment ago: try again in 3 seconds.',
    );
  });

  it('names a delegation that speaks by its name with its id, and a person by name alone', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.request('kenya', { speakerName: 'Ms. Wanjiru Kamau' });
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.refused({ type: 'turn.end', turnId: 'T-gone' }, MODERATOR).reason).toEqual({
      id: 'refusal.turn-over',
      values: { speaker: 'Mexico', delegationId: 'mexico' },
    });
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.refused({ type: 'turn.end', turnId: 'T-gone' }, MODERATOR).reason).toEqual({
      id: 'refusal.turn-over',
      values: { speaker: 'Ms. Wanjiru Kamau', delegationId: '' },
    });
  });

  it('is foreseen by a screen with the same reason the server answers', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    const command: Command = { type: 'floor.request' };
    const foreseen = h.engine.check(command, MEXICO);
    expect(foreseen).toEqual({
      code: 'already_queued',
      reason: {
        id: 'refusal.already-waiting',
        values: { delegation: 'Mexico', delegationId: 'mexico' },
      },
    });
    const answered = h.refused(command, MEXICO);
    expect({ code: answered.code, reason: answered.reason }).toEqual(foreseen);
  });
});
