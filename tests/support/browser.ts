import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** The built screens the browser tests load, as the server serves them. */
export const CLIENT_DIR = resolve('dist/client');
export const ARTIFACTS_DIR = resolve('tests/e2e/artifacts');

const SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json'].map((p) => resolve(p));

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the screens with `npx vite build` when dist/client is missing or older than its sources.
 * Test files run in parallel workers: a lock directory makes one of them build while the others
 * wait for it.
 */
export const ensureClientBuilt = async (): Promise<string> => {
  if (isFresh()) return CLIENT_DIR;
  mkdirSync(resolve('dist'), { recursive: true });
  const lock = resolve('dist/.client-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker builds; a lock left by a killed run is taken over after two minutes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) {
        rmSync(lock, { recursive: true, force: true });
      }
      await sleep(250);
      if (isFresh()) return CLIENT_DIR;
    }
  }
  try {
    if (!isFresh()) {
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
        stdio: 'pipe',
        env: { ...process.env, NODE_ENV: 'production' },
      });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return CLIENT_DIR;
};

/** Debian's Chromium, never a downloaded browser. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

export interface Screen {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors (a CSP violation shows here), and any dialog opened. */
  problems: string[];
  /** Every script the page loaded, by path. */
  scripts: Set<string>;
}

/** A device of its own (its own localStorage), with a window of the given size. */
export const openScreen = async (
  browser: Browser,
  viewport: { width: number; height: number },
  options: { hasTouch?: boolean; isMobile?: boolean } = {},
): Promise<Screen> => {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.endsWith('.js')) scripts.add(pathname);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { context, page, problems, scripts };
};

/** What the page's scripts weigh gzipped, as the server's built files. */
export const gzippedScriptBytes = (screen: Screen): number =>
  [...screen.scripts].reduce(
    (sum, path) => sum + gzipSync(readFileSync(join(CLIENT_DIR, path))).length,
    0,
  );

export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
};

export interface StateValve {
  /**
   * From now on, `state` pushes wait, as if the page had not heard of a change yet. The next ack
   * the page receives lets them through first, in the order the server sent them, as it would.
   */
  hold: () => void;
  /** Delivers what waited and lets everything through again. */
  release: () => void;
}

/**
 * Puts a valve on a page's socket.io WebSocket, so a test can make a screen that has not yet
 * heard of a change (a co-chair pressing the same button a moment after the other). Call it
 * before the page opens its socket.
 */
export const stateValve = async (page: Page): Promise<StateValve> => {
  let holding = false;
  const held: (() => void)[] = [];
  const flush = () => {
    holding = false;
    for (const deliver of held.splice(0)) deliver();
  };
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      const text = typeof message === 'string' ? message : '';
      if (holding && text.startsWith('42["state"')) {
        held.push(() => ws.send(message));
        return;
      }
      // A command's ack (an object) lets them through; a clock sample's ack (a number) does not,
      // or a sync answered while holding would deliver the state before the command is sent.
      if (holding && /^43\d*\[\{/.test(text)) flush();
      ws.send(message);
    });
  });
  return {
    hold: () => {
      holding = true;
    },
    release: flush,
  };
};
