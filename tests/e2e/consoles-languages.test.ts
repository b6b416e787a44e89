import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUE_PRESETS } from '../../client/officers/cues';
import type { MeetingCodes } from '../../shared/protocol/http';
import { LANGS, type Lang } from '../../shared/protocol/langs';
import type { MeetingView } from '../../shared/protocol/view';
import {
  ARTIFACTS_DIR,
  launchBrowser,
  openScreen,
  type Screen,
  screenshot,
  seriousViolations,
} from '../support/browser';
import { i18nsOf } from '../support/i18n';
import { areasOf, englishIn, wordsOnPage } from '../support/leftovers';
import {
  type Client,
  connect,
  createMeeting,
  join as joinMeeting,
  ok,
  untilState,
} from '../support/server';
import { sidewaysOverflow } from './longNames';
import { PANEL_AGENDA, RoomServer } from './room';

/**
 * The moderator's console in the six languages of the United Nations (issue 15): a discussion
 * with Mexico on the floor and a queue of every kind (a statement on behalf of a group, a right
 * of reply, a statement with a question to a panelist, a point of order), shown in each language
 * chosen from the console's own menu: no message id, no English left, Arabic right to left, and
 * nothing pushing the console sideways on a laptop or a phone. A preset cue goes out in the room
 * display's language, whatever the console's.
 */
const LAPTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

/** The catalogue areas the moderator's console reads. */
const AREAS = areasOf('moderator');
/** The console's messages in the six languages, as the page says them. */
const CONSOLES = await i18nsOf(['consoles']);

/** What the room named and the chair wrote, shown as written in every language. */
const AS_WRITTEN = [
  PANEL_AGENDA.title,
  ...PANEL_AGENDA.items.flatMap((item) => [
    item.title,
    ...item.steps.flatMap((step) => [
      step.title,
      ...(step.kind === 'speakers' ? step.speakers.flatMap((s) => [s.name, s.role ?? '']) : []),
    ]),
  ]),
  'Ms. Wanjiru Kamau',
  // Each language's name in itself, in the language menu.
  'English',
].filter((s) => s !== '');

/** The elements that reach past the page's width, for the message of a failing check. */
const pastTheEdge = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? '').slice(0, 40)}`,
      );
  });

describe('the moderator’s console in the six languages', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  let moderator: Screen;
  let chair: Client;
  let watcher: Client;

  const latest = (): MeetingView => watcher.latest();
  const until = (predicate: (view: MeetingView) => boolean) => untilState(watcher, predicate);
  /** A message of the console's catalogue in `lang`, with its values, as the page says it. */
  const say = (lang: Lang, id: string, values?: Record<string, unknown>) =>
    CONSOLES[lang]._(id, values);

  /** Chooses `lang` in the console's own menu, and waits for the console to speak it. */
  const choose = async (lang: Lang) => {
    await moderator.page.locator('.screen-header .language-menu select').selectOption(lang);
    await moderator.page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await moderator.page
      .getByRole('heading', { name: say(lang, 'consoles.has-the-floor'), exact: true })
      .waitFor();
  };

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await createMeeting(server.url, { agenda: PANEL_AGENDA }));
    chair = await connect(
      server.url,
      (await joinMeeting(server.url, meetingId, codes.chair)).token,
    );
    watcher = await connect(
      server.url,
      (await joinMeeting(server.url, meetingId, codes.moderator)).token,
    );
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    // Mexico has the floor; every kind of request waits behind it.
    await ok(watcher, { type: 'floor.add', delegationId: 'mexico' });
    await ok(watcher, { type: 'floor.next', turnId: null });
    await ok(watcher, { type: 'floor.add', delegationId: 'egypt', onBehalfOf: 'african-group' });
    await ok(watcher, { type: 'floor.add', delegationId: 'chile', kind: 'reply' });
    await ok(watcher, {
      type: 'floor.add',
      delegationId: 'kenya',
      speakerName: 'Ms. Wanjiru Kamau',
      addressedTo: ['expert-2'],
    });
    await ok(watcher, { type: 'floor.add', delegationId: 'brazil', kind: 'point-of-order' });
    await until((v) => v.turn?.speaker.delegationId === 'mexico' && v.floor.queue.length === 4);
    browser = await launchBrowser();
    moderator = await openScreen(browser, LAPTOP);
    await moderator.page.goto(server.joinLink(meetingId, codes.moderator));
    await moderator.page.getByRole('heading', { name: 'Has the floor', exact: true }).waitFor();
  });

  afterAll(async () => {
    chair?.close();
    watcher?.close();
    await browser?.close();
    await server?.close();
  });

  it('opens in English, the browser’s language, with the language menu in its header', async () => {
    const page = moderator.page;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // One menu, the header's: a second would make this locator ambiguous, and the test fail.
    const menu = page.locator('.screen-header .language-menu select');
    expect(await menu.inputValue()).toBe('en');
    // Each language named in itself.
    expect(await menu.locator('option').allTextContents()).toEqual([
      'العربية',
      '中文',
      'English',
      'Français',
      'Русский',
      'Español',
    ]);
    await page.getByRole('region', { name: 'Point of order' }).waitFor();
    await page.getByText('Requests for the floor (4)').waitFor();
  });

  for (const lang of LANGS.filter((l) => l !== 'en')) {
    it(`speaks ${lang}: no id, no English, ${lang === 'ar' ? 'right to left' : 'left to right'}, nothing sideways`, async () => {
      const page = moderator.page;
      await page.setViewportSize(LAPTOP);
      await choose(lang);
      // The device keeps the choice.
      expect(await page.evaluate(() => window.localStorage.getItem('rostrum.lang'))).toBe(lang);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(
        lang === 'ar' ? 'rtl' : 'ltr',
      );
      // The queue's heading counts its four requests; the point of order's banner is there.
      await page
        .getByRole('heading', { name: say(lang, 'consoles.requests-heading', { count: 4 }) })
        .waitFor();
      await page
        .getByRole('list', { name: say(lang, 'consoles.requests-for-the-floor') })
        .waitFor();
      if (lang === 'ar' || lang === 'zh') {
        await screenshot(page, `consoles-${lang}-1280x720`);
        await page.screenshot({
          path: join(ARTIFACTS_DIR, `consoles-${lang}-1280x720-full.png`),
          fullPage: true,
        });
      }
      const words = await wordsOnPage(page);
      expect(words.match(/\b[a-z]+\.[a-z0-9-]+\b/g) ?? [], 'message ids shown').toEqual([]);
      expect(englishIn(words, { areas: AREAS, lang, written: AS_WRITTEN }), 'English left').toEqual(
        [],
      );
      // Clocks and times read left to right in every language.
      for (const selector of ['.clock-console .clock-time', '.waited .digits']) {
        expect(
          await page
            .locator(selector)
            .first()
            .evaluate((el) => getComputedStyle(el).direction),
          selector,
        ).toBe('ltr');
      }
      const laptop = await sidewaysOverflow(page);
      expect(
        laptop.scrollWidth,
        `sideways at 1280x720: ${await pastTheEdge(page)}`,
      ).toBeLessThanOrEqual(laptop.clientWidth);
      await page.setViewportSize(PHONE);
      if (lang === 'ar' || lang === 'zh') {
        await page.screenshot({
          path: join(ARTIFACTS_DIR, `consoles-${lang}-390x844-full.png`),
          fullPage: true,
        });
      }
      const phone = await sidewaysOverflow(page);
      expect(
        phone.scrollWidth,
        `sideways at 390x844: ${await pastTheEdge(page)}`,
      ).toBeLessThanOrEqual(phone.clientWidth);
      await page.setViewportSize(LAPTOP);
    });
  }

  it('in Arabic, axe finds nothing serious', async () => {
    await choose('ar');
    expect(await seriousViolations(moderator.page)).toEqual([]);
  });

  it('says the counts in each language’s plural forms', () => {
    // The moderator's questions and interventions, as Russian and Arabic count them.
    const ru = (count: number) => say('ru', 'consoles.questions', { count });
    expect([1, 2, 5, 21].map(ru)).toEqual([
      '1 вопрос с последнего ответа участников дискуссии',
      '2 вопроса с последнего ответа участников дискуссии',
      '5 вопросов с последнего ответа участников дискуссии',
      '21 вопрос с последнего ответа участников дискуссии',
    ]);
    const ar = (count: number) => say('ar', 'consoles.questions', { count }).split(' منذ')[0];
    expect([1, 2, 3, 11, 100].map(ar)).toEqual([
      'سؤال واحد',
      'سؤالان',
      '3 أسئلة',
      '11 سؤالًا',
      '100 سؤال',
    ]);
  });

  it('sends a preset cue in the room display’s language: French on the podium, from a console in Arabic', async () => {
    const page = moderator.page;
    await choose('ar');
    await ok(chair, { type: 'display.configure', lang: 'fr' });
    await until((v) => v.display.lang === 'fr');
    const podium = await openScreen(browser, { width: 1280, height: 800 });
    try {
      await podium.page.goto(`${server.url}/m/${meetingId}/podium?code=${codes.display}`);
      await podium.page.locator('.podium-speaker').waitFor();
      const preset = CUE_PRESETS[0];
      if (!preset) throw new Error('no preset');
      const french = say('fr', preset.id);
      expect(french).toBe('Veuillez conclure');
      // The console says where its presets go, and what the podium will show.
      await page
        .getByText(say('ar', 'consoles.cue-room-language', { language: 'الفرنسية' }))
        .waitFor();
      const button = page.getByRole('button', { name: say('ar', preset.id) });
      await button.locator('.cue-preset-sent[lang="fr"]', { hasText: french }).waitFor();
      await button.click();
      const sent = await until((v) => v.cue !== null);
      expect(sent.cue?.text).toBe(french);
      await podium.page.locator('.podium-cue', { hasText: french }).waitFor();
      // The console shows what was sent, as the podium shows it.
      await page.locator('.cue-shown-text', { hasText: french }).waitFor();
      await screenshot(page, 'consoles-ar-cue-in-french-1280x720');
    } finally {
      await podium.context.close();
    }
  });

  it('takes its single-key shortcuts by the key’s place on a Russian keyboard', async () => {
    const page = moderator.page;
    await choose('ru');
    expect(latest().cue).not.toBeNull();
    await page.getByRole('heading', { name: say('ru', 'consoles.has-the-floor') }).click();
    // The key that prints C on a Latin layout types "с" on a Russian one.
    await page.evaluate(() =>
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'с', code: 'KeyC' })),
    );
    await until((v) => v.cue === null);
  });

  it('comes back to English from the menu, as the e2e tests of the consoles read it', async () => {
    await choose('en');
    await moderator.page.getByRole('button', { name: 'Next speaker' }).waitFor();
    await moderator.page.getByText('Order: groups, then States, then the others').waitFor();
    expect(await moderator.page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  });
});
