import { resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { ensureClientBuilt } from '../support/browser';
import { chunksLoadedBy, chunkText, type ScreenName, ZOD_MARKER } from '../support/bundles';

const REPO = resolve(import.meta.dirname, '../..');

/**
 * The room's screens load no zod (issue 15: the six languages' catalogues and their runtime fit
 * in the tablet's and the display's 150 KB because zod, about 95 KB of minified code, is out).
 * The screens read the contract's facts from modules without zod (shared/protocol/enums.ts,
 * names.ts, refusals.ts, routes.ts, stepDefaults.ts, state.ts) and its types through
 * `import type`; a value imported from a schema module would bring all of zod back, since
 * schemas built at a module's top level cannot be shaken out. This test reads the build the e2e
 * set-up made, chunk by chunk, as a page loads them (tests/support/bundles.ts).
 */

/** What `source`, a module at this repository's root, becomes, built and minified as the screens are. */
const built = async (source: string): Promise<string> => {
  const id = '\0zod-probe';
  const probe: Plugin = {
    name: 'zod-probe',
    resolveId: (name) => (name === 'zod-probe' ? id : undefined),
    load: (name) => (name === id ? source : undefined),
  };
  const result = await build({
    configFile: false,
    root: REPO,
    logLevel: 'silent',
    plugins: [probe],
    build: { write: false, rolldownOptions: { input: 'zod-probe' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs
    .flatMap((o) => o.output)
    .map((file) => (file.type === 'chunk' ? file.code : ''))
    .join('\n');
};

const ROOM_SCREENS: (ScreenName | 'join')[] = [
  'join',
  'DisplayScreen',
  'PodiumScreen',
  'OverlayScreen',
  'DelegateScreen',
];

describe("the room's screens, as built", () => {
  it('find zod by its marker wherever a bundle holds it, classic or mini', async () => {
    // Each probe uses what it builds (an app's entry keeps no exports: an unused schema would be
    // shaken out), and the marker is no string of ours (the third has none).
    const classic = await built(`import { z } from 'zod'; console.log(z.string().safeParse(1));`);
    const mini = await built(
      `import * as z from 'zod/mini'; console.log(z.string().safeParse(1));`,
    );
    const none = await built(`console.log(String(globalThis.name).trim());`);
    expect(classic).toContain(ZOD_MARKER);
    expect(mini).toContain(ZOD_MARKER);
    expect(none).not.toContain(ZOD_MARKER);
  });

  it.each(ROOM_SCREENS)('%s loads no zod', (screen) => {
    ensureClientBuilt();
    const loaded = [...chunksLoadedBy(screen)];
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((chunk) => chunkText(chunk).includes(ZOD_MARKER))).toEqual([]);
  });
});
