import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as ScreenName } from '../../client/i18n/areas';
import type { CreateMeetingResponse } from '../../shared/protocol/http';
import { LANGS, NATIVE_NAME } from '../../shared/protocol/langs';
import { launchBrowser, openScreen, type Screen, screenshot } from '../support/browser';
import { leftovers, writtenIn } from '../support/leftovers';
import { type Client, connect, join, ok } from '../support/server';
import { sidewaysOverflow } from './longNames';
import { RoomServer } from './room';

/**
 * Every screen in each of the six languages (issue 15's test): the home and join pages, the
 * chair's console, agenda editor, devices page, report and join cards, the moderator's console,
 * the room display, the podium, the overlay and a delegation's tablet, each opened with `?lang=`
 * on a meeting under way (a speaker on the floor, requests waiting). On each: the page's language
 * and direction (`dir="rtl"` in Arabic), no message id, no English left but names and titles as
 * written, and no sideways scroll. The screens' own tests look closer at each; this one makes sure
 * none is left out. Screenshots in Arabic and Chinese: tests/e2e/artifacts/every-screen-*.
 */

const LAPTOP = { width: 1280, height: 800 };

/** A screen: its address, who opens it, and what it shows once it has drawn the meeting. */
interface Sweep {
  name: string;
  /** The catalogue areas it reads (client/i18n/areas.ts). */
  reads: ScreenName;
  path: (meetingId: string) => string;
  ready: string;
}

const SWEEP: readonly Sweep[] = [
  { name: 'home', reads: 'join', path: () => '/', ready: 'main form' },
  { name: 'join', reads: 'join', path: (id) => `/m/${id}/join`, ready: 'main form' },
  { name: 'chair', reads: 'chair', path: (id) => `/m/${id}/chair`, ready: '.panel.session' },
  {
    name: 'agenda-editor',
    reads: 'chair',
    path: (id) => `/m/${id}/chair/agenda`,
    ready: 'main.agenda-editor',
  },
  { name: 'devices', reads: 'devices', path: (id) => `/m/${id}/devices`, ready: '.devices-table' },
  { name: 'report', reads: 'report', path: (id) => `/m/${id}/report`, ready: '.report-table' },
  { name: 'cards', reads: 'cards', path: (id) => `/m/${id}/cards`, ready: '.join-card-name' },
  {
    name: 'moderator',
    reads: 'moderator',
    path: (id) => `/m/${id}/moderator`,
    ready: '.queue-name',
  },
  {
    name: 'display',
    reads: 'display',
    path: (id) => `/m/${id}/display`,
    ready: '.display-next-list',
  },
  { name: 'podium', reads: 'podium', path: (id) => `/m/${id}/podium`, ready: '.podium-speaker' },
  {
    name: 'overlay',
    reads: 'overlay',
    path: (id) => `/m/${id}/overlay`,
    ready: '.overlay-name',
  },
  {
    name: 'tablet',
    reads: 'delegate',
    path: (id) => `/m/${id}/delegate`,
    ready: '.delegate-place',
  },
];

describe('every screen in the six languages', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: CreateMeetingResponse['codes'];
  let chair: Client;
  let device: Screen;
  /** A device that has joined nothing: the home and join pages. */
  let stranger: Screen;

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await server.createMeeting());
    chair = await connect(server.url, (await join(server.url, meetingId, codes.chair)).token);
    // The discussion: Egypt speaks for the African Group, Brazil and Kenya wait, Mexico too (the
    // tablet's own delegation).
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    await ok(chair, { type: 'floor.add', delegationId: 'egypt', onBehalfOf: 'african-group' });
    await ok(chair, { type: 'floor.next' });
    for (const delegationId of ['brazil', 'kenya', 'mexico']) {
      await ok(chair, { type: 'floor.add', delegationId });
    }

    browser = await launchBrowser();
    // One device that holds the chair's, the moderator's, the display's and Mexico's sessions
    // (a device keeps one session a role), as the room's laptops would each hold one.
    device = await openScreen(browser, LAPTOP);
    const joins: [string, string][] = [
      [codes.chair, 'chair'],
      [codes.moderator, 'moderator'],
      [codes.display, 'display'],
      [codes.delegations.mexico ?? '', 'delegate'],
    ];
    for (const [code, screen] of joins) {
      await device.page.goto(server.joinLink(meetingId, code));
      await device.page.waitForURL(`**/m/${meetingId}/${screen}`);
    }
    stranger = await openScreen(browser, LAPTOP);
  });

  afterAll(async () => {
    chair?.close();
    await browser?.close();
    await server?.close();
  });

  for (const lang of LANGS) {
    it(`shows every screen in ${NATIVE_NAME[lang]} (${lang})`, async () => {
      const written = writtenIn(chair.latest(), lang);
      for (const sweep of SWEEP) {
        const { page } = sweep.reads === 'join' ? stranger : device;
        const where = `${sweep.name} in ${lang}`;
        await page.goto(`${server.url}${sweep.path(meetingId)}?lang=${lang}`);
        await page.locator(sweep.ready).first().waitFor();
        expect(
          await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
          where,
        ).toEqual([lang, lang === 'ar' ? 'rtl' : 'ltr']);
        expect(await leftovers(page, { screen: sweep.reads, lang, written }), where).toEqual({
          ids: [],
          english: [],
        });
        const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
        expect(scrollWidth, `${where}: sideways`).toBeLessThanOrEqual(clientWidth);
        if (lang === 'ar' || lang === 'zh') {
          await screenshot(page, `every-screen-${sweep.name}-${lang}`);
        }
      }
      expect(device.problems).toEqual([]);
      expect(stranger.problems).toEqual([]);
    }, 120_000);
  }
});
