import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS } from '../../../client/i18n/areas';
import { readCatalogue } from '../../support/catalogues';

/**
 * The catalogues and the code agree on the ids: every id the code names (`t('tablet.ask')`,
 * `{ id: 'chair.on-time' }`, `<Trans id="…">`, the engine's refusal reasons) is a message, and every
 * message is named somewhere in the code, so no translator works on words no screen shows. Ids are
 * always written whole in the code (never put together from pieces), which is what makes both
 * directions checkable.
 */
const ROOT = join(import.meta.dirname, '../../..');
const SOURCES = ['client', 'shared', 'server'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });

const messages = new Map(
  AREAS.flatMap((area) => [...readCatalogue('en', area).keys()].map((id) => [id, area] as const)),
);
const prefixes = [...new Set([...messages.keys()].map((id) => id.split('.')[0]))];
/** A string literal that has a message id's shape: `'room.next-speakers'`. */
const ID_LITERAL = new RegExp(`(['"\`])((?:${prefixes.join('|')})\\.[a-z][a-z0-9-]*)\\1`, 'g');

const named = new Map<string, string[]>();
for (const file of SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
  // What the code says, not what its comments give as examples.
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  for (const match of text.matchAll(ID_LITERAL)) {
    const id = match[2] ?? '';
    named.set(id, [...(named.get(id) ?? []), relative(ROOT, file)]);
  }
}

describe('message ids', () => {
  it('finds the ids the code names', () => {
    expect(prefixes.length).toBeGreaterThan(5);
    expect(named.size).toBeGreaterThan(messages.size / 2);
  });

  it('every id the code names is a message of the English catalogues', () => {
    const missing = [...named]
      .filter(([id]) => !messages.has(id))
      .map(([id, files]) => `${id} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('every message is named by the code', () => {
    const unused = [...messages]
      .filter(([id]) => !named.has(id))
      .map(([id, area]) => `${area}.po ${id}`);
    expect(unused).toEqual([]);
  });
});
