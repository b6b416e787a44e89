import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOf } from '../../client/meeting/schedule';
import { NOTE_AGENDA } from '../support/agenda';
import {
  gzippedScriptBytes,
  launchBrowser,
  openScreen,
  type Screen,
  screenshot,
} from '../support/browser';
import { createMeeting } from '../support/server';
import { createLateMeeting } from './late';
import { RoomServer, secondsOf } from './room';

const LATE = /Running 6\d min late/;

describe('the schedule, the delay and the agenda editor, in a meeting started an hour late', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: Awaited<ReturnType<typeof createLateMeeting>>['codes'];
  let chair: Screen;
  let display: Screen;

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await createLateMeeting(server));
    browser = await launchBrowser();
    chair = await openScreen(browser, { width: 1440, height: 1000 });
    display = await openScreen(browser, { width: 1920, height: 1080 });
    await chair.page.goto(server.joinLink(meetingId, codes.chair));
    await chair.page.waitForURL(`**/m/${meetingId}/chair`);
    await display.page.goto(server.joinLink(meetingId, codes.display));
    await display.page.getByText('The meeting will begin shortly').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the chair sees, before and after the start, that the room runs an hour late', async () => {
    const status = chair.page.getByTestId('schedule-status');
    await expect.poll(() => status.textContent()).toMatch(LATE);
    await chair.page.getByRole('button', { name: 'Start session' }).click();
    await chair.page.getByRole('button', { name: /Next step/ }).waitFor();
    await expect.poll(() => status.textContent()).toMatch(LATE);
    expect(await status.textContent()).toMatch(/Sitting ends about \d\d:\d\d/);
    // The schedule panel: the panel item, planned, held, and an hour's drift.
    const row = chair.page.getByRole('row', { name: /Expert panel 1/ });
    expect(await row.textContent()).toMatch(/\+6\d min/);
    await screenshot(chair.page, 'chair-schedule');
  });

  it('the room display shows the delay only once the chair turns it on', async () => {
    await display.page.getByText('Expert panel 1').first().waitFor();
    expect(await display.page.getByText(LATE).count()).toBe(0);
    // The box shows what the server says: it changes once the command is taken.
    const toggle = chair.page.getByLabel(/Show the delay on the room display/);
    await toggle.click();
    await display.page.getByText(LATE).waitFor();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await screenshot(display.page, 'display-delay');
    await toggle.press('Space');
    await display.page.getByText(LATE).waitFor({ state: 'detached' });
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await toggle.click();
    await display.page.getByText(LATE).waitFor();
  });

  it('the chair renames a speaker and changes a step’s allowance', async () => {
    const page = chair.page;
    await page.getByRole('link', { name: 'Edit agenda' }).click();
    await page.waitForURL(`**/m/${meetingId}/chair/agenda`);
    await page.getByRole('heading', { name: 'Edit the agenda' }).waitFor();
    // The header keeps the schedule in view.
    expect(await page.getByTestId('schedule-status').textContent()).toMatch(LATE);
    await screenshot(page, 'chair-agenda-editor-top');

    const speakers = page.getByRole('group', {
      name: 'Speakers of “Presentations by the experts”',
    });
    await speakers.getByLabel('Name of speaker 1').fill('Dr. Amina Diallo');
    await speakers.getByLabel('Role of speaker 1').fill('Expert on labour migration');
    await speakers.getByRole('button', { name: 'Add a speaker' }).click();
    await speakers.getByLabel('Name of speaker 3').fill('Mr. Kofi Mensah');
    await speakers.getByRole('button', { name: 'Move Mr. Kofi Mensah up' }).click();
    await speakers.getByRole('button', { name: 'Save speakers' }).click();
    await speakers.getByText('Saved.').waitFor();
    expect(await speakers.getByLabel('Name of speaker 2').inputValue()).toBe('Mr. Kofi Mensah');

    const step = page.getByRole('group', { name: /^Presentations by the experts/ });
    await step.getByLabel(/Limit for each speaker/).fill('4:30');
    await step.getByLabel('Warning at (min:sec)').fill('3:30');
    await step.getByRole('button', { name: 'Save step' }).click();
    await step.getByText('Saved.').waitFor();

    // An edit the agenda cannot take is refused by the server, naming the field.
    await step.getByLabel('Warning at (min:sec)').fill('5:00');
    await step.getByRole('button', { name: 'Save step' }).click();
    await step.getByText(/warnAtMs: warnAtMs must not be after limitMs/).waitFor();
    await step.getByLabel('Warning at (min:sec)').fill('soon');
    await step.getByRole('button', { name: 'Save step' }).click();
    await step.getByText('Warning at: write minutes:seconds, such as 2:30.').waitFor();
    await screenshot(page, 'chair-agenda-editor');

    // Keyboard: the meeting's title, typed and saved with Enter.
    const meeting = page.getByRole('group', { name: 'Meeting' });
    await meeting.getByLabel('Title').fill('Informal thematic session on migration, day 1');
    await meeting.getByLabel('Title').press('Enter');
    await meeting.getByText('Saved.').waitFor();
    await display.page.getByText('Informal thematic session on migration, day 1').count();
  });

  it('the console and the display show the edits', async () => {
    const page = chair.page;
    await page.getByRole('link', { name: 'Back to the console' }).click();
    await page.waitForURL(`**/m/${meetingId}/chair`);
    await page.getByRole('button', { name: /Next step.*Presentations by the experts/ }).click();
    await page.getByRole('button', { name: 'Give the floor to Dr. Amina Diallo' }).waitFor();
    await display.page.locator('.display-next-name', { hasText: 'Dr. Amina Diallo' }).waitFor();
    await display.page.locator('.display-next-name', { hasText: 'Mr. Kofi Mensah' }).waitFor();
    await page.getByRole('button', { name: 'Give the floor to Dr. Amina Diallo' }).click();
    await display.page.locator('.display-speaker', { hasText: 'Dr. Amina Diallo' }).waitFor();
    const seconds = secondsOf(await display.page.getByRole('timer').textContent());
    expect(seconds).toBeLessThanOrEqual(270);
    expect(seconds).toBeGreaterThan(260);
    expect(await display.page.getByText(LATE).count()).toBe(1);
    await screenshot(display.page, 'display-edited-speaker');
    expect(await page.locator('.screen-title h1').textContent()).toBe(
      'Informal thematic session on migration, day 1',
    );
  });

  it('in the discussion, the chair sees the time left and the interventions that fit', async () => {
    const page = chair.page;
    await page.getByRole('button', { name: /Next step.*Interactive discussion/ }).click();
    // Dr. Amina Diallo still has the floor: the console asks first.
    await page.getByRole('button', { name: 'Yes, next step' }).click();
    await page.getByText(/min left for the discussion, until \d\d:\d\d/).waitFor();
    await page.getByText(/About \d+ more interventions of 3:00 fit before \d\d:\d\d/).waitFor();
    await screenshot(page, 'chair-discussion-schedule');
  });

  it('the display still loads at most 150 KB of gzipped script', () => {
    const kb = Math.round(gzippedScriptBytes(display) / 1024);
    console.info('display gzipped script (KB):', kb);
    expect(kb).toBeLessThanOrEqual(150);
    expect([...display.scripts].some((s) => /Report|Cards|qrcode/i.test(s))).toBe(false);
    for (const screen of [chair, display]) {
      expect(screen.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
    }
  });
});

describe('the default agenda on the procedural note’s own dates (docs/examples)', () => {
  let server: RoomServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await RoomServer.start();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says the sittings are on another day until the chair moves them to today', async () => {
    const { meetingId, codes } = await createMeeting(server.url, { agenda: NOTE_AGENDA });
    const chair = await openScreen(browser, { width: 1440, height: 1000 });
    await chair.page.goto(server.joinLink(meetingId, codes.chair));
    const status = chair.page.getByTestId('schedule-status');
    await status.getByText('Sittings planned for 2017-07-24').waitFor();

    await chair.page.getByRole('link', { name: 'Edit agenda' }).click();
    const sitting = chair.page.getByRole('group', { name: 'Day 1, morning' });
    const today = dateOf(Date.now(), 'America/New_York');
    await sitting.getByLabel('Date').fill(today);
    await sitting.getByLabel('Starts').fill('09:30');
    await sitting.getByRole('button', { name: 'Save Day 1, morning' }).click();
    await sitting.getByText('Saved.').waitFor();
    await expect.poll(() => status.textContent()).not.toContain('2017-07-24');
    expect(await sitting.getByLabel('Date').inputValue()).toBe(today);
    expect(await sitting.getByLabel('Starts').inputValue()).toBe('09:30');

    // A sitting that would end before it starts is refused, naming the field.
    await sitting.getByLabel('Ends').fill('09:00');
    await sitting.getByRole('button', { name: 'Save Day 1, morning' }).click();
    await sitting.getByText('agenda.sittings.0.end: end must be after start').waitFor();
    await screenshot(chair.page, 'chair-agenda-sittings');
    await chair.context.close();
  });
});
