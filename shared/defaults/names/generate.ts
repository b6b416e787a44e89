import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISO_CODES } from './codes';
import { CORRECTIONS, type CorrectionSource, type OtherLang } from './corrections';

/**
 * Writes ../rosterNames.ts: the default roster's States in the five other languages of the UN,
 * from CLDR's territory names (the npm package cldr-localenames-full, pinned in package.json)
 * keyed by ./codes.ts, corrected by ./corrections.ts where the UN's short name differs.
 *
 *   npx tsx shared/defaults/names/generate.ts
 *
 * Run it after changing codes.ts or corrections.ts, or after moving the CLDR package to another
 * version (then read what changed in rosterNames.ts: a new CLDR may name a State the way the UN
 * does, and the correction it makes useless stops the generator until it is removed).
 * tests/unit/defaults/rosterNames.test.ts re-runs it and compares with the committed file.
 */

const OTHER_LANGS: readonly OtherLang[] = ['ar', 'zh', 'fr', 'ru', 'es'];

export const OUTPUT = fileURLToPath(new URL('../rosterNames.ts', import.meta.url));

const require = createRequire(import.meta.url);

const cldrVersion = (): string =>
  (
    JSON.parse(readFileSync(require.resolve('cldr-localenames-full/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/** CLDR's territory names in one language, by ISO 3166 code (and M49 region code). */
const territories = (lang: OtherLang): Record<string, string> => {
  // CLDR's "zh" is Chinese in simplified characters, the script of the UN's Chinese.
  const file = require.resolve(`cldr-localenames-full/main/${lang}/territories.json`);
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    main: Record<string, { localeDisplayNames: { territories: Record<string, string> } }>;
  };
  const names = json.main[lang]?.localeDisplayNames.territories;
  if (!names) throw new Error(`CLDR has no territory names for "${lang}" in ${file}`);
  return names;
};

/** The apostrophe's glyph aside, two spellings of one name are the same name. */
const sameName = (a: string, b: string) => a.replaceAll('’', "'") === b.replaceAll('’', "'");

/**
 * Each State's five names: CLDR's, then the corrections. Throws on anything inconsistent. The
 * tables are parameters so that a test can hand it wrong ones.
 */
export const stateNames = (
  codes: Readonly<Record<string, string>> = ISO_CODES,
  sources: readonly CorrectionSource[] = CORRECTIONS,
): Map<string, Record<OtherLang, string>> => {
  const cldr = Object.fromEntries(OTHER_LANGS.map((lang) => [lang, territories(lang)])) as Record<
    OtherLang,
    Record<string, string>
  >;
  const names = new Map<string, Record<OtherLang, string>>();
  for (const [id, code] of Object.entries(codes)) {
    const entry = {} as Record<OtherLang, string>;
    for (const lang of OTHER_LANGS) {
      const name = cldr[lang][code];
      if (!name) throw new Error(`CLDR has no ${lang} name for ${code} (${id})`);
      entry[lang] = name;
    }
    names.set(id, entry);
  }
  const corrected = new Map<string, string>();
  for (const { source, names: corrections } of sources) {
    for (const [id, correction] of Object.entries(corrections)) {
      const entry = names.get(id);
      if (!entry) throw new Error(`${source}: "${id}" is not a State of ./codes.ts`);
      for (const lang of OTHER_LANGS) {
        const name = correction[lang];
        if (name === undefined) continue;
        const key = `${id} ${lang}`;
        const earlier = corrected.get(key);
        if (earlier) throw new Error(`${key} is corrected by both ${earlier} and ${source}`);
        if (sameName(name, entry[lang])) {
          throw new Error(`${source}: ${key} "${name}" is CLDR's name already: remove it`);
        }
        corrected.set(key, source);
        entry[lang] = name;
      }
    }
  }
  return names;
};

/** A string literal as Biome writes it: single quotes unless the text holds one. */
const literal = (text: string) =>
  text.includes("'") && !text.includes('"')
    ? `"${text.replaceAll('\\', '\\\\')}"`
    : `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

const key = (id: string) => (/^[A-Za-z_$][\w$]*$/.test(id) ? id : literal(id));

/** The text of ../rosterNames.ts, formatted as Biome formats it. */
export const renderRosterNames = (): string => {
  const lines = [
    '// Written by shared/defaults/names/generate.ts (npx tsx shared/defaults/names/generate.ts):',
    '// do not edit by hand; change ./names/codes.ts or ./names/corrections.ts and run it again.',
    "import type { Names } from '../protocol/agenda';",
    '',
    '/**',
    ' * The names of the States of the default roster (./roster.ts) in Arabic, Chinese, French,',
    ` * Russian and Spanish: the territory names of CLDR ${cldrVersion()}, corrected to the short names`,
    ' * of the United Nations where they differ (./names/corrections.ts says from which UN sources).',
    ' */',
    'export const STATE_NAMES: Readonly<Record<string, Required<Names>>> = {',
  ];
  for (const [id, names] of stateNames()) {
    lines.push(`  ${key(id)}: {`);
    for (const lang of OTHER_LANGS) lines.push(`    ${lang}: ${literal(names[lang])},`);
    lines.push('  },');
  }
  lines.push('};', '');
  return lines.join('\n');
};

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  writeFileSync(OUTPUT, renderRosterNames());
  console.log(`wrote ${OUTPUT}`);
}
