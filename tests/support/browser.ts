import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CLIENT_DIR } from './clientBuild';

export { CLIENT_DIR };
export const ARTIFACTS_DIR = resolve('tests/e2e/artifacts');

/**
 * The built screens, as the e2e project's global set-up left them (./clientBuild.ts builds them
 * once, before any browser test). Fails, saying how to build them, if they are not there.
 */
export const ensureClientBuilt = (): string => {
  if (!existsSync(join(CLIENT_DIR, 'index.html'))) {
    throw new Error(
      `The screens are not built: ${join(CLIENT_DIR, 'index.html')} is missing. The e2e project's ` +
        'global set-up builds them (tests/support/clientBuild.ts): run the browser tests with ' +
        '`npx vitest run tests/e2e/...`, or build them with `npm run build:client`.',
    );
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

/**
 * What axe-core finds of impact serious or critical on the page (or inside `include`, a CSS
 * selector), one line each, with where: an empty answer is a page with none.
 */
export const seriousViolations = async (page: Page, include?: string): Promise<string[]> => {
  const axe = new AxeBuilder({ page });
  const results = await (include === undefined ? axe : axe.include(include)).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};
