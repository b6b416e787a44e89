/**
 * `npx vite build && npx tsx tests/bench/screenBundles.ts`: what each screen of the room loads of
 * the built client beyond the entry chunk every page loads, raw and gzipped, and which chunks.
 * The consoles ask the statechart "may I press this?", so xstate and shared/engine travel in a
 * chunk of their own; the display must not load it, and the tablet's total stays within the
 * 150 KB budget of tests/e2e/panel.test.ts. The podium and the overlay (the room display's code)
 * are display-class screens: within the same budget, without the engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ASSETS = resolve(import.meta.dirname, '../../dist/client/assets');
const SCREENS = [
  'ChairScreen',
  'ModeratorScreen',
  'DisplayScreen',
  'DelegateScreen',
  'PodiumScreen',
  'OverlayScreen',
];

const chunks = readdirSync(ASSETS).filter((file) => file.endsWith('.js'));
const text = (chunk: string) => readFileSync(join(ASSETS, chunk), 'utf8');
/** The chunks a chunk imports statically (Vite writes them as `from"./x.js"`). */
const importsOf = (chunk: string): string[] =>
  [...text(chunk).matchAll(/(?:from\s*|import\s*)"\.\/([^"]+\.js)"/g)].flatMap((m) =>
    m[1] ? [m[1]] : [],
  );
const closure = (chunk: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(chunk)) return seen;
  seen.add(chunk);
  for (const imported of importsOf(chunk)) closure(imported, seen);
  return seen;
};
const weight = (chunk: string) => {
  const bytes = readFileSync(join(ASSETS, chunk));
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
};
const kb = (bytes: number) => (bytes / 1000).toFixed(2);

const entry = chunks.find((chunk) => chunk.startsWith('index-'));
if (!entry) throw new Error('no entry chunk: build the client first (npx vite build)');
const shared = weight(entry);
console.log(`| screen | beyond the entry: raw kB | gzip kB | with the entry: gzip kB | chunks |`);
console.log(`|---|---|---|---|---|`);
for (const screen of SCREENS) {
  const own = chunks.find((chunk) => chunk.startsWith(`${screen}-`));
  if (!own) throw new Error(`no chunk for ${screen}`);
  const loaded = [...closure(own)].filter((chunk) => chunk !== entry);
  const sum = loaded.map(weight).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));
  const names = loaded.map((chunk) => chunk.replace(/-[\w-]{8}\.js$/, '')).join(', ');
  console.log(
    `| ${screen} | ${kb(sum.raw)} | ${kb(sum.gzip)} | ${kb(sum.gzip + shared.gzip)} | ${names} |`,
  );
}
console.log(`\nEntry chunk (every page): ${kb(shared.raw)} kB raw, ${kb(shared.gzip)} kB gzip.`);
