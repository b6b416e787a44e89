import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gzippedScriptBytes,
  launchBrowser,
  openScreen,
  type Screen,
  screenshot,
  stateValve,
} from '../support/browser';
import { holdsZod } from '../support/bundles';
import { RoomServer, secondsOf } from './room';

const HTML_NAME = '<b>bold</b><img src=x onerror=alert(1)>';

/** Problems that are not the screens' fault: none are expected in this scenario. */
const cspOrScriptProblems = (screen: Screen) =>
  screen.problems.filter((p) => !p.includes('Failed to load resource'));

describe('a piece of a panel, in five browsers', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: Awaited<ReturnType<RoomServer['createMeeting']>>['codes'];
  let chair: Screen;
  let moderator: Screen;
  let display: Screen;
  let mexico: Screen;
  let morocco: Screen;

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await server.createMeeting());
    browser = await launchBrowser();
    chair = await openScreen(browser, { width: 1440, height: 1000 });
    moderator = await openScreen(browser, { width: 1440, height: 1000 });
    display = await openScreen(browser, { width: 1920, height: 1080 });
    mexico = await openScreen(browser, { width: 768, height: 1024 }, { hasTouch: true });
    morocco = await openScreen(
      browser,
      { width: 390, height: 844 },
      { hasTouch: true, isMobile: true },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('joins each screen by its access code', async () => {
    await chair.page.goto(server.url);
    await screenshot(chair.page, 'join');
    await chair.page.getByLabel('Access code').fill(codes.chair.toLowerCase());
    await chair.page.getByRole('button', { name: 'Join' }).click();
    await chair.page.waitForURL(`**/m/${meetingId}/chair`);
    await chair.page.getByRole('button', { name: 'Start session' }).waitFor();

    await moderator.page.goto(server.joinLink(meetingId, codes.moderator));
    await moderator.page.waitForURL(`**/m/${meetingId}/moderator`);
    await display.page.goto(server.joinLink(meetingId, codes.display));
    await display.page.waitForURL(`**/m/${meetingId}/display`);
    await display.page.getByText('The meeting will begin shortly').waitFor();
    await screenshot(display.page, 'display-pending');

    await mexico.page.goto(server.joinLink(meetingId, codes.delegations.mexico ?? ''));
    await mexico.page.waitForURL(`**/m/${meetingId}/delegate`);
    await mexico.page.getByRole('heading', { name: 'Mexico' }).waitFor();
    await morocco.page.goto(server.joinLink(meetingId, codes.delegations.morocco ?? ''));
    await morocco.page.getByRole('heading', { name: 'Morocco' }).waitFor();
    await morocco.page.getByText('The meeting has not started yet.').waitFor();
  });

  it('a reload returns to the same screen; a wrong code is refused in words', async () => {
    await mexico.page.reload();
    await mexico.page.getByRole('heading', { name: 'Mexico' }).waitFor();
    expect(mexico.page.url()).toBe(`${server.url}/m/${meetingId}/delegate`);

    const stranger = await openScreen(browser, { width: 800, height: 600 });
    await stranger.page.goto(server.joinLink(meetingId, 'WRONGCODE1'));
    await stranger.page.getByRole('alert').getByText('does not open this meeting').waitFor();
    await stranger.context.close();
  });

  it('the chair starts and moves to the discussion', async () => {
    const page = chair.page;
    await page.getByRole('button', { name: 'Start session' }).click();
    await mexico.page.getByText('The floor is not open for requests in this step.').waitFor();
    await screenshot(mexico.page, 'delegate-not-open-tablet');
    await page.getByRole('button', { name: /Next step.*Presentations by the experts/ }).click();
    // The next step's shortcut asks first; Enter confirms.
    await page.getByRole('button', { name: /Next step.*Interactive discussion/ }).waitFor();
    // The clicked button keeps the focus, and the keys with it: Escape hands them to the page.
    await page.keyboard.press('Escape');
    await page.locator('body').press('Shift+N');
    await page.getByRole('button', { name: 'Yes, next step' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Expert panel 1: Interactive discussion').first().waitFor();
    await expect
      .poll(() => page.locator('[aria-current="step"]').textContent())
      .toContain('Interactive discussion');
    await display.page.getByText('Expert panel 1: Interactive discussion').waitFor();
  });

  it('delegations ask for the floor and see their place in line', async () => {
    await screenshot(mexico.page, 'delegate-request-tablet');
    await mexico.page.getByRole('button', { name: 'Request the floor' }).click();
    await mexico.page.getByText('Number 1 in line', { exact: true }).waitFor();

    await morocco.page.getByText('Name the speaker (optional)').click();
    await morocco.page.getByLabel("Speaker's name").fill(HTML_NAME);
    await morocco.page.getByLabel('Female').check();
    await screenshot(morocco.page, 'delegate-request-phone');
    await morocco.page.getByRole('button', { name: 'Request the floor' }).click();
    await morocco.page.getByText('Number 2 in line', { exact: true }).waitFor();
    await screenshot(morocco.page, 'delegate-waiting-phone');

    // The name is text on every screen, never markup.
    await moderator.page.getByText(`Speaker: ${HTML_NAME}`).waitFor();
    await display.page.getByText(HTML_NAME).waitFor();
    for (const screen of [moderator, display, chair]) {
      expect(await screen.page.locator('img').count()).toBe(0);
      expect(await screen.page.locator('b').count()).toBe(0);
    }
  });

  it('the moderator gives the floor and the display counts down', async () => {
    await moderator.page.getByRole('button', { name: /Next speaker.*Mexico/ }).click();
    await mexico.page.getByText('You have the floor', { exact: true }).waitFor();
    await morocco.page.getByText('Number 1 in line', { exact: true }).waitFor();

    await display.page.locator('.display-speaker', { hasText: 'Mexico' }).waitFor();
    const timer = display.page.getByRole('timer');
    const first = secondsOf(await timer.textContent());
    // A real wait: what is tested is the browser's own clock counting down a second.
    await display.page.waitForTimeout(1_100);
    const second = secondsOf(await timer.textContent());
    expect(first).toBeLessThanOrEqual(180);
    expect(first).toBeGreaterThan(170);
    expect(first - second).toBeGreaterThanOrEqual(1);
    expect(first - second).toBeLessThanOrEqual(2);

    await screenshot(display.page, 'display-running');
    await screenshot(moderator.page, 'moderator');
    await screenshot(chair.page, 'chair');
    await screenshot(mexico.page, 'delegate-has-floor-tablet');
  });

  it('removing time takes the clock over its limit: "Time is up"', async () => {
    /** Presses, and waits for the answer: the button acts again, unless the chart refuses it now. */
    const press = async (name: string, then: 'acts' | 'refused' = 'acts') => {
      const button = moderator.page.getByRole('button', { name });
      await button.click();
      await expect.poll(() => button.isEnabled()).toBe(then === 'acts');
    };
    // 3:00 less 2:30 leaves 0:30, all of it past the warning point.
    await press('Remove one minute');
    await press('Remove one minute');
    await press('Remove 30 seconds');
    await display.page.getByText('Warning').waitFor();
    await screenshot(display.page, 'display-warning');
    // Nothing is left to take away: "−30 s" and "−1 min" cannot act now, and say why.
    await press('Remove 30 seconds', 'refused');
    for (const name of ['Remove 30 seconds', 'Remove one minute']) {
      const button = moderator.page.getByRole('button', { name });
      expect(await button.isDisabled()).toBe(true);
      expect(await button.getAttribute('title')).toBe(
        'That would remove more time than the turn was given.',
      );
    }
    await display.page.getByText('Time is up').waitFor();
    await mexico.page.locator('.clock-phase', { hasText: 'Time is up' }).waitFor();
    await expect
      .poll(async () => secondsOf(await display.page.getByRole('timer').textContent()), {
        timeout: 4_000,
      })
      .toBeLessThan(0);
    expect(await display.page.getByRole('timer').textContent()).toMatch(/^-\d+:\d\d$/);
    await screenshot(display.page, 'display-overtime');
    await screenshot(chair.page, 'chair-overtime');
  });

  it('Space on the chair console pauses and resumes the clock', async () => {
    await chair.page.keyboard.press('Escape');
    await chair.page.locator('body').press('Space');
    await display.page.getByText('Paused').waitFor();
    await chair.page.locator('body').press('Space');
    await expect.poll(() => display.page.getByText('Paused').count()).toBe(0);
  });

  it('two moderators pressing "Next speaker" at once give the floor once', async () => {
    const other = await openScreen(browser, { width: 1440, height: 1000 });
    const valve = await stateValve(other.page);
    await other.page.goto(server.joinLink(meetingId, codes.moderator));
    const late = other.page.getByRole('button', { name: /Next speaker.*Morocco/ });
    await late.waitFor();

    valve.hold();
    await moderator.page.getByRole('button', { name: /Next speaker.*Morocco/ }).click();
    await morocco.page.getByText('You have the floor', { exact: true }).waitFor();
    await screenshot(morocco.page, 'delegate-has-floor-phone');
    // The other console has not heard yet: it still offers Morocco, and its press is refused.
    await late.click();
    await other.page.getByRole('alert').getByText('Nobody is waiting for the floor.').waitFor();
    await screenshot(other.page, 'moderator-refusal');
    // Now it has heard: nobody left to give the floor to, and the button says so.
    await expect
      .poll(() =>
        other.page.getByRole('button', { name: /Next speaker.*Nobody is waiting/ }).isDisabled(),
      )
      .toBe(true);
    await other.context.close();
    await display.page.locator('.display-speaker', { hasText: HTML_NAME }).waitFor();
  });

  it('a request arriving meanwhile does not stop the panel from getting the floor', async () => {
    const other = await openScreen(browser, { width: 1440, height: 1000 });
    const valve = await stateValve(other.page);
    await other.page.goto(server.joinLink(meetingId, codes.moderator));
    const expert = other.page.getByRole('button', {
      name: 'Give the floor to Expert 1 of panel 1',
    });
    await expert.waitFor();

    valve.hold();
    await mexico.page.getByRole('button', { name: 'Request the floor' }).click();
    await mexico.page.getByText('Number 1 in line', { exact: true }).waitFor();
    // The console has not heard of Mexico's request: its version is behind, and it still acts.
    await expert.click();
    await display.page.locator('.display-speaker', { hasText: 'Expert 1 of panel 1' }).waitFor();
    await display.page.getByText('Panel responds').waitFor();
    expect(await other.page.getByRole('alert').textContent()).toBe('');
    await other.context.close();
    await screenshot(display.page, 'display-panel-responds');
    await moderator.page.getByText('0 of 3 interventions since the panel last answered').waitFor();
    await moderator.page.getByRole('button', { name: 'Back to the floor' }).click();
    await display.page.getByText('Panel responds').waitFor({ state: 'detached' });
    await moderator.page.getByRole('button', { name: 'Remove the request of Mexico' }).click();
    await mexico.page.getByRole('button', { name: 'Request the floor' }).waitFor();
  });

  it('the chair suspends with a note the room can read', async () => {
    await chair.page
      .getByLabel('Note for the room while suspended (optional)')
      .fill('Resumes at 15:00, side events in the break');
    await chair.page.getByRole('button', { name: 'Suspend' }).click();
    await display.page.getByText('Resumes at 15:00, side events in the break').waitFor();
    await screenshot(display.page, 'display-suspended');
    await chair.page.getByRole('button', { name: 'Resume session' }).click();
    await display.page.getByText('Expert panel 1: Interactive discussion').waitFor();
  });

  it('the list closes, yet the moderator adds the nameplate raised in the room', async () => {
    await moderator.page.getByRole('button', { name: 'Close list' }).click();
    await mexico.page
      .getByText('The list of speakers is closed: no new statements are taken.')
      .waitFor();
    await display.page.getByText('List of speakers closed').waitFor();
    await screenshot(mexico.page, 'delegate-list-closed');

    await moderator.page.getByLabel('Find a delegation').fill('holy');
    await moderator.page.getByRole('button', { name: 'Add a request for Holy See' }).click();
    await display.page.locator('.display-next-name', { hasText: 'Holy See' }).waitFor();
    await moderator.page.getByText('Observer State').first().waitFor();
    await moderator.page.getByRole('button', { name: 'Remove the request of Holy See' }).click();
    await display.page.getByText('Nobody is waiting').waitFor();

    await moderator.page.getByRole('button', { name: 'Reopen list' }).click();
    await mexico.page.getByRole('button', { name: 'Request the floor' }).click();
    await mexico.page.getByText('Number 1 in line', { exact: true }).waitFor();
    // Withdrawing asks first.
    await mexico.page.getByRole('button', { name: 'Withdraw request' }).click();
    await mexico.page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await mexico.page.getByRole('button', { name: 'Request the floor' }).waitFor();
  });

  it('two co-chairs pressing "Next step" at once move on once', async () => {
    const other = await openScreen(browser, { width: 1440, height: 1000 });
    const valve = await stateValve(other.page);
    await other.page.goto(server.joinLink(meetingId, codes.chair));
    const late = other.page.getByRole('button', { name: /Next step.*concluding remarks/ });
    await late.waitFor();

    valve.hold();
    // Expert 1 still has the floor: both co-chairs are asked first, and both confirm.
    await chair.page.getByRole('button', { name: /Next step.*concluding remarks/ }).click();
    await chair.page.getByRole('button', { name: 'Yes, next step' }).click();
    await display.page.getByText("Expert panel 1: Moderator's concluding remarks").waitFor();
    await late.click();
    await other.page.getByRole('button', { name: 'Yes, next step' }).click();
    await other.page
      .getByRole('alert')
      .getByText(`The meeting has already moved on to "Moderator's concluding remarks".`)
      .waitFor();
    await other.context.close();
  });

  it('N gives the floor to the next scheduled speaker, once for two co-chairs', async () => {
    const other = await openScreen(browser, { width: 1440, height: 1000 });
    const valve = await stateValve(other.page);
    await other.page.goto(server.joinLink(meetingId, codes.chair));
    const late = other.page.getByRole('button', { name: /Next speaker.*Moderator of panel 1/ });
    await late.waitFor();
    await chair.page.getByRole('button', { name: /Next speaker.*Moderator of panel 1/ }).waitFor();

    valve.hold();
    // The answered question handed the focus back to "Next step": Escape hands it to the page.
    await chair.page.keyboard.press('Escape');
    await chair.page.locator('body').press('n');
    await display.page.locator('.display-speaker', { hasText: 'Moderator of panel 1' }).waitFor();
    await late.click();
    await other.page
      .getByRole('alert')
      .getByText('Meanwhile Moderator of panel 1 was given the floor: nothing was done.')
      .waitFor();
    await other.context.close();
    await screenshot(chair.page, 'chair-speakers-step');
  });

  it('two co-chairs pressing "+30 s" at once add 30 s once', async () => {
    const other = await openScreen(browser, { width: 1440, height: 1000 });
    const valve = await stateValve(other.page);
    await other.page.goto(server.joinLink(meetingId, codes.chair));
    const late = other.page.getByRole('button', { name: 'Add 30 seconds' });
    await late.waitFor();
    const before = secondsOf(await chair.page.getByRole('timer').textContent());

    valve.hold();
    await chair.page.getByRole('button', { name: 'Add 30 seconds' }).click();
    // The first press is shown: about 30 s more than before (a few seconds go by meanwhile).
    await expect
      .poll(async () => secondsOf(await chair.page.getByRole('timer').textContent()))
      .toBeGreaterThan(before + 15);
    await late.click();
    await other.page
      .getByRole('alert')
      .getByText('The time of this turn was changed meanwhile: look again and retry.')
      .waitFor();
    const after = secondsOf(await chair.page.getByRole('timer').textContent());
    expect(after).toBeLessThanOrEqual(before + 30);
    await other.context.close();
  });

  it('the chair closes the session after confirming', async () => {
    await chair.page.getByRole('button', { name: 'Close session' }).click();
    await chair.page.getByRole('button', { name: 'Yes, close the session' }).click();
    await display.page.getByText('The meeting is closed').waitFor();
    await mexico.page.getByText('The meeting is closed.').waitFor();
  });

  it('"Leave" forgets the token and returns to joining', async () => {
    await morocco.page.getByRole('button', { name: 'Leave' }).click();
    await morocco.page.getByRole('button', { name: 'Leave' }).click();
    await morocco.page.getByLabel('Access code').waitFor();
    await morocco.page.goto(`${server.url}/m/${meetingId}/delegate`);
    await morocco.page.getByLabel('Access code').waitFor();
  });

  it('the display goes full screen with F', async () => {
    await display.page.keyboard.press('f');
    await expect
      .poll(() => display.page.evaluate(() => document.fullscreenElement !== null))
      .toBe(true);
    await display.page.keyboard.press('f');
    await expect
      .poll(() => display.page.evaluate(() => document.fullscreenElement !== null))
      .toBe(false);
  });

  it('the display and the tablets load at most 150 KB of gzipped script', () => {
    const weights = Object.fromEntries(
      Object.entries({ chair, moderator, display, mexico }).map(([name, screen]) => [
        name,
        Math.round(gzippedScriptBytes(screen) / 1024),
      ]),
    );
    console.info('gzipped script per screen (KB):', weights);
    expect(weights.display).toBeLessThanOrEqual(150);
    expect(weights.mexico).toBeLessThanOrEqual(150);
    // Within it thanks to no zod at all: not a script the display or a tablet loaded holds it
    // (tests/e2e/zod-free-screens.test.ts checks the podium, the overlay and the join page too).
    for (const screen of [display, mexico, morocco]) {
      expect([...screen.scripts].filter(holdsZod)).toEqual([]);
    }
  });

  it('loads nothing the CSP refuses and runs no injected script', () => {
    for (const screen of [chair, moderator, display, mexico, morocco]) {
      expect(cspOrScriptProblems(screen)).toEqual([]);
    }
  });
});
