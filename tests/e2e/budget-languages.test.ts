import { describe, expect, it } from 'vitest';
import { LANGS } from '../../shared/protocol/enums';
import { catalogueChunks, type ScreenName, scriptsLoadedIn, weight } from '../support/bundles';

/**
 * The room's screens stay within 150 KB of gzipped script in every language (issue 15): the
 * screen's chunks and the catalogues of its language, and of no other. Read from the build the
 * e2e project makes (tests/support/clientBuild.ts); tests/e2e/panel.test.ts weighs what a real
 * browser loaded, in English.
 */
const BUDGET = 150 * 1024;
const ROOM: readonly ScreenName[] = [
  'DisplayScreen',
  'DelegateScreen',
  'PodiumScreen',
  'OverlayScreen',
];

describe('the gzipped script of the room screens, in each language', () => {
  for (const screen of ROOM) {
    it(`${screen}: at most 150 KB in each of the six languages`, () => {
      const sizes = Object.fromEntries(
        LANGS.map((lang) => [
          lang,
          [...scriptsLoadedIn(screen, lang)].map(weight).reduce((a, b) => a + b.gzip, 0),
        ]),
      );
      console.info(
        `${screen} gzipped script (KB):`,
        Object.fromEntries(Object.entries(sizes).map(([l, b]) => [l, Math.round(b / 1024)])),
      );
      for (const lang of LANGS) expect(sizes[lang], lang).toBeLessThanOrEqual(BUDGET);
    });
  }

  it('a screen fetches its own language only: the catalogues of two languages are apart', () => {
    for (const lang of LANGS) {
      const mine = new Set(catalogueChunks('DelegateScreen', lang));
      for (const other of LANGS.filter((l) => l !== lang)) {
        for (const chunk of catalogueChunks('DelegateScreen', other))
          expect(mine.has(chunk)).toBe(false);
      }
      for (const chunk of mine) expect(chunk.startsWith(`${lang}-`)).toBe(true);
    }
  });
});
