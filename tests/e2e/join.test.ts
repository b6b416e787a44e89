import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateMeetingResponse } from '../../shared/protocol/http';
import { launchBrowser, openScreen, type Screen, screenshot } from '../support/browser';
import { RoomServer } from './room';

/** Problems that are not the screens' fault (a refused join logs a failed resource). */
const scriptProblems = (problems: string[]) =>
  problems.filter((p) => !p.includes('Failed to load resource'));

/** The role badge of a screen's header: which console this tab is. */
const roleBadge = (page: Page) => page.locator('.screen-header .role-badge');

describe('joining with a code alone (issue 10, point 11)', () => {
  let server: RoomServer;
  let browser: Browser;
  /** Two meetings of the same title on one server. */
  let first: CreateMeetingResponse;
  let second: CreateMeetingResponse;

  beforeAll(async () => {
    server = await RoomServer.start();
    first = await server.createMeeting();
    second = await server.createMeeting();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks only for the code, and the code opens its own meeting of two with the same title', async () => {
    const laptop = await openScreen(browser, { width: 1024, height: 768 });
    const page = laptop.page;
    await page.goto(server.url);
    await page.getByLabel('Access code').waitFor();
    // Nothing to choose: no list of meetings, no radio buttons.
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Meeting' }).count()).toBe(0);
    await screenshot(page, 'join-code-only');

    await page.getByLabel('Access code').fill('ZZZZZ-ZZZZZ');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('alert').getByText('opens no meeting on this server').waitFor();

    // The second meeting's moderator code, typed as people type it.
    const typed = `${second.codes.moderator.slice(0, 5).toLowerCase()} ${second.codes.moderator.slice(5)}`;
    await page.getByLabel('Access code').fill(typed);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.waitForURL(`**/m/${second.meetingId}/moderator`);
    await expect.poll(() => roleBadge(page).textContent()).toBe('Moderator console');

    // Back returns to the join page, which offers the way back to the console.
    await page.goBack();
    await page.waitForURL(`${server.url}/`);
    await page.getByLabel('Access code').waitFor();
    await page
      .getByRole('link', { name: /Open the moderator console of Informal thematic session/ })
      .click();
    await page.waitForURL(`**/m/${second.meetingId}/moderator`);
    expect(scriptProblems(laptop.problems)).toEqual([]);
    await laptop.context.close();
  });

  it('a join link opens its screen, and Back returns to the join page instead of joining again', async () => {
    const tablet = await openScreen(browser, { width: 768, height: 1024 }, { hasTouch: true });
    const page = tablet.page;
    await page.goto(server.joinLink(first.meetingId, first.codes.delegations.mexico ?? ''));
    await page.waitForURL(`**/m/${first.meetingId}/delegate`);
    await page.getByRole('heading', { name: 'Mexico' }).waitFor();
    await page.goBack();
    await page.waitForURL(`${server.url}/`);
    await page.getByLabel('Access code').waitFor();
    await page.getByRole('link', { name: /Open the delegation tablet/ }).waitFor();
    await tablet.context.close();
  });

  it('says so when a link names a meeting this server does not hold', async () => {
    const laptop = await openScreen(browser, { width: 1024, height: 768 });
    const page = laptop.page;
    await page.goto(`${server.url}/m/nosuchmtg/join?code=${first.codes.chair}`);
    await page.getByRole('heading', { name: 'No such meeting' }).waitFor();
    await page.getByText('There is no meeting “nosuchmtg” on this server.').waitFor();
    await screenshot(page, 'join-unknown-meeting');
    // Nobody joined anything on the way.
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    await page.goto(`${server.url}/m/nosuchmtg/chair`);
    await page.getByRole('heading', { name: 'No such meeting' }).waitFor();
    expect(page.url()).toBe(`${server.url}/m/nosuchmtg/chair`);
    await page.getByRole('link', { name: 'Join with an access code' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByLabel('Access code').waitFor();

    // A meeting that exists, but that this device has not joined, goes to the join page.
    await page.goto(`${server.url}/m/${first.meetingId}/chair`);
    await page.getByText('This device has not joined this meeting as a chair').waitFor();
    await page.getByLabel('Access code').waitFor();
    await laptop.context.close();
  });
});

describe('a tab keeps its role (issue 10, point 5)', () => {
  let server: RoomServer;
  let browser: Browser;
  let meeting: CreateMeetingResponse;
  /** One laptop: the chair's console in one tab, the moderator's in another. */
  let laptop: Screen;
  let chairTab: Page;
  let moderatorTab: Page;

  beforeAll(async () => {
    server = await RoomServer.start();
    meeting = await server.createMeeting();
    browser = await launchBrowser();
    laptop = await openScreen(browser, { width: 1280, height: 800 });
    chairTab = laptop.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('joining as moderator in a second tab leaves the chair’s tab a chair console', async () => {
    await chairTab.goto(server.url);
    await chairTab.getByLabel('Access code').fill(meeting.codes.chair);
    await chairTab.getByRole('button', { name: 'Join' }).click();
    await chairTab.waitForURL(`**/m/${meeting.meetingId}/chair`);
    await chairTab.getByRole('button', { name: 'Start session' }).waitFor();

    moderatorTab = await laptop.context.newPage();
    await moderatorTab.goto(server.url);
    await moderatorTab.getByLabel('Access code').fill(meeting.codes.moderator);
    await moderatorTab.getByRole('button', { name: 'Join' }).click();
    await moderatorTab.waitForURL(`**/m/${meeting.meetingId}/moderator`);
    await expect.poll(() => roleBadge(moderatorTab).textContent()).toBe('Moderator console');

    // The chair's tab heard the other tab store a token, and is still the chair's.
    await chairTab.getByRole('button', { name: 'Start session' }).click();
    await chairTab.locator('.screen-status', { hasText: 'In session' }).waitFor();
    expect(chairTab.url()).toBe(`${server.url}/m/${meeting.meetingId}/chair`);
    expect(await roleBadge(chairTab).textContent()).toBe('Chair console');
    // Each tab says which it is, in the browser's list of tabs too.
    expect(await chairTab.title()).toMatch(/^Chair console · /);
    expect(await moderatorTab.title()).toMatch(/^Moderator console · /);
    await screenshot(chairTab, 'tabs-chair');
    await screenshot(moderatorTab, 'tabs-moderator');
  });

  it('a reload keeps each tab’s role', async () => {
    await chairTab.reload();
    await chairTab.locator('.screen-status', { hasText: 'In session' }).waitFor();
    expect(await roleBadge(chairTab).textContent()).toBe('Chair console');
    await moderatorTab.reload();
    await expect.poll(() => roleBadge(moderatorTab).textContent()).toBe('Moderator console');
    expect(moderatorTab.url()).toBe(`${server.url}/m/${meeting.meetingId}/moderator`);
  });

  it('a new chair code reaches the chair’s pages of the device, and leaves the moderator’s alone', async () => {
    const devices = await laptop.context.newPage();
    await devices.goto(`${server.url}/m/${meeting.meetingId}/devices`);
    const chairRow = devices
      .getByRole('region', { name: 'Officers and displays' })
      .getByRole('row')
      .filter({ has: devices.getByRole('rowheader', { name: 'Chair consoles', exact: true }) });
    await chairRow.getByRole('button', { name: 'New code' }).click();
    await devices
      .getByRole('group', { name: /Give the chairs a new code\?/ })
      .getByRole('button', { name: 'Make a new code' })
      .click();
    await devices.getByText('This device stays signed in with a new chair token.').waitFor();
    await devices.close();

    // The chair's console took up the new token and acts with it; the moderator's did not move.
    await chairTab.getByRole('button', { name: /Next step.*Presentations by the experts/ }).click();
    const give = moderatorTab.getByRole('button', {
      name: 'Give the floor to Expert 1 of panel 1',
    });
    await give.click();
    await chairTab
      .getByRole('region', { name: 'Has the floor' })
      .getByText('Expert 1 of panel 1')
      .waitFor();
    expect(chairTab.url()).toBe(`${server.url}/m/${meeting.meetingId}/chair`);
    expect(await roleBadge(chairTab).textContent()).toBe('Chair console');
    expect(moderatorTab.url()).toBe(`${server.url}/m/${meeting.meetingId}/moderator`);
    expect(await roleBadge(moderatorTab).textContent()).toBe('Moderator console');
  });

  it('“Leave” in one tab forgets that role only', async () => {
    await moderatorTab.getByRole('button', { name: 'Leave' }).click();
    await moderatorTab.getByRole('button', { name: 'Leave' }).click();
    await moderatorTab.getByLabel('Access code').waitFor();
    // The chair's tab carries on, also after a reload.
    await chairTab.reload();
    await chairTab.locator('.screen-status', { hasText: 'In session' }).waitFor();
    expect(await roleBadge(chairTab).textContent()).toBe('Chair console');
    // The moderator's path asks for the moderator's code; it does not open the chair's console.
    await moderatorTab.goto(`${server.url}/m/${meeting.meetingId}/moderator`);
    await moderatorTab
      .getByText('This device has not joined this meeting as a moderator')
      .waitFor();
    expect(await moderatorTab.locator('.screen-header').count()).toBe(0);
    expect(scriptProblems(laptop.problems)).toEqual([]);
  });
});
