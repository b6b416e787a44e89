import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ROUTES, pathOf } from '../../shared/protocol/contract';
import {
  launchBrowser,
  openScreen,
  type Screen,
  screenshot,
  seriousViolations,
} from '../support/browser';
import { HookReceiver } from '../support/hookReceiver';
import { connect, createMeeting, http, join, ok } from '../support/server';
import { RoomServer } from './room';

const SECRET = 'never-shown-on-the-page';

/**
 * The chair sees the webhooks on the devices page (issue 14, point 6): each hook's address and
 * events, its last delivery, and its counts; a failing one stands out; a secret never appears.
 */
describe("the webhooks on the chair's devices page", () => {
  let server: RoomServer;
  let receiver: HookReceiver;
  let browser: Browser;
  let chair: Screen;

  beforeAll(async () => {
    receiver = await HookReceiver.start();
    receiver.script('/broken', [500]);
    server = await RoomServer.start({
      outputs: { hooks: { timeoutMs: 2_000, retryDelaysMs: [10, 10], queueLimit: 50 } },
    });
    browser = await launchBrowser();
    chair = await openScreen(browser, { width: 1024, height: 768 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  it('lists each hook with its last delivery, a failing one in words', async () => {
    const { meetingId, codes } = await createMeeting(server.url);
    const { token } = await join(server.url, meetingId, codes.chair);
    const hooksPath = pathOf(HTTP_ROUTES.createHook, { id: meetingId });
    for (const [path, events] of [
      ['/lights', ['turn.started', 'status.changed']],
      ['/broken', undefined],
    ] as const) {
      const made = await http(server.url, hooksPath, {
        body: { url: receiver.url(path), secret: SECRET, ...(events && { events }) },
        token,
      });
      expect(made.status).toBe(201);
    }
    const console = await connect(server.url, token);
    await ok(console, { type: 'agenda.start' });
    console.close();
    // Delivered to one; tried three times and given up on the other, for each of its two events.
    await receiver.until(
      (r) =>
        r.some((x) => x.path === '/lights') && r.filter((x) => x.path === '/broken').length >= 6,
    );

    const { page } = chair;
    await page.goto(server.joinLink(meetingId, codes.chair));
    await page.waitForURL(`**/m/${meetingId}/chair`);
    await page.goto(`${server.url}/m/${meetingId}/devices`);
    const section = page.getByRole('region', { name: 'Webhooks' });
    const row = (path: string) =>
      section
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: receiver.url(path) }) });

    await expect
      .poll(() => row('/lights').getByRole('cell').first().textContent(), { timeout: 10_000 })
      .toMatch(/^Delivered \(200\) at \d\d:\d\d:\d\d, status\.changed$/);
    await expect
      .poll(() => row('/lights').getByRole('rowheader').textContent())
      .toContain('turn.started, status.changed');
    const broken = row('/broken').getByRole('cell');
    await expect
      .poll(() => broken.first().textContent(), { timeout: 10_000 })
      .toMatch(/^Failed, try 3: answered 500 at /);
    expect(await broken.allTextContents()).toEqual([
      expect.stringMatching(/^Failed, try 3/),
      '0',
      '2',
      '0',
    ]);
    expect(await row('/broken').getByRole('rowheader').textContent()).toContain('Every event');
    // A failing hook is shown as such, not only said.
    expect(await broken.first().evaluate((cell) => getComputedStyle(cell).fontWeight)).toBe('600');
    expect(await page.content()).not.toContain(SECRET);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'devices-webhooks');
    // The table with its rows, a failing one in red, reads as the rest of the page does.
    expect(await seriousViolations(page, '#hooks')).toEqual([]);
    // On a phone the long addresses break, and the page never scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(chair.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
  });
});
