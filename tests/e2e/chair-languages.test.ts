import type { I18n } from '@lingui/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import type { AgendaInput } from '../../shared/protocol/agenda';
import { HTTP_ROUTES, pathOf } from '../../shared/protocol/contract';
import { LANGS, type Lang, NATIVE_NAME } from '../../shared/protocol/langs';
import {
  ensureClientBuilt,
  launchBrowser,
  openScreen,
  type Screen,
  screenshot,
} from '../support/browser';
import { HookReceiver } from '../support/hookReceiver';
import { i18nIn } from '../support/i18n';
import { areasOf, englishIn, leftovers, wordsOnPage } from '../support/leftovers';
import {
  type Client,
  connect,
  createMeeting,
  http,
  join,
  ok,
  startServer,
  type TestServer,
  untilState,
} from '../support/server';
import { latePanelAgenda } from './late';
import { sidewaysOverflow } from './longNames';

/**
 * The chair's pages in the six languages (issue 15): the console, the agenda editor and the
 * devices page, each in Arabic, Chinese, English, French, Russian and Spanish, at 1280x720. On
 * each: no message id on the page, no English left anywhere on it (agenda
 * titles, speakers' and delegations' names, the time zone and the API's words excepted), the
 * page right to left in Arabic with its times and codes left to right, and no sideways scroll.
 * The chair then chooses the room's language in the "Room display" panel, apart from the
 * console's own; and an agenda field error is said in Russian.
 */

/** Latin words left in a page in Arabic, Chinese or Russian, once the allowed words are out. */
const latinLeft = (texts: readonly string[], allowed: readonly string[]): string[] => {
  const longestFirst = [...allowed].sort((a, b) => b.length - a.length);
  const left: string[] = [];
  for (const text of texts) {
    let rest = text;
    for (const word of longestFirst) rest = rest.split(word).join(' ');
    left.push(...(rest.match(/\p{Script=Latin}{2,}/gu) ?? []));
  }
  return [...new Set(left)];
};

describe('the chair’s pages in the six languages', () => {
  let server: TestServer;
  let receiver: HookReceiver;
  let browser: Browser;
  let chair: Screen;
  let meetingId: string;
  let agenda: AgendaInput;
  let room: Client;
  /** What may stay in Latin letters on a page in another script: names, titles, the API's words. */
  let allowed: string[];
  const messages = {} as Record<Lang, I18n>;

  beforeAll(async () => {
    receiver = await HookReceiver.start();
    server = await startServer({ createDefaultMeeting: false, clientDir: ensureClientBuilt() });
    // An hour late, with the default roster (the 193 Member States and the others).
    agenda = latePanelAgenda();
    const created = await createMeeting(server.url, { agenda });
    meetingId = created.meetingId;
    const { token } = await join(server.url, meetingId, created.codes.chair);
    // A webhook that hears the start, and an audit with a sign-out and a new code.
    const hooked = await http(server.url, pathOf(HTTP_ROUTES.createHook, { id: meetingId }), {
      body: {
        url: receiver.url('/lights'),
        secret: 'a-secret-of-the-lights',
        events: ['status.changed'],
      },
      token,
    });
    expect(hooked.status).toBe(201);
    for (const [route, params, body] of [
      [HTTP_ROUTES.signOut, { id: meetingId, delegationId: 'mexico' }, {}],
      [HTTP_ROUTES.rotateCode, { id: meetingId }, { role: 'display' }],
    ] as const) {
      const answer = await http(server.url, pathOf(route, params), { body, token });
      expect(answer.status, answer.text).toBe(200);
    }
    // Under way, at the discussion: the header's delay, the discussion's time, the held times.
    room = await connect(server.url, token);
    await ok(room, { type: 'agenda.start' });
    await ok(room, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    await receiver.until((r) => r.some((x) => x.path === '/lights'));

    for (const lang of LANGS) messages[lang] = await i18nIn(lang, ['chair']);
    allowed = [
      agenda.title,
      agenda.venue ?? '',
      // The note the suspension field suggests, as the chair wrote it in the agenda.
      agenda.breakNote ?? '',
      agenda.timeZone ?? '',
      ...agenda.items.flatMap((item) => [
        item.title,
        ...item.steps.flatMap((step) => [
          step.title,
          ...(step.kind === 'speakers' ? step.speakers.flatMap((s) => [s.name, s.role]) : []),
        ]),
      ]),
      ...DEFAULT_ROSTER.map((d) => d.name),
      ...Object.values(NATIVE_NAME),
      receiver.url('/lights'),
      'status.changed',
      '/api/meetings/<id>/hooks',
      'POST',
      'DELETE',
      'API',
      'CSV',
      'QR',
      // The product's name (the window's title), and the keys as keyboards print them.
      'Rostrum',
      'Esc',
      'Enter',
      'Shift',
    ].filter((word) => word !== '');

    browser = await launchBrowser();
    chair = await openScreen(browser, { width: 1280, height: 720 });
    await chair.page.goto(
      `${server.url}/m/${meetingId}/join?code=${encodeURIComponent(created.codes.chair)}`,
    );
    await chair.page.waitForURL(`**/m/${meetingId}/chair`);
  });

  afterAll(async () => {
    room?.close();
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  /** Opens a page of the chair in a language (`?lang=`), once its own words are there. */
  const openIn = async (path: string, lang: Lang, ready: string) => {
    const { page } = chair;
    await page.goto(`${server.url}/m/${meetingId}/${path}?lang=${lang}`);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.getByText(messages[lang]._(ready), { exact: true }).first().waitFor();
  };

  /** Everything the brief asks of a page of `screen` in a language; `name` for the screenshots. */
  const expectInLanguage = async (lang: Lang, screen: 'chair' | 'devices', name: string) => {
    const { page } = chair;
    const dir = await page.evaluate(() => document.documentElement.dir);
    expect(dir, lang).toBe(lang === 'ar' ? 'rtl' : 'ltr');

    // The whole page, as a person reads and hears it.
    const { ids, english } = await leftovers(page, { screen, lang, written: allowed });
    expect(ids, `${name} in ${lang}: message ids shown`).toEqual([]);
    expect(english, `${name} in ${lang}: English left`).toEqual([]);
    if (lang === 'en') {
      // The detector itself: on the page in English, it finds the English it looks for.
      const found = englishIn(await wordsOnPage(page), { areas: areasOf(screen), lang: 'fr' });
      expect(found.length, `${name}: English found in English`).toBeGreaterThan(10);
    }
    if (lang === 'ar' || lang === 'zh' || lang === 'ru') {
      const lines = (await wordsOnPage(page)).split('\n');
      expect(latinLeft(lines, allowed), `${name} in ${lang}: Latin words left`).toEqual([]);
    }

    const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
    expect(scrollWidth, `${name} in ${lang}: scrolls sideways`).toBeLessThanOrEqual(clientWidth);
    if (lang === 'ar' || lang === 'zh') await screenshot(page, `chair-languages-${name}-${lang}`);
  };

  it('the console, in each language', async () => {
    for (const lang of LANGS) {
      await openIn('chair', lang, 'chair.session');
      // The discussion under way: its time left, in the page's language.
      await chair.page.locator('.discussion-time').waitFor();
      await expectInLanguage(lang, 'chair', 'console');
    }
    // In Arabic, the times of the schedule read left to right inside the right-to-left table.
    await openIn('chair', 'ar', 'chair.session');
    const times = chair.page.locator('.schedule-table td bdi');
    expect(await times.count()).toBeGreaterThan(0);
    expect(await times.first().evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
    expect(await times.first().textContent()).toMatch(/^\d\d:\d\d–(\d\d:\d\d|–)$/);
    expect(
      await chair.page.locator('.panel.schedule').evaluate((e) => getComputedStyle(e).direction),
    ).toBe('rtl');
  });

  it('the agenda editor, in each language', async () => {
    for (const lang of LANGS) {
      await openIn('chair/agenda', lang, 'chair.edit-agenda');
      await expectInLanguage(lang, 'chair', 'agenda-editor');
    }
  });

  it('the devices page, in each language, its codes left to right in Arabic', async () => {
    for (const lang of LANGS) {
      await openIn('devices', lang, 'chair.devices-and-codes');
      // The counts, the audit and the webhook are read: their rows are there.
      await chair.page.locator('.devices-audit tbody tr').first().waitFor();
      await chair.page.locator('.hooks-table tbody tr').first().waitFor();
      await chair.page.locator('.devices-table .has-devices').first().waitFor();
      await expectInLanguage(lang, 'devices', 'devices');
    }
    await openIn('devices', 'ar', 'chair.devices-and-codes');
    await chair.page.getByRole('button', { name: messages.ar._('chair.show-codes') }).click();
    const code = chair.page.locator('.devices-code-cell .code-text').first();
    await code.waitFor();
    expect(await code.textContent()).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(await code.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
    await screenshot(chair.page, 'chair-languages-devices-codes-ar');
  });

  it('at a phone’s and a tablet’s width too, the longest languages and Arabic never scroll sideways', async () => {
    const { page } = chair;
    for (const lang of ['ar', 'ru', 'fr'] as const) {
      for (const [path, ready] of [
        ['chair', 'chair.session'],
        ['chair/agenda', 'chair.edit-agenda'],
        ['devices', 'chair.devices-and-codes'],
      ] as const) {
        await openIn(path, lang, ready);
        for (const size of [
          { width: 390, height: 844 },
          { width: 1024, height: 768 },
        ]) {
          await page.setViewportSize(size);
          const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
          expect(scrollWidth, `${path} in ${lang} at ${size.width}`).toBeLessThanOrEqual(
            clientWidth,
          );
        }
        if (lang === 'ar' && path === 'chair')
          await screenshot(page, 'chair-languages-console-ar-1024');
        await page.setViewportSize({ width: 1280, height: 720 });
      }
    }
  });

  it('the chair chooses the room’s language, apart from the console’s own', async () => {
    await openIn('chair', 'en', 'chair.session');
    const { page } = chair;
    const panel = page.getByRole('region', { name: 'Room display' });
    await panel.getByText('The room display, the podium and the overlay show English.').waitFor();
    const roomLanguage = panel.getByLabel('Language of the room');
    // Each language named in itself.
    expect(await roomLanguage.locator('option').allTextContents()).toEqual(
      LANGS.map((lang) => NATIVE_NAME[lang]),
    );
    await roomLanguage.selectOption('fr');
    // The room's state says French: what the display, the podium and the overlay follow.
    const view = await untilState(room, (v) => v.display.lang === 'fr');
    expect(view.display.lang).toBe('fr');
    await panel.getByText('The room display, the podium and the overlay show French.').waitFor();
    // The console itself stays in English.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // The console's own menu changes the console, and not the room.
    await page.locator('.screen-language select').selectOption('es');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    await page
      .getByText(messages.es._('chair.room-language-shown', { language: 'francés' }))
      .waitFor();
    expect(room.latest().display.lang).toBe('fr');
    await ok(room, { type: 'display.configure', lang: 'en' });
  });

  it('says an agenda field error in Russian', async () => {
    await openIn('chair/agenda', 'ru', 'chair.edit-agenda');
    const { page } = chair;
    const ru = messages.ru;
    const step = page.locator('form.edit-form').filter({
      has: page.getByLabel(ru._('chair.clock-field', { label: ru._('chair.group-warning') })),
    });
    await step
      .getByLabel(ru._('chair.clock-field', { label: ru._('chair.group-warning') }))
      .fill('скоро');
    await step.getByRole('button', { name: ru._('chair.save-step') }).click();
    await step
      .getByRole('status')
      .getByText('Предупреждение для заявления группы: укажите минуты:секунды, например 2:30.', {
        exact: true,
      })
      .waitFor();
    await screenshot(page, 'chair-languages-field-error-ru');
  });
});
