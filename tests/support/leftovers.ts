import { parse, type Token } from '@messageformat/parser';
import type { Page } from 'playwright-core';
import { AREAS, type Area, PAGE_AREAS, type Page as Screen } from '../../client/i18n/areas';
import { DEFAULT_GROUPS } from '../../shared/defaults/groups';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import { type Lang, NATIVE_NAME } from '../../shared/protocol/langs';
import type { MeetingView } from '../../shared/protocol/view';
import { readCatalogue } from './catalogues';

/**
 * What a page in another language should not say: message ids where words should be, and the
 * English of the messages its screen reads. One detector for every screen's language test (the
 * tablet, the consoles, the chair's pages, the room, the report and the join cards).
 */

/** Every catalogue's id prefixes: `room.next-speakers`, `words.floor-queue`... */
const PREFIXES = [
  ...new Set(
    AREAS.flatMap((area) => [...readCatalogue('en', area).keys()].map((id) => id.split('.')[0])),
  ),
];
/** A message id where words should be. */
export const MESSAGE_ID = new RegExp(`\\b(?:${PREFIXES.join('|')})\\.[a-z][a-z0-9-]*\\b`, 'g');

/**
 * The literal runs of an ICU message: the text between its placeholders, its tags and inside its
 * plurals' and selects' cases, trimmed of spaces, punctuation and figures. Only runs of three
 * letters or more: shorter ones ("of", "a") stand in names as written.
 */
export const piecesOf = (message: string): string[] => {
  const pieces: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'content') pieces.push(token.value);
      else if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal')
        for (const c of token.cases) walk(c.tokens);
    }
  };
  for (const part of message.split(/<\/?\d+\/?>/)) walk(parse(part, { strictPluralKeys: false }));
  return pieces
    .map((piece) => piece.replace(/^[\s\p{P}\p{S}\p{N}]+|[\s\p{P}\p{S}\p{N}]+$/gu, ''))
    .filter((piece) => (piece.match(/\p{L}/gu) ?? []).length >= 3);
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English pieces a page in `lang` must not show: those none of its own messages uses. */
const englishOf = (areas: readonly Area[], lang: Lang): Map<string, RegExp> => {
  const own = areas.flatMap((area) => [...readCatalogue(lang, area).values()]);
  const found = new Map<string, RegExp>();
  for (const area of areas) {
    for (const [id, message] of readCatalogue('en', area)) {
      for (const piece of piecesOf(message)) {
        // A run the language's own messages also have is not English left (French
        // "Interventions", a key's name).
        if (lang !== 'en' && own.some((m) => m.includes(piece))) continue;
        found.set(
          `${id}: "${piece}"`,
          new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(piece)}(?![\\p{L}\\p{N}])`, 'u'),
        );
      }
    }
  }
  return found;
};

/** The English of `areas` a text holds, as `id: "piece"`, once what was written as is is out. */
export const englishIn = (
  text: string,
  {
    areas,
    lang,
    written = [],
  }: { areas: readonly Area[]; lang: Lang; written?: readonly string[] },
): string[] => {
  const rest = [...written]
    .filter((w) => w !== '')
    .sort((a, b) => b.length - a.length)
    .reduce((left, w) => left.split(w).join(' '), text);
  return [...englishOf(areas, lang)].filter(([, pattern]) => pattern.test(rest)).map(([k]) => k);
};

/**
 * What a person reads or hears on the page: the text as drawn, block by block (a hidden panel is
 * not read; text for screen readers only is), the names and hints given to controls, the options
 * of its menus and the page's title. Left out: a disabled control's tooltip (a refusal, in the
 * refusals' words), and what is marked as in another language than `lang` (the page's own unless
 * told), such as a cue preset shown as the podium will show it.
 */
export const wordsOnPage = (page: Page, lang?: Lang): Promise<string> =>
  page.evaluate((wanted) => {
    const pageLang = wanted ?? document.documentElement.lang;
    const elsewhere = [...document.body.querySelectorAll<HTMLElement>('[lang]')].filter(
      (element) => element.lang !== pageLang && !(element instanceof HTMLOptionElement),
    );
    const before = elsewhere.map((element) => element.style.display);
    for (const element of elsewhere) element.style.display = 'none';
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, words apart, is what a person reads
    const words = [document.body.innerText, document.title];
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const name of ['aria-label', 'placeholder', 'title']) {
        if (name === 'title' && element.matches(':disabled')) continue;
        const value = element.getAttribute(name);
        if (value) words.push(value);
      }
    }
    for (const option of document.querySelectorAll('option')) words.push(option.text);
    elsewhere.forEach((element, i) => {
      element.style.display = before[i] ?? '';
    });
    return words.join('\n');
  }, lang ?? null);

/** The catalogue areas a screen reads: `common`, and its own (client/i18n/areas.ts). */
export const areasOf = (screen: Screen): Area[] => ['common', ...PAGE_AREAS[screen]];

/**
 * What a page of `screen` in `lang` says that it should not: message ids, and (in another
 * language than English) the English of the areas the screen reads, once `written` (names and
 * titles as the roster and the chair wrote them) is out.
 */
export const leftovers = async (
  page: Page,
  { screen, lang, written }: { screen: Screen; lang: Lang; written?: readonly string[] },
): Promise<{ ids: string[]; english: string[] }> => {
  const words = await wordsOnPage(page, lang);
  const ids = [...new Set(words.match(MESSAGE_ID) ?? [])];
  const areas = areasOf(screen);
  return { ids, english: lang === 'en' ? [] : englishIn(words, { areas, lang, written }) };
};

/** A roster's or a group's name in a language, where it has one (English is the `name`). */
export const inLang = (
  entry: { name: string; names?: Partial<Record<Lang, string>> | undefined },
  lang: Lang,
): string => (lang !== 'en' && entry.names?.[lang]) || entry.name;

/**
 * What a page of a meeting on the default roster may show as written, for `leftovers`: the
 * delegations' and groups' names in the page's language (in English where the roster has none),
 * the agenda as the chair wrote it, the speakers, the languages' own names in the menus, and the
 * product's name.
 */
export const writtenIn = (view: MeetingView, lang: Lang): string[] => [
  ...DEFAULT_ROSTER.map((d) => inLang(d, lang)),
  ...DEFAULT_GROUPS.map((g) => inLang(g, lang)),
  view.title,
  view.agenda.venue ?? '',
  view.agenda.breakNote ?? '',
  view.agenda.timeZone,
  ...view.agenda.items.flatMap((item) => [
    item.title,
    ...item.steps.flatMap((step) => [
      step.title,
      ...(step.kind === 'speakers' ? step.speakers.flatMap((s) => [s.name, s.role ?? '']) : []),
    ]),
  ]),
  ...Object.values(NATIVE_NAME),
  'Rostrum',
];
