import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGE_AREAS } from '../../client/i18n/areas';
import type { Lang } from '../../shared/protocol/enums';
import { CLIENT_DIR } from './clientBuild';

/**
 * The built client's script chunks and what each screen loads of them: the entry chunk every
 * page loads (the join page is in it), and a screen's lazy chunk with the chunks it imports
 * statically (Vite writes them as `from"./x.js"`). Read by tests/bench/screenBundles.ts and the
 * e2e test that keeps zod out of the room's screens.
 */
export const ASSETS_DIR = join(CLIENT_DIR, 'assets');

/** The screens, by the component whose lazy chunk each is. */
export const SCREENS = [
  'ChairScreen',
  'ModeratorScreen',
  'DisplayScreen',
  'DelegateScreen',
  'PodiumScreen',
  'OverlayScreen',
] as const;
export type ScreenName = (typeof SCREENS)[number];

export const scriptChunks = (): string[] =>
  readdirSync(ASSETS_DIR).filter((file) => file.endsWith('.js'));

export const chunkText = (chunk: string): string => readFileSync(join(ASSETS_DIR, chunk), 'utf8');

/** The chunks a chunk imports statically. */
const importsOf = (chunk: string): string[] =>
  [...chunkText(chunk).matchAll(/(?:from\s*|import\s*)"\.\/([^"]+\.js)"/g)].flatMap((m) =>
    m[1] ? [m[1]] : [],
  );

/** A chunk and every chunk it imports statically, and they import, and so on. */
export const closure = (chunk: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(chunk)) return seen;
  seen.add(chunk);
  for (const imported of importsOf(chunk)) closure(imported, seen);
  return seen;
};

/** The entry chunk, which every page loads. */
export const entryChunk = (): string => {
  const entry = scriptChunks().find((chunk) => chunk.startsWith('index-'));
  if (!entry) throw new Error('no entry chunk: build the client first (npx vite build)');
  return entry;
};

/** A screen's own lazy chunk. */
export const screenChunk = (screen: ScreenName): string => {
  const own = scriptChunks().find((chunk) => chunk.startsWith(`${screen}-`));
  if (!own) throw new Error(`no chunk for ${screen}`);
  return own;
};

/** Every chunk a page of the screen loads: the entry's and the screen's, with their imports. */
export const chunksLoadedBy = (screen: ScreenName | 'join'): Set<string> => {
  const loaded = closure(entryChunk());
  return screen === 'join' ? loaded : closure(screenChunk(screen), loaded);
};

/** The page each screen's chunk is (client/i18n/areas.ts names pages by role and route). */
const PAGE_OF: Record<ScreenName, keyof typeof PAGE_AREAS> = {
  ChairScreen: 'chair',
  ModeratorScreen: 'moderator',
  DisplayScreen: 'display',
  DelegateScreen: 'delegate',
  PodiumScreen: 'podium',
  OverlayScreen: 'overlay',
};

/**
 * The catalogue chunks a screen fetches in a language (`fr-common-<hash>.js`, `fr-tablet-…`):
 * `common` and the screen's own areas, each compiled to a chunk named by the build.
 */
export const catalogueChunks = (screen: ScreenName | 'join', lang: Lang): string[] => {
  const areas = ['common', ...PAGE_AREAS[screen === 'join' ? 'join' : PAGE_OF[screen]]];
  return areas.map((area) => {
    const chunk = scriptChunks().find((c) => c.startsWith(`${lang}-${area}-`));
    if (!chunk) throw new Error(`no catalogue chunk ${lang}-${area}`);
    return chunk;
  });
};

/** Every script a page of the screen loads in a language: its chunks and its catalogues. */
export const scriptsLoadedIn = (screen: ScreenName | 'join', lang: Lang): Set<string> =>
  new Set([...chunksLoadedBy(screen), ...catalogueChunks(screen, lang)]);

export const weight = (chunk: string): { raw: number; gzip: number } => {
  const bytes = readFileSync(join(ASSETS_DIR, chunk));
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
};

/**
 * A string that zod's code always holds, minified or not, classic or `zod/mini`: the name its
 * core gives every schema's class (`$constructor("$ZodType", ...)`), which no code of ours holds.
 * tests/e2e/zod-free-screens.test.ts builds zod as the screens are built and finds it there.
 */
export const ZOD_MARKER = '$ZodType';

/** Whether a script of the built client (a path under dist/client, `/assets/x.js`) holds zod. */
export const holdsZod = (path: string): boolean =>
  readFileSync(join(CLIENT_DIR, path), 'utf8').includes(ZOD_MARKER);
