import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRemaining, nextChangeAt, phaseAt, remainingAt } from '../../shared/clock/turnClock';
import type { AgendaInput } from '../../shared/protocol/agenda';
import type { MeetingCodes } from '../../shared/protocol/http';
import type { TurnView } from '../../shared/protocol/view';
import { launchBrowser, openScreen, type Screen } from '../support/browser';
import {
  type Client,
  connect,
  createMeeting,
  join,
  ok,
  sleep,
  untilState,
} from '../support/server';
import { PANEL_AGENDA, quickFloorPanel, RoomServer } from './room';

/**
 * Interventions of 6.5 s with the warning at 4.7 s spoken: the warning comes 1.8 s before the
 * limit, between two changes of the digits (0:02 shows from 4.5 s to 5.5 s spoken), so the
 * screens must wake for it at its own instant, not on a second.
 */
const ALLOWANCE = { limitMs: 6_500, warnAtMs: 4_700 };
const panel = quickFloorPanel();
const AGENDA: AgendaInput = {
  ...PANEL_AGENDA,
  items: [
    {
      ...panel,
      steps: panel.steps.map((s) => (s.kind === 'floor' ? { ...s, allowance: ALLOWANCE } : s)),
    },
  ],
};

/** How long the screens are watched once the turn runs. */
const WATCH_MS = 3_000;

/** A change of what a clock shows, as the page saw it (its own Date.now(), this machine's clock). */
interface Seen {
  at: number;
  text: string;
  phase: string;
}

interface Watch {
  rostrumSeen: Seen[];
  rostrumFrames: number[];
  /** When each timer was asked for, and for how long. */
  rostrumTimers: { at: number; ms: number }[];
}

/**
 * Before any script of the page: counts every requestAnimationFrame and setTimeout the page asks
 * for, and notes each change of the clock's digits or phase (the class `phase-…` of `.clock`) the
 * moment the DOM changes.
 */
const watchTheClock = () => {
  const w = window as unknown as Watch;
  w.rostrumSeen = [];
  w.rostrumFrames = [];
  w.rostrumTimers = [];
  const frame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => {
    w.rostrumFrames.push(Date.now());
    return frame(callback);
  };
  const timeout = window.setTimeout.bind(window);
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    w.rostrumTimers.push({ at: Date.now(), ms: Number(ms ?? 0) });
    return timeout(handler, ms, ...rest);
  }) as typeof window.setTimeout;
  let last = '';
  new MutationObserver(() => {
    const clock = document.querySelector('.clock');
    const text = clock?.querySelector('.clock-time')?.textContent?.trim() ?? '';
    const phase = /phase-(\w+)/.exec(clock?.className ?? '')?.[1] ?? '';
    if (`${text} ${phase}` === last) return;
    last = `${text} ${phase}`;
    w.rostrumSeen.push({ at: Date.now(), text, phase });
  }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class'],
  });
};

/** What the page noted from `from` to `to` (its Date.now()). */
const noted = (page: Page, from: number, to: number) =>
  page.evaluate(
    ([a, b]) => {
      const w = window as unknown as Watch;
      const within = (t: number) => t >= a && t < b;
      const timers = w.rostrumTimers.filter((t) => within(t.at));
      return {
        seen: w.rostrumSeen.filter((s) => within(s.at)),
        frames: w.rostrumFrames.filter(within).length,
        timers: timers.length,
        // A clock's timers are for at most a second; the connection's own are for 2 s and more
        // (a sync's answer, the silence that means a lost network, engine.io's heartbeat).
        secondTimers: timers.filter((t) => t.ms <= 1000).length,
      };
    },
    [from, to] as const,
  );

/** Every instant the face changes in [from, to), as the server's instants compute it. */
const changesOf = (turn: TurnView, from: number, to: number): number[] => {
  const instants: number[] = [];
  for (let at = nextChangeAt(turn, from); at !== null && at < to; at = nextChangeAt(turn, at)) {
    instants.push(at);
  }
  return instants;
};

/** The face at an instant, as the screens draw it. */
const faceAt = (turn: TurnView, at: number) => ({
  text: formatRemaining(remainingAt(turn, at)),
  phase: phaseAt(turn, at),
});

describe('clocks that sleep between their seconds', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  let chair: Client;
  let iom: Client;
  let display: Screen;
  let tablet: Screen;

  const open = async (size: { width: number; height: number }, code: string, touch: boolean) => {
    const screen = await openScreen(browser, size, { hasTouch: touch });
    await screen.context.addInitScript(watchTheClock);
    await screen.page.goto(server.joinLink(meetingId, code));
    return screen;
  };

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await createMeeting(server.url, { agenda: AGENDA }));
    chair = await connect(server.url, (await join(server.url, meetingId, codes.chair)).token);
    iom = await connect(
      server.url,
      (await join(server.url, meetingId, codes.delegations.iom ?? '')).token,
    );
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.next' });
    await ok(chair, { type: 'agenda.next' });
    await untilState(chair, (v) => v.current?.stepId === 'discussion');
    browser = await launchBrowser();
    display = await open({ width: 1280, height: 720 }, codes.display, false);
    await display.page.locator('.display-waiting').waitFor();
    tablet = await open({ width: 768, height: 1024 }, codes.delegations.iom ?? '', true);
    await tablet.page.getByRole('button', { name: 'Request the floor' }).waitFor();
  });

  afterAll(async () => {
    chair?.close();
    iom?.close();
    await browser?.close();
    await server?.close();
  });

  it('redraws the display and the tablet once a second, on the right second, and the phase on its instant', async () => {
    await ok(iom, { type: 'floor.request' });
    const request = (await untilState(chair, (v) => v.floor.queue.length === 1)).floor.queue[0];
    if (!request) throw new Error('no request');
    await ok(chair, { type: 'floor.grant', requestId: request.id });
    const turn = (await untilState(chair, (v) => v.turn?.status === 'running')).turn;
    const startedAt = turn?.startedAt;
    if (!turn || !startedAt) throw new Error('no running turn');
    await display.page.getByRole('timer').waitFor();
    await tablet.page.getByRole('timer').waitFor();

    // From 1.8 s into the turn (the screens have long drawn it) for three seconds: the face
    // changes at 2.5 s (0:04), 3.5 s (0:03), 4.5 s (0:02) and 4.7 s (warning).
    const from = startedAt + 1_800;
    const to = from + WATCH_MS;
    expect(Date.now()).toBeLessThan(from);
    await sleep(to + 100 - Date.now());
    const expected = changesOf(turn, from, to);
    expect(expected.map((at) => at - startedAt)).toEqual([2500, 3500, 4500, 4700]);

    for (const [name, screen] of [
      ['display', display],
      ['tablet', tablet],
    ] as const) {
      const { seen, frames, timers, secondTimers } = await noted(screen.page, from, to);
      const lateness = seen.map((s, i) => s.at - (expected[i] ?? Number.NaN));
      console.log(
        `${name}: ${seen.length} changes in ${WATCH_MS} ms (${seen
          .map((s) => `${s.text} ${s.phase}`)
          .join(
            ', ',
          )}), drawn ${lateness.map((l) => l.toFixed(0)).join(', ')} ms after their instants; ${frames} animation frames, ${timers} timers asked for (${secondTimers} of a second or less)`,
      );
      // About one change a second (three digits and the warning), never a frame loop.
      expect(seen.length, name).toBeGreaterThanOrEqual(2);
      expect(seen.length, name).toBeLessThanOrEqual(5);
      expect(frames, name).toBeLessThan(10);
      expect(secondTimers, name).toBeGreaterThanOrEqual(seen.length - 1);
      expect(secondTimers, name).toBeLessThanOrEqual(2 * seen.length);
      // The changes the server's instants give, each showing what they say for its moment...
      expect(
        seen.map((s) => `${s.text} ${s.phase}`),
        name,
      ).toEqual(expected.map((at) => `${faceAt(turn, at).text} ${faceAt(turn, at).phase}`));
      for (const [i, s] of seen.entries()) {
        expect({ text: s.text, phase: s.phase }, `${name} change ${i}`).toEqual(faceAt(turn, s.at));
        // ...made within a second of the instant it was due, and not before it (on loopback the
        // screens' offset is right within a millisecond or two).
        expect(lateness[i], `${name} change ${i}`).toBeGreaterThan(-20);
        expect(lateness[i], `${name} change ${i}`).toBeLessThan(1000);
      }
    }
  });

  it('sets no timer for a paused clock', async () => {
    await ok(chair, { type: 'turn.pause' });
    await untilState(chair, (v) => v.turn?.status === 'paused');
    await display.page.locator('.clock.is-paused').waitFor();
    await tablet.page.locator('.clock.is-paused').waitFor();
    const from = Date.now() + 200;
    await sleep(2_200);
    for (const [name, screen] of [
      ['display', display],
      ['tablet', tablet],
    ] as const) {
      const watched = await noted(screen.page, from, from + 2_000);
      expect(watched, name).toMatchObject({ seen: [], frames: 0, secondTimers: 0 });
    }
  });
});
