import type { I18n } from '@lingui/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import type { MeetingCodes } from '../../shared/protocol/http';
import { LANGS, type Lang } from '../../shared/protocol/langs';
import type { MeetingView } from '../../shared/protocol/view';
import { launchBrowser, openScreen, type Screen, screenshot } from '../support/browser';
import { i18nIn } from '../support/i18n';
import { inLang, leftovers, writtenIn } from '../support/leftovers';
import { OtherTablets, requestOf } from '../support/otherTablets';
import {
  type Client,
  connect,
  createMeeting,
  join as joinMeeting,
  ok,
  untilState,
} from '../support/server';
import { PANEL_AGENDA, RoomServer } from './room';

/** A phone, the smallest screen a delegation reads its tablet on. */
const PHONE = { width: 390, height: 844 };

/** Each language's tablet, of a delegation that reads it (none of them waits with another). */
const DELEGATION: Record<Lang, string> = {
  ar: 'egypt',
  zh: 'china',
  en: 'mexico',
  fr: 'france',
  ru: 'russian-federation',
  es: 'spain',
};
/** Two States that ask first, so that each tablet waits behind two requests. */
const AHEAD = ['brazil', 'kenya'];

/** The elements that reach beyond the window's sides (a page that scrolls sideways, or clips). */
const beyondTheSides = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((e) => !e.closest('.visually-hidden, option, [hidden]'))
      .filter((e) => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && (box.left < -1 || box.right > width + 1);
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  });

/**
 * The words of the delegation's name that do not stand on one line (broken inside), and the name
 * if it is wider than its box (cut). Chinese has no spaces, and breaks between any characters.
 */
const brokenWords = (page: Page, lang: Lang): Promise<string[]> =>
  page.evaluate((wordsApart) => {
    const heading = document.querySelector('.delegate-name');
    const text = heading
      ? document.createTreeWalker(heading, NodeFilter.SHOW_TEXT).nextNode()
      : null;
    if (!heading || !text) return ['(no name)'];
    const content = text.textContent ?? '';
    const broken: string[] = [];
    if (heading.scrollWidth > heading.clientWidth + 1) broken.push(`(cut) ${content}`);
    if (!wordsApart) return broken;
    // A line may break after a hyphen (Народно-/Демократическая), never inside a word.
    for (const word of content.matchAll(/[^\s-]+/g)) {
      const range = document.createRange();
      range.setStart(text, word.index);
      range.setEnd(text, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(word[0]);
    }
    return broken;
  }, lang !== 'zh');

describe('the tablet in the six languages of the United Nations', () => {
  let server: RoomServer;
  let browser: Browser;
  let meetingId: string;
  let codes: MeetingCodes;
  let chair: Client;
  /** The States that ask before each tablet does. */
  let tablets: OtherTablets;

  const latest = (): MeetingView => chair.latest();
  const until = (predicate: (view: MeetingView) => boolean) => untilState(chair, predicate);
  const tabletOf = async (delegationId: string, address = '') => {
    const screen = await openScreen(browser, PHONE, { hasTouch: true, isMobile: true });
    await screen.page.goto(
      `${server.joinLink(meetingId, codes.delegations[delegationId] ?? '')}${address}`,
    );
    await screen.page.locator('.delegate-name').filter({ hasText: /\S/ }).waitFor();
    return screen;
  };

  /** No message id shown, no English left but names, and, in Arabic, right to left and no more. */
  const readsIn = async (page: Page, lang: Lang) => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(
      lang === 'ar' ? 'rtl' : 'ltr',
    );
    const { ids, english } = await leftovers(page, {
      screen: 'delegate',
      lang,
      written: writtenIn(latest(), lang),
    });
    expect(ids, 'message ids on the page').toEqual([]);
    expect(english, 'English left').toEqual([]);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(await beyondTheSides(page)).toEqual([]);
  };

  beforeAll(async () => {
    server = await RoomServer.start();
    ({ meetingId, codes } = await createMeeting(server.url, { agenda: PANEL_AGENDA }));
    tablets = new OtherTablets(server.url, meetingId, codes);
    chair = await connect(
      server.url,
      (await joinMeeting(server.url, meetingId, codes.chair)).token,
    );
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    await until((v) => v.current?.stepId === 'discussion');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    chair?.close();
    tablets?.close();
    await browser?.close();
    await server?.close();
  });

  for (const lang of LANGS) {
    it(`${lang}: asks for the floor, waits behind two requests, has the floor with its clock`, async () => {
      const i18n: I18n = await i18nIn(lang);
      const t = i18n._.bind(i18n);
      const delegationId = DELEGATION[lang];
      for (const id of AHEAD) await tablets.ask(id);
      const { page, context, problems } = await tabletOf(delegationId, `&lang=${lang}`);
      await readsIn(page, lang);

      await page.getByRole('button', { name: t('tablet.request-floor') }).click();
      await until((v) => v.floor.queue.some((r) => r.delegationId === delegationId));
      await page.getByText(t('tablet.number-in-line', { place: 3 }), { exact: true }).waitFor();
      await page.getByText(t('tablet.requests-ahead', { count: 2 }), { exact: true }).waitFor();
      await readsIn(page, lang);
      if (lang === 'ar' || lang === 'zh') await screenshot(page, `tablet-${lang}-waiting`);

      await ok(chair, {
        type: 'floor.grant',
        requestId: requestOf(latest(), delegationId).id,
        turnId: null,
      });
      await page.getByText(t('tablet.has-floor'), { exact: true }).waitFor();
      const clock = page.getByRole('timer');
      // The clock's digits read left to right whatever the page's direction: "2:59", never "59:2".
      expect(await clock.getAttribute('dir')).toBe('ltr');
      expect(await clock.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
      expect((await clock.textContent())?.trim()).toMatch(/^[0-3]:[0-5]\d$/);
      const delegation = DEFAULT_ROSTER.find((d) => d.id === delegationId);
      if (!delegation) throw new Error(`${delegationId} is in the default roster`);
      expect(await clock.getAttribute('aria-label')).toBe(
        t('components.clock-label', { speaker: inLang(delegation, lang) }),
      );
      await page.getByText(t('components.clock-normal'), { exact: true }).waitFor();
      await readsIn(page, lang);
      if (lang === 'ar' || lang === 'zh') await screenshot(page, `tablet-${lang}-has-the-floor`);

      // The next language's tablet finds the floor free and only the two States waiting.
      await ok(chair, { type: 'turn.end', turnId: latest().turn?.id });
      for (const id of AHEAD)
        await ok(chair, { type: 'floor.remove', requestId: requestOf(latest(), id).id });
      await until((v) => v.turn === null && v.floor.queue.length === 0);
      tablets.close();
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('shows a speaker named with tags whole, in Arabic as in English', async () => {
    const name = '<b>Ana</b> <0>Pérez</0> <img src=x onerror=alert(1)>';
    const { page, context, problems } = await tabletOf('ghana', '&lang=ar');
    const ar = await i18nIn('ar');
    await page.getByText(ar._('tablet.name-speaker')).click();
    await page.getByLabel(ar._('tablet.speaker-name')).fill(name);
    await page.getByRole('button', { name: ar._('tablet.request-floor') }).click();
    // The name as typed, inside the Arabic line, not read as markup.
    await expect.poll(() => page.locator('.delegate-speaker strong').textContent()).toBe(name);
    expect(problems).toEqual([]);
    await ok(chair, { type: 'floor.remove', requestId: requestOf(latest(), 'ghana').id });
    await until((v) => v.floor.queue.length === 0);
    await context.close();
  });

  it('keeps the language chosen in its menu after a reload; ?lang= in the address sets it', async () => {
    const { page, context } = await tabletOf('ghana');
    // Headless Chromium's own language is English.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Language').selectOption('ru');
    const ru = await i18nIn('ru');
    await page.getByRole('button', { name: ru._('tablet.request-floor') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await page.reload();
    await page.getByRole('button', { name: ru._('tablet.request-floor') }).waitFor();
    expect(await page.getByLabel(ru._('common.language')).inputValue()).toBe('ru');

    // A link with ?lang=fr sets French, and French stays once the address no longer says it.
    const address = new URL(page.url());
    address.searchParams.set('lang', 'fr');
    await page.goto(address.toString());
    const fr = await i18nIn('fr');
    await page.getByRole('button', { name: fr._('tablet.request-floor') }).waitFor();
    address.searchParams.delete('lang');
    await page.goto(address.toString());
    await page.getByRole('button', { name: fr._('tablet.request-floor') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await context.close();
  });

  it('has its menu in the header, reached first by the keyboard, apart from "Request the floor"', async () => {
    const { page, context } = await tabletOf('ghana', '&lang=en');
    const menu = page.getByLabel('Language');
    const request = page.getByRole('button', { name: 'Request the floor' });
    await request.waitFor();
    // Nothing before it takes the focus: the first Tab reaches it.
    await page.keyboard.press('Tab');
    expect(await menu.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await menu.evaluate((e) => e.closest('header') !== null)).toBe(true);
    // On a phone it stays out of the big button's way: above it, well clear of it, both in view.
    const menuBox = await menu.boundingBox();
    const requestBox = await request.boundingBox();
    if (!menuBox || !requestBox) throw new Error('the menu and the button are on the page');
    expect(menuBox.y + menuBox.height + 24).toBeLessThanOrEqual(requestBox.y);
    expect(requestBox.y + requestBox.height).toBeLessThanOrEqual(PHONE.height);
    await context.close();
  });

  it('the join page offers the language menu too, styled, and turns right to left in Arabic', async () => {
    const screen: Screen = await openScreen(browser, PHONE, { hasTouch: true, isMobile: true });
    const { page } = screen;
    await page.goto(`${server.url}/`);
    await page.getByLabel('Language').selectOption('ar');
    const ar = await i18nIn('ar');
    await page.getByRole('button', { name: ar._('join.join') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const select = page.getByLabel(ar._('common.language'));
    // Styled as the house's controls are: a target of 44 px at least, the house's border.
    const { height, borderRadius } = await select.evaluate((e) => ({
      height: e.getBoundingClientRect().height,
      borderRadius: getComputedStyle(e).borderTopLeftRadius,
    }));
    expect(height).toBeGreaterThanOrEqual(44);
    expect(borderRadius).toBe('8px');
    // At the end of the line: the left, in Arabic.
    const box = await select.boundingBox();
    expect(box?.x ?? PHONE.width).toBeLessThan(PHONE.width / 2);
    expect(await beyondTheSides(page)).toEqual([]);
    await screenshot(page, 'join-ar');
    expect(screen.problems).toEqual([]);
    await screen.context.close();
  });

  it('shows the longest official names whole on a phone in every language: no word broken, nothing cut', async () => {
    for (const lang of LANGS) {
      // In this language (English's where the roster has none): the two names with the
      // longest words, which break inside a word if anything does, and the longest name.
      const names = DEFAULT_ROSTER.map((d) => ({
        id: d.id,
        name: (lang === 'en' ? undefined : d.names?.[lang]) ?? d.name,
      }));
      const longestWord = (name: string) => Math.max(...name.split(/[\s-]+/).map((w) => w.length));
      const byWord = [...names].sort((a, b) => longestWord(b.name) - longestWord(a.name));
      const byLength = [...names].sort((a, b) => b.name.length - a.name.length);
      const longest = [...new Set([byWord[0], byWord[1], byLength[0]])].filter(
        (entry) => entry !== undefined,
      );
      for (const { id, name } of longest) {
        const { page, context } = await tabletOf(id, `&lang=${lang}`);
        await expect.poll(() => page.locator('.delegate-name').textContent()).toBe(name);
        expect(await brokenWords(page, lang), `${lang}: ${name}`).toEqual([]);
        await context.close();
      }
    }
  }, 180_000);
});
