import { describe, expect, it } from 'vitest';
import { AREAS } from '../../../client/i18n/areas';
import { LANGS } from '../../../shared/protocol/langs';
import { readAll, shapeOf } from '../../support/catalogues';

/**
 * The catalogues (client/locales/<lang>/<area>.po): every language has every message, each
 * compiles as ICU with the same placeholders as the English, each plural has every form its
 * language needs (Arabic six, Russian three...), and nothing is left in English.
 */
const all = readAll();
const OTHERS = LANGS.filter((lang) => lang !== 'en');

/** The script each language is written in, when it is not Latin. */
const SCRIPT: Partial<Record<(typeof LANGS)[number], RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
};

/**
 * Messages that are the same in every language: a placeholder alone, a name, a symbol. Each is
 * listed here with its id so that a new one is a decision, not an accident.
 */
const SAME_EVERYWHERE = new Set<string>([
  // A group's name alone, as the option after "On behalf of" (Arabic needs no article).
  'consoles.behalf-group@ar',
  // The Shift key as keyboards in these languages print it.
  'consoles.key-shift-and@ru',
  'consoles.key-shift-and@zh',
  'consoles.key-shift-and@ar',
  // The SI symbols of the minute and the second, which French and Spanish write as English does.
  ...['minus-1-min', 'minus-30-s', 'plus-30-s', 'plus-1-min'].flatMap((button) => [
    `consoles.adjust-${button}@fr`,
    `consoles.adjust-${button}@es`,
  ]),
  // The report's "no" (the list was not closed while the request waited) is Spanish too.
  'report.no@es',
  // A group's name alone, where English puts "The" before it and these languages need no article.
  'tablet.behalf-group@ar',
  'tablet.behalf-group@zh',
  'tablet.behalf-group@ru',
]);
const sameAllowed = (id: string, lang: string) =>
  SAME_EVERYWHERE.has(id) || SAME_EVERYWHERE.has(`${id}@${lang}`);

describe('the catalogues', () => {
  it('have every area in every language, and English has messages', () => {
    for (const lang of LANGS) expect(Object.keys(all[lang]).sort()).toEqual([...AREAS].sort());
    expect(all.en.common.size).toBeGreaterThan(0);
  });

  for (const area of AREAS) {
    it(`${area}: every language has exactly the English ids, none empty`, () => {
      const ids = [...all.en[area].keys()].sort();
      for (const lang of OTHERS) {
        expect([...all[lang][area].keys()].sort(), `${lang}/${area}.po`).toEqual(ids);
      }
      for (const lang of LANGS) {
        const empty = [...all[lang][area]].filter(([, m]) => m.trim() === '').map(([id]) => id);
        expect(empty, `${lang}/${area}.po: empty`).toEqual([]);
      }
    });

    it(`${area}: the same placeholders as English, every plural form, no English left`, () => {
      for (const [id, english] of all.en[area]) {
        const source = shapeOf(english);
        for (const lang of OTHERS) {
          const message = all[lang][area].get(id) ?? '';
          const where = `${lang}/${area}.po ${id}`;
          const shape = shapeOf(message);
          expect([...shape.args].sort(), `${where}: placeholders`).toEqual([...source.args].sort());
          const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
          for (const plural of shape.plurals) {
            for (const category of needed) {
              expect(plural.keys, `${where}: plural {${plural.arg}} lacks "${category}"`).toContain(
                category,
              );
            }
          }
          if (/\p{L}/u.test(source.text) && !sameAllowed(id, lang)) {
            expect(message, `${where}: still the English`).not.toBe(english);
            const script = SCRIPT[lang];
            if (script) expect(script.test(shape.text), `${where}: not in its script`).toBe(true);
          }
        }
        // English's own plurals have "one" and "other".
        for (const plural of source.plurals)
          expect(plural.keys).toEqual(expect.arrayContaining(['one', 'other']));
      }
    });
  }
});
