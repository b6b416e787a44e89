import { describe, expect, it } from 'vitest';
import { AREAS } from '../../../client/i18n/areas';
import { readAll } from '../../support/catalogues';
import {
  GLOSSARY_LANGS,
  glossaryViolations,
  normalize,
  parseGlossary,
  readGlossary,
  type Term,
  translatesTerm,
  usesTerm,
} from '../../support/glossary';

/**
 * The catalogues speak the UN's terms (docs/glossary.md): every English message that uses a term
 * of the glossary has, in each language, that language's term. Run after adding messages:
 * `npx vitest run tests/unit/i18n/glossary.test.ts` lists each message that strays.
 */

const terms = readGlossary();
const term = (english: string): Term => {
  const found = terms.find((t) => t.english.includes(english));
  if (!found) throw new Error(`the glossary has no "${english}"`);
  return found;
};

describe('the glossary (docs/glossary.md)', () => {
  it('gives every term in the six languages, with its source', () => {
    expect(terms.length).toBeGreaterThanOrEqual(20);
    for (const t of terms) {
      for (const form of t.english) expect(form, t.english[0]).toMatch(/\S/);
      for (const lang of GLOSSARY_LANGS) {
        expect(t.forms[lang].length, `${t.english[0]} ${lang}`).toBeGreaterThan(0);
        for (const form of t.forms[lang]) expect(form, `${t.english[0]} ${lang}`).toMatch(/\S/);
      }
      expect(t.source, t.english[0]).toMatch(/\S/);
    }
  });

  it('has the terms the issue names', () => {
    for (const english of [
      'Member State',
      'observer State',
      'list of speakers',
      'the floor',
      'point of order',
      'right of reply',
      'on behalf of',
      'interactive discussion',
      'co-facilitator',
      'moderator',
      'panelist',
      'time is up',
    ]) {
      expect(() => term(english), english).not.toThrow();
    }
  });

  it('names each English form once, so that a message is checked against one term for it', () => {
    const forms = terms.flatMap((t) => t.english.map(normalize));
    expect(forms.length).toBe(new Set(forms).size);
  });
});

describe('the check itself', () => {
  it('finds a term in English by its words, plural included, never in a placeholder', () => {
    expect(usesTerm('Ask for the floor', term('the floor'))).toBe(true);
    expect(usesTerm('{count} Member States waiting', term('Member State'))).toBe(true);
    expect(usesTerm('Open the console of {meeting}', term('meeting'))).toBe(false);
    expect(usesTerm('The floorboards', term('the floor'))).toBe(false);
  });

  it('gives a form inside a longer form of another term to that term', () => {
    expect(usesTerm('Back to the floor', term('the floor'), terms)).toBe(false);
    expect(usesTerm('Back to the floor', term('from the floor'), terms)).toBe(true);
    expect(usesTerm('Give the floor', term('the floor'), terms)).toBe(true);
  });

  it('accepts a listed form in any case, apostrophe or Arabic vocalisation', () => {
    expect(translatesTerm('Une Motion d’ordre', 'fr', term('point of order'))).toBe(true);
    expect(translatesTerm("une motion d'ordre", 'fr', term('point of order'))).toBe(true);
    expect(translatesTerm('الميسِّر المشارك', 'ar', term('co-facilitator'))).toBe(true);
    expect(translatesTerm('Список ораторов закрыт', 'ru', term('list of speakers'))).toBe(true);
  });

  it('reports a translation that strays from the term, and passes one that keeps it', () => {
    const english = new Map([
      ['tablet.ask', 'Ask for the floor'],
      ['tablet.reply', 'Right of reply'],
    ]);
    const violations = glossaryViolations(terms, english, {
      fr: new Map([
        ['tablet.ask', 'Demander le micro'],
        ['tablet.reply', 'Droit de réponse'],
      ]),
      es: new Map([
        ['tablet.ask', 'Pedir el uso de la palabra'],
        ['tablet.reply', 'Derecho a contestar'],
      ]),
      ru: new Map([['tablet.reply', 'Право ответа']]),
    });
    expect(violations.map((v) => [v.id, v.lang, v.term])).toEqual([
      ['tablet.ask', 'fr', 'the floor'],
      ['tablet.reply', 'ru', 'right of reply'],
    ]);
  });

  it('reads the table it is given, and refuses a page without it', () => {
    const page = [
      '| English | français | español | русский | 中文 | العربية | Source |',
      '|---|---|---|---|---|---|---|',
      '| the floor / give the floor | la parole | la palabra | слово / слова | 发言 | الكلمة | ROP |',
      '',
    ].join('\n');
    expect(parseGlossary(page)).toEqual([
      {
        english: ['the floor', 'give the floor'],
        forms: {
          fr: ['la parole'],
          es: ['la palabra'],
          ru: ['слово', 'слова'],
          zh: ['发言'],
          ar: ['الكلمة'],
        },
        source: 'ROP',
      },
    ]);
    expect(() => parseGlossary('# nothing here')).toThrow(/no table/);
  });
});

describe('the catalogues', () => {
  const all = readAll();

  it.each(AREAS)('%s: every message that uses a glossary term uses it in each language', (area) => {
    const violations = glossaryViolations(terms, all.en[area], {
      fr: all.fr[area],
      es: all.es[area],
      ru: all.ru[area],
      zh: all.zh[area],
      ar: all.ar[area],
    });
    expect(
      violations.map(
        (v) =>
          `${v.id} [${v.lang}] "${v.term}": "${v.translation}" has none of ${v.expected.join(' / ')}`,
      ),
    ).toEqual([]);
  });
});
