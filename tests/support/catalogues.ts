import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatter } from '@lingui/format-po';
import { parse, type Token } from '@messageformat/parser';
import { AREAS, type Area } from '../../client/i18n/areas';
import { LANGS, type Lang } from '../../shared/protocol/langs';

/** The catalogues as written (client/locales/<lang>/<area>.po), read with Lingui's own reader. */
export const LOCALES_DIR = join(import.meta.dirname, '../../client/locales');
const po = formatter({ explicitIdAsDefault: true });

export type Catalogue = Map<string, string>;

export const readCatalogue = (lang: Lang, area: Area): Catalogue => {
  const text = readFileSync(join(LOCALES_DIR, lang, `${area}.po`), 'utf8');
  const parsed = po.parse(text, {
    locale: lang,
    sourceLocale: 'en',
    filename: `${area}.po`,
  }) as Record<string, { translation?: string }>;
  return new Map(Object.entries(parsed).map(([id, m]) => [id, m.translation ?? '']));
};

/** Every catalogue: `all[lang][area]`. */
export const readAll = (): Record<Lang, Record<Area, Catalogue>> =>
  Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      Object.fromEntries(AREAS.map((area) => [area, readCatalogue(lang, area)])),
    ]),
  ) as Record<Lang, Record<Area, Catalogue>>;

/** What an ICU message holds: its arguments, its plurals' keys, its plain text. */
export interface MessageShape {
  args: Set<string>;
  plurals: { arg: string; keys: string[] }[];
  text: string;
}

export const shapeOf = (message: string): MessageShape => {
  const shape: MessageShape = { args: new Set(), plurals: [], text: '' };
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'content':
          shape.text += token.value;
          break;
        case 'argument':
        case 'function':
          shape.args.add(token.arg);
          break;
        case 'plural':
        case 'select':
        case 'selectordinal':
          shape.args.add(token.arg);
          if (token.type === 'plural') {
            shape.plurals.push({ arg: token.arg, keys: token.cases.map((c) => c.key) });
          }
          for (const c of token.cases) walk(c.tokens);
          break;
        default:
          break;
      }
    }
  };
  walk(parse(message, { strictPluralKeys: false }));
  return shape;
};
