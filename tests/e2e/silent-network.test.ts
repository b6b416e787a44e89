import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openScreen, type Screen, screenshot } from '../support/browser';
import { connect, join, ok } from '../support/server';
import { RoomServer } from './room';

/**
 * A network that falls silent without closing anything (a Wi-Fi access point that drops, a cable
 * pulled between a switch and the server): no packet arrives and no connection is closed, so only
 * the heartbeat can tell. Every live screen must say so within 5 s (issue 10, point 6).
 */
describe('a network that falls silent', () => {
  let server: RoomServer;
  let browser: Browser;
  const screens: { name: string; screen: Screen; silence: (on: boolean) => void }[] = [];

  /** Puts a cut-off switch between a page and the server: when on, nothing passes either way. */
  const withCutOff = async (page: Page): Promise<(on: boolean) => void> => {
    let silent = false;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const upstream = ws.connectToServer();
      ws.onMessage((message) => {
        if (!silent) upstream.send(message);
      });
      upstream.onMessage((message) => {
        if (!silent) ws.send(message);
      });
    });
    return (on) => {
      silent = on;
    };
  };

  beforeAll(async () => {
    server = await RoomServer.start();
    const { meetingId, codes } = await server.createMeeting();
    const chair = await connect(server.url, (await join(server.url, meetingId, codes.chair)).token);
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'turn.start' });
    chair.close();
    browser = await launchBrowser();
    const devices = [
      {
        name: 'display',
        code: codes.display,
        ready: 'Moderator of panel 1',
        width: 1280,
        height: 720,
      },
      { name: 'chair', code: codes.chair, ready: 'Chair console', width: 1280, height: 800 },
      {
        name: 'delegate',
        code: codes.delegations.mexico ?? '',
        ready: 'Mexico',
        width: 768,
        height: 1024,
      },
    ];
    for (const device of devices) {
      const screen = await openScreen(browser, { width: device.width, height: device.height });
      const silence = await withCutOff(screen.page);
      await screen.page.goto(server.joinLink(meetingId, device.code));
      await screen.page.getByText(device.ready).first().waitFor();
      screens.push({ name: device.name, screen, silence });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows on every live screen within 5 s, and goes when the network is back', async () => {
    for (const { silence } of screens) silence(true);
    const cutAt = Date.now();
    for (const { name, screen } of screens) {
      const left = Math.max(0, 5_000 - (Date.now() - cutAt));
      await screen.page
        .getByRole('status')
        .getByText(/server cannot be reached/)
        .waitFor({ timeout: left });
      await screenshot(screen.page, `silent-network-${name}`);
    }
    for (const { silence } of screens) silence(false);
    for (const { screen } of screens) {
      await screen.page
        .locator('.connection-notice')
        .waitFor({ state: 'detached', timeout: 15_000 });
    }
    for (const { screen } of screens) expect(screen.problems).toEqual([]);
  });
});
