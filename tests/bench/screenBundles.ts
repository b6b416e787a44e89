/**
 * `npx vite build && npx tsx tests/bench/screenBundles.ts`: what each screen of the room loads of
 * the built client beyond what every page loads (the entry chunk and its imports; the join page
 * is that alone), raw and gzipped, and which chunks. The consoles ask the statechart "may I press
 * this?", so xstate and shared/engine travel in a chunk of their own; the display must not load
 * it, and the tablet's total stays within the 150 KB budget of tests/e2e/panel.test.ts. The
 * podium and the overlay (the room display's code) are display-class screens: within the same
 * budget, without the engine. No screen of the room loads zod (tests/e2e/zod-free-screens.test.ts).
 */
import { LANGS } from '../../shared/protocol/enums';
import { chunksLoadedBy, SCREENS, scriptsLoadedIn, weight } from '../support/bundles';

const kb = (bytes: number) => (bytes / 1000).toFixed(2);
const sum = (chunks: string[]) =>
  chunks.map(weight).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), {
    raw: 0,
    gzip: 0,
  });
const named = (chunks: string[]) =>
  chunks.map((chunk) => chunk.replace(/-[\w-]{8}\.js$/, '')).join(', ');

const everyPage = [...chunksLoadedBy('join')];
const shared = sum(everyPage);
console.log(`| screen | beyond every page: raw kB | gzip kB | in all: gzip kB | chunks |`);
console.log(`|---|---|---|---|---|`);
console.log(`| join page | 0.00 | 0.00 | ${kb(shared.gzip)} | ${named(everyPage)} |`);
for (const screen of SCREENS) {
  const own = [...chunksLoadedBy(screen)].filter((chunk) => !everyPage.includes(chunk));
  const weights = sum(own);
  console.log(
    `| ${screen} | ${kb(weights.raw)} | ${kb(weights.gzip)} | ${kb(weights.gzip + shared.gzip)} | ${named(own)} |`,
  );
}
console.log(
  `\nEvery page (${named(everyPage)}): ${kb(shared.raw)} kB raw, ${kb(shared.gzip)} kB gzip.`,
);

// In each language: the page's scripts and the catalogues it fetches in that language only.
console.log(`\n| screen, gzip kB in all | ${LANGS.join(' | ')} |`);
console.log(`|---|${LANGS.map(() => '---').join('|')}|`);
for (const screen of ['join', ...SCREENS] as const) {
  const row = LANGS.map((lang) => kb(sum([...scriptsLoadedIn(screen, lang)]).gzip));
  console.log(`| ${screen === 'join' ? 'join page' : screen} | ${row.join(' | ')} |`);
}
