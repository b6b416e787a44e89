import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS_DIR,
  gzippedScriptBytes,
  launchBrowser,
  openScreen,
  type Screen,
} from '../support/browser';
import { countPixels, type PixelBox, scratchPage } from './pixels';
import { openPanelDiscussion, type PanelDiscussion } from './room';

/**
 * The address a production team pastes into the mixer: the room display's code, a red accent,
 * a half-transparent black box, its own size, place, font and corners, the clock; and two values
 * that are not what they claim to be (a colour that tries to close the rule and hide the page, a
 * width that tries to load a file), which must be left out.
 */
const STYLED_QUERY: Record<string, string> = {
  accent: '#ff0000',
  background: 'rgba(0, 0, 0, 0.5)',
  size: '40px',
  left: '30px',
  bottom: '20px',
  font: 'serif',
  radius: '0',
  clock: '1',
  ink: 'red;}body{display:none',
  width: 'url(https://example.org/x.png)',
};

/** What OBS runs when the page has loaded, with the source's "Custom CSS" (obs-browser). */
const obsCustomCss = (page: Page, css: string) =>
  page.evaluate((text) => {
    const obsCSS = document.createElement('style');
    obsCSS.appendChild(document.createTextNode(text));
    document.querySelector('head')?.appendChild(obsCSS);
  }, css);

/** A screenshot without the browser's white canvas: what the mixer composites. */
const shootSeeThrough = async (page: Page, name: string): Promise<Buffer> => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), omitBackground: true });
};

/** The lower third's box in whole pixels, a pixel wider each way for its anti-aliased edges. */
const thirdBox = async (page: Page): Promise<PixelBox> => {
  const box = await page.locator('.overlay-third').boundingBox();
  if (!box) throw new Error('no lower third');
  const x = Math.floor(box.x) - 1;
  const y = Math.floor(box.y) - 1;
  return {
    x,
    y,
    width: Math.ceil(box.x + box.width) + 1 - x,
    height: Math.ceil(box.y + box.height) + 1 - y,
  };
};

/** Every transition and animation of the page has finished: the picture is what stays. */
const settled = (page: Page) =>
  expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBe(0);

const styleOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      accent: style.borderLeftColor,
      background: style.backgroundColor,
      color: style.color,
      fontSize: style.fontSize,
      fontFamily: style.fontFamily,
      radius: style.borderTopLeftRadius,
      maxWidth: style.maxWidth,
    };
  });

describe('the overlay in a webcast mixer', () => {
  /** The panel's interactive discussion, nobody on the floor yet. */
  let room: PanelDiscussion;
  let browser: Browser;
  let scratch: Page;
  let plain: Screen;
  let styled: Screen;
  let styledAddress: string;
  const warnings: string[] = [];

  beforeAll(async () => {
    room = await openPanelDiscussion();
    browser = await launchBrowser();
    scratch = await scratchPage(browser);
    plain = await openScreen(browser, { width: 1920, height: 1080 });
    styled = await openScreen(browser, { width: 1280, height: 720 });
    styled.page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    styledAddress = room.address('overlay', STYLED_QUERY);
  });

  afterAll(async () => {
    await browser?.close();
    await room?.close();
  });

  it('is a transparent page, with nothing on it while nobody has the floor', async () => {
    const answers = [
      await plain.page.goto(room.address('overlay')),
      await styled.page.goto(styledAddress),
    ];
    for (const answer of answers) {
      const policy = answer?.headers()['content-security-policy'] ?? '';
      // The team's stylesheet may be inline; scripts are still this server's only.
      expect(policy).toContain("style-src 'self' 'unsafe-inline'");
      expect(policy).toContain("script-src 'self';");
      expect(policy).toContain("frame-ancestors 'none'");
    }
    // Every other page keeps the strict policy.
    const display = await fetch(`${room.server.url}/m/${room.meetingId}/display`);
    expect(display.headers.get('content-security-policy')).toContain("style-src 'self';");

    for (const [name, { page }] of [
      ['plain', plain],
      ['styled', styled],
    ] as const) {
      await page.locator('.overlay').waitFor({ state: 'attached' });
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      // The code leaves the address bar, the styles stay in it.
      const address = new URL(page.url());
      expect(address.pathname).toBe(`/m/${room.meetingId}/overlay`);
      expect(address.searchParams.has('code')).toBe(false);
      if (name === 'styled') expect(address.searchParams.get('accent')).toBe('#ff0000');
      const backgrounds = await page.evaluate(() => ({
        seeThrough: document.documentElement.hasAttribute('data-see-through'),
        html: getComputedStyle(document.documentElement).backgroundColor,
        body: getComputedStyle(document.body).backgroundColor,
      }));
      expect(backgrounds).toEqual({
        seeThrough: true,
        html: 'rgba(0, 0, 0, 0)',
        body: 'rgba(0, 0, 0, 0)',
      });
      const counts = await countPixels(
        scratch,
        await shootSeeThrough(page, `overlay-${name}-empty`),
      );
      expect(counts.visible, name).toBe(0);
      expect(await page.locator('.overlay').getAttribute('aria-hidden')).toBe('true');
    }
  });

  it('shows Egypt for the African Group in a lower third, and nothing around it', async () => {
    await room.send({ type: 'floor.add', delegationId: 'egypt', onBehalfOf: 'african-group' });
    await room.send({ type: 'floor.next' });
    const { page } = plain;
    await page.locator('.overlay.is-on .overlay-name', { hasText: 'Egypt' }).waitFor();
    await settled(page);
    expect(await page.locator('.overlay-behalf').textContent()).toBe(
      'on behalf of the African Group',
    );
    expect(await page.locator('.overlay-detail, .overlay-kind, .clock').count()).toBe(0);
    const box = await thirdBox(page);
    const counts = await countPixels(
      scratch,
      await shootSeeThrough(page, 'overlay-plain-egypt'),
      box,
    );
    expect(counts.visible).toBeGreaterThan(1000);
    expect(counts.visibleOutside).toBe(0);
    // In the lower fifth of the picture, on the left.
    expect(box.y).toBeGreaterThan(1080 * 0.7);
    expect(box.x).toBeLessThan(1920 * 0.1);
    expect(await page.locator('.overlay').getAttribute('aria-hidden')).toBeNull();
  });

  it('takes its styles from the address, each checked, and shows the clock with clock=1', async () => {
    const { page } = styled;
    await page.locator('.overlay.is-on .overlay-name', { hasText: 'Egypt' }).waitFor();
    await settled(page);
    expect(await styleOf(page, '.overlay-third')).toMatchObject({
      accent: 'rgb(255, 0, 0)',
      background: 'rgba(0, 0, 0, 0.5)',
      fontSize: '40px',
      fontFamily: 'serif',
      radius: '0px',
      // The two values left out: the lower third keeps its own ink and width.
      color: 'rgb(255, 255, 255)',
      maxWidth: `${0.64 * 1280}px`,
    });
    const box = await page.locator('.overlay-third').boundingBox();
    expect(box?.x).toBe(30);
    expect(box && 720 - (box.y + box.height)).toBeCloseTo(20, 1);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('block');
    expect(warnings.join('\n')).toContain('left out ink=red;}body{display:none');
    expect(warnings.join('\n')).toContain('width=url(https://example.org/x.png)');

    const digits = await page.locator('.clock-overlay .clock-time').textContent();
    expect(digits).toMatch(/^\d:\d\d$/);
    const counts = await countPixels(
      scratch,
      await shootSeeThrough(page, 'overlay-styled-egypt-clock'),
      await thirdBox(page),
    );
    expect(counts.visibleOutside).toBe(0);
  });

  it("takes a production team's own stylesheet, as OBS adds its Custom CSS", async () => {
    const css = ':root { --overlay-accent: #00ff00; --overlay-size: 50px; }';
    await obsCustomCss(plain.page, css);
    await expect
      .poll(() => styleOf(plain.page, '.overlay-third'))
      .toMatchObject({ accent: 'rgb(0, 255, 0)', fontSize: '50px' });
    // The address's parameters win over the stylesheet's rules.
    await obsCustomCss(styled.page, css);
    expect(await styleOf(styled.page, '.overlay-third')).toMatchObject({
      accent: 'rgb(255, 0, 0)',
      fontSize: '40px',
    });
    await settled(plain.page);
    const counts = await countPixels(
      scratch,
      await shootSeeThrough(plain.page, 'overlay-plain-custom-css'),
      await thirdBox(plain.page),
    );
    expect(counts.visibleOutside).toBe(0);
  });

  it('names a point of order and the person who raises it, with their delegation', async () => {
    await room.send({
      type: 'floor.add',
      delegationId: 'kenya',
      kind: 'point-of-order',
      speakerName: 'Wanjiku Otieno',
    });
    await room.send({ type: 'floor.next' });
    for (const [name, { page }] of [
      ['plain', plain],
      ['styled', styled],
    ] as const) {
      await page.locator('.overlay-name', { hasText: 'Wanjiku Otieno' }).waitFor();
      await settled(page);
      expect(await page.locator('.overlay-kind').textContent()).toBe('Point of order');
      expect(await page.locator('.overlay-detail').textContent()).toBe('Kenya');
      expect(await page.locator('.overlay-behalf').count()).toBe(0);
      const counts = await countPixels(
        scratch,
        await shootSeeThrough(page, `overlay-${name}-point-of-order`),
        await thirdBox(page),
      );
      expect(counts.visibleOutside, name).toBe(0);
    }
  });

  it("follows the display's language, not its blackout: the webcast is not the room", async () => {
    await room.send({ type: 'display.configure', lang: 'es', blackout: true });
    const { page } = plain;
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.locator('.overlay.is-on .overlay-name').textContent()).toBe('Wanjiku Otieno');
    await room.send({ type: 'display.configure', lang: 'en', blackout: false });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('fades out when the floor is free, then shows nothing at all', async () => {
    const { page } = plain;
    // Watch the class change: the fade is a transition of the overlay's opacity.
    await page.evaluate(() => {
      const overlay = document.querySelector('.overlay');
      if (!overlay) throw new Error('no overlay');
      const seen: string[] = [];
      (window as unknown as { fades: string[] }).fades = seen;
      new MutationObserver(() => {
        for (const animation of document.getAnimations()) {
          if (animation instanceof CSSTransition) {
            seen.push(`${animation.transitionProperty} ${animation.effect?.getTiming().duration}`);
          }
        }
      }).observe(overlay, { attributes: true, attributeFilter: ['class'] });
    });
    // The point of order ends: Egypt has the floor again (a lower third of its own); then Egypt
    // ends too.
    await room.send({ type: 'turn.end' });
    await page.locator('.overlay.is-on .overlay-name', { hasText: 'Egypt' }).waitFor();
    await room.send({ type: 'turn.end' });
    await page.locator('.overlay:not(.is-on)').waitFor({ state: 'attached' });
    await settled(page);
    expect(await page.evaluate(() => (window as unknown as { fades: string[] }).fades)).toContain(
      'opacity 300',
    );
    for (const [name, screen] of [
      ['plain', plain],
      ['styled', styled],
    ] as const) {
      await screen.page.locator('.overlay:not(.is-on)').waitFor({ state: 'attached' });
      await settled(screen.page);
      const counts = await countPixels(
        scratch,
        await shootSeeThrough(screen.page, `overlay-${name}-gone`),
      );
      expect(counts.visible, name).toBe(0);
    }
    // The words it faded out with are let go once the fade is over.
    await expect.poll(() => page.locator('.overlay-third').count(), { timeout: 8000 }).toBe(0);
  });

  it('comes in without rising when less motion is asked for', async () => {
    const { page } = plain;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await room.send({ type: 'floor.add', delegationId: 'brazil' });
    await room.send({ type: 'floor.next' });
    await page.locator('.overlay.is-on .overlay-name', { hasText: 'Brazil' }).waitFor();
    expect(
      await page
        .locator('.overlay-third')
        .evaluate((third) => getComputedStyle(third).animationName),
    ).toBe('none');
    await page.emulateMedia({ reducedMotion: null });
  });

  it('keeps its token through the reloads a mixer makes of the same address', async () => {
    const joins: string[] = [];
    styled.page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/join')) joins.push(request.url());
    });
    await styled.page.goto(styledAddress);
    await styled.page.locator('.overlay.is-on .overlay-name', { hasText: 'Brazil' }).waitFor();
    await styled.page.reload();
    await styled.page.locator('.overlay.is-on .overlay-name', { hasText: 'Brazil' }).waitFor();
    expect(joins).toEqual([]);
    expect(await styled.page.title()).toBe(
      'Overlay · Informal thematic session on migration · Rostrum',
    );
  });

  it('loads a display-class share of script, and nothing the policy refuses', () => {
    for (const screen of [plain, styled]) {
      const kb = Math.round(gzippedScriptBytes(screen) / 1024);
      console.info('overlay: gzipped script (KB):', kb);
      expect(kb).toBeLessThanOrEqual(150);
      expect([...screen.scripts].some((path) => path.includes('/console-'))).toBe(false);
      expect(screen.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
    }
  });
});
