import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaInput } from '../../shared/protocol/agenda';
import type { MeetingCodes } from '../../shared/protocol/http';
import type { MeetingView } from '../../shared/protocol/view';
import { launchBrowser, openScreen, type Screen, screenshot } from '../support/browser';
import {
  type Client,
  connect,
  createMeeting,
  join as joinMeeting,
  ok,
  untilState,
} from '../support/server';
import { announced, listenToAnnouncements } from './announcements';
import { buttonsChecked, buttonsNamedOtherwise } from './labels';
import { PANEL_AGENDA, quickFloorPanel, RoomServer } from './room';

/** The panel with a quick floor clock, and a second panel to go to. */
const CONSOLES_AGENDA: AgendaInput = {
  ...PANEL_AGENDA,
  items: [quickFloorPanel(), { ...quickFloorPanel(), id: 'panel-2', title: 'Expert panel 2' }],
};

/** The text of whatever has the keyboard on a page, or "BODY" when no control has it. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'BODY';
    // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out, a caption and its detail apart
    const text = active instanceof HTMLElement ? active.innerText : (active.textContent ?? '');
    return text.replace(/\s+/g, ' ').trim();
  });

/**
 * Waits for the console itself to show the clock paused or running (its Resume or Pause button):
 * the test's own socket may hear of a change before the page does.
 */
const showsClock = (page: Page, status: 'paused' | 'running'): Promise<void> =>
  page
    .getByRole('button', { name: status === 'paused' ? 'Resume' : 'Pause', exact: true })
    .waitFor();

/**
 * Presses a key once the focused control is ready: a button whose command is still on its way
 * says it is busy (`aria-disabled`) and ignores presses, as a person would see before pressing
 * again. With no control focused, at once.
 */
const pressWhenReady = async (page: Page, key: string): Promise<void> => {
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-disabled') ?? null))
    .not.toBe('true');
  await page.keyboard.press(key);
};

describe('the consoles under pressure, by keyboard and by screen reader', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  let chair: Screen;
  let moderator: Screen;
  /** The server's side of things: a socket that sees every state. */
  let watcher: Client;
  const delegations: Record<string, Client> = {};

  const latest = (): MeetingView => watcher.latest();
  const until = (predicate: (view: MeetingView) => boolean) => untilState(watcher, predicate);
  const request = async (delegationId: string) => {
    const code = codes.delegations[delegationId] ?? '';
    const { token } = await joinMeeting(server.url, meetingId, code);
    const client = await connect(server.url, token);
    delegations[delegationId] = client;
    await ok(client, { type: 'floor.request' });
  };

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await createMeeting(server.url, { agenda: CONSOLES_AGENDA }));
    const { token } = await joinMeeting(server.url, meetingId, codes.moderator);
    watcher = await connect(server.url, token);
    browser = await launchBrowser();
    chair = await openScreen(browser, { width: 1440, height: 1000 });
    moderator = await openScreen(browser, { width: 1440, height: 1000 });
    await chair.page.goto(server.joinLink(meetingId, codes.chair));
    await chair.page.getByRole('button', { name: 'Start session' }).waitFor();
    await moderator.page.goto(server.joinLink(meetingId, codes.moderator));
    await moderator.page.getByText('The chair has not started the session yet.').waitFor();
  });

  afterAll(async () => {
    for (const client of [watcher, ...Object.values(delegations)]) client?.close();
    await browser?.close();
    await server?.close();
  });

  it('"Next step" acts at once when nothing would be lost, and keeps the focus', async () => {
    const page = chair.page;
    await page.getByRole('button', { name: 'Start session' }).click();
    const nextStep = page.getByRole('button', { name: /Next step.*Presentations by the experts/ });
    await nextStep.click();
    await until((v) => v.current?.stepId === 'presentations');
    expect(await page.getByRole('button', { name: 'Yes, next step' }).count()).toBe(0);

    // By keyboard: Enter on the focused button, and the focus stays on it for the step after.
    await page.getByRole('button', { name: /Next step.*Interactive discussion/ }).focus();
    await page.keyboard.press('Enter');
    await until((v) => v.current?.stepId === 'discussion');
    await expect.poll(() => focused(page)).toMatch(/^next step.*concluding remarks/i);
  });

  it('Space and Enter press the focused button; the shortcuts act only with no control focused', async () => {
    const page = moderator.page;
    for (const id of ['mexico', 'morocco', 'holy-see']) await request(id);
    await page.getByRole('button', { name: /Next speaker.*Mexico/ }).focus();
    await pressWhenReady(page, 'Enter');
    await until((v) => v.turn?.speaker.delegationId === 'mexico');
    // The button stays under the keyboard, now offering the next request.
    await expect.poll(() => focused(page)).toMatch(/^next speaker morocco$/i);
    const turnId = latest().turn?.id;
    const limitMs = latest().turn?.limitMs ?? 0;

    // Space on "+30 s" adds 30 seconds: it does not pause the speaker.
    await page.getByRole('button', { name: '+30 s' }).focus();
    await pressWhenReady(page, 'Space');
    await until((v) => v.turn?.limitMs === limitMs + 30_000);
    expect(latest().turn?.status).toBe('running');
    await expect.poll(() => focused(page)).toBe('+30 s');
    // N is not a shortcut while a button has the focus; Enter presses the button.
    await page.keyboard.press('n');
    await pressWhenReady(page, 'Enter');
    await until((v) => v.turn?.limitMs === limitMs + 60_000);
    expect(latest().turn?.id).toBe(turnId);
    expect(latest().turn?.status).toBe('running');

    // Escape lets go of the button; then Space is the clock's.
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('BODY');
    await pressWhenReady(page, 'Space');
    await until((v) => v.turn?.status === 'paused');
    // As a person would: the console shows the pause before the key is pressed again.
    await showsClock(page, 'paused');
    await pressWhenReady(page, 'Space');
    await until((v) => v.turn?.status === 'running');
    expect(await focused(page)).toBe('BODY');

    // A button that gives way to another hands it the focus.
    await page.getByRole('button', { name: 'Pause', exact: true }).focus();
    await pressWhenReady(page, 'Enter');
    await until((v) => v.turn?.status === 'paused');
    await expect.poll(() => focused(page)).toBe('Resume');
    await pressWhenReady(page, 'Space');
    await until((v) => v.turn?.status === 'running');
    await expect.poll(() => focused(page)).toBe('Pause');

    await page.getByRole('button', { name: 'Close list' }).focus();
    await pressWhenReady(page, 'Enter');
    await until((v) => !v.floor.open);
    await expect.poll(() => focused(page)).toBe('Reopen list');
    await screenshot(page, 'consoles-focus-on-reopen-list');
    await pressWhenReady(page, 'Space');
    await until((v) => v.floor.open);
    await expect.poll(() => focused(page)).toBe('Close list');

    // A question's answer gives the focus back to the button that asked it.
    await chair.page.getByRole('button', { name: 'Close session' }).focus();
    await chair.page.keyboard.press('Enter');
    await expect.poll(() => focused(chair.page)).toBe('Yes, close the session');
    await chair.page.keyboard.press('Escape');
    await expect.poll(() => focused(chair.page)).toBe('Close session');
  });

  it('a device turns the single-key shortcuts off, and keeps that choice', async () => {
    const page = moderator.page;
    const shortcuts = page.getByLabel('Single-key shortcuts on this device');
    expect(await shortcuts.isChecked()).toBe(true);
    await shortcuts.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => shortcuts.isChecked()).toBe(false);
    await page.getByText('Off: keys act only on the focused button or field.').waitFor();
    expect(await page.locator('.shortcuts kbd').count()).toBe(0);
    await screenshot(page, 'consoles-shortcuts-off');

    await page.reload();
    await page.getByRole('heading', { name: 'Has the floor' }).waitFor();
    expect(await page.getByLabel('Single-key shortcuts on this device').isChecked()).toBe(false);
    expect(await focused(page)).toBe('BODY');
    const limitMs = latest().turn?.limitMs ?? 0;
    // Off: Space and N do nothing; the next button pressed shows they were not sent before it.
    await page.keyboard.press('Space');
    await page.keyboard.press('n');
    await page.getByRole('button', { name: '+30 s' }).click();
    await until((v) => v.turn?.limitMs === limitMs + 30_000);
    expect(latest().turn?.status).toBe('running');
    expect(latest().turn?.speaker.delegationId).toBe('mexico');

    await page.getByLabel('Single-key shortcuts on this device').check();
    await page.getByRole('heading', { name: 'Has the floor' }).click();
    await page.keyboard.press('Space');
    await until((v) => v.turn?.status === 'paused');
    await showsClock(page, 'paused');
    await page.keyboard.press('Space');
    await until((v) => v.turn?.status === 'running');
  });

  it('screen readers hear the warning and the overrun once each, never the seconds', async () => {
    await listenToAnnouncements(moderator.page);
    await listenToAnnouncements(chair.page);
    await moderator.page.getByRole('button', { name: /Next speaker.*Morocco/ }).click();
    await until((v) => v.turn?.speaker.delegationId === 'morocco');
    const timer = moderator.page.getByRole('timer');
    await moderator.page.locator('.clock-phase', { hasText: 'Time is up' }).waitFor();
    // Two more seconds of overrun go by, unannounced.
    await expect
      .poll(async () => (await timer.textContent())?.trim(), { timeout: 10_000 })
      .toMatch(/^-0:0[2-9]$/);
    for (const page of [moderator.page, chair.page]) {
      const heard = await announced(page);
      expect(heard).toHaveLength(2);
      expect(heard[0]).toMatch(/^Warning: [1-3] seconds? left for Morocco\.$/);
      expect(heard[1]).toBe('Time is up for Morocco.');
    }
    // The clock itself is no live region: its seconds would drown everything.
    const inLiveRegion = await timer.evaluate(
      (clock) =>
        clock.getAttribute('aria-live') !== 'off' ||
        clock.parentElement?.closest('[aria-live]:not([aria-live="off"]), [role="status"]') !==
          null,
    );
    expect(inLiveRegion).toBe(false);
    await screenshot(moderator.page, 'consoles-overtime-announced');
  });

  it('every button of the consoles is named with the text it shows', async () => {
    await moderator.page.getByLabel('Find a delegation').fill('mex');
    await moderator.page.getByRole('button', { name: 'Add a request for Mexico' }).waitFor();
    await chair.page.getByRole('button', { name: /Next step/ }).waitFor();
    for (const page of [moderator.page, chair.page]) {
      expect(await buttonsNamedOtherwise(page)).toEqual([]);
      expect(await buttonsChecked(page)).toBeGreaterThan(10);
    }
    // The time buttons: what they show, then what they do.
    await moderator.page.getByRole('button', { name: '+30 s: add 30 seconds' }).waitFor();
    await moderator.page.getByRole('button', { name: '−1 min: remove one minute' }).waitFor();
    // A question open: its buttons too.
    await chair.page.getByRole('button', { name: 'Close session' }).click();
    expect(await buttonsNamedOtherwise(chair.page)).toEqual([]);
    await chair.page.getByRole('button', { name: 'Cancel' }).click();
    await moderator.page.getByLabel('Find a delegation').fill('');
    // The chair's agenda editor, a page of the console: "Up" and "Down" are named "Move … up".
    await chair.page.getByRole('link', { name: 'Edit agenda' }).click();
    await chair.page.getByRole('button', { name: 'Move Expert 2 of panel 1 up' }).first().waitFor();
    expect(await buttonsNamedOtherwise(chair.page)).toEqual([]);
    expect(await buttonsChecked(chair.page)).toBeGreaterThan(10);
    await chair.page.getByRole('link', { name: 'Back to the console' }).click();
    await chair.page.getByRole('button', { name: /Next step/ }).waitFor();
  });

  it('"Next step" asks first, saying which turn ends and how many requests go unheard', async () => {
    const page = chair.page;
    await until((v) => v.floor.queue.length === 1 && v.turn?.speaker.delegationId === 'morocco');
    const nextStep = page.getByRole('button', { name: /Next step.*concluding remarks/ });
    await page
      .getByText(
        'Asks first: the turn of Morocco ends, and 1 request for the floor will be left unheard.',
      )
      .waitFor();
    await screenshot(page, 'consoles-next-step-button');

    await nextStep.click();
    const question = page.getByRole('group', {
      name: "Move on to Expert panel 1: Moderator's concluding remarks?",
    });
    await question
      .getByText('The turn of Morocco ends, and 1 request for the floor will be left unheard.')
      .waitFor();
    await screenshot(page, 'consoles-next-step-question');
    expect(await focused(page)).toBe('Yes, next step');
    // Cancel changes nothing, and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toMatch(/^next step/i);
    expect(latest().current?.stepId).toBe('discussion');
    expect(latest().floor.queue).toHaveLength(1);
    expect(latest().turn?.speaker.delegationId).toBe('morocco');

    // Asked again by keyboard and confirmed: the step changes, the focus stays on the button.
    await page.keyboard.press('Enter');
    await question.waitFor();
    await page.keyboard.press('Enter');
    await until((v) => v.current?.stepId === 'concluding');
    expect(latest().turn).toBeNull();
    expect(latest().floor.queue).toHaveLength(0);
    await expect.poll(() => focused(page)).toMatch(/^next step expert panel 2/i);
  });

  it('"Go to" names the item and the step, and the focus lands on the step gone to', async () => {
    const page = chair.page;
    const goTo = page.getByRole('button', {
      name: 'Go to Expert panel 2: Interactive discussion',
      exact: true,
    });
    await goTo.click();
    const question = page.getByRole('group', {
      name: 'Go to Expert panel 2: Interactive discussion?',
    });
    await question.waitFor();
    await screenshot(page, 'consoles-go-to-question');
    await question.getByRole('button', { name: 'Go there' }).click();
    await until((v) => v.current?.itemId === 'panel-2' && v.current.stepId === 'discussion');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-current')))
      .toBe('step');
    expect(await focused(page)).toContain('Interactive discussion');
    await moderator.page.getByText('Expert panel 2: Interactive discussion').first().waitFor();
  });

  it('shows no script or CSP problem', () => {
    for (const screen of [chair, moderator]) {
      expect(screen.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
    }
  });
});
