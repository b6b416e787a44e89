import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { DEFAULT_TIME_ZONE } from '../../shared/defaults/agenda';
import { CreateMeetingResponse, MeetingList } from '../../shared/protocol/http';
import { calendarDateOf, instantOf } from '../../shared/schedule/zonedTime';
import { ensureClientBuilt, launchBrowser, openScreen, screenshot } from '../support/browser';
import { ADMIN_TOKEN, http, tempDir } from '../support/server';

const MINUTE = 60_000;

/**
 * What the chair's header says of a meeting not yet started whose first item is planned at
 * `start`: the client's own rule (client/meeting/schedule.ts), so the test holds at any hour.
 */
const expectedBeforeStart = (start: number, now: number, today: string): RegExp => {
  const late = now - start;
  if (Math.abs(late) >= 12 * 60 * MINUTE) return new RegExp(`^Sittings planned for ${today}$`);
  if (late < MINUTE) return /^Starts 10:00/;
  return /^Running \d+ min late/;
};

describe('the default meeting is dated today (issue 10, point 14)', () => {
  let app: FastifyInstance;
  let url: string;
  let dataDir: string;
  let browser: Browser;
  /** New York's date around the first start. */
  let days: string[];

  beforeAll(async () => {
    dataDir = await tempDir('rostrum-e2e-');
    const clientDir = ensureClientBuilt();
    const before = calendarDateOf(Date.now(), DEFAULT_TIME_ZONE);
    // A first start on an empty DATA_DIR, as `npm start` does it: the default meeting is made.
    app = await buildApp({ dataDir, adminToken: ADMIN_TOKEN, clientDir });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    url = `http://127.0.0.1:${address.port}`;
    days = [before, calendarDateOf(Date.now(), DEFAULT_TIME_ZONE)];
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the chair a schedule of today and tomorrow, and a real drift once started', async () => {
    const [meeting] = MeetingList.parse((await http(url, '/api/meetings')).body);
    if (!meeting) throw new Error('no default meeting');
    const codes = CreateMeetingResponse.parse(
      (await http(url, `/api/meetings/${meeting.meetingId}/codes`, { token: ADMIN_TOKEN })).body,
    ).codes;
    const chair = await openScreen(browser, { width: 1280, height: 900 });
    const page = chair.page;
    await page.goto(url);
    await page.getByLabel('Access code').fill(codes.chair);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.waitForURL(`**/m/${meeting.meetingId}/chair`);

    // The schedule's two days are today and tomorrow in New York.
    const schedule = page.getByRole('region', { name: 'Schedule' });
    const dayOne = schedule.getByRole('rowheader', { name: /^Day 1, / });
    const today = ((await dayOne.textContent()) ?? '').replace('Day 1, ', '');
    expect(days).toContain(today);
    const tomorrow = new Date(`${today}T12:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    await schedule
      .getByRole('rowheader', { name: `Day 2, ${tomorrow.toISOString().slice(0, 10)}` })
      .waitFor();
    const welcome = schedule
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Welcoming remarks' }) });
    expect(await welcome.getByRole('cell').first().textContent()).toBe('10:00–10:10');

    // Before the start, the header measures the room against 10:00 today, not a day of 2017.
    const start = instantOf(today, '10:00', DEFAULT_TIME_ZONE);
    const status = page.getByTestId('schedule-status');
    await expect
      .poll(async () => (await status.textContent()) ?? '')
      .toMatch(expectedBeforeStart(start, Date.now(), today));
    await screenshot(page, 'default-meeting-today');

    // Started now, the first item's drift is measured in minutes (within half a day of 10:00).
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.locator('.screen-status', { hasText: 'In session' }).waitFor();
    const drift = welcome.getByRole('cell').last();
    const withinHalfADay = Math.abs(Date.now() - start) < 12 * 60 * MINUTE - MINUTE;
    await expect
      .poll(async () => (await drift.textContent()) ?? '')
      .toMatch(withinHalfADay ? /^(on time|[+−]\d+ min)$/ : /^another day$/);
    await screenshot(page, 'default-meeting-started');
    await chair.context.close();
  });
});
