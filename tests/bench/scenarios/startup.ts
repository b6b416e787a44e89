/**
 * Scenario 6, start and size: the time from starting the server as `npm start` does (client
 * already built: `tsx server/main.ts`, a fresh DATA_DIR, a free PORT) to `GET /api/health` 200,
 * median of 5; and the JavaScript each screen loads, gzipped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGE_AREAS, type Page as ScreenPage } from '../../../client/i18n/areas';
import { LANGS, type Lang } from '../../../shared/protocol/langs';
import { now, sleep } from '../lib/clock';
import { freePort } from '../lib/net';
import type { ScenarioResult, TargetCheck } from '../lib/report';
import { median, round } from '../stats';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const STARTS = 5;
const START_TIMEOUT_MS = 30_000;
const BUDGET_KB = 150;

/** Screens and the route that opens each. */
export const SCREENS: { route: string; screen: ScreenPage; keywords: string[] }[] = [
  { route: '/', screen: 'join', keywords: ['join', 'home', 'landing', 'start'] },
  { route: '/m/x/display', screen: 'display', keywords: ['display', 'room'] },
  { route: '/m/x/delegate', screen: 'delegate', keywords: ['delegate', 'delegation', 'tablet'] },
  { route: '/m/x/chair', screen: 'chair', keywords: ['chair'] },
  { route: '/m/x/moderator', screen: 'moderator', keywords: ['moderator'] },
];

/** 'ok', or what went wrong (kept for the report when a start never became healthy). */
const health = async (port: number): Promise<string> => {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, {
      signal: AbortSignal.timeout(2000),
    });
    const body = await res.text();
    return res.status === 200 ? 'ok' : `${res.status} ${body.slice(0, 100)}`;
  } catch (error) {
    return error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
  }
};

interface StartRun {
  healthyMs: number | null;
  listeningLineMs: number | null;
  /** The exit code after SIGTERM (the contract says 0), or the signal that ended it. */
  exit: string;
  error?: string;
}

/** One start on `dataDir`: spawn, poll health every 10 ms, then SIGTERM and wait for exit 0. */
const timeStart = async (dataDir: string): Promise<StartRun> => {
  const port = await freePort();
  const started = now();
  const child = spawn(TSX, ['server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_TOKEN: 'bench-admin-token-0123456789',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let listeningLineMs: number | null = null;
  let output = '';
  const onData = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
    if (listeningLineMs === null && output.includes('listening on http://')) {
      listeningLineMs = now() - started;
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<string>((r) =>
    child.on('exit', (code, signal) => r(code !== null ? String(code) : String(signal))),
  );
  let healthyMs: number | null = null;
  let exitedEarly = false;
  void exited.then(() => {
    exitedEarly = true;
  });
  let lastProbe = '';
  while (now() - started < START_TIMEOUT_MS && !exitedEarly) {
    lastProbe = await health(port);
    if (lastProbe === 'ok') {
      healthyMs = now() - started;
      break;
    }
    await sleep(10);
  }
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
  const exit = await exited;
  clearTimeout(killer);
  return {
    healthyMs,
    listeningLineMs,
    exit,
    ...(healthyMs === null && {
      error: `exit ${exit}; last probe: ${lastProbe}; output: ${output.slice(-600)}`,
    }),
  };
};

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface ScreenSize {
  route: string;
  screen: ScreenPage;
  lazyChunk: string | null;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  /**
   * With the catalogues the screen reads in each language (`common` and its own areas: each
   * language's catalogue is a chunk of its own, fetched when chosen), gzipped bytes.
   */
  gzipBytesIn: Record<Lang, number>;
}

/**
 * The client as built by Vite, with a manifest: dist/client when it has one (the project's
 * build), else a build of the same source with `--manifest` into a temp folder.
 */
const buildWithManifest = (): { dir: string; manifest: Manifest; how: string } | string => {
  if (!existsSync(join(ROOT, 'client/index.html')))
    return 'client not built (no client/index.html yet)';
  const dist = join(ROOT, 'dist/client');
  const own = join(dist, '.vite/manifest.json');
  if (existsSync(own)) {
    return {
      dir: dist,
      manifest: JSON.parse(readFileSync(own, 'utf8')) as Manifest,
      how: 'dist/client',
    };
  }
  const out = mkdtempSync(join(tmpdir(), 'rostrum-bench-client-'));
  const built = spawnSync(
    'npx',
    ['vite', 'build', '--manifest', '--outDir', out, '--emptyOutDir'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 180_000,
    },
  );
  const file = join(out, '.vite/manifest.json');
  if (built.status !== 0 || !existsSync(file)) {
    return `client build failed: ${(built.stderr || built.stdout || '').slice(-400)}`;
  }
  return {
    dir: out,
    manifest: JSON.parse(readFileSync(file, 'utf8')) as Manifest,
    how: 'the current client source built with `vite build --manifest` into a temp folder',
  };
};

const screenSizes = (dir: string, manifest: Manifest): ScreenSize[] => {
  const entries = Object.entries(manifest);
  const entry = entries.find(([, c]) => c.isEntry && c.file.endsWith('.js'));
  if (!entry) throw new Error('no entry chunk in the manifest');
  const closure = (key: string, into: Set<string>): void => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return;
    into.add(chunk.file);
    for (const i of chunk.imports ?? []) closure(i, into);
  };
  const lazy = entries.filter(([, c]) => c.isDynamicEntry);
  const sizeOf = (files: Set<string>): { raw: number; gz: number } => {
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      if (!f.endsWith('.js')) continue;
      const bytes = readFileSync(join(dir, f));
      raw += bytes.length;
      gz += gzipSync(bytes).length;
    }
    return { raw, gz };
  };
  /** The catalogue chunks, by `lang/area` (client/locales/<lang>/<area>.po). */
  const catalogues = new Map<string, string>();
  for (const [key, c] of lazy) {
    const found = /locales\/([a-z]+)\/([a-z]+)\.po$/.exec(c.src ?? key);
    if (found) catalogues.set(`${found[1]}/${found[2]}`, key);
  }
  return SCREENS.map(({ route, screen, keywords }) => {
    const files = new Set<string>();
    closure(entry[0], files);
    const match = lazy.find(([key, c]) => {
      const name = (c.src ?? key).split('/').pop()?.toLowerCase() ?? '';
      return keywords.some((k) => name.includes(k));
    });
    if (match) closure(match[0], files);
    const { raw, gz } = sizeOf(files);
    const gzipBytesIn = Object.fromEntries(
      LANGS.map((lang) => {
        const withCatalogues = new Set(files);
        for (const area of ['common', ...PAGE_AREAS[screen]]) {
          const key = catalogues.get(`${lang}/${area}`);
          if (!key) throw new Error(`no catalogue chunk for ${lang}/${area}`);
          closure(key, withCatalogues);
        }
        return [lang, sizeOf(withCatalogues).gz];
      }),
    ) as Record<Lang, number>;
    return {
      route,
      screen,
      lazyChunk: match ? (match[1].src ?? match[0]) : null,
      files: [...files],
      rawBytes: raw,
      gzipBytes: gz,
      gzipBytesIn,
    };
  });
};

export const runStartup = async (): Promise<ScenarioResult> => {
  const t0 = now();
  const notes: string[] = [];
  const targets: TargetCheck[] = [];
  const tables: ScenarioResult['tables'] = [];
  const data: Record<string, unknown> = {};

  // Sizes first: the start needs the built client.
  const build = buildWithManifest();
  if (typeof build === 'string') {
    notes.push(build);
    for (const s of ['display', 'delegate']) {
      targets.push({
        scenario: 'startup',
        target: `${s} screen JS <= ${BUDGET_KB} KB gzipped`,
        measured: build,
        met: null,
      });
    }
  } else {
    const sizes = screenSizes(build.dir, build.manifest);
    data.sizes = sizes;
    notes.push(`Sizes from ${build.how}; each file gzipped alone with zlib's default level (6).`);
    tables.push({
      title:
        'JavaScript each screen loads (entry + its static imports + the screen chunk and its static imports)',
      columns: ['route', 'screen chunk', 'files', 'raw KB', 'gzipped KB'],
      rows: sizes.map((s) => [
        s.route,
        s.lazyChunk ?? '(none: all in the entry)',
        s.files.length,
        round(s.rawBytes / 1024),
        round(s.gzipBytes / 1024),
      ]),
    });
    tables.push({
      title:
        'The same, with the catalogues each screen reads in each language (fetched when chosen), gzipped KB',
      columns: ['screen', ...LANGS],
      rows: sizes.map((s) => [s.screen, ...LANGS.map((l) => round(s.gzipBytesIn[l] / 1024))]),
    });
    for (const s of sizes.filter((x) => x.screen === 'display' || x.screen === 'delegate')) {
      // The budget holds in every language: the heaviest is the one measured.
      const [heaviest, bytes] = Object.entries(s.gzipBytesIn).sort(([, a], [, b]) => b - a)[0] ?? [
        'en',
        s.gzipBytes,
      ];
      targets.push({
        scenario: 'startup',
        target: `${s.screen} screen JS <= ${BUDGET_KB} KB gzipped, in each language`,
        measured: `${round(bytes / 1024)} KB in ${heaviest} (the heaviest; ${round(s.gzipBytes / 1024)} KB before its catalogues)`,
        met: bytes <= BUDGET_KB * 1024,
      });
    }
    if (build.dir !== join(ROOT, 'dist/client'))
      rmSync(build.dir, { recursive: true, force: true });
  }

  if (!existsSync(join(ROOT, 'server/main.ts'))) {
    notes.push('server not built (no server/main.ts yet)');
  } else {
    if (
      !existsSync(join(ROOT, 'dist/client/index.html')) &&
      existsSync(join(ROOT, 'client/index.html'))
    ) {
      spawnSync('npx', ['vite', 'build'], { cwd: ROOT, timeout: 180_000 });
    }
    const cold: StartRun[] = [];
    const warm: StartRun[] = [];
    for (let i = 0; i < STARTS; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'rostrum-bench-start-'));
      try {
        cold.push(await timeStart(dir)); // first start: creates the default meeting
        warm.push(await timeStart(dir)); // restart on the same DATA_DIR: restores it
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    data.starts = { cold, warm };
    const errors = [...cold, ...warm].filter((r) => r.error !== undefined);
    if (errors.length > 0) notes.push(`start errors: ${errors[0]?.error ?? ''}`);
    const med = (runs: StartRun[], key: 'healthyMs' | 'listeningLineMs'): number =>
      round(median(runs.map((r) => r[key]).filter((v): v is number => v !== null)));
    tables.push({
      title: `Start to healthy (median of ${STARTS}; tsx server/main.ts, client already built)`,
      columns: [
        'DATA_DIR',
        'to "listening on" ms',
        'to /api/health 200 ms',
        'all runs ms',
        'exit codes after SIGTERM',
      ],
      rows: [
        [
          'empty (first start)',
          med(cold, 'listeningLineMs'),
          med(cold, 'healthyMs'),
          cold.map((r) => round(r.healthyMs ?? Number.NaN)).join(', '),
          cold.map((r) => r.exit).join(', '),
        ],
        [
          'existing (restart)',
          med(warm, 'listeningLineMs'),
          med(warm, 'healthyMs'),
          warm.map((r) => round(r.healthyMs ?? Number.NaN)).join(', '),
          warm.map((r) => r.exit).join(', '),
        ],
      ],
    });
  }
  return {
    name: 'startup',
    title: '6. Start and size',
    seconds: (now() - t0) / 1000,
    tables,
    targets,
    notes,
    data,
  };
};
