import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import { launchBrowser, openScreen, type Screen, screenshot } from '../support/browser';
import {
  type Box,
  cutNames,
  LONG_NAMED_REQUESTS,
  LONG_NAMED_TURN,
  type LongNamedRoom,
  longNamedRoom,
  PHASES,
  textBox,
} from './longNames';
import { RoomServer } from './room';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

const DELEGATION_NAMES = DEFAULT_ROSTER.map((d) => d.name);

/** Who raises the point of order for Micronesia (Federated States of): a long name too. */
const POINT_OF_ORDER_SPEAKER = 'Ambassador Maria-Theresa Aldana-Livingstone';

const inside = (box: Box | null, page: Page): boolean => {
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.left >= 0 && box.top >= 0 && box.right <= viewport.width && box.bottom <= viewport.height
  );
};

/** What the room reads of the clock, and whether all of it lies inside the projector's picture. */
const clockInView = async (page: Page) => {
  const digits = await textBox(page, '.clock-display .clock-time');
  const words = await textBox(page, '.clock-display .clock-phase');
  return {
    digits: inside(digits, page),
    words: inside(words, page),
    said: await page.locator('.clock-display .clock-phase').textContent(),
  };
};

/** The names the list shows whole, and the "and N more" under them. */
const nextSpeakers = (page: Page) =>
  page.evaluate(() => {
    const list = document.querySelector('.display-next-list');
    const bottom = Math.min(list?.getBoundingClientRect().bottom ?? 0, window.innerHeight);
    const items = Array.from(document.querySelectorAll('.display-next-list > li'));
    const seen = items.filter((li) => getComputedStyle(li).visibility !== 'hidden');
    return {
      seen: seen.map((li) => li.querySelector('.display-next-name')?.textContent ?? ''),
      allWhole: seen.every((li) => li.getBoundingClientRect().bottom <= bottom + 0.5),
      more: document.querySelector('.display-more')?.textContent ?? null,
    };
  });

describe('the projector with ten long-named delegations waiting', () => {
  let server: RoomServer;
  let browser: Browser;
  let room: LongNamedRoom;
  const displays: Screen[] = [];

  beforeAll(async () => {
    server = await RoomServer.start();
    room = await longNamedRoom(server);
    browser = await launchBrowser();
    for (const size of SIZES) {
      const display = await openScreen(browser, size);
      await display.page.goto(server.joinLink(room.meetingId, room.codes.display));
      await display.page.locator('.display-delegation').waitFor();
      displays.push(display);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The checks of every state: the clock whole, the list of what fits, every name whole. */
  const checkEveryDisplay = async (state: string, words: string) => {
    for (const { page } of displays) {
      const size = page.viewportSize();
      const name = `projector-${state}-${size?.width}x${size?.height}`;
      await page.locator('.clock-display .clock-phase', { hasText: words }).waitFor();
      const clock = await clockInView(page);
      await screenshot(page, name);
      expect(clock, name).toMatchObject({ digits: true, words: true });

      const next = await nextSpeakers(page);
      expect(next.allWhole, name).toBe(true);
      expect(next.seen.length, name).toBeGreaterThan(0);
      const waiting = LONG_NAMED_REQUESTS.length;
      expect(next.seen, name).toEqual(
        LONG_NAMED_REQUESTS.slice(0, next.seen.length).map(
          (r) => DEFAULT_ROSTER.find((d) => d.id === r.delegationId)?.name,
        ),
      );
      expect(next.more, name).toBe(
        next.seen.length < waiting ? `and ${waiting - next.seen.length} more` : null,
      );

      expect(
        await cutNames(
          page,
          '.display-next-list > li:not(.is-beyond) .display-next-name, .display-delegation',
          DELEGATION_NAMES,
        ),
        name,
      ).toEqual([]);
      // The speaker's own name is shown whole too while it fits at the smallest size.
      expect(await cutNames(page, '.display-speaker', [LONG_NAMED_TURN.speakerName]), name).toEqual(
        [],
      );
    }
  };

  for (const { phase, remainingMs, words } of PHASES) {
    it(`shows the whole clock and as many waiting names as fit: ${phase}`, async () => {
      await room.leaveRemaining(remainingMs);
      await checkEveryDisplay(phase, words);
    });
  }

  it('keeps the clock whole while the reconnect notice shows, under the step title', async () => {
    await room.leaveRemaining(PHASES[0].remainingMs);
    await server.stop();
    try {
      for (const { page } of displays) {
        const notice = page.getByRole('status').getByText(/server cannot be reached/);
        await notice.waitFor();
        const title = await textBox(page, '.display-place');
        const banner = await notice.boundingBox();
        // The notice lies below the step's title, never over it.
        expect(title && banner && banner.y >= title.bottom).toBe(true);
      }
      await checkEveryDisplay('reconnecting', PHASES[0].words);
      for (const { page } of displays) {
        const banner = await page.locator('.connection-notice').boundingBox();
        const digits = await textBox(page, '.clock-display .clock-time');
        // Nor over the clock.
        expect(banner && digits && banner.y + banner.height <= digits.top).toBe(true);
      }
    } finally {
      await server.listen();
    }
    for (const { page } of displays) {
      await page.locator('.connection-notice').waitFor({ state: 'detached', timeout: 15_000 });
    }
  });

  it('counts again when the picture changes size, the clock whole at every size', async () => {
    const [{ page }] = displays as [Screen];
    const before = await nextSpeakers(page);
    // A 16:9 picture less tall: every size follows the height, so more of the smaller names fit.
    await page.setViewportSize({ width: 1920, height: 700 });
    await expect
      .poll(async () => (await nextSpeakers(page)).seen.length)
      .not.toBe(before.seen.length);
    const after = await nextSpeakers(page);
    expect(after.allWhole).toBe(true);
    expect(after.more).toBe(`and ${LONG_NAMED_REQUESTS.length - after.seen.length} more`);
    expect(await clockInView(page)).toMatchObject({ digits: true, words: true });
    await screenshot(page, 'projector-resized-1920x700');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(async () => (await nextSpeakers(page)).seen).toEqual(before.seen);
  });

  it('a point of order interrupts: its kind, its names, the clock and the turn it interrupted fit', async () => {
    // Micronesia, which waits with a statement, raises a point of order too, and is heard at once.
    await room.chair({
      type: 'floor.add',
      delegationId: 'micronesia',
      kind: 'point-of-order',
      speakerName: POINT_OF_ORDER_SPEAKER,
    });
    await room.chair({ type: 'floor.next' });
    for (const { page } of displays) {
      const size = page.viewportSize();
      const name = `projector-point-of-order-${size?.width}x${size?.height}`;
      await page.locator('.display-kind', { hasText: 'Point of order' }).waitFor();
      await page
        .locator('.display-interrupted', {
          hasText: 'Interrupted: United Kingdom of Great Britain and Northern Ireland',
        })
        .waitFor();
      await screenshot(page, name);
      expect(await clockInView(page), name).toMatchObject({ digits: true, words: true });
      for (const part of ['.display-kind', '.display-delegation', '.display-interrupted']) {
        expect(inside(await textBox(page, part), page), `${name}: ${part}`).toBe(true);
      }
      expect(await cutNames(page, '.display-delegation', DELEGATION_NAMES), name).toEqual([]);
      expect(await cutNames(page, '.display-speaker', [POINT_OF_ORDER_SPEAKER]), name).toEqual([]);
      // The interrupted turn's line wraps between words: nothing of it hidden.
      expect(
        await page
          .locator('.display-interrupted')
          .evaluate((line) => line.scrollWidth <= line.clientWidth + 1),
        name,
      ).toBe(true);
      // The waiting list is the ten statements again, whole.
      const next = await nextSpeakers(page);
      expect(next.allWhole, name).toBe(true);
      expect(next.seen[0], name).toBe('Democratic Republic of the Congo');
    }
    // The point of order ends: the United Kingdom has the floor again, paused, and speaks on.
    await room.chair({ type: 'turn.end' });
    for (const { page } of displays) {
      await page.locator('.display-kind').waitFor({ state: 'detached' });
      await page.locator('.display-speaker', { hasText: LONG_NAMED_TURN.speakerName }).waitFor();
      await page.locator('.clock-paused').waitFor();
    }
    await room.chair({ type: 'turn.resume' });
    for (const { page } of displays)
      await page.locator('.clock-paused').waitFor({ state: 'detached' });
  });

  it('with few waiting, shows them all and no "more"', async () => {
    const [{ page }] = displays as [Screen];
    // Granting takes the next request out of the queue: nine, then eight... until three wait.
    for (let left = LONG_NAMED_REQUESTS.length; left > 3; left--) {
      await room.chair({ type: 'floor.next' });
    }
    await expect.poll(async () => (await nextSpeakers(page)).seen.length).toBe(3);
    expect((await nextSpeakers(page)).more).toBeNull();
  });
});
