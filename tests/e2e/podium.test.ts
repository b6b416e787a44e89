import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS_DIR,
  gzippedScriptBytes,
  launchBrowser,
  openScreen,
  type Screen,
} from '../support/browser';
import { type Box, textBox } from './longNames';
import { countPixels, scratchPage } from './pixels';
import { openPanelDiscussion, type PanelDiscussion } from './room';

/**
 * The podium's two usual screens: a 10-15 inch monitor or tablet at 16:10, and an older 4:3
 * monitor. The speaker reads them from two metres.
 */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

/**
 * The smallest sizes the speaker must read, in CSS pixels of the font. A 10-inch tablet at
 * 1280x800 has 0.17 mm a pixel, the smallest screen of the podium's: letters 1/200 of the reading
 * distance (10 mm at two metres, the signage rule for text read at a glance) are capitals of about
 * 60 px, a font of 85 px. The cue, which must be read at once, is held to that; the clock's digits
 * to far more; the names and the next speaker, read in passing, to two thirds of it and more.
 */
const SMALLEST_FONT = { cue: 80, clock: 180, speaker: 60, next: 44 } as const;

/** A cue of the most characters a cue may have: 80. */
const LONG_CUE = 'Please conclude: eleven delegations still wait and interpretation ends at 18:00.';

const fontSizeOf = (page: Page, selector: string): Promise<number> =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));

const inside = (box: Box | null, page: Page): boolean => {
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.left >= 0 && box.top >= 0 && box.right <= viewport.width && box.bottom <= viewport.height
  );
};

/**
 * The parts of the podium from top to bottom, each element wholly above the next (the boxes the
 * layout gives them: a glyph's ascent may reach above its line), and the words of each inside the
 * screen: the cue, the names, the clock's digits and words, the next speaker.
 */
const stackedInView = async (page: Page): Promise<string[]> => {
  const parts = [
    '.podium-cue',
    '.podium-speaker',
    '.clock-podium .clock-time',
    '.clock-podium .clock-phase',
    '.podium-next p',
  ];
  const problems: string[] = [];
  let above: { bottom: number } | null = null;
  for (const part of parts) {
    const element = page.locator(part);
    if ((await element.count()) === 0) continue;
    const box = await element.boundingBox();
    if (!box) continue;
    if (!inside(await textBox(page, part), page)) problems.push(`${part} is not inside the screen`);
    if (above && box.y < above.bottom - 0.5) problems.push(`${part} overlaps what is above it`);
    above = { bottom: box.y + box.height };
  }
  return problems;
};

/** A screenshot kept in tests/e2e/artifacts, and its PNG for counting pixels. */
const shoot = async (page: Page, name: string): Promise<Buffer> => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
};

const sizeName = (page: Page) => {
  const size = page.viewportSize();
  return `${size?.width}x${size?.height}`;
};

describe('the podium at the lectern', () => {
  let room: PanelDiscussion;
  let browser: Browser;
  const podiums: Screen[] = [];
  let scratch: Page;

  beforeAll(async () => {
    room = await openPanelDiscussion();
    // Egypt speaks for the African Group, Brazil waits.
    await room.send({ type: 'floor.add', delegationId: 'egypt', onBehalfOf: 'african-group' });
    await room.send({
      type: 'floor.add',
      delegationId: 'brazil',
      speakerName: 'Ambassador Ana Souza',
    });
    await room.send({ type: 'floor.next' });
    browser = await launchBrowser();
    scratch = await scratchPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await room?.close();
  });

  it('joins with the room display code in its address, and keeps the token for the next load', async () => {
    for (const size of SIZES) {
      const podium = await openScreen(browser, size);
      const joins: string[] = [];
      podium.page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/join'))
          joins.push(request.url());
      });
      await podium.page.goto(room.address('podium'));
      await podium.page.locator('.podium-speaker', { hasText: 'Egypt' }).waitFor();
      // The code leaves the address bar once used; the token stays in the device's storage.
      await podium.page.waitForURL(`${room.server.url}/m/${room.meetingId}/podium`);
      const stored = await podium.page.evaluate(
        (id) => window.localStorage.getItem(`rostrum.session.${id}.display`),
        room.meetingId,
      );
      expect(JSON.parse(stored ?? '{}')).toMatchObject({
        meetingId: room.meetingId,
        role: 'display',
      });
      await podium.page.reload();
      await podium.page.locator('.podium-speaker', { hasText: 'Egypt' }).waitFor();
      expect(joins).toHaveLength(1);
      expect(await podium.page.title()).toBe(
        'Podium · Informal thematic session on migration · Rostrum',
      );
      podiums.push(podium);
    }
  });

  it('shows the speaker, the group spoken for, the clock and the next speaker, large', async () => {
    for (const { page } of podiums) {
      const name = `podium-speaker-${sizeName(page)}`;
      await expect
        .poll(() => page.locator('.podium-behalf').textContent())
        .toBe('on behalf of the African Group');
      expect(await page.locator('.podium-next').textContent()).toBe(
        'Next Brazil Ambassador Ana Souza',
      );
      await shoot(page, name);
      expect(await fontSizeOf(page, '.podium-speaker'), name).toBeGreaterThanOrEqual(
        SMALLEST_FONT.speaker,
      );
      expect(await fontSizeOf(page, '.clock-podium .clock-time'), name).toBeGreaterThanOrEqual(
        SMALLEST_FONT.clock,
      );
      expect(await fontSizeOf(page, '.podium-next-name'), name).toBeGreaterThanOrEqual(
        SMALLEST_FONT.next,
      );
      expect(await stackedInView(page), name).toEqual([]);
    }
  });

  it('shows a cue in large letters above the speaker and the clock', async () => {
    await room.send({ type: 'cue.send', text: 'Please conclude' });
    for (const { page } of podiums) {
      const name = `podium-cue-${sizeName(page)}`;
      const cue = page.locator('.podium-cue');
      await cue.getByText('Please conclude').waitFor();
      expect(await cue.getAttribute('class')).toBe('podium-cue');
      // The cue is said to a screen reader too: it is in a live region.
      expect(await cue.evaluate((c) => c.parentElement?.getAttribute('aria-live') ?? null)).toBe(
        'assertive',
      );
      await shoot(page, name);
      const sizes = {
        cue: await fontSizeOf(page, '.podium-cue-text'),
        speaker: await fontSizeOf(page, '.podium-speaker'),
        clock: await fontSizeOf(page, '.clock-podium .clock-time'),
        next: await fontSizeOf(page, '.podium-next-name'),
      };
      console.info(`${name}: font sizes (px)`, sizes);
      expect(sizes.cue, name).toBeGreaterThanOrEqual(SMALLEST_FONT.cue);
      expect(sizes.clock, name).toBeGreaterThanOrEqual(SMALLEST_FONT.clock);
      expect(sizes.speaker, name).toBeGreaterThanOrEqual(SMALLEST_FONT.speaker);
      // Nothing covers anything, nothing leaves the screen.
      expect(await stackedInView(page), name).toEqual([]);
    }
  });

  it('fits a cue of 80 characters whole, in letters still large', async () => {
    expect(LONG_CUE).toHaveLength(80);
    await room.send({ type: 'cue.send', text: LONG_CUE });
    for (const { page } of podiums) {
      const name = `podium-long-cue-${sizeName(page)}`;
      await page.locator('.podium-cue-text', { hasText: '18:00.' }).waitFor();
      await shoot(page, name);
      const fit = await page.locator('.podium-cue').evaluate((box) => {
        const text = box.querySelector('.podium-cue-text');
        return {
          crowded: box.hasAttribute('data-crowded'),
          whole:
            text !== null &&
            text.getBoundingClientRect().bottom <= box.getBoundingClientRect().bottom + 1 &&
            text.scrollWidth <= text.clientWidth + 1,
        };
      });
      expect(fit, name).toEqual({ crowded: false, whole: true });
      const cueFont = await fontSizeOf(page, '.podium-cue-text');
      console.info(`${name}: the cue's font (px)`, cueFont);
      expect(cueFont, name).toBeGreaterThanOrEqual(44);
      expect(await stackedInView(page), name).toEqual([]);
    }
  });

  it('flashes a flashing cue once a second, or frames it when less motion is asked for', async () => {
    await room.send({ type: 'cue.send', text: 'Time is up', flash: true });
    for (const { page } of podiums) {
      const name = `podium-flash-${sizeName(page)}`;
      const cue = page.locator('.podium-cue.is-flashing');
      await cue.getByText('Time is up').waitFor();
      const background = () => cue.evaluate((c) => getComputedStyle(c).backgroundColor);
      // White, then black, then white again: it blinks, by CSS alone.
      await expect.poll(background, { interval: 50 }).toBe('rgb(0, 0, 0)');
      await shoot(page, `${name}-dark`);
      await expect.poll(background, { interval: 50 }).toBe('rgb(255, 255, 255)');
      await shoot(page, `${name}-light`);
      expect(await fontSizeOf(page, '.podium-cue-text'), name).toBeGreaterThanOrEqual(
        SMALLEST_FONT.cue,
      );
      expect(await stackedInView(page), name).toEqual([]);

      await page.emulateMedia({ reducedMotion: 'reduce' });
      const still = await cue.evaluate((c) => {
        const style = getComputedStyle(c);
        return {
          animation: style.animationName,
          background: style.backgroundColor,
          border: style.borderTopColor,
          width: Number.parseFloat(style.borderTopWidth),
        };
      });
      expect(still, name).toMatchObject({
        animation: 'none',
        background: 'rgb(255, 255, 255)',
        border: 'rgb(255, 194, 51)',
      });
      // A frame of 2.2vh: 17 px at 800 high, against 6 px for a steady cue.
      expect(still.width, name).toBeGreaterThanOrEqual(16);
      await shoot(page, `${name}-reduced-motion`);
      await page.emulateMedia({ reducedMotion: null });
    }
  });

  it('clears the cue with the chair, and when the turn ends', async () => {
    await room.send({ type: 'cue.clear' });
    for (const { page } of podiums)
      await page.locator('.podium-cue').waitFor({ state: 'detached' });
    await room.send({ type: 'cue.send', text: 'Please conclude' });
    for (const { page } of podiums) await page.locator('.podium-cue').waitFor();
    // Brazil is given the floor: Egypt's cue goes with Egypt's turn.
    await room.send({ type: 'floor.next' });
    for (const { page } of podiums) {
      await page.locator('.podium-speaker', { hasText: 'Ambassador Ana Souza' }).waitFor();
      expect(await page.locator('.podium-cue').count()).toBe(0);
      expect(await page.locator('.podium-delegation').textContent()).toBe('Brazil');
      expect(await page.locator('.podium-next').textContent()).toBe('Next Nobody is waiting');
    }
  });

  it('shows the clock in the phase colours of the room display', async () => {
    const turn = room.chair.latest().turn;
    if (!turn) throw new Error('Brazil has the floor');
    // 3:00 with the warning at 2:30: 20 s left is a warning.
    await room.send({ type: 'turn.adjust', turnId: turn.id, deltaMs: -(turn.limitMs - 20_000) });
    for (const { page } of podiums) {
      const clock = page.locator('.clock-podium.phase-warning');
      await clock.getByText('Warning').waitFor();
      expect(await clock.evaluate((c) => getComputedStyle(c).backgroundColor)).toBe(
        'rgb(255, 194, 51)',
      );
      await shoot(page, `podium-warning-${sizeName(page)}`);
      expect(await stackedInView(page)).toEqual([]);
    }
  });

  it('speaks the language of the room display', async () => {
    const [{ page }] = podiums as [Screen];
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await room.send({ type: 'display.configure', lang: 'fr' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await room.send({ type: 'display.configure', lang: 'en' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('blacks out with the room display, every pixel, and comes back when the chair lifts it', async () => {
    const display = await openScreen(browser, { width: 1920, height: 1080 });
    await display.page.goto(room.server.joinLink(room.meetingId, room.codes.display));
    await display.page.locator('.display-speaker', { hasText: 'Ambassador Ana Souza' }).waitFor();
    // The pointer moves over both: the buttons and the cursor show, until the blackout.
    for (const { page } of [display, ...podiums]) await page.mouse.move(200, 200);

    await room.send({ type: 'display.configure', blackout: true });
    for (const { page } of [display, ...podiums]) {
      const name = `blackout-${page === display.page ? 'display' : 'podium'}-${sizeName(page)}`;
      await page.locator('.blackout').waitFor();
      const counts = await countPixels(scratch, await shoot(page, name));
      expect(counts.notBlack, name).toBe(0);
      expect(await page.locator('.blackout').evaluate((b) => getComputedStyle(b).cursor)).toBe(
        'none',
      );
      // Nothing of the meeting is left on the page to be drawn.
      expect(await page.locator('.blackout').textContent()).toBe(
        'The chair has blacked out the room display.',
      );
      expect(await page.locator('.clock').count(), name).toBe(0);
    }

    await room.send({ type: 'display.configure', blackout: false });
    for (const { page } of [display, ...podiums]) {
      const name = `blackout-lifted-${page === display.page ? 'display' : 'podium'}-${sizeName(page)}`;
      await page.locator('.clock-time').waitFor();
      expect(await page.locator('.blackout').count()).toBe(0);
      const counts = await countPixels(scratch, await shoot(page, name));
      expect(counts.notBlack, name).toBeGreaterThan(10_000);
    }
    await display.context.close();
  });

  it('refuses another role’s code, and asks for the display code where it stands', async () => {
    const podium = await openScreen(browser, SIZES[0]);
    await podium.page.goto(room.address('podium', { code: room.codes.moderator }));
    await podium.page.getByText("That is not the room display's code.", { exact: false }).waitFor();
    await podium.page.getByLabel('Access code of the room display').fill(room.codes.display);
    await podium.page.getByRole('button', { name: 'Join' }).click();
    await podium.page.locator('.podium-speaker', { hasText: 'Ambassador Ana Souza' }).waitFor();
    expect(podium.page.url()).toBe(`${room.server.url}/m/${room.meetingId}/podium`);
    // The moderator's token was not kept: this device holds the room display's only.
    const held = await podium.page.evaluate(() => Object.keys(window.localStorage).sort());
    expect(held).toEqual([`rostrum.session.${room.meetingId}.display`]);
    await podium.context.close();
  });

  it('says when the floor is free, and when the meeting is suspended', async () => {
    await room.send({ type: 'turn.end' });
    for (const { page } of podiums) {
      await page.locator('.podium-free', { hasText: 'The floor is open for requests' }).waitFor();
      expect(await page.locator('.podium-next').textContent()).toBe('Next Nobody is waiting');
      expect(await page.locator('.clock').count()).toBe(0);
    }
    await room.send({ type: 'session.suspend', note: 'The meeting resumes at 15:00 in Room 4' });
    for (const { page } of podiums) {
      await page.locator('.podium-state', { hasText: 'The meeting is suspended' }).waitFor();
      expect(await page.locator('.podium-note').textContent()).toBe(
        'The meeting resumes at 15:00 in Room 4',
      );
      expect(await page.locator('.podium-next').count()).toBe(0);
      await shoot(page, `podium-suspended-${sizeName(page)}`);
    }
    await room.send({ type: 'session.resume' });
    for (const { page } of podiums) await page.locator('.podium-free').waitFor();
  });

  it('loads a display-class share of script, and nothing the policy refuses', () => {
    for (const podium of podiums) {
      const kb = Math.round(gzippedScriptBytes(podium) / 1024);
      console.info('podium: gzipped script (KB):', kb);
      expect(kb).toBeLessThanOrEqual(150);
      // The engine's statechart is the consoles': a podium sends no command.
      expect([...podium.scripts].some((path) => path.includes('/console-'))).toBe(false);
      expect(podium.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
    }
  });
});
