import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openScreen, type Screen, seriousViolations } from '../support/browser';
import { type Device, openDevices, SCREENS, showScreen } from './everyScreen';
import { type LongNamedRoom, longNamedRoom, PHASES } from './longNames';
import { RoomServer } from './room';

/** axe-core reads every node of a page: two hundred join cards take it a while on a busy machine. */
const SCAN_BUDGET_MS = 180_000;

const LIVE: readonly Device[] = ['chair', 'moderator', 'display', 'delegate'];

describe('axe-core over every screen, with the longest names waiting', () => {
  let server: RoomServer;
  let browser: Browser;
  let room: LongNamedRoom;
  let devices: Record<Device, Screen>;
  let projector: Screen;

  beforeAll(async () => {
    server = await RoomServer.start();
    room = await longNamedRoom(server);
    await room.chair({ type: 'floor.next' });
    browser = await launchBrowser();
    devices = await openDevices(browser, server, room, { width: 1024, height: 768 });
    projector = await openScreen(browser, { width: 1920, height: 1080 });
    await projector.page.goto(server.joinLink(room.meetingId, room.codes.display));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const screen of SCREENS) {
    it(
      `${screen.name}: no serious or critical violation`,
      async () => {
        const { page } = devices[screen.device];
        await showScreen(page, server, room.meetingId, screen);
        if (screen.name === 'cards') {
          // Every card is made alike, and a QR code is hundreds of nodes: the UN system's few
          // cards stand for the two hundred, in a time axe-core can read them.
          await page.getByLabel('Delegations').selectOption('un-system');
          await page.getByRole('button', { name: /^Print \d cards$/ }).waitFor();
        }
        expect(await seriousViolations(page)).toEqual([]);
      },
      SCAN_BUDGET_MS,
    );
  }

  for (const { phase, remainingMs, words } of PHASES) {
    it(
      `the projector in ${phase}: no serious or critical violation`,
      async () => {
        await room.leaveRemaining(remainingMs);
        await projector.page.locator('.clock-phase', { hasText: words }).waitFor();
        expect(await seriousViolations(projector.page)).toEqual([]);
      },
      SCAN_BUDGET_MS,
    );
  }

  it(
    'every live screen while the server is lost: no serious or critical violation',
    async () => {
      for (const device of LIVE) {
        const screen = SCREENS.find((s) => s.name === device);
        if (screen) await showScreen(devices[device].page, server, room.meetingId, screen);
      }
      await server.stop();
      const found: string[] = [];
      try {
        for (const device of LIVE) {
          const { page } = devices[device];
          await page
            .getByRole('status')
            .getByText(/server cannot be reached/)
            .waitFor();
          found.push(...(await seriousViolations(page)).map((v) => `${device}: ${v}`));
        }
      } finally {
        await server.listen();
      }
      expect(found).toEqual([]);
    },
    SCAN_BUDGET_MS,
  );
});
