import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResponse } from '../../shared/protocol/access';
import type { MeetingCodes } from '../../shared/protocol/http';
import { launchBrowser, openScreen, type Screen, screenshot } from '../support/browser';
import { ADMIN_TOKEN } from '../support/server';
import { RoomServer } from './room';

/** A code as the page shows it: two groups of five. */
const GROUPED = /^[0-9A-Z]{5}-[0-9A-Z]{5}$/;

/** Problems that are not the screens' fault (a refused request logs a failed resource). */
const scriptProblems = (problems: string[]) =>
  problems.filter((p) => !p.includes('Failed to load resource'));

/** The token this device keeps for one role in a meeting (one per meeting and role). */
const sessionOf = (page: Page, meetingId: string, role = 'chair'): Promise<string | null> =>
  page.evaluate(([id, as]) => localStorage.getItem(`rostrum.session.${id}.${as}`), [
    meetingId,
    role,
  ] as const);

describe('the chair’s devices and codes', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  /** The chair's laptop: the console in one tab, devices and codes in another. */
  let chair: Screen;
  let devices: Page;
  const devicesProblems: string[] = [];
  let mexico1: Screen;
  let mexico2: Screen;
  let morocco: Screen;
  let display: Screen;
  let newDisplayCode = '';
  let newChairCode = '';

  /** A delegation's row in the table of delegations. */
  const delegationRow = (name: string): Locator =>
    devices
      .getByRole('region', { name: 'Delegations' })
      .getByRole('row')
      .filter({ has: devices.getByRole('rowheader', { name, exact: true }) });
  const roleRow = (name: string): Locator =>
    devices
      .getByRole('region', { name: 'Officers and displays' })
      .getByRole('row')
      .filter({ has: devices.getByRole('rowheader', { name, exact: true }) });
  /** Connected now, tokens held: the two counts of a row, as shown. */
  const countsOf = async (row: Locator): Promise<[string, string]> => {
    const cells = row.getByRole('cell');
    return [(await cells.nth(0).textContent()) ?? '', (await cells.nth(1).textContent()) ?? ''];
  };
  const expectCounts = async (row: Locator, counts: [string, string]) => {
    await expect.poll(() => countsOf(row), { timeout: 10_000 }).toEqual(counts);
  };

  const joinAs = async (screen: Screen, code: string, path: string) => {
    await screen.page.goto(server.joinLink(meetingId, code));
    await screen.page.waitForURL(`**/m/${meetingId}/${path}`);
  };

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await server.createMeeting());
    browser = await launchBrowser();
    chair = await openScreen(browser, { width: 1024, height: 768 });
    mexico1 = await openScreen(browser, { width: 768, height: 1024 }, { hasTouch: true });
    mexico2 = await openScreen(browser, { width: 390, height: 844 }, { hasTouch: true });
    morocco = await openScreen(browser, { width: 768, height: 1024 }, { hasTouch: true });
    display = await openScreen(browser, { width: 1280, height: 720 });

    await joinAs(chair, codes.chair, 'chair');
    await chair.page.getByRole('button', { name: 'Start session' }).waitFor();
    await joinAs(mexico1, codes.delegations.mexico ?? '', 'delegate');
    await joinAs(mexico2, codes.delegations.mexico ?? '', 'delegate');
    await joinAs(morocco, codes.delegations.morocco ?? '', 'delegate');
    for (const tablet of [mexico1, mexico2, morocco]) {
      await tablet.page.getByText('The meeting has not started yet.').waitFor();
    }
    await joinAs(display, codes.display, 'display');
    await display.page.getByText('The meeting will begin shortly').waitFor();

    // The second tab shares the console's storage, as two tabs of one browser do.
    devices = await chair.context.newPage();
    devices.on('console', (m) => {
      if (m.type() === 'error') devicesProblems.push(`console: ${m.text()}`);
    });
    devices.on('pageerror', (error) => devicesProblems.push(`page error: ${error.message}`));
    devices.on('dialog', (dialog) => {
      devicesProblems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens from the console and counts the devices of each role and delegation', async () => {
    await devices.goto(`${server.url}/m/${meetingId}/chair`);
    await devices.getByRole('link', { name: 'Devices and codes' }).click();
    await devices.waitForURL(`**/m/${meetingId}/devices`);
    await devices.getByRole('heading', { name: 'Devices and codes', level: 1 }).waitFor();

    // The console tab was opened from the link, then left: only the first tab holds a socket.
    await expectCounts(delegationRow('Mexico'), ['2', '2']);
    await expectCounts(delegationRow('Morocco'), ['1', '1']);
    await expectCounts(delegationRow('Mali'), ['0', '0']);
    await expectCounts(roleRow('Room displays'), ['1', '1']);
    await expectCounts(roleRow('Chair consoles'), ['1', '1']);
    await expectCounts(roleRow('Delegation tablets, all together'), ['3', '3']);

    // Delegations with devices come first.
    const names = await devices
      .getByRole('region', { name: 'Delegations' })
      .getByRole('rowheader')
      .allTextContents();
    expect(names.slice(0, 2)).toEqual(['Mexico', 'Morocco']);
    expect(names.length).toBeGreaterThan(190);
    await devices.getByText('2 delegations with devices, of').waitFor();
    await screenshot(devices, 'devices-page');

    // Found by name, case and accents aside.
    const find = devices.getByLabel('Find a delegation');
    await find.fill('cote');
    await devices.getByText('1 delegation found.').waitFor();
    await delegationRow("Côte d'Ivoire").waitFor();
    await find.fill('MEX');
    await devices.getByText('1 delegation found.').waitFor();
    expect(await delegationRow('Morocco').count()).toBe(0);
    await screenshot(devices, 'devices-found');
    await find.fill('');

    // The codes stay hidden until asked for.
    expect(await roleRow('Chair consoles').getByText('Hidden').count()).toBe(1);
    expect(await devices.getByText(codes.chair.slice(0, 5)).count()).toBe(0);
  });

  it('signs out one delegation after asking: its tablets go back to joining, others stay', async () => {
    const row = delegationRow('Mexico');
    const signOut = row.getByRole('button', { name: 'Sign out its devices' });
    const question = devices.getByRole('group', {
      name: 'Sign out every device of Mexico? They will need the code to join again.',
    });

    // Asked, and let go with Escape: nothing happens, and the focus is back on the button.
    await signOut.click();
    await question.waitFor();
    await devices.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await signOut.evaluate((button) => button === document.activeElement)).toBe(true);

    // Asked again and confirmed; while the server is asked, no other action can start. The
    // request is held on its way until the test has seen that.
    let letThrough = () => {};
    const held = new Promise<void>((resolve) => {
      letThrough = resolve;
    });
    await devices.route('**/delegations/*/sign-out', async (route) => {
      await held;
      await route.continue();
    });
    await signOut.click();
    await question.getByRole('button', { name: 'Sign out its devices' }).click();
    await devices.getByText('Asking the server…').waitFor();
    expect(
      await delegationRow('Morocco')
        .getByRole('button', { name: 'Sign out its devices' })
        .isDisabled(),
    ).toBe(true);
    expect(
      await roleRow('Room displays').getByRole('button', { name: 'New code' }).isDisabled(),
    ).toBe(true);
    letThrough();
    const answer = devices.getByRole('status').filter({ hasText: 'are signed out' });
    await answer.getByText('The devices of Mexico are signed out.').waitFor();
    await answer.getByText('2 tokens revoked, 2 devices disconnected.').waitFor();
    await devices.unroute('**/delegations/*/sign-out');
    expect(await answer.evaluate((note) => note === document.activeElement)).toBe(true);

    for (const tablet of [mexico1, mexico2]) {
      await tablet.page.waitForURL(`**/?meeting=${meetingId}`);
      await tablet.page
        .getByRole('alert')
        .getByText("The chair signed out this delegation's devices: join again with its code.")
        .waitFor();
      await tablet.page.getByLabel('Access code').waitFor();
      expect(await sessionOf(tablet.page, meetingId, 'delegate')).toBeNull();
    }
    await screenshot(mexico1.page, 'delegate-signed-out');

    await expectCounts(delegationRow('Mexico'), ['0', '0']);
    await expectCounts(delegationRow('Morocco'), ['1', '1']);
    // Morocco's tablet did not notice: same screen, same token, still live.
    expect(morocco.page.url()).toBe(`${server.url}/m/${meetingId}/delegate`);
    await morocco.page.getByRole('heading', { name: 'Morocco' }).waitFor();
    expect(await sessionOf(morocco.page, meetingId, 'delegate')).not.toBeNull();
    expect(await morocco.page.getByText(/Reconnecting/).count()).toBe(0);
    await answer.scrollIntoViewIfNeeded();
    await screenshot(devices, 'devices-signed-out');
  });

  it('a new display code, by keyboard: the display is signed out, the old code no longer joins', async () => {
    const button = roleRow('Room displays').getByRole('button', { name: 'New code' });
    await button.focus();
    await devices.keyboard.press('Enter');
    const question = devices.getByRole('group', { name: /Give the room displays a new code\?/ });
    await question.getByText('The old code stops working').waitFor();
    // The answer "yes" has the focus: Enter confirms.
    await devices.keyboard.press('Enter');
    const answer = devices
      .getByRole('status')
      .filter({ hasText: 'New code for the room displays' });
    await answer.waitFor();
    newDisplayCode = (await answer.locator('.devices-new-code').textContent())?.trim() ?? '';
    expect(newDisplayCode).toMatch(GROUPED);
    expect(newDisplayCode.replace('-', '')).not.toBe(codes.display);
    await answer.getByText('1 token revoked, 1 device disconnected.').waitFor();
    // In a monospace face, and large.
    const look = await answer.locator('.devices-new-code').evaluate((code) => {
      const style = getComputedStyle(code.querySelector('.code-text') ?? code);
      return { font: style.fontFamily, size: Number.parseFloat(style.fontSize) };
    });
    expect(look.font).toMatch(/mono/i);
    expect(look.size).toBeGreaterThanOrEqual(36);
    await screenshot(devices, 'devices-new-code');

    const page = display.page;
    await page.waitForURL(`**/?meeting=${meetingId}`);
    await page.getByText('The access code of this device was changed').waitFor();
    await page.getByLabel('Access code').fill(codes.display);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('alert').getByText('opens no meeting on this server').waitFor();
    await page.getByLabel('Access code').fill(newDisplayCode.toLowerCase());
    await page.getByRole('button', { name: 'Join' }).click();
    await page.waitForURL(`**/m/${meetingId}/display`);
    await page.getByText('The meeting will begin shortly').waitFor();
    await expectCounts(roleRow('Room displays'), ['1', '1']);
  });

  it('a new code for a delegation: its join card is printed again with it', async () => {
    await delegationRow('Mexico').getByRole('button', { name: 'New code' }).click();
    const question = devices.getByRole('group', { name: /Give Mexico a new code\?/ });
    await question.getByText('its join card must be printed again').waitFor();
    await question.getByRole('button', { name: 'Make a new code' }).click();
    const answer = devices.getByRole('status').filter({ hasText: 'New code for Mexico' });
    await answer.getByText('0 tokens revoked, 0 devices disconnected.').waitFor();
    const code = (await answer.locator('.devices-new-code').textContent())?.trim() ?? '';
    expect(code).toMatch(GROUPED);
    await screenshot(devices, 'devices-new-delegation-code');
    await answer.getByRole('link', { name: 'Print join card' }).click();
    await devices.waitForURL(`**/m/${meetingId}/cards`);
    await devices.getByRole('article', { name: 'Join card of Mexico' }).getByText(code).waitFor();
    await devices.goto(`${server.url}/m/${meetingId}/devices`);
    await expectCounts(delegationRow('Mexico'), ['0', '0']);
  });

  it('a new chair code: this device carries on with the new token, the old code is refused', async () => {
    const before = await sessionOf(devices, meetingId);
    await roleRow('Chair consoles').getByRole('button', { name: 'New code' }).click();
    const question = devices.getByRole('group', { name: /Give the chairs a new code\?/ });
    await question.getByText('this device stays signed in').waitFor();
    await question.getByRole('button', { name: 'Make a new code' }).click();
    const answer = devices.getByRole('status').filter({ hasText: 'New code for the chairs' });
    await answer.getByText('This device stays signed in with a new chair token.').waitFor();
    newChairCode = (await answer.locator('.devices-new-code').textContent())?.trim() ?? '';
    expect(newChairCode).toMatch(GROUPED);
    // One chair token (both tabs hold it), one socket (the console's: this page has none).
    await answer.getByText('1 token revoked, 1 device disconnected.').waitFor();

    // The token is stored as joining stores one: same meeting, same role, a new token.
    const after = await sessionOf(devices, meetingId);
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    expect(JSON.parse(after ?? '{}')).toMatchObject({ meetingId, role: 'chair' });

    // The console in the other tab was signed out by the server, and came back with the new
    // token at once: it stays on its screen and its commands go through.
    const console = chair.page;
    await console.getByRole('button', { name: 'Start session' }).click();
    await console.locator('.screen-status', { hasText: 'In session' }).waitFor();
    expect(console.url()).toBe(`${server.url}/m/${meetingId}/chair`);
    expect(await console.getByRole('alert').textContent()).toBe('');

    // This page's next readings are made with the new token too.
    await devices.getByRole('button', { name: 'Refresh' }).click();
    await expectCounts(roleRow('Chair consoles'), ['1', '1']);
    expect(await devices.getByRole('alert').textContent()).toBe('');

    // Back to the console in this tab: it opens with the new token as well.
    await devices.getByRole('link', { name: 'Back to the console' }).click();
    await devices.waitForURL(`**/m/${meetingId}/chair`);
    await devices.locator('.screen-status', { hasText: 'In session' }).waitFor();
    await expectSessionsAlike();

    // Another laptop: the old chair code is refused, the new one opens the console.
    const stranger = await openScreen(browser, { width: 1024, height: 768 });
    await stranger.page.goto(`${server.url}/?meeting=${meetingId}`);
    await stranger.page.getByLabel('Access code').fill(codes.chair);
    await stranger.page.getByRole('button', { name: 'Join' }).click();
    await stranger.page.getByRole('alert').getByText('opens no meeting on this server').waitFor();
    await stranger.page.getByLabel('Access code').fill(newChairCode);
    await stranger.page.getByRole('button', { name: 'Join' }).click();
    await stranger.page.waitForURL(`**/m/${meetingId}/chair`);
    await stranger.context.close();
  });

  /** Both tabs of the chair's laptop hold the same, new, session. */
  const expectSessionsAlike = async () => {
    expect(await sessionOf(chair.page, meetingId)).toBe(await sessionOf(devices, meetingId));
  };

  it('lists the actions in the audit, in the meeting’s time zone, and shows codes on demand', async () => {
    await devices.goto(`${server.url}/m/${meetingId}/devices`);
    const audit = devices.getByRole('region', { name: 'Audit' });
    await audit.getByText('Times in America/New_York.').waitFor();
    const rows = audit.getByRole('row');
    await expect.poll(() => rows.count()).toBe(5);
    const lines = await Promise.all(
      [1, 2, 3, 4].map(async (i) =>
        (await rows.nth(i).getByRole('cell').allTextContents()).slice(1),
      ),
    );
    expect(lines).toEqual([
      ['A chair', 'New chair code', '1'],
      ['A chair', 'New code for Mexico', '0'],
      ['A chair', 'New display code', '1'],
      ['A chair', 'Signed out the devices of Mexico', '2'],
    ]);

    // "When" is the server's instant, as a wall clock in New York shows it.
    const response = await fetch(`${server.url}/api/meetings/${meetingId}/audit`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const trail = (await response.json()) as AuditResponse;
    const newYork = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/New_York',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const shown = await Promise.all(
      [1, 2, 3, 4].map(async (i) => rows.nth(i).getByRole('cell').first().textContent()),
    );
    expect(shown).toEqual(trail.entries.map((e) => newYork.format(e.at)).reverse());

    // The codes, on demand: as the server has them now.
    await devices.getByRole('button', { name: 'Show codes' }).click();
    await roleRow('Chair consoles').getByText(newChairCode).waitFor();
    await roleRow('Room displays').getByText(newDisplayCode).waitFor();
    const moderator = `${codes.moderator.slice(0, 5)}-${codes.moderator.slice(5)}`;
    await roleRow('Moderator consoles').getByText(moderator).waitFor();
    await screenshot(devices, 'devices-codes-shown');
    await devices.getByRole('button', { name: 'Hide codes' }).click();
    await roleRow('Chair consoles').getByText('Hidden').waitFor();

    await audit.scrollIntoViewIfNeeded();
    await screenshot(devices, 'devices-audit');
    // Wider: the audit beside the tables.
    await devices.setViewportSize({ width: 1440, height: 900 });
    await devices.evaluate(() => window.scrollTo(0, 0));
    await screenshot(devices, 'devices-wide');
    await devices.setViewportSize({ width: 1024, height: 768 });

    await devices.emulateMedia({ media: 'print' });
    await devices.screenshot({
      path: 'tests/e2e/artifacts/devices-print.png',
    });
    expect(await devices.getByRole('button', { name: 'Refresh' }).isVisible()).toBe(false);
    expect(await devices.getByLabel('Find a delegation').isVisible()).toBe(false);
    await devices.emulateMedia({ media: 'screen' });
    expect(scriptProblems(devicesProblems)).toEqual([]);
  });

  it('a chair code changed elsewhere: the page says so in words, the console goes to joining', async () => {
    const response = await fetch(`${server.url}/api/meetings/${meetingId}/codes/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'chair' }),
    });
    expect(response.status).toBe(200);
    const alert = devices.getByRole('alert');
    await alert
      .getByText(
        'The devices could not be counted. This device was signed out: join again with an access code.',
      )
      .waitFor({ timeout: 10_000 });
    await screenshot(devices, 'devices-signed-out-elsewhere');
    await chair.page.waitForURL(`**/?meeting=${meetingId}`);
    await chair.page
      .getByText('The access code of this device was changed: join again with the new code.')
      .waitFor();
    await alert.getByRole('button', { name: 'Join again' }).click();
    await devices.waitForURL(`**/?meeting=${meetingId}`);
    await devices.getByLabel('Access code').waitFor();
  });

  it('is a chair’s page: a delegation’s tablet is told so, and never loads it', async () => {
    const page = morocco.page;
    await page.goto(`${server.url}/m/${meetingId}/devices`);
    await page.getByText('Only a chair can manage the devices and codes of the meeting.').waitFor();
    for (const tablet of [mexico1, mexico2, morocco, display]) {
      expect([...tablet.scripts].some((path) => path.includes('DevicesScreen'))).toBe(false);
      expect(scriptProblems(tablet.problems)).toEqual([]);
    }
  });
});
