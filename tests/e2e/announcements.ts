import type { Page } from 'playwright-core';

interface Listening {
  rostrumAnnounced: string[];
}

/**
 * Starts hearing what a screen tells screen readers of its own accord: every change of its
 * announcer region's text, as a screen reader would hear it, in order. A region that chattered
 * (each second of a clock) would show here as many entries.
 */
export const listenToAnnouncements = async (page: Page): Promise<void> => {
  await page.locator('[data-announcer]').waitFor({ state: 'attached' });
  await page.evaluate(() => {
    const region = document.querySelector('[data-announcer]');
    if (!region) throw new Error('no announcer region');
    const heard: string[] = [];
    (window as unknown as Listening).rostrumAnnounced = heard;
    let last = region.textContent ?? '';
    new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text !== last && text.trim() !== '') heard.push(text.trim());
      last = text;
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
};

/** What the screen announced since `listenToAnnouncements`. */
export const announced = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...((window as unknown as Listening).rostrumAnnounced ?? [])]);
