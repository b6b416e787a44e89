import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import { launchBrowser, type Screen, screenshot } from '../support/browser';
import { type Device, openDevices, SCREENS, showScreen } from './everyScreen';
import { cutNames, type LongNamedRoom, longNamedRoom, sidewaysOverflow } from './longNames';
import { RoomServer } from './room';

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
] as const;

const DELEGATION_NAMES = DEFAULT_ROSTER.map((d) => d.name);

/** Who raises a point of order in the room: a long name, waiting with a statement too. */
const POINT_OF_ORDER_DELEGATION = 'saint-vincent-and-the-grenadines';

/** The screens that hold a live connection to the server, and so must say when they lose it. */
const LIVE: readonly Device[] = ['chair', 'moderator', 'display', 'delegate'];

describe('every screen at a phone and a tablet width, with the longest names', () => {
  let server: RoomServer;
  let browser: Browser;
  let room: LongNamedRoom;

  beforeAll(async () => {
    server = await RoomServer.start();
    room = await longNamedRoom(server);
    // Three turns recorded, for the report: the United Kingdom's, the Congo's, Micronesia's.
    await room.chair({ type: 'floor.next' });
    await room.chair({ type: 'floor.next' });
    // A point of order waits too: the consoles' alert must fit a phone and a tablet.
    await room.chair({
      type: 'floor.add',
      delegationId: POINT_OF_ORDER_DELEGATION,
      kind: 'point-of-order',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of WIDTHS) {
    describe(`at ${viewport.width} px`, () => {
      let devices: Record<Device, Screen>;

      beforeAll(async () => {
        devices = await openDevices(browser, server, room, viewport);
      });

      afterAll(async () => {
        for (const screen of Object.values(devices ?? {})) await screen.context.close();
      });

      for (const screen of SCREENS) {
        it(`${screen.name} does not scroll sideways`, async () => {
          const { page } = devices[screen.device];
          await showScreen(page, server, room.meetingId, screen);
          await screenshot(page, `layout-${screen.name}-${viewport.width}`);
          const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
          expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
        });
      }

      it('the consoles’ point-of-order alert names the delegation whole', async () => {
        for (const screen of SCREENS.filter((s) => s.name === 'chair' || s.name === 'moderator')) {
          const { page } = devices[screen.device];
          await showScreen(page, server, room.meetingId, screen);
          const banner = page.getByRole('region', { name: 'Point of order' });
          await banner.getByRole('button', { name: /^Give the floor/ }).waitFor();
          await screenshot(page, `layout-point-of-order-${screen.name}-${viewport.width}`);
          expect(await cutNames(page, '.point-of-order-who', DELEGATION_NAMES)).toEqual([]);
          // Its buttons lie inside the window, beside or under the words.
          const box = await banner.getByRole('button', { name: /^Dismiss/ }).boundingBox();
          expect(box && box.x + box.width <= viewport.width).toBe(true);
          expect((await sidewaysOverflow(page)).scrollWidth).toBeLessThanOrEqual(viewport.width);
        }
      });

      it('the report names every delegation whole', async () => {
        const { page } = devices.chair;
        await showScreen(page, server, room.meetingId, SCREENS[6]);
        const labels = await page.evaluate(() =>
          Array.from(document.querySelectorAll('.chart-svg')).flatMap((svg) => {
            const left = svg.getBoundingClientRect().left;
            return Array.from(svg.querySelectorAll('.chart-label')).map((label) => ({
              text: Array.from(label.querySelectorAll('tspan'))
                .map((line) => line.textContent)
                .join(' '),
              inside: Array.from(label.querySelectorAll('tspan')).every(
                (line) => line.getBoundingClientRect().left >= left - 0.5,
              ),
            }));
          }),
        );
        const texts = labels.map((l) => l.text);
        for (const name of [
          'United Kingdom of Great Britain and Northern Ireland',
          'Democratic Republic of the Congo',
        ]) {
          expect(texts).toContain(name);
        }
        expect(texts.filter((t) => t.includes('…'))).toEqual([]);
        expect(labels.filter((l) => !l.inside)).toEqual([]);
      });

      it('the join cards name every delegation whole, broken between words only', async () => {
        const { page } = devices.chair;
        await showScreen(page, server, room.meetingId, SCREENS[7]);
        await screenshot(page, `layout-cards-${viewport.width}`);
        const longest = page.getByRole('article', {
          name: 'Join card of United Kingdom of Great Britain and Northern Ireland',
        });
        await longest.scrollIntoViewIfNeeded();
        await longest.screenshot({
          path: `tests/e2e/artifacts/layout-card-united-kingdom-${viewport.width}.png`,
        });
        await page
          .getByRole('article', {
            name: 'Join card of International Organization for Migration (IOM)',
          })
          .screenshot({ path: `tests/e2e/artifacts/layout-card-iom-${viewport.width}.png` });
        expect(await cutNames(page, '.join-card-name', DELEGATION_NAMES)).toEqual([]);
        // The words under the name fit the card too: nothing hidden by its edge.
        const crowded = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLElement>('.join-card-text'))
            .filter((text) => text.dataset.crowded !== undefined)
            .map((text) => text.querySelector('.join-card-name')?.textContent),
        );
        expect(crowded).toEqual([]);
      });

      it('every live screen says when it lost the server, until it is back', async () => {
        for (const device of LIVE) {
          const screen = SCREENS.find((s) => s.device === device && s.name === device);
          if (screen) await showScreen(devices[device].page, server, room.meetingId, screen);
        }
        await server.stop();
        try {
          for (const device of LIVE) {
            const { page } = devices[device];
            await page
              .getByRole('status')
              .getByText(/server cannot be reached/)
              .waitFor({ timeout: 5_000 });
            await screenshot(page, `layout-lost-${device}-${viewport.width}`);
            expect((await sidewaysOverflow(page)).scrollWidth).toBeLessThanOrEqual(viewport.width);
          }
        } finally {
          await server.listen();
        }
        for (const device of LIVE) {
          await devices[device].page
            .locator('.connection-notice')
            .waitFor({ state: 'detached', timeout: 15_000 });
        }
      });
    });
  }
});
