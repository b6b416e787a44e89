import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishOf } from '../../server/engine/english';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import type { Sender } from '../../shared/engine/context';
import { refusalOf, rosterIndex } from '../../shared/engine/decide';
import { contextFromView } from '../../shared/engine/fromView';
import { currentStep } from '../../shared/engine/places';
import type { Command } from '../../shared/protocol/commands';
import type { MeetingCodes } from '../../shared/protocol/http';
import type { MeetingView } from '../../shared/protocol/view';
import { launchBrowser, openScreen, type Screen, screenshot } from '../support/browser';
import { CHAIR, delegate, MODERATOR } from '../support/engine';
import {
  type Client,
  connect,
  createMeeting,
  join as joinMeeting,
  ok,
  roundTrip,
  untilState,
} from '../support/server';
import { PANEL_AGENDA, RoomServer } from './room';

/**
 * A page's socket.io WebSocket, watched: every command the page sends, as it sends it, and a
 * valve on the states it receives, so that a test can make a screen that has not yet heard of a
 * change. Held states go through, in order, just before the page's next command's ack (as the
 * server sends them); a clock sample's answer does not let them through.
 */
interface Wire {
  /** The commands the page sent, in order. */
  commands: Command[];
  hold: () => void;
}

/** Any command id a screen makes: 128 random bits as 32 hex digits (client/live/commandId.ts). */
const A_COMMAND_ID = expect.stringMatching(/^[0-9a-f]{32}$/);

const wireOf = async (page: Page): Promise<Wire> => {
  const commands: Command[] = [];
  let holding = false;
  const held: (() => void)[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      // socket.io's event with an ack: `42<ack id>["command",{...}]`.
      const event = typeof message === 'string' ? /^42\d*(\[.*)$/s.exec(message) : null;
      if (event?.[1]) {
        const [name, payload] = JSON.parse(event[1]) as [string, unknown];
        if (name === 'command') commands.push(payload as Command);
      }
      server.send(message);
    });
    server.onMessage((message) => {
      const text = typeof message === 'string' ? message : '';
      if (holding && text.startsWith('42["state"')) {
        held.push(() => ws.send(message));
        return;
      }
      if (holding && /^43\d*\[\{/.test(text)) {
        holding = false;
        for (const deliver of held.splice(0)) deliver();
      }
      ws.send(message);
    });
  });
  return {
    commands,
    hold: () => {
      holding = true;
    },
  };
};

const roster = rosterIndex(DEFAULT_ROSTER);
const MEXICO = delegate('mexico');

const onTurn = (v: MeetingView) => (v.turn ? { turnId: v.turn.id } : {});
const adjust = (v: MeetingView, deltaMs: number): Command => ({
  type: 'turn.adjust',
  ...onTurn(v),
  ...(v.turn && { fromLimitMs: v.turn.limitMs }),
  deltaMs,
});

/** A button by its accessible name, and the command it would send, written from the view here. */
interface Control {
  name: string | RegExp;
  command: (view: MeetingView) => Command;
  /**
   * Whether the screen offers it at all, where that is the screen's layout and not a rule of
   * the room: a tablet whose delegation has the floor shows its clock, not "Request the floor".
   */
  offered?: (view: MeetingView) => boolean;
}

const CONSOLE: Control[] = [
  {
    name: /^Next speaker/,
    command: (v) =>
      currentStep(v)?.step.kind === 'floor'
        ? {
            type: 'floor.next',
            ...(v.floor.queue[0] && { requestId: v.floor.queue[0].id }),
            turnId: v.turn?.id ?? null,
          }
        : {
            type: 'turn.start',
            ...(v.current && { fromItemId: v.current.itemId, fromStepId: v.current.stepId }),
            turnId: v.turn?.id ?? null,
          },
  },
  { name: 'Pause', command: (v) => ({ type: 'turn.pause', ...onTurn(v) }) },
  { name: 'Resume', command: (v) => ({ type: 'turn.resume', ...onTurn(v) }) },
  { name: 'End turn', command: (v) => ({ type: 'turn.end', ...onTurn(v) }) },
  { name: '−1 min: remove one minute', command: (v) => adjust(v, -60_000) },
  { name: '−30 s: remove 30 seconds', command: (v) => adjust(v, -30_000) },
  { name: '+1 min: add one minute', command: (v) => adjust(v, 60_000) },
  { name: 'Close list', command: () => ({ type: 'floor.close' }) },
  { name: 'Reopen list', command: () => ({ type: 'floor.open' }) },
  { name: "Panel's turn", command: () => ({ type: 'floor.segment', segment: 'panel' }) },
  { name: 'Back to the floor', command: () => ({ type: 'floor.segment', segment: 'floor' }) },
];

const CHAIR_CONSOLE: Control[] = [
  ...CONSOLE,
  { name: 'Start session', command: () => ({ type: 'agenda.start' }) },
  { name: 'Suspend', command: () => ({ type: 'session.suspend' }) },
  { name: 'Resume session', command: () => ({ type: 'session.resume' }) },
  { name: 'Close session', command: () => ({ type: 'session.close' }) },
  { name: 'Reopen the meeting', command: () => ({ type: 'session.reopen' }) },
];

const TABLET: Control[] = [
  {
    name: 'Request the floor',
    command: () => ({ type: 'floor.request' }),
    offered: (v) => v.turn?.speaker.delegationId !== MEXICO.delegationId,
  },
];

/**
 * What a person sees of a button: it acts, it is shown refused with a reason, or it is not there.
 * Read in one step in the page (the buttons of a toggle come and go while the screen catches up).
 */
const observe = async (page: Page, name: string | RegExp): Promise<string> => {
  const found = await page
    .getByRole('button', { name, exact: typeof name === 'string' })
    .evaluateAll((buttons) =>
      buttons.map((b) => ({
        disabled: (b as HTMLButtonElement).disabled || b.getAttribute('aria-disabled') === 'true',
        title: b.getAttribute('title'),
      })),
    );
  const [button, ...more] = found;
  if (!button) return 'absent';
  if (more.length > 0) return `${found.length} buttons`;
  return button.disabled ? `refused: ${button.title}` : 'acts';
};

describe('the screens send what they saw, and may press exactly what the engine would carry out', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  let chair: Screen;
  let moderator: Screen;
  let tablet: Screen;
  let chairWire: Wire;
  let moderatorWire: Wire;
  /** The server's side: a socket that sees every state. */
  let watcher: Client;
  /** A chair's socket, to set the room up without pressing. */
  let officer: Client;
  const delegations: Client[] = [];

  const latest = (): MeetingView => watcher.latest();
  const until = (predicate: (view: MeetingView) => boolean) =>
    untilState(watcher, (v) => v.version === latest().version && predicate(v));
  const delegation = async (id: string): Promise<Client> => {
    const { token } = await joinMeeting(server.url, meetingId, codes.delegations[id] ?? '');
    const client = await connect(server.url, token);
    delegations.push(client);
    return client;
  };
  /**
   * Every state the watcher will get for the commands answered so far: the server sends a change
   * to the room just after its ack, so a command sent after those acks is answered after their
   * states (one socket, in order).
   */
  const barrier = () => roundTrip(watcher.socket);

  /**
   * Each button of a screen, against the engine's answer on the meeting as the server has it
   * now: it acts exactly when the engine would carry its command out; refused, it is not shown
   * or it is disabled with the engine's words. Polled: the screen hears of a change after the
   * watcher may have.
   */
  const agrees = async (page: Page, by: Sender, controls: Control[]) => {
    const mismatches = async () => {
      const view = latest();
      const wrong: string[] = [];
      for (const { name, command, offered = () => true } of controls) {
        const refusal = refusalOf(contextFromView(view), roster, command(view), by, Date.now());
        const seen = await observe(page, name);
        const expected = !offered(view)
          ? ['absent']
          : refusal
            ? ['absent', `refused: ${englishOf(refusal.reason)}`]
            : ['acts'];
        if (!expected.includes(seen)) {
          const says = refusal ? englishOf(refusal.reason) : 'it acts';
          wrong.push(`${String(name)}: ${seen}, the engine says ${says}`);
        }
      }
      return wrong;
    };
    await expect.poll(mismatches, { timeout: 10_000 }).toEqual([]);
  };
  const everyScreenAgrees = async () => {
    await agrees(chair.page, CHAIR, CHAIR_CONSOLE);
    await agrees(moderator.page, MODERATOR, CONSOLE);
    await agrees(tablet.page, MEXICO, TABLET);
  };

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await createMeeting(server.url, { agenda: PANEL_AGENDA }));
    watcher = await connect(
      server.url,
      (await joinMeeting(server.url, meetingId, codes.moderator)).token,
    );
    officer = await connect(
      server.url,
      (await joinMeeting(server.url, meetingId, codes.chair)).token,
    );
    browser = await launchBrowser();
    chair = await openScreen(browser, { width: 1440, height: 1000 });
    moderator = await openScreen(browser, { width: 1440, height: 1000 });
    tablet = await openScreen(browser, { width: 768, height: 1024 }, { hasTouch: true });
    chairWire = await wireOf(chair.page);
    moderatorWire = await wireOf(moderator.page);
    await chair.page.goto(server.joinLink(meetingId, codes.chair));
    await chair.page.getByRole('button', { name: 'Start session' }).waitFor();
    await moderator.page.goto(server.joinLink(meetingId, codes.moderator));
    await moderator.page.getByText('The chair has not started the session yet.').waitFor();
    await tablet.page.goto(server.joinLink(meetingId, codes.delegations.mexico ?? ''));
    await tablet.page.getByText('The meeting has not started yet.').waitFor();
  });

  afterAll(async () => {
    for (const client of [watcher, officer, ...delegations]) client?.close();
    await browser?.close();
    await server?.close();
  });

  it('before the session, only what the engine takes can be pressed', async () => {
    await everyScreenAgrees();
    expect(await observe(chair.page, 'Start session')).toBe('acts');
    expect(await observe(chair.page, 'Reopen the meeting')).toBe('absent');
    await ok(officer, { type: 'agenda.start' });
    await until((v) => v.current?.stepId === 'opening');
    await everyScreenAgrees();
  });

  it('two consoles pressing "Next speaker" at the same moment give the floor once, and the second is told why', async () => {
    const next = /^Next speaker.*Moderator of panel 1/;
    const chairNext = chair.page.getByRole('button', { name: next });
    const moderatorNext = moderator.page.getByRole('button', { name: next });
    await chairNext.waitFor();
    await moderatorNext.waitFor();
    const before = latest().version;
    const sent = [chairWire.commands.length, moderatorWire.commands.length];

    // Neither console hears of the other's press before its own is answered.
    chairWire.hold();
    moderatorWire.hold();
    await Promise.all([chairNext.click(), moderatorNext.click()]);
    const words = 'Meanwhile Moderator of panel 1 was given the floor: nothing was done.';
    const told = async (page: Page) => (await page.getByRole('alert').getByText(words).count()) > 0;
    await expect
      .poll(async () => (await told(chair.page)) || (await told(moderator.page)))
      .toBe(true);
    // Exactly one of them was refused: the other's press gave the floor.
    const refused = (await told(chair.page)) ? chair.page : moderator.page;
    const acted = refused === chair.page ? moderator.page : chair.page;
    expect(await told(acted)).toBe(false);
    await screenshot(refused, 'intent-second-press');

    await barrier();
    expect(watcher.states.filter((v) => v.version > before).map((v) => v.version)).toEqual([
      before + 1,
    ]);
    expect(latest().turn?.speaker.name).toBe('Moderator of panel 1');
    // One command from each console, naming nobody and carrying what it saw and its own
    // command id; nothing retried (both were answered), no version sent.
    for (const [wire, from] of [
      [chairWire, sent[0]],
      [moderatorWire, sent[1]],
    ] as const) {
      expect(wire.commands.slice(from ?? 0)).toEqual([
        {
          type: 'turn.start',
          fromItemId: 'panel-1',
          fromStepId: 'opening',
          turnId: null,
          commandId: A_COMMAND_ID,
        },
      ]);
    }
    expect(chairWire.commands.at(-1)?.commandId).not.toBe(moderatorWire.commands.at(-1)?.commandId);
    await refused.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  });

  it('a turn, paused, suspended and resumed: the clock buttons act exactly when the engine would', async () => {
    // Every scheduled speaker of the step has been heard: "Next speaker" says so, refused.
    await everyScreenAgrees();
    expect(await observe(moderator.page, /^Next speaker/)).toBe(
      'refused: Every scheduled speaker of this step has been heard: name the next speaker.',
    );
    expect(await observe(moderator.page, 'Resume')).toBe('absent');
    await ok(officer, { type: 'turn.pause', turnId: latest().turn?.id });
    await until((v) => v.turn?.status === 'paused');
    await everyScreenAgrees();
    expect(await observe(moderator.page, 'Resume')).toBe('acts');
    await ok(officer, { type: 'session.suspend', note: 'Lunch' });
    await until((v) => v.status === 'suspended');
    await everyScreenAgrees();
    expect(await observe(moderator.page, 'Resume')).toBe(
      'refused: The session is suspended: resume it first.',
    );
    await screenshot(moderator.page, 'intent-suspended-resume-refused');
    await ok(officer, { type: 'session.resume' });
    await ok(officer, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    await until((v) => v.current?.stepId === 'discussion');
    await everyScreenAgrees();
    expect(await observe(moderator.page, /^Next speaker/)).toBe(
      'refused: Nobody is waiting for the floor.',
    );
  });

  it('a request arriving while the moderator presses "Next speaker" does not refuse the press', async () => {
    await tablet.page.getByRole('button', { name: 'Request the floor' }).click();
    await until((v) => v.floor.queue.length === 1);
    const next = moderator.page.getByRole('button', { name: /^Next speaker.*Mexico/ });
    await next.waitFor();
    const mexico = latest().floor.queue[0]?.id;
    const sent = moderatorWire.commands.length;

    moderatorWire.hold();
    const morocco = await delegation('morocco');
    await ok(morocco, { type: 'floor.request' });
    // The console has not heard of Morocco: it still shows Mexico first, and its press acts.
    await next.click();
    await until((v) => v.turn?.speaker.delegationId === 'mexico');
    await moderator.page.getByRole('button', { name: /^Next speaker.*Morocco/ }).waitFor();
    expect(await moderator.page.getByRole('alert').textContent()).toBe('');
    expect(moderatorWire.commands.slice(sent)).toEqual([
      { type: 'floor.next', requestId: mexico, turnId: null, commandId: A_COMMAND_ID },
    ]);
    await everyScreenAgrees();
  });

  it('a State going ahead of the request shown is a conflict, told in words, not retried', async () => {
    const morocco = latest().floor.queue[0]?.id ?? '';
    await ok(officer, { type: 'floor.remove', requestId: morocco });
    const ituc = await delegation('ituc');
    await ok(ituc, { type: 'floor.request' });
    const next = moderator.page.getByRole('button', {
      name: /^Next speaker.*International Trade Union Confederation/,
    });
    await next.waitFor();
    const before = latest().version;
    const sent = moderatorWire.commands.length;

    moderatorWire.hold();
    const kenya = await delegation('kenya');
    await ok(kenya, { type: 'floor.request' });
    await next.click();
    await moderator.page
      .getByRole('alert')
      .getByText('Meanwhile the queue changed: Kenya is first now. Nothing was done.')
      .waitFor();
    await barrier();
    // Kenya's request is the only change: the press changed nothing, and was sent once.
    expect(latest().version).toBe(before + 1);
    expect(latest().turn?.speaker.delegationId).toBe('mexico');
    expect(moderatorWire.commands.slice(sent)).toHaveLength(1);
    await everyScreenAgrees();
  });

  it('the list closed, the time used up, the meeting closed: still exactly what the engine takes', async () => {
    await ok(officer, { type: 'floor.close' });
    await until((v) => !v.floor.open);
    await everyScreenAgrees();
    expect(await observe(moderator.page, 'Close list')).toBe('absent');
    expect(await observe(moderator.page, 'Reopen list')).toBe('acts');

    // 3:00 less 2:30: "−1 min" would take away more than is left.
    const turnId = latest().turn?.id;
    for (const deltaMs of [-60_000, -60_000, -30_000]) {
      await ok(officer, { type: 'turn.adjust', turnId, deltaMs });
    }
    await until((v) => v.turn?.limitMs === 30_000);
    await everyScreenAgrees();
    expect(await observe(moderator.page, '−1 min: remove one minute')).toBe(
      'refused: That would remove more time than the turn was given.',
    );
    expect(await observe(moderator.page, '−30 s: remove 30 seconds')).toBe('acts');

    await ok(officer, { type: 'session.close' });
    await until((v) => v.status === 'closed');
    await everyScreenAgrees();
    expect(await observe(chair.page, 'Reopen the meeting')).toBe('acts');
  });

  it('shows no script or CSP problem', () => {
    for (const screen of [chair, moderator, tablet]) {
      expect(screen.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
    }
  });
});
