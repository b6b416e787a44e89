import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

/** The built screens the browser tests load, as the server serves them. */
export const CLIENT_DIR = join(REPO, 'dist/client');

const SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json'].map((p) =>
  join(REPO, p),
);

const newestChange = (path: string): number => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
};

const isFresh = (): boolean => {
  const index = join(CLIENT_DIR, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((source) => !existsSync(source) || newestChange(source) <= built);
};

/**
 * The e2e project's global set-up (vite.config.ts): before any browser test starts, builds the
 * screens with `npx vite build` when dist/client is missing or older than its sources. It runs
 * once per run of vitest, in vitest's own process; the test files only read the build
 * (`ensureClientBuilt` in ./browser.ts). A lock directory keeps two runs in this worktree from
 * building over each other.
 */
export default async function setup(): Promise<void> {
  if (isFresh()) return;
  mkdirSync(join(REPO, 'dist'), { recursive: true });
  const lock = join(REPO, 'dist/.client-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another run builds; a lock left by a killed run is taken over after two minutes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) {
        rmSync(lock, { recursive: true, force: true });
      }
      // A poll on real time: the other build is another process.
      await new Promise((r) => setTimeout(r, 250));
      if (isFresh()) return;
    }
  }
  try {
    if (!isFresh()) {
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
        cwd: REPO,
        stdio: 'pipe',
        env: { ...process.env, NODE_ENV: 'production' },
      });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
