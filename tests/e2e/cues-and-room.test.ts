import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextSpeakerOf } from '../../client/officers/presses';
import { formatDuration } from '../../shared/clock/turnClock';
import type { MeetingCodes } from '../../shared/protocol/http';
import type { RecordResponse } from '../../shared/protocol/record';
import type { MeetingView } from '../../shared/protocol/view';
import {
  launchBrowser,
  openScreen,
  type Screen,
  screenshot,
  seriousViolations,
} from '../support/browser';
import { OtherTablets } from '../support/otherTablets';
import {
  type Client,
  connect,
  createMeeting,
  http,
  join as joinMeeting,
  ok,
  sleep,
  untilState,
} from '../support/server';
import { focused } from './focus';
import { buttonsNamedOtherwise } from './labels';
import { sidewaysOverflow } from './longNames';
import { PANEL_AGENDA, RoomServer } from './room';

/** Both consoles at a small laptop's size, where every new panel must still fit. */
const LAPTOP = { width: 1280, height: 720 };

/** The cue on a console, as the speaker sees it on the podium. */
const cueShown = (page: Page): Locator => page.locator('.cue-shown-text');

/** The banner of a black room display, on a console. */
const blackoutBanner = (page: Page): Locator =>
  page.getByRole('region', { name: 'The room display is black' });

describe('cues to the speaker, the room display’s blackout, and speaking time', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  let chair: Screen;
  let moderator: Screen;
  /** The server's side of things: a moderator's socket that sees every state. */
  let watcher: Client;
  let moderatorToken: string;
  /** The chair's socket, which set the room up. */
  let officer: Client;
  /** Delegations asking for the floor, as their tablets would. */
  let tablets: OtherTablets;

  const latest = (): MeetingView => watcher.latest();
  const until = (predicate: (view: MeetingView) => boolean, timeoutMs?: number) =>
    untilState(watcher, predicate, timeoutMs);
  /** "Next speaker", as the console would send it. */
  const nextSpeaker = async () => {
    const press = nextSpeakerOf(latest());
    if (!press) throw new Error('no step under way');
    await ok(watcher, press.command);
  };
  const endTurn = async () => {
    const turnId = latest().turn?.id;
    if (!turnId) throw new Error('nobody has the floor');
    await ok(watcher, { type: 'turn.end', turnId });
  };

  beforeAll(async () => {
    server = await RoomServer.start();
    // The panel agenda with the default roster, and so its five regional groups.
    ({ meetingId, codes } = await createMeeting(server.url, { agenda: PANEL_AGENDA }));
    tablets = new OtherTablets(server.url, meetingId, codes);
    ({ token: moderatorToken } = await joinMeeting(server.url, meetingId, codes.moderator));
    watcher = await connect(server.url, moderatorToken);
    const { token: chairToken } = await joinMeeting(server.url, meetingId, codes.chair);
    officer = await connect(server.url, chairToken);
    await ok(officer, { type: 'agenda.start' });
    await ok(officer, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    browser = await launchBrowser();
    chair = await openScreen(browser, LAPTOP);
    moderator = await openScreen(browser, LAPTOP);
    await chair.page.goto(server.joinLink(meetingId, codes.chair));
    await moderator.page.goto(server.joinLink(meetingId, codes.moderator));
    for (const page of [chair.page, moderator.page]) {
      await page.getByRole('heading', { name: 'Has the floor' }).waitFor();
    }
  });

  afterAll(async () => {
    for (const client of [watcher, officer]) client?.close();
    tablets?.close();
    await browser?.close();
    await server?.close();
  });

  it('cues wait for a speaker: nobody on the floor, no cue controls', async () => {
    for (const page of [chair.page, moderator.page]) {
      await page.getByText('Nobody has the floor.').waitFor();
      expect(await page.getByRole('button', { name: 'Please conclude' }).count()).toBe(0);
    }
  });

  it('a preset is one press; the cue shows on both consoles as the podium shows it', async () => {
    await tablets.ask('mexico');
    await nextSpeaker();
    await until((v) => v.turn?.speaker.delegationId === 'mexico');
    const page = chair.page;
    await page.getByText('No cue: the podium shows the speaker and the clock.').waitFor();
    await page.getByRole('button', { name: 'Please conclude' }).click();
    const sent = await until((v) => v.cue?.text === 'Please conclude');
    expect(sent.cue?.flash).toBe(false);
    for (const console of [chair.page, moderator.page]) {
      await cueShown(console).filter({ hasText: 'Please conclude' }).waitFor();
      expect(await console.locator('.cue-shown.is-flashing').count()).toBe(0);
    }
    // "Time is up" always flashes, the console's "Flash" choice untouched.
    await page.getByRole('button', { name: 'Time is up' }).click();
    await until((v) => v.cue?.text === 'Time is up' && v.cue.flash);
    await moderator.page.locator('.cue-shown.is-flashing', { hasText: 'Time is up' }).waitFor();
    await moderator.page.getByText('Flashing', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'cues-preset-chair-1280x720');
  });

  it('a typed cue says why the engine would refuse it, counts its characters, and flashes when asked', async () => {
    const page = moderator.page;
    const field = page.getByLabel('Your own words');
    const sendCue = page.getByRole('button', { name: 'Send cue' });
    // An invisible character: the engine's own reason, and nothing to press.
    await field.fill('Please\u200bconclude');
    await page
      .getByText(
        'Not accepted: the cue must not contain invisible or formatting characters (bidirectional overrides, zero-width characters).',
      )
      .waitFor();
    expect(await sendCue.isDisabled()).toBe(true);
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    const words = 'Please answer the question from Chile';
    await field.fill(`  ${words} `);
    await page.getByText(`${words.length} of 80 characters`).waitFor();
    expect(await sendCue.isDisabled()).toBe(false);
    expect(await field.getAttribute('maxlength')).toBe('80');
    await page.getByLabel('Flash it on the podium').check();
    await field.press('Enter');
    const sent = await until((v) => v.cue?.text === words);
    expect(sent.cue?.flash).toBe(true);
    await expect.poll(() => field.inputValue()).toBe('');
    await chair.page.locator('.cue-shown.is-flashing', { hasText: words }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'cues-typed-moderator-1280x720');
    // On a phone's width, the cues wrap rather than push the console sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page
      .getByRole('button', { name: 'Please slow down for the interpreters' })
      .scrollIntoViewIfNeeded();
    const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await screenshot(page, 'cues-moderator-390x844');
    await page.setViewportSize(LAPTOP);
    // The choice stays for the next cue: a preset flashes too.
    await page.getByRole('button', { name: 'Please slow down for the interpreters' }).click();
    await until((v) => v.cue?.text === 'Please slow down for the interpreters' && v.cue.flash);
    await page.getByLabel('Flash it on the podium').uncheck();
  });

  it('C clears the cue, on either console; the legend says so', async () => {
    const page = moderator.page;
    await page.locator('.shortcuts kbd', { hasText: /^C$/ }).waitFor();
    await page.getByText('clear the cue to the speaker').waitFor();
    // The key is the page's only when no control has the focus.
    await page.getByRole('heading', { name: 'Has the floor' }).click();
    expect(await focused(page)).toBe('BODY');
    await page.keyboard.press('c');
    await until((v) => v.cue === null);
    for (const console of [chair.page, moderator.page]) {
      await console.getByText('No cue: the podium shows the speaker and the clock.').waitFor();
      expect(await cueShown(console).count()).toBe(0);
    }
    // With nothing to clear, C sends nothing: the next cue is the next state's only change.
    const before = latest().version;
    await page.keyboard.press('c');
    await chair.page.getByRole('button', { name: '30 seconds left' }).click();
    const after = await until((v) => v.cue?.text === '30 seconds left');
    expect(after.version).toBe(before + 1);
    // "Clear the cue" does the same, and hands the focus to the first preset.
    await chair.page.getByRole('button', { name: 'Clear the cue' }).click();
    await until((v) => v.cue === null);
    await expect.poll(() => focused(chair.page)).toBe('Please conclude');
  });

  it('the cue clears itself when the turn ends, and the consoles show it gone', async () => {
    await moderator.page.getByRole('button', { name: 'Please conclude' }).click();
    await until((v) => v.cue?.text === 'Please conclude');
    await cueShown(chair.page).filter({ hasText: 'Please conclude' }).waitFor();
    await endTurn();
    await until((v) => v.turn === null && v.cue === null);
    for (const console of [chair.page, moderator.page]) {
      await console.getByText('Nobody has the floor.').waitFor();
      expect(await cueShown(console).count()).toBe(0);
    }
  });

  it('the chair blacks out the room display: both consoles say so until it comes back', async () => {
    const page = chair.page;
    const panel = page.getByRole('region', { name: 'Room display' });
    await panel.getByText('Showing').waitFor();
    await panel.getByText('The room sees the meeting.').waitFor();
    // The moderator may not: no such button on the moderator's console.
    expect(await moderator.page.getByRole('button', { name: /Black out/ }).count()).toBe(0);

    await panel.getByRole('button', { name: 'Black out the room display' }).click();
    await until((v) => v.display.blackout);
    await panel.getByText('The room sees nothing.').waitFor();
    // The button that gives way hands the focus to the one that takes its place.
    await expect.poll(() => focused(page)).toBe('Show the room display again');
    await blackoutBanner(page).waitFor();
    await blackoutBanner(moderator.page)
      .getByText(
        'The room sees nothing on the room display and the podium. The chair can bring it back.',
      )
      .waitFor();
    expect(await blackoutBanner(moderator.page).getByRole('button').count()).toBe(0);
    // Screen readers hear it too.
    for (const console of [page, moderator.page]) {
      await expect
        .poll(() => console.locator('[data-blackout-announcer]').textContent())
        .toBe('The room display is black.');
    }
    // At the very top of the window, scrolled or not.
    for (const console of [page, moderator.page]) {
      await console.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const box = await blackoutBanner(console).boundingBox();
      expect(box && box.y <= 1 && box.height > 40).toBe(true);
      expect(await seriousViolations(console)).toEqual([]);
    }
    await screenshot(page, 'blackout-chair-scrolled-1280x720');
    await screenshot(moderator.page, 'blackout-moderator-scrolled-1280x720');
    for (const console of [page, moderator.page]) {
      await console.evaluate(() => window.scrollTo(0, 0));
    }
    await screenshot(page, 'blackout-chair-1280x720');
    expect(await buttonsNamedOtherwise(page)).toEqual([]);

    // One press on the banner brings it back, wherever the chair is on the console.
    await blackoutBanner(page).getByRole('button', { name: 'Show the room display again' }).click();
    await until((v) => !v.display.blackout);
    for (const console of [page, moderator.page]) {
      await blackoutBanner(console).waitFor({ state: 'detached' });
      await expect
        .poll(() => console.locator('[data-blackout-announcer]').textContent())
        .toBe('The room display shows the meeting again.');
    }
    await panel.getByText('The room sees the meeting.').waitFor();
    await expect.poll(() => focused(page)).toBe('Black out the room display');
    expect(latest().display).toMatchObject({ blackout: false, showDelay: false, lang: 'en' });
  });

  it('the delay setting lives beside it, and leaves the blackout as it was', async () => {
    const panel = chair.page.getByRole('region', { name: 'Room display' });
    await panel.getByLabel(/Show the delay on the room display/).check();
    await until((v) => v.display.showDelay);
    expect(latest().display.blackout).toBe(false);
    await panel.getByLabel(/Show the delay on the room display/).uncheck();
    await until((v) => !v.display.showDelay);
  });

  it('speaking time: the delegation’s and the group’s, the running turn’s growing', async () => {
    const page = moderator.page;
    const panel = page.getByRole('region', { name: 'Speaking time' });
    const records: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.endsWith('/record')) records.push(r.url());
    });
    // Mexico has spoken (the cues' turn). Egypt speaks for the African Group, then Kenya.
    await tablets.ask('egypt', { onBehalfOf: 'african-group' });
    await nextSpeaker();
    await until((v) => v.turn?.speaker.onBehalfOf?.id === 'african-group');
    await sleep(2_200);
    await endTurn();
    await tablets.ask('kenya');
    await nextSpeaker();
    await until((v) => v.turn?.speaker.delegationId === 'kenya');

    const record = await http<RecordResponse>(server.url, `/api/meetings/${meetingId}/record`, {
      token: moderatorToken,
    });
    const spoken = (delegationId: string) =>
      record.body.turns
        .filter((t) => t.delegationId === delegationId && !t.onBehalfOf)
        .reduce((sum, t) => sum + t.spokenMs, 0);
    const group = record.body.turns
      .filter((t) => t.onBehalfOf?.id === 'african-group')
      .reduce((sum, t) => sum + t.spokenMs, 0);
    expect(group).toBeGreaterThanOrEqual(2_000);
    // Egypt spoke only for the group: its own time is none.
    expect(spoken('egypt')).toBe(0);

    const delegationsTable = panel.getByRole('table', { name: 'Delegations' });
    const groupsTable = panel.getByRole('table', { name: 'On behalf of groups' });
    const row = (table: Locator, name: string | RegExp) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    const cells = async (table: Locator, name: string) =>
      (await row(table, name).getByRole('cell').allInnerTexts()).map((t) => t.trim());

    // Mexico's time and the group's, in this item and today, as the record has them.
    await expect
      .poll(() => cells(delegationsTable, 'Mexico'))
      .toEqual([formatDuration(spoken('mexico')), formatDuration(spoken('mexico'))]);
    await expect
      .poll(() => cells(groupsTable, 'African Group'))
      .toEqual([formatDuration(group), formatDuration(group)]);
    expect(await row(delegationsTable, 'Egypt').count()).toBe(0);
    // The record was read once, when the group's statement ended; not when a turn began.
    expect(records).toHaveLength(1);
    await page.getByText('A statement on behalf of a group counts for the group.').waitFor();

    // Kenya speaks: its time grows, once a second, with no read of the record meanwhile.
    const kenya = row(delegationsTable, /^Kenya/);
    await kenya.getByText('Speaking').waitFor();
    const readsBefore = records.length;
    const seconds = async () => {
      const [item] = await cells(delegationsTable, 'Kenya');
      const match = /^(\d+):(\d\d)$/.exec(item ?? '');
      if (!match) throw new Error(`not a time: ${item}`);
      return Number(match[1]) * 60 + Number(match[2]);
    };
    // Each reading is bracketed by the test's own clock: the time shown may have grown by the
    // whole seconds between the two, give or take the second each reading is truncated to.
    const firstFrom = Date.now();
    const first = await seconds();
    const firstTo = Date.now();
    await sleep(2_500);
    const laterFrom = Date.now();
    const later = await seconds();
    const laterTo = Date.now();
    expect(later - first).toBeGreaterThanOrEqual(Math.floor((laterFrom - firstTo) / 1000) - 1);
    expect(later - first).toBeLessThanOrEqual(Math.ceil((laterTo - firstFrom) / 1000) + 1);
    expect(later).toBeGreaterThan(first);
    expect(records.length).toBe(readsBefore);
    expect(await seriousViolations(page)).toEqual([]);
    // Every button says what it shows: the cues', the tables' headers, the fold.
    expect(await buttonsNamedOtherwise(page)).toEqual([]);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'speaking-time-moderator-1280x720');

    // Its turn ends: the record is read once more, and Kenya's time is the record's.
    await endTurn();
    await until((v) => v.turn === null);
    await expect.poll(() => records.length).toBe(readsBefore + 1);
    const after = await http<RecordResponse>(server.url, `/api/meetings/${meetingId}/record`, {
      token: moderatorToken,
    });
    const kenyaMs = after.body.turns
      .filter((t) => t.delegationId === 'kenya')
      .reduce((sum, t) => sum + t.spokenMs, 0);
    await expect
      .poll(() => cells(delegationsTable, 'Kenya'))
      .toEqual([formatDuration(kenyaMs), formatDuration(kenyaMs)]);
    expect(await kenya.getByText('Speaking').count()).toBe(0);

    // The column headers sort: most time today first.
    await panel.getByRole('button', { name: 'Today' }).first().click();
    expect(
      await delegationsTable.getByRole('columnheader', { name: 'Today' }).getAttribute('aria-sort'),
    ).toBe('descending');
    // And the panel folds away, keeping the column chosen.
    await panel.getByRole('button', { name: 'Speaking time' }).click();
    expect(await delegationsTable.isVisible()).toBe(false);
    await panel.getByRole('button', { name: 'Speaking time' }).click();
    await delegationsTable.waitFor();
    expect(
      await delegationsTable.getByRole('columnheader', { name: 'Today' }).getAttribute('aria-sort'),
    ).toBe('descending');
  });

  it('speaking time shows the few who spoke most, and all of them on demand', async () => {
    const page = moderator.page;
    const panel = page.getByRole('region', { name: 'Speaking time' });
    const delegationsTable = panel.getByRole('table', { name: 'Delegations' });
    // Four more delegations speak briefly, one after another: six in all. Each step waits for
    // the state it needs (the request in the queue, nobody on the floor), so that "Next speaker"
    // is pressed on what the console would show. The turns come and go fast enough that the
    // console draws some of their states together: each still counts.
    for (const id of ['chile', 'peru', 'fiji', 'iraq']) {
      await tablets.ask(id);
      await until((v) => v.floor.queue.some((r) => r.delegationId === id));
      await nextSpeaker();
      await until((v) => v.turn?.speaker.delegationId === id);
      await endTurn();
      await until((v) => v.turn === null);
    }
    await panel.getByRole('button', { name: 'Show all 6' }).waitFor();
    expect(await delegationsTable.getByRole('rowheader').count()).toBe(5);
    await panel.getByRole('button', { name: 'Show all 6' }).click();
    await expect.poll(() => delegationsTable.getByRole('rowheader').count()).toBe(6);
    // Most time first: Mexico and Kenya spoke longest.
    const names = await delegationsTable.getByRole('rowheader').allInnerTexts();
    expect(names.slice(0, 2).sort()).toEqual(['Kenya', 'Mexico']);
    await panel.getByRole('button', { name: 'Show the first 5' }).click();
    await expect.poll(() => delegationsTable.getByRole('rowheader').count()).toBe(5);
    // Sixteen round trips and a record read after each turn: more than 30 s on a loaded machine.
  }, 60_000);

  it('shows no script or CSP problem', () => {
    for (const screen of [chair, moderator]) {
      expect(screen.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
    }
  });
});
