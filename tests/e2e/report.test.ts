import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCodes } from '../../shared/protocol/http';
import {
  ARTIFACTS_DIR,
  launchBrowser,
  openScreen,
  type Screen,
  screenshot,
  seriousViolations,
} from '../support/browser';
import { ManualClock } from '../support/clock';
import { type Client, connect, join as joinMeeting, ok, stateAt } from '../support/server';
import { createLateMeeting } from './late';
import { RoomServer } from './room';

/** The pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
const pdfPages = (pdf: Buffer): number =>
  pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

/** RGBA pixels of a PNG, read by the browser itself on a blank page (no CSP there). */
const pixelsOf = async (
  page: Page,
  png: Buffer,
): Promise<{ data: Uint8ClampedArray; width: number; height: number }> => {
  const read = await page.evaluate(async (base64: string) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    return { data: Array.from(data), width: image.width, height: image.height };
  }, png.toString('base64'));
  return { ...read, data: Uint8ClampedArray.from(read.data) };
};

describe('the report and the join cards, printed', () => {
  /**
   * The server's time runs as the system's (a real browser watches it) and the test moves it on
   * where a turn must last.
   */
  const clock = new ManualClock({ flowing: true });
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  let chair: Screen;
  const clients: Client[] = [];
  /** The chair's socket that drove the panel. */
  let officer: Client | undefined;

  /**
   * Drives a piece of the panel over sockets, as the consoles and tablets would: a point of order
   * in the middle of the first expert's presentation, then a discussion where Egypt speaks for
   * the African Group, and Mexico replies after the list closed.
   */
  const drivePanel = async () => {
    const token = async (code: string | undefined) =>
      (await joinMeeting(server.url, meetingId, code ?? '')).token;
    const officer = await connect(server.url, await token(codes.chair));
    const mexico = await connect(server.url, await token(codes.delegations.mexico));
    const morocco = await connect(server.url, await token(codes.delegations.morocco));
    const iom = await connect(server.url, await token(codes.delegations.iom));
    const egypt = await connect(server.url, await token(codes.delegations.egypt));
    const holySee = await connect(server.url, await token(codes.delegations['holy-see']));
    clients.push(officer, mexico, morocco, iom, egypt, holySee);
    await ok(officer, { type: 'agenda.start' });
    await ok(officer, { type: 'turn.start' });
    clock.advance(30);
    await ok(officer, { type: 'agenda.next' });
    await ok(officer, { type: 'turn.start' });
    await ok(officer, { type: 'turn.adjust', deltaMs: -419_800 });
    clock.advance(200);
    // The Holy See rises to a point of order: the expert's clock waits, paused, until it ends.
    await ok(holySee, { type: 'floor.request', kind: 'point-of-order' });
    await ok(officer, { type: 'floor.next' });
    clock.advance(45_000);
    await ok(officer, { type: 'turn.end' });
    await ok(officer, { type: 'turn.resume' });
    clock.advance(200);
    await ok(officer, { type: 'agenda.next' });
    await ok(mexico, { type: 'floor.request', sex: 'female', speakerName: 'Ms. Ana Pérez' });
    await ok(morocco, { type: 'floor.request', sex: 'male' });
    await ok(iom, { type: 'floor.request' });
    // A group's statement goes ahead of every delegation's own.
    await ok(egypt, { type: 'floor.request', onBehalfOf: 'african-group' });
    await ok(officer, { type: 'floor.next' }); // Egypt, for the African Group
    clock.advance(250_000);
    await ok(officer, { type: 'floor.next' }); // Mexico
    clock.advance(30);
    await ok(officer, { type: 'floor.next' }); // Morocco
    clock.advance(30);
    // Chile's nameplate, raised and entered by the moderator: it waits as the list closes, and
    // is still waiting when the report is read.
    await ok(officer, { type: 'floor.add', delegationId: 'chile', speakerName: 'Ms. Paula Rojas' });
    await ok(officer, { type: 'floor.close' });
    await ok(iom, { type: 'floor.withdraw' });
    // Mexico replies to Morocco, after the list closed; the chair gives it the floor before Chile.
    const asked = await stateAt(
      officer,
      await ok(mexico, { type: 'floor.request', kind: 'reply' }),
    );
    const reply = asked.floor.queue.find((r) => r.kind === 'reply')?.id ?? '';
    await ok(officer, { type: 'floor.grant', requestId: reply });
    clock.advance(80_000);
    await ok(officer, { type: 'turn.end' });
  };

  beforeAll(async () => {
    server = await RoomServer.start({ clock });
    ({ meetingId, codes } = await createLateMeeting(server));
    await drivePanel();
    browser = await launchBrowser();
    chair = await openScreen(browser, { width: 1280, height: 900 });
    await chair.page.goto(server.joinLink(meetingId, codes.chair));
    await chair.page.waitForURL(`**/m/${meetingId}/chair`);
    officer = clients[0];
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await browser?.close();
    await server?.close();
  });

  it('the chair opens the report from the console', async () => {
    const page = chair.page;
    await page.getByRole('link', { name: 'Report' }).click();
    await page.waitForURL(`**/m/${meetingId}/report`);
    await page.getByRole('heading', { name: 'The whole meeting' }).waitFor();
    // Figures as driven: seven interventions; Egypt's for the African Group is the group's, so
    // three are Member States' own (Mexico's statement and reply, Morocco's).
    const whole = page.getByRole('region', { name: 'The whole meeting' });
    expect(await whole.locator('.figures-totals dd').first().textContent()).toBe('7');
    await whole
      .getByRole('img', {
        name: /Speaking time by category.*Member State: 3 · .*On behalf of groups: 1 · /s,
      })
      .waitFor();
    await whole
      .getByRole('img', {
        name: /kind of intervention.*Scheduled speakers: 2 · .*Statements: 2 · .*Statements on behalf of groups: 1 · .*Rights of reply: 1 · .*Points of order: 1 · /s,
      })
      .waitFor();
    await whole
      .getByRole('img', { name: /Speaking time by sex.*Female: 1 · .*Male: 1 · /s })
      .waitFor();
    await whole.getByText('Sex not given: 5 interventions').waitFor();
    await whole
      .getByRole('img', {
        name: /Requests for the floor: 7 made.*Granted: 5.*Withdrawn: 1.*Still waiting now: 1/s,
      })
      .waitFor();
    // IOM (withdrawn since) and Chile (still waiting) were both waiting when the list closed.
    await whole
      .getByText('2 requests were still waiting when the list of speakers was closed.')
      .waitFor();
    await page.getByRole('table', { name: /The schedule as planned and as held/ }).waitFor();
    await screenshot(page, 'report-screen');
  });

  it('shows the statements by groups, the rights of reply and the points of order', async () => {
    const page = chair.page;
    const whole = page.getByRole('region', { name: 'The whole meeting' });
    // Egypt spoke for the African Group: the group has the time, not Egypt.
    await whole
      .getByRole('img', { name: /Speaking time by group.*African Group: 1 · /s })
      .waitFor();
    const groups = whole.getByRole('table', { name: 'Who spoke for each group' });
    const african = groups
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'African Group' }) });
    // The clock runs as the system's too: a second more on a busy machine.
    expect(await african.getByRole('cell').allTextContents()).toEqual([
      '1',
      expect.stringMatching(/^4:1[01]$/),
      'Egypt',
    ]);
    const byDelegation = whole.getByRole('img', { name: /Speaking time by delegation/ });
    expect(await byDelegation.locator('desc').textContent()).not.toContain('Egypt');
    await whole
      .getByText('A statement on behalf of a group counts for the group', { exact: false })
      .waitFor();
    await whole
      .getByRole('img', {
        name: /Rights of reply by delegation: 1 reply, 1:2[01] .*Mexico: 1 · 1:2[01]/s,
      })
      .waitFor();
    // The point of order: who raised it, in which step, and whose turn it interrupted.
    const points = whole.getByRole('table', { name: /^1 point of order, 0:4[56]$/ });
    const holySee = points
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Holy See' }) });
    await holySee
      .getByRole('cell', { name: 'Expert panel 1: Presentations by the experts' })
      .waitFor();
    expect(await holySee.getByRole('cell').last().textContent()).toBe('Expert 1 of panel 1');
    // The item's own figures say the same.
    const item = page.getByRole('region', { name: 'Expert panel 1' });
    await item.getByRole('table', { name: 'Who spoke for each group' }).waitFor();
    await whole.getByRole('heading', { name: 'Statements by groups' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'report-groups-replies-points');
    await whole.getByRole('heading', { name: 'Points of order' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'report-points-of-order');
    // The new tables and charts are read by assistive technology as the old ones are.
    expect(await seriousViolations(page, '.report')).toEqual([]);
  }, 120_000);

  it('names who was left waiting: still waiting now, then unheard when the step ended', async () => {
    const page = chair.page;
    const left = page.getByRole('region', { name: 'Requests left waiting' });
    const now = left.getByRole('table', { name: 'Still waiting now' });
    const chile = now
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Chile' }) });
    await chile.getByRole('cell', { name: 'Ms. Paula Rojas' }).waitFor();
    await chile.getByRole('cell', { name: 'Statement', exact: true }).waitFor();
    await chile.getByRole('cell', { name: 'Expert panel 1: Interactive discussion' }).waitFor();
    expect(await chile.getByRole('cell').nth(2).textContent()).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d$/,
    );
    expect(await chile.getByRole('cell').last().textContent()).toBe('yes');
    await left.getByText('No request was left unheard when its step ended.').waitFor();
    await left.scrollIntoViewIfNeeded();
    await screenshot(page, 'report-left-waiting-now');

    // The chair moves on: Chile's request is left unheard, and the report says so by name.
    if (!officer) throw new Error('no chair socket');
    await ok(officer, { type: 'agenda.next' });
    await page.getByRole('button', { name: 'Refresh' }).click();
    const unheard = left.getByRole('table', { name: 'Left unheard when their step ended' });
    const row = unheard
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Chile' }) });
    await row.getByRole('cell', { name: 'Ms. Paula Rojas' }).waitFor();
    await left.getByText('Nobody is waiting for the floor now.').waitFor();
    const whole = page.getByRole('region', { name: 'The whole meeting' });
    await whole
      .getByRole('img', { name: /Requests for the floor: 7 made.*Left waiting at step end: 1/s })
      .waitFor();
    await whole
      .getByText('2 requests were still waiting when the list of speakers was closed.')
      .waitFor();
    await left.scrollIntoViewIfNeeded();
    await screenshot(page, 'report-left-unheard');
  });

  it('prints on A4: headings under print media, controls off the paper, several pages', async () => {
    const page = chair.page;
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    for (const name of [
      'The whole meeting',
      'Schedule: as planned and as held',
      'Expert panel 1',
    ]) {
      expect(await page.getByRole('heading', { name, exact: true }).isVisible()).toBe(true);
    }
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Back to the console' }).isVisible()).toBe(false);
    // Black on white.
    const colours = await page.evaluate(() => {
      const report = document.querySelector('.report');
      const body = getComputedStyle(document.body);
      return { ink: report ? getComputedStyle(report).color : '', paper: body.backgroundColor };
    });
    expect(colours).toEqual({ ink: 'rgb(0, 0, 0)', paper: 'rgb(255, 255, 255)' });
    // Each agenda item begins a page.
    const breaks = await page.evaluate(() =>
      [...document.querySelectorAll('.report-item')].map((s) => getComputedStyle(s).breakBefore),
    );
    expect(breaks).toEqual(['page']);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'report-print.png'), fullPage: true });

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
    // A4 is 595 x 842 points (Chromium rounds to its pixels: 595.92 x 842.88).
    expect(pdf.toString('latin1')).toMatch(
      /\/MediaBox\s*\[\s*0 0 59[56](\.\d+)? 84[23](\.\d+)?\s*\]/,
    );
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('prints one join card per delegation, eight to a page', async () => {
    const page = chair.page;
    await page.goto(`${server.url}/m/${meetingId}/cards`);
    const cards = page.getByRole('article');
    await cards.first().waitFor();
    const count = await cards.count();
    expect(count).toBe(Object.keys(codes.delegations).length);
    await page
      .getByRole('article', { name: 'Join card of Mexico' })
      .getByText('Member State')
      .waitFor();
    await screenshot(page, 'cards-screen');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'cards-print.png') });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS_DIR, 'cards.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(Math.ceil(count / 8));
    await page.emulateMedia({ media: 'screen' });
  });

  it('a card’s QR code reads back as its join link, which opens that delegation’s screen', async () => {
    const sharp = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 2,
    });
    const page = await sharp.newPage();
    await page.goto(server.joinLink(meetingId, codes.chair));
    await page.waitForURL(`**/m/${meetingId}/chair`);
    await page.goto(`${server.url}/m/${meetingId}/cards`);
    const card = page.getByRole('article', { name: 'Join card of Morocco' });
    const qr = card.getByRole('img', { name: 'QR code of the join link of Morocco' });
    await qr.scrollIntoViewIfNeeded();
    const png = await qr.screenshot();
    writeFileSync(join(ARTIFACTS_DIR, 'card-qr-morocco.png'), png);
    const blank = await sharp.newPage();
    const { data, width, height } = await pixelsOf(blank, png);
    const link = jsQR(data, width, height)?.data;
    expect(link).toBe(`${server.url}/m/${meetingId}/join?code=${codes.delegations.morocco}`);
    await sharp.close();

    // A fresh device follows the link and lands on Morocco's screen.
    const tablet = await openScreen(browser, { width: 768, height: 1024 }, { hasTouch: true });
    await tablet.page.goto(link ?? '');
    await tablet.page.waitForURL(`**/m/${meetingId}/delegate`);
    await tablet.page.getByRole('heading', { name: 'Morocco' }).waitFor();
    await tablet.context.close();
    // Two hundred cards drawn at twice the pixels, a QR code read back and a device joining: more
    // than the default 30 s on a busy two-core machine.
  }, 60_000);

  it('the report and the cards are the chair’s: a moderator gets the report only', async () => {
    const moderator = await openScreen(browser, { width: 1000, height: 800 });
    await moderator.page.goto(server.joinLink(meetingId, codes.moderator));
    await moderator.page.waitForURL(`**/m/${meetingId}/moderator`);
    await moderator.page.goto(`${server.url}/m/${meetingId}/cards`);
    await moderator.page.getByText('Only a chair can print the join cards.').waitFor();
    await moderator.page.goto(`${server.url}/m/${meetingId}/report`);
    await moderator.page.getByRole('heading', { name: 'The whole meeting' }).waitFor();
    await moderator.context.close();
    expect(chair.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
  });
});
