import type { Page } from 'playwright-core';

/**
 * WCAG 2.5.3, label in name: every button shown on the page is named with words that contain
 * the text it shows, so that a voice user can say what they see. Answers the buttons that fail,
 * as "shown text → accessible name". The accessible name is Playwright's own computation:
 * `getByRole('button', { name })` matches when the name contains the text, case-insensitively,
 * after whitespace folding.
 */
export const buttonsNamedOtherwise = async (page: Page): Promise<string[]> => {
  const shown = await page.evaluate(() => {
    for (const old of document.querySelectorAll('[data-label-check]')) {
      old.removeAttribute('data-label-check');
    }
    // Text in an element that is not drawn (display: none, visually hidden) is not "seen".
    const drawn = (element: Element, within: Element): boolean => {
      for (let e: Element | null = element; e && e !== within.parentElement; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden') return false;
        if (style.clip === 'rect(0px, 0px, 0px, 0px)') return false;
        const box = e.getBoundingClientRect();
        if (style.overflow === 'hidden' && box.width <= 1 && box.height <= 1) return false;
      }
      return true;
    };
    const seenText = (button: Element): string => {
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !drawn(parent, button)) continue;
        // Boxes of their own (a caption above its detail) read as separate words.
        const apart = getComputedStyle(parent).display === 'inline' ? '' : ' ';
        text += apart + (node.textContent ?? '') + apart;
      }
      return text.replace(/\s+/g, ' ').trim();
    };
    const buttons = [
      ...document.querySelectorAll(
        'button, [role="button"], input[type="submit"], input[type="button"]',
      ),
    ].filter((b) => b.checkVisibility());
    return buttons.map((button, i) => {
      button.setAttribute('data-label-check', String(i));
      return button instanceof HTMLInputElement ? button.value : seenText(button);
    });
  });
  const failing: string[] = [];
  for (const [i, text] of shown.entries()) {
    if (text === '') continue;
    const button = page.locator(`[data-label-check="${i}"]`);
    const named = page.getByRole('button', { name: text }).and(button);
    if ((await named.count()) !== 1) {
      failing.push(`${text} → ${(await button.getAttribute('aria-label')) ?? '(no aria-label)'}`);
    }
  }
  return failing;
};

/** How many buttons `buttonsNamedOtherwise` looked at last on this page: the audit saw something. */
export const buttonsChecked = (page: Page): Promise<number> =>
  page.locator('[data-label-check]').count();
