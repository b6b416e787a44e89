import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../shared/protocol/langs';
import { type Catalogue, shapeOf } from './catalogues';

/** docs/glossary.md: the UN's terms of the room in the six languages, as a table. */
export const GLOSSARY_FILE = join(import.meta.dirname, '../../docs/glossary.md');

/** The five languages the glossary gives beside English, in its columns' order. */
export const GLOSSARY_LANGS = ['fr', 'es', 'ru', 'zh', 'ar'] as const satisfies readonly Lang[];
type GlossaryLang = (typeof GLOSSARY_LANGS)[number];

export interface Term {
  /** The English forms that make a message use the term. */
  english: string[];
  /** Each language's forms, the term first: a translation uses it when it holds one of them. */
  forms: Record<GlossaryLang, string[]>;
  source: string;
}

const HEADER = ['English', 'français', 'español', 'русский', '中文', 'العربية', 'Source'];

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

/** The glossary's table, row by row. Throws if the page has no table of the expected columns. */
export const parseGlossary = (markdown: string): Term[] => {
  const lines = markdown.split('\n');
  const at = lines.findIndex((line) => line.startsWith('|') && cells(line)[0] === 'English');
  if (at < 0) throw new Error('the glossary has no table whose first column is "English"');
  const header = cells(lines[at] ?? '');
  if (header.join('|') !== HEADER.join('|')) {
    throw new Error(`the glossary's columns are ${header.join(', ')}, not ${HEADER.join(', ')}`);
  }
  const terms: Term[] = [];
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    const row = cells(line);
    if (row.length !== HEADER.length)
      throw new Error(`a glossary row has ${row.length} cells: ${line}`);
    const [english = '', fr = '', es = '', ru = '', zh = '', ar = '', source = ''] = row;
    const forms = (cell: string) => cell.split(' / ').map((form) => form.trim());
    terms.push({
      english: forms(english),
      forms: { fr: forms(fr), es: forms(es), ru: forms(ru), zh: forms(zh), ar: forms(ar) },
      source,
    });
  }
  return terms;
};

export const readGlossary = (): Term[] => parseGlossary(readFileSync(GLOSSARY_FILE, 'utf8'));

/**
 * Text as the comparison sees it: what the glossary says it ignores (case, the apostrophe's
 * glyph, the kind of space, Russian ё, Arabic short vowels, tatweel and the hamza's seat on alif).
 */
export const normalize = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘ʼ′`]/g, "'")
    .replace(/\s+/gu, ' ')
    .replaceAll('ё', 'е')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Match {
  term: Term;
  start: number;
  end: number;
}

/**
 * The terms an English message (its words, not its placeholders) uses. A form found inside a
 * longer form of another term belongs to that term: "back to the floor" (the room's
 * participants) is not "the floor" (the right to speak).
 */
export const termsUsed = (english: string, terms: readonly Term[]): Term[] => {
  const words = normalize(shapeOf(english).text);
  const matches: Match[] = [];
  for (const term of terms) {
    for (const form of term.english) {
      const pattern = `(?<![\\p{L}\\p{N}])${escapeRegExp(normalize(form))}(?:s|es)?(?![\\p{L}\\p{N}])`;
      for (const found of words.matchAll(new RegExp(pattern, 'gu'))) {
        matches.push({ term, start: found.index, end: found.index + found[0].length });
      }
    }
  }
  const inLonger = (m: Match) =>
    matches.some(
      (other) =>
        other.term !== m.term &&
        other.start <= m.start &&
        other.end >= m.end &&
        other.end - other.start > m.end - m.start,
    );
  return terms.filter((term) => matches.some((m) => m.term === term && !inLonger(m)));
};

/** Whether an English message uses the term (among `terms`, whose longer forms win). */
export const usesTerm = (english: string, term: Term, terms: readonly Term[] = [term]): boolean =>
  termsUsed(english, terms).includes(term);

/** Whether a translation holds one of the language's forms of the term. */
export const translatesTerm = (translation: string, lang: GlossaryLang, term: Term): boolean => {
  const words = normalize(shapeOf(translation).text);
  return term.forms[lang].some((form) => words.includes(normalize(form)));
};

export interface Violation {
  id: string;
  lang: GlossaryLang;
  term: string;
  english: string;
  translation: string;
  expected: string[];
}

/**
 * Every message whose English uses a glossary term and whose translation (where there is one)
 * uses none of that language's forms. Missing translations are the catalogue test's to report.
 */
export const glossaryViolations = (
  terms: readonly Term[],
  english: Catalogue,
  translations: Partial<Record<GlossaryLang, Catalogue>>,
): Violation[] => {
  const found: Violation[] = [];
  for (const [id, message] of english) {
    for (const term of termsUsed(message, terms)) {
      for (const lang of GLOSSARY_LANGS) {
        const translation = translations[lang]?.get(id);
        if (!translation) continue;
        if (translatesTerm(translation, lang, term)) continue;
        found.push({
          id,
          lang,
          term: term.english[0] ?? '',
          english: message,
          translation,
          expected: term.forms[lang],
        });
      }
    }
  }
  return found;
};
