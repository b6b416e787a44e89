import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remainingAt } from '../../shared/clock/turnClock';
import { launchBrowser, openScreen, type Screen, screenshot } from '../support/browser';
import { connect, join, ok } from '../support/server';
import { RoomServer, secondsOf } from './room';

describe('the room display through a server restart', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: Awaited<ReturnType<RoomServer['createMeeting']>>['codes'];
  let display: Screen;

  /** The time left on the current turn as the server knows it, in whole seconds shown. */
  const serverSeconds = async (): Promise<number> => {
    const chair = await connect(server.url, (await join(server.url, meetingId, codes.chair)).token);
    const turn = chair.latest().turn;
    chair.close();
    if (!turn) throw new Error('nobody has the floor');
    return Math.ceil(remainingAt(turn, Date.now()) / 1000);
  };

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await server.createMeeting());
    browser = await launchBrowser();
    display = await openScreen(browser, { width: 1920, height: 1080 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says "Reconnecting", keeps its clock running, then shows the right time again', async () => {
    const chair = await connect(server.url, (await join(server.url, meetingId, codes.chair)).token);
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'turn.start' });
    chair.close();

    await display.page.goto(server.joinLink(meetingId, codes.display));
    await display.page.locator('.display-speaker', { hasText: 'Moderator of panel 1' }).waitFor();
    const timer = display.page.getByRole('timer');
    expect(
      Math.abs(secondsOf(await timer.textContent()) - (await serverSeconds())),
    ).toBeLessThanOrEqual(1);

    await server.stop();
    const notice = display.page.getByText(/Reconnecting/);
    await notice.waitFor();
    const offline = secondsOf(await timer.textContent());
    // A real wait: what is tested is the browser's own clock, running while the server is gone.
    await display.page.waitForTimeout(1_500);
    expect(secondsOf(await timer.textContent())).toBeLessThan(offline);
    await screenshot(display.page, 'display-reconnecting');

    await server.listen();
    await notice.waitFor({ state: 'detached', timeout: 15_000 });
    const shown = secondsOf(await timer.textContent());
    expect(Math.abs(shown - (await serverSeconds()))).toBeLessThanOrEqual(1);
    // A real wait: the browser's clock, after a real reconnection, must be seen to run.
    await display.page.waitForTimeout(1_100);
    expect(secondsOf(await timer.textContent())).toBeLessThan(shown);
  });

  it('follows changes made after the restart', async () => {
    const chair = await connect(server.url, (await join(server.url, meetingId, codes.chair)).token);
    const turnId = chair.latest().turn?.id;
    await ok(chair, { type: 'turn.pause', ...(turnId !== undefined && { turnId }) });
    chair.close();
    await display.page.getByText('Paused').waitFor();
  });

  it('a token the server does not know sends the device back to joining', async () => {
    const tablet = await openScreen(browser, { width: 768, height: 1024 });
    await tablet.page.goto(server.url);
    await tablet.page.evaluate((id) => {
      localStorage.setItem(
        `rostrum.session.${id}.delegate`,
        JSON.stringify({ meetingId: id, token: 'not-a-token', role: 'delegate' }),
      );
    }, meetingId);
    await tablet.page.goto(`${server.url}/m/${meetingId}/delegate`);
    await tablet.page.getByText('no longer admitted').waitFor();
    await tablet.page.getByLabel('Access code').waitFor();
    expect(
      await tablet.page.evaluate(
        (id) => localStorage.getItem(`rostrum.session.${id}.delegate`),
        meetingId,
      ),
    ).toBeNull();
    await tablet.context.close();
  });
});
