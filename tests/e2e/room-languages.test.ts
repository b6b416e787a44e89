import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GROUPS } from '../../shared/defaults/groups';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import type { Names } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import type { CreateMeetingResponse } from '../../shared/protocol/http';
import { LANGS, type Lang } from '../../shared/protocol/langs';
import { launchBrowser, openScreen, type Screen, screenshot } from '../support/browser';
import { readCatalogue } from '../support/catalogues';
import { areasOf, englishIn, leftovers, wordsOnPage } from '../support/leftovers';
import { ADMIN_TOKEN, type Client, connect, http, join, ok } from '../support/server';
import { type Box, sidewaysOverflow, textBox } from './longNames';
import { PANEL_AGENDA, RoomServer } from './room';

/**
 * The room's screens in the six languages (contract version 2, "Languages"): the room display,
 * the podium and the overlay follow the chair's `display.lang` (and a language pinned on the
 * device), with every word from the catalogues, delegations and groups named in the language, the
 * clock whole and left to right; the report and the join cards in Arabic and Chinese.
 */

/** The United Nations' short names of the delegations this room hears, in the five languages. */
const NAMES: Record<string, Names> = {
  egypt: { ar: 'مصر', zh: '埃及', fr: 'Égypte', ru: 'Египет', es: 'Egipto' },
  mexico: { ar: 'المكسيك', zh: '墨西哥', fr: 'Mexique', ru: 'Мексика', es: 'México' },
  morocco: { ar: 'المغرب', zh: '摩洛哥', fr: 'Maroc', ru: 'Марокко', es: 'Marruecos' },
  'united-kingdom': {
    ar: 'المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية',
    zh: '大不列颠及北爱尔兰联合王国',
    fr: 'Royaume-Uni de Grande-Bretagne et d’Irlande du Nord',
    ru: 'Соединенное Королевство Великобритании и Северной Ирландии',
    es: 'Reino Unido de Gran Bretaña e Irlanda del Norte',
  },
};
const AFRICAN_GROUP: Names = {
  ar: 'مجموعة الدول الأفريقية',
  zh: '非洲国家组',
  fr: 'Groupe des États d’Afrique',
  ru: 'Группа африканских государств',
  es: 'Grupo de los Estados de África',
};

const ROSTER = DEFAULT_ROSTER.map((d) => {
  const names = NAMES[d.id];
  return names ? { ...d, names } : d;
});
const GROUPS = DEFAULT_GROUPS.map((g) =>
  g.id === 'african-group' ? { ...g, names: AFRICAN_GROUP } : g,
);

const englishName = (id: string) => DEFAULT_ROSTER.find((d) => d.id === id)?.name ?? id;
const nameIn = (id: string, lang: Lang) => (lang === 'en' ? englishName(id) : NAMES[id]?.[lang]);
const groupIn = (lang: Lang) => (lang === 'en' ? 'African Group' : AFRICAN_GROUP[lang]);

const POINT_OF_ORDER_SPEAKER = 'Ms. Lucía Hernández';
const UK_SPEAKER = 'Sir Alexander Montgomery-Fitzwilliam';

/**
 * What the room may show in English in any language: what the chair and the delegations wrote
 * (the agenda's titles, speakers' names), and the names civil society's organizations write
 * themselves, which no language renames.
 */
const WRITTEN = [
  PANEL_AGENDA.title,
  'Expert panel 1',
  'Interactive discussion',
  POINT_OF_ORDER_SPEAKER,
  UK_SPEAKER,
  ...ROSTER.filter((d) => LANGS.some((lang) => lang !== 'en' && !d.names?.[lang])).map(
    (d) => d.name,
  ),
];

const htmlOf = (page: Page) =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
  }));

const textOf = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').trim();

// ---------------------------------------------------------------------------------------------
// The clock.

const inside = (box: Box | null, page: Page): boolean => {
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.left >= 0 && box.top >= 0 && box.right <= viewport.width && box.bottom <= viewport.height
  );
};

/**
 * The display's clock: whether its digits and its words lie inside the picture, and whether its
 * characters are drawn left to right (the first one's box left of the last one's).
 */
const clockOf = async (page: Page) => {
  const digits = await textBox(page, '.clock-display .clock-time');
  const words = await textBox(page, '.clock-display .clock-phase');
  const order = await page.locator('.clock-display .clock-time').evaluate((element) => {
    const node = element.firstChild;
    const text = node?.textContent ?? '';
    if (!(node instanceof Text) || text.length < 2) return { text, leftToRight: false };
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, 1);
    const first = range.getBoundingClientRect().left;
    range.setStart(node, text.length - 1);
    range.setEnd(node, text.length);
    const last = range.getBoundingClientRect().left;
    return { text, leftToRight: first < last };
  });
  return { digits: inside(digits, page), words: inside(words, page), ...order };
};

// ---------------------------------------------------------------------------------------------

describe('the room in the six languages', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: CreateMeetingResponse['codes'];
  let chair: Client;
  let display: Screen;
  let podium: Screen;
  let overlay: Screen;

  const send = (command: Command) => ok(chair, command);
  /** The delegations waiting, in the order of the list of speakers (the policy's order). */
  const waiting = () => chair.latest().floor.queue.map((r) => r.delegationId);
  const screens = () => [
    { name: 'display', screen: display, ready: '.display-next-list' },
    { name: 'podium', screen: podium, ready: '.podium-next-name' },
    { name: 'overlay', screen: overlay, ready: '.overlay.is-on .overlay-name' },
  ];

  beforeAll(async () => {
    server = await RoomServer.start();
    const created = await http<CreateMeetingResponse>(server.url, '/api/meetings', {
      body: { agenda: PANEL_AGENDA, roster: ROSTER, groups: GROUPS },
      token: ADMIN_TOKEN,
    });
    if (created.status !== 201) throw new Error(`create meeting: ${created.text}`);
    ({ meetingId, codes } = created.body);
    chair = await connect(server.url, (await join(server.url, meetingId, codes.chair)).token);
    // The panel's interactive discussion: Egypt speaks for the African Group, Mexico raises a
    // point of order and is heard at once; Morocco waits with a right of reply, the United
    // Kingdom with a statement.
    await send({ type: 'agenda.start' });
    await send({ type: 'agenda.next' });
    await send({ type: 'agenda.next' });
    await send({ type: 'floor.add', delegationId: 'egypt', onBehalfOf: 'african-group' });
    await send({ type: 'floor.next' });
    await send({ type: 'floor.add', delegationId: 'morocco', kind: 'reply' });
    await send({ type: 'floor.add', delegationId: 'united-kingdom', speakerName: UK_SPEAKER });
    await send({
      type: 'floor.add',
      delegationId: 'mexico',
      kind: 'point-of-order',
      speakerName: POINT_OF_ORDER_SPEAKER,
    });
    await send({ type: 'floor.next' });

    browser = await launchBrowser();
    display = await openScreen(browser, { width: 1920, height: 1080 });
    podium = await openScreen(browser, { width: 1280, height: 800 });
    overlay = await openScreen(browser, { width: 1920, height: 1080 });
    await display.page.goto(server.joinLink(meetingId, codes.display));
    await podium.page.goto(`${server.url}/m/${meetingId}/podium?code=${codes.display}`);
    await overlay.page.goto(`${server.url}/m/${meetingId}/overlay?code=${codes.display}`);
    for (const { screen, ready } of screens()) await screen.page.locator(ready).waitFor();
  });

  afterAll(async () => {
    chair?.close();
    await browser?.close();
    await server?.close();
  });

  it('follows the chair to French within a second of the ack', async () => {
    const { page } = display;
    expect(await htmlOf(page)).toEqual({ lang: 'en', dir: 'ltr' });
    // The page notes the moment it shows French: its <html lang> and its words both.
    await page.evaluate(() => {
      const w = window as unknown as { frenchAt?: number };
      const check = () => {
        const list = document.querySelector('.display-list')?.textContent;
        if (document.documentElement.lang === 'fr' && list === 'Liste des orateurs ouverte') {
          w.frenchAt ??= Date.now();
        }
      };
      new MutationObserver(check).observe(document, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
    await send({ type: 'display.configure', lang: 'fr' });
    const ackedAt = Date.now();
    const shownAt = await page
      .waitForFunction(() => (window as unknown as { frenchAt?: number }).frenchAt, undefined, {
        timeout: 5_000,
      })
      .then((handle) => handle.jsonValue());
    const ms = (shownAt ?? Number.NaN) - ackedAt;
    console.log(`the display shows French ${ms} ms after the ack of display.configure`);
    expect(ms).toBeLessThan(1_000);
    // The podium and the overlay too.
    for (const { screen } of screens()) {
      await expect.poll(() => htmlOf(screen.page)).toEqual({ lang: 'fr', dir: 'ltr' });
    }
  });

  for (const lang of LANGS) {
    it(`shows the display, the podium and the overlay in ${lang}`, async () => {
      await send({ type: 'display.configure', lang });
      const dir = lang === 'ar' ? 'rtl' : 'ltr';
      for (const { name, screen } of screens()) {
        const { page } = screen;
        await expect
          .poll(() => htmlOf(page), { message: `${name} ${lang}` })
          .toEqual({ lang, dir });
      }

      // The display: the kind of turn, the turn it interrupted, the list, each in the language,
      // with the delegations and the group named in it.
      const { page } = display;
      await expect
        .poll(() => textOf(page, '.display-interrupted'))
        .toContain(`${nameIn('egypt', lang)}`);
      expect(await textOf(page, '.display-interrupted')).toContain(groupIn(lang));
      const [next] = waiting();
      expect(waiting().sort()).toEqual(['morocco', 'united-kingdom']);
      expect(await page.locator('.display-next-name').allTextContents()).toEqual(
        waiting().map((id) => nameIn(id, lang)),
      );
      expect(await textOf(page, '.display-kind')).toBe(
        readCatalogue(lang, 'room').get('room.kind-point-of-order'),
      );
      expect(await textOf(page, '.display-next-kind')).toBe(
        readCatalogue(lang, 'room').get('room.kind-reply'),
      );
      // The podium: who speaks next, in the language.
      expect(await textOf(podium.page, '.podium-next-name')).toBe(nameIn(next ?? '', lang));
      // The overlay: the speaker as written, her delegation in the language.
      expect(await textOf(overlay.page, '.overlay-name')).toBe(POINT_OF_ORDER_SPEAKER);
      expect(await textOf(overlay.page, '.overlay-detail')).toBe(nameIn('mexico', lang));

      for (const { name, screen } of screens()) {
        const shown = await leftovers(screen.page, { screen: 'display', lang, written: WRITTEN });
        expect(shown, `${name} in ${lang}`).toEqual({ ids: [], english: [] });
        if (lang === 'en' && name === 'display') {
          // The detector itself: on the display in English, it finds the English it looks for.
          const english = englishIn(await wordsOnPage(screen.page), {
            areas: areasOf('display'),
            lang: 'fr',
          });
          expect(english.length, 'English found on the English display').toBeGreaterThan(3);
        }
        const { scrollWidth, clientWidth } = await sidewaysOverflow(screen.page);
        expect(scrollWidth, `${name} in ${lang}: sideways`).toBeLessThanOrEqual(clientWidth);
      }
      if (lang === 'ar') {
        // The lower third stands at the picture's right, where Arabic starts.
        const third = await overlay.page.locator('.overlay-third').boundingBox();
        expect(third && third.x + third.width > 1920 / 2 && third.x > 0).toBe(true);
        expect(
          await overlay.page
            .locator('.overlay-third')
            .evaluate((e) => getComputedStyle(e).borderRightWidth !== '0px'),
        ).toBe(true);
      }
      if (lang === 'ar' || lang === 'zh') {
        await screenshot(display.page, `room-languages-display-${lang}`);
        await screenshot(podium.page, `room-languages-podium-${lang}`);
        await screenshot(overlay.page, `room-languages-overlay-${lang}`);
      }
      for (const { screen } of screens()) expect(screen.problems).toEqual([]);
    });
  }

  it('keeps the clock whole and left to right in Arabic and Chinese, at the display’s sizes', async () => {
    const sizes = [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ];
    const { page } = display;
    for (const lang of ['ar', 'zh'] as const) {
      await send({ type: 'display.configure', lang });
      await expect.poll(() => htmlOf(page)).toMatchObject({ lang });
      for (const phase of ['normal', 'overtime'] as const) {
        const turn = chair.latest().turn;
        if (!turn) throw new Error('nobody has the floor');
        // Overtime: the limit goes to 0:00 and the clock counts up past it, "-M:SS".
        if (phase === 'overtime') {
          await send({ type: 'turn.adjust', turnId: turn.id, deltaMs: -turn.limitMs });
        }
        await expect
          .poll(() => textOf(page, '.clock-display .clock-time'))
          .toMatch(phase === 'overtime' ? /^-\d+:\d\d$/ : /^\d+:\d\d$/);
        for (const size of sizes) {
          await page.setViewportSize(size);
          const name = `room-languages-clock-${lang}-${phase}-${size.width}x${size.height}`;
          await expect.poll(async () => (await clockOf(page)).digits, { message: name }).toBe(true);
          const clock = await clockOf(page);
          await screenshot(page, name);
          expect(clock, name).toMatchObject({ digits: true, words: true, leftToRight: true });
          expect(inside(await textBox(page, '.display-interrupted'), page), name).toBe(true);
        }
        if (phase === 'overtime') {
          await send({ type: 'turn.adjust', turnId: turn.id, deltaMs: turn.limitMs });
        }
      }
    }
    await page.setViewportSize(sizes[0] ?? { width: 1920, height: 1080 });
  });

  it('pins a language on the display’s own menu, kept on the device, until it follows the chair again', async () => {
    const { page } = display;
    await send({ type: 'display.configure', lang: 'fr' });
    await expect.poll(() => htmlOf(page)).toMatchObject({ lang: 'fr' });
    // The pointer wakes the controls; the menu offers the chair's choice, then the six.
    await page.mouse.move(400, 400);
    const menu = page.locator('.room-language-menu select');
    expect(await menu.inputValue()).toBe('follow');
    expect(await menu.locator('option').first().textContent()).toBe(
      'Suivre le choix de la présidence (Français)',
    );
    await menu.selectOption('es');
    await expect.poll(() => htmlOf(page)).toEqual({ lang: 'es', dir: 'ltr' });
    // The chair moves the room to Russian: this display stays in Spanish, through a reload too.
    await send({ type: 'display.configure', lang: 'ru' });
    await expect.poll(() => htmlOf(podium.page)).toMatchObject({ lang: 'ru' });
    expect((await htmlOf(page)).lang).toBe('es');
    await page.reload();
    await page.locator('.display-next-list').waitFor();
    expect((await htmlOf(page)).lang).toBe('es');
    expect(await page.locator('.display-next-name').allTextContents()).toEqual(
      waiting().map((id) => nameIn(id, 'es')),
    );
    // Following the chair again: Russian.
    await page.mouse.move(500, 500);
    await page.locator('.room-language-menu select').selectOption('follow');
    await expect.poll(() => htmlOf(page)).toEqual({ lang: 'ru', dir: 'ltr' });
    expect(await page.locator('.display-next-name').allTextContents()).toEqual(
      waiting().map((id) => nameIn(id, 'ru')),
    );
  });

  it('is pinned by ?lang= in its address, an overflow room’s projector', async () => {
    const { page } = display;
    await page.goto(`${server.url}/m/${meetingId}/display?lang=zh`);
    await page.locator('.display-next-list').waitFor();
    expect(await htmlOf(page)).toEqual({ lang: 'zh', dir: 'ltr' });
    await send({ type: 'display.configure', lang: 'ar' });
    await expect.poll(() => htmlOf(podium.page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await htmlOf(page)).toEqual({ lang: 'zh', dir: 'ltr' });
    expect(await page.locator('.display-next-name').allTextContents()).toEqual(
      waiting().map((id) => nameIn(id, 'zh')),
    );
    await page.goto(`${server.url}/m/${meetingId}/display`);
    await page.locator('.display-next-list').waitFor();
    await expect.poll(() => htmlOf(page)).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  describe('the report and the join cards', () => {
    let officer: Screen;

    beforeAll(async () => {
      // The point of order ends, Egypt finishes for the group, the next speaks: a record to read.
      await send({ type: 'turn.end' });
      await send({ type: 'turn.end' });
      await send({ type: 'floor.next' });
      await send({ type: 'turn.end' });
      officer = await openScreen(browser, { width: 1280, height: 900 });
      await officer.page.goto(server.joinLink(meetingId, codes.chair));
      await officer.page.waitForURL(`**/m/${meetingId}/chair`);
    });

    for (const lang of ['ar', 'zh'] as const) {
      it(`prints the report in ${lang === 'ar' ? 'Arabic, right to left' : 'Chinese'}`, async () => {
        const { page } = officer;
        await page.goto(`${server.url}/m/${meetingId}/report?lang=${lang}`);
        const messages = readCatalogue(lang, 'report');
        await page
          .getByRole('heading', { name: messages.get('report.whole-meeting'), exact: true })
          .waitFor();
        expect(await htmlOf(page)).toEqual({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
        expect(await leftovers(page, { screen: 'report', lang, written: WRITTEN })).toEqual({
          ids: [],
          english: [],
        });
        // Delegations and the group by their names in the language, in the tables and charts.
        const whole = page.getByRole('region', { name: messages.get('report.whole-meeting') });
        const groups = whole.getByRole('table', {
          name: messages.get('report.who-spoke-for-groups'),
        });
        await groups.getByRole('rowheader', { name: groupIn(lang) }).waitFor();
        expect(await groups.getByRole('cell').last().textContent()).toBe(nameIn('egypt', lang));
        const points = whole.locator('table', { has: page.getByRole('columnheader') }).filter({
          hasText: messages.get('report.column-raised-by') ?? '',
        });
        const raised = (await points.getByRole('rowheader').first().textContent()) ?? '';
        expect(raised).toContain(nameIn('mexico', lang));
        expect(await points.getByRole('cell').last().textContent()).toContain(groupIn(lang));
        // The charts read as the page: in Arabic the labels stand right of their bars.
        const byKind = whole.locator('.chart-svg').first();
        const label = await byKind.locator('.chart-label').first().boundingBox();
        const track = await byKind.locator('.chart-track').first().boundingBox();
        expect(label && track, 'a chart is drawn').toBeTruthy();
        if (label && track) {
          if (lang === 'ar') expect(label.x).toBeGreaterThanOrEqual(track.x + track.width - 1);
          else expect(label.x + label.width).toBeLessThanOrEqual(track.x + 1);
        }
        const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
        expect(scrollWidth, 'sideways').toBeLessThanOrEqual(clientWidth);
        await screenshot(page, `room-languages-report-${lang}`);
        await whole
          .getByRole('heading', { name: messages.get('report.points-of-order'), exact: true })
          .scrollIntoViewIfNeeded();
        await screenshot(page, `room-languages-report-${lang}-points-of-order`);
      });
    }

    it('prints the join cards in the page’s language, or in another the chair picks', async () => {
      const { page } = officer;
      await page.goto(`${server.url}/m/${meetingId}/cards?lang=ar`);
      const arabic = readCatalogue('ar', 'cards');
      const chinese = readCatalogue('zh', 'cards');
      const card = (lang: 'ar' | 'zh', id: string) =>
        page.getByRole('article', {
          name: (lang === 'ar' ? arabic : chinese)
            .get('cards.card-of')
            ?.replace('{name}', nameIn(id, lang) ?? ''),
        });
      const mexico = card('ar', 'mexico');
      await mexico.waitFor();
      expect(await htmlOf(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      expect(await mexico.evaluate((e) => [e.getAttribute('lang'), e.getAttribute('dir')])).toEqual(
        ['ar', 'rtl'],
      );
      expect(await mexico.locator('.join-card-name').textContent()).toBe(nameIn('mexico', 'ar'));
      await mexico.getByText(arabic.get('cards.category-member-state') ?? '').waitFor();
      // The code and the server's address read left to right.
      const code = mexico.locator('.join-card-code strong');
      expect(await code.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
      expect(await code.textContent()).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      expect(
        await mexico.locator('.join-card-origin').evaluate((e) => getComputedStyle(e).direction),
      ).toBe('ltr');
      expect(await leftovers(page, { screen: 'cards', lang: 'ar', written: WRITTEN })).toEqual({
        ids: [],
        english: [],
      });
      await mexico.scrollIntoViewIfNeeded();
      await screenshot(page, 'room-languages-cards-ar');

      // The chair prints them in Chinese; the page stays in Arabic.
      await page.getByLabel(arabic.get('cards.card-language') ?? '').selectOption('zh');
      const inChinese = card('zh', 'mexico');
      await inChinese.waitFor();
      expect(
        await inChinese.evaluate((e) => [e.getAttribute('lang'), e.getAttribute('dir')]),
      ).toEqual(['zh', 'ltr']);
      expect(await inChinese.locator('.join-card-name').textContent()).toBe('墨西哥');
      await inChinese.getByText(chinese.get('cards.access-code') ?? '', { exact: true }).waitFor();
      await page.getByRole('heading', { name: arabic.get('cards.title'), exact: true }).waitFor();
      expect(await htmlOf(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      expect(await leftovers(page, { screen: 'cards', lang: 'zh', written: WRITTEN })).toEqual({
        ids: [],
        english: [],
      });
      await inChinese.scrollIntoViewIfNeeded();
      await screenshot(page, 'room-languages-cards-zh-on-arabic-page');
      expect(officer.problems).toEqual([]);
      // Two hundred cards, each fitting its name and drawing its QR code, twice.
    }, 120_000);
  });
});
