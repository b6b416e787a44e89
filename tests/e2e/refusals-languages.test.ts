import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import type { Roster } from '../../shared/protocol/agenda';
import type { MeetingCodes } from '../../shared/protocol/http';
import { launchBrowser, openScreen, type Screen, screenshot, stateValve } from '../support/browser';
import {
  type Client,
  connect,
  createMeeting,
  join as joinMeeting,
  ok,
  untilState,
} from '../support/server';
import { PANEL_AGENDA, RoomServer } from './room';

/**
 * The engine's refusals in the screen's language (contract version 2, "Languages"): a tablet in
 * Spanish that asks for the floor after the list closed (it had not heard yet) is told so in
 * Spanish, and names its delegation in Spanish; a console in Arabic shows the reason it foresees
 * for a button, in Arabic, right to left.
 */

/** The default roster, Mexico with its United Nations names (as the roster's `names` carry them). */
const ROSTER: Roster = DEFAULT_ROSTER.map((d) =>
  d.id === 'mexico'
    ? {
        ...d,
        names: {
          ar: 'المكسيك',
          zh: '墨西哥',
          fr: 'Mexique',
          ru: 'Мексика',
          es: 'México',
        },
      }
    : d,
);

/** A message id left on a page (`refusal.list-closed`) instead of its words. */
const REFUSAL_ID = /\brefusal\.[a-z0-9-]+/;

/** Everything the page says, hidden words for screen readers included. */
const textOf = async (page: Page) => (await page.locator('body').textContent()) ?? '';

describe('refusals in the language of the screen', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  let chair: Client;
  let moderator: Client;
  const screens: Screen[] = [];

  const tokenOf = async (code: string | undefined) =>
    (await joinMeeting(server.url, meetingId, code ?? '')).token;

  /** A device of its own, with a window of that size. */
  const open = async (viewport: { width: number; height: number }) => {
    const screen = await openScreen(browser, viewport);
    screens.push(screen);
    return screen;
  };
  /** It joins with its code, its language in the join link (`?lang=`). */
  const goTo = (screen: Screen, code: string, lang: string) =>
    screen.page.goto(`${server.joinLink(meetingId, code)}&lang=${lang}`);

  beforeAll(async () => {
    server = await RoomServer.start();
    browser = await launchBrowser();
    ({ meetingId, codes } = await createMeeting(server.url, {
      agenda: PANEL_AGENDA,
      roster: ROSTER,
    }));
    chair = await connect(server.url, await tokenOf(codes.chair));
    moderator = await connect(server.url, await tokenOf(codes.moderator));
  }, 60_000);

  afterAll(async () => {
    for (const screen of screens) await screen.context.close();
    chair?.close();
    moderator?.close();
    await browser?.close();
    await server?.close();
  });

  it('a tablet in Spanish asking after the list closed is told so in Spanish', async () => {
    await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    const mexicoCode = codes.delegations.mexico ?? '';
    const tablet = await open({ width: 390, height: 844 });
    const { page } = tablet;
    // The tablet hears of the closed list only after it has asked, as a tablet on a slow network.
    const valve = await stateValve(page);
    await goTo(tablet, mexicoCode, 'es');
    const ask = page.locator('form.request-form button[type="submit"]');
    await expect.poll(() => ask.isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');

    valve.hold();
    const closed = await ok(moderator, { type: 'floor.close' });
    await ask.click();
    // The server's refusal, in Spanish: the catalogue's words for its reason.
    await page
      .getByRole('alert')
      .getByText('La lista de oradores está cerrada.', { exact: true })
      .waitFor({ timeout: 10_000 });
    valve.release();
    await untilState(moderator, (view) => view.version >= closed);

    // Now that it knows, the button says why before it is pressed, in Spanish too.
    await expect
      .poll(() => ask.getAttribute('title'), { timeout: 10_000 })
      .toBe('La lista de oradores está cerrada.');

    // Two rights of reply spoken: the third is refused, naming the delegation in Spanish.
    const mexico = await connect(server.url, await tokenOf(mexicoCode));
    try {
      for (let n = 1; n <= 2; n++) {
        await ok(mexico, { type: 'floor.request', kind: 'reply' });
        await ok(moderator, { type: 'floor.next' });
        await ok(moderator, { type: 'turn.end' });
      }
    } finally {
      mexico.close();
    }
    await page
      .locator('p.ask-reason')
      .getByText('México ya ha ejercido sus 2 derechos de respuesta en este tema.', { exact: true })
      .waitFor({ timeout: 10_000 });
    const text = await textOf(page);
    expect(text).not.toMatch(REFUSAL_ID);
    expect(text).not.toContain('rights of reply on this item');
    await screenshot(page, 'refusals-tablet-es');
    expect(tablet.problems).toEqual([]);
  });

  it('a console in Arabic shows the reason it foresees for a button, in Arabic', async () => {
    await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'opening' });
    await ok(moderator, { type: 'turn.start' });
    await ok(chair, { type: 'session.suspend' });
    const console_ = await open({ width: 1280, height: 800 });
    const { page } = console_;
    await goTo(console_, codes.chair, 'ar');
    // Resume is refused while the meeting is suspended; its reason is said under it.
    const reason = 'الجلسة معلّقة: استأنفها أولاً.';
    await page.getByText(reason, { exact: true }).waitFor({ timeout: 15_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    // A refused button says it to a pointer too: its title is the reason.
    expect(await page.locator(`button[title="${reason}"]`).count()).toBeGreaterThan(0);
    const text = await textOf(page);
    expect(text).not.toMatch(REFUSAL_ID);
    expect(text).not.toContain('resume it first');
    await screenshot(page, 'refusals-console-ar');
    expect(console_.problems).toEqual([]);
  });
});
