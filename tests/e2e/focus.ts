import type { Page } from 'playwright-core';

/**
 * The text of whatever has the keyboard on a page (its text content, white space folded), or
 * "BODY" when no control has it.
 */
export const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'BODY';
    return (active.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
