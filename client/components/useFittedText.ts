import { type RefObject, useLayoutEffect } from 'react';

/** Halvings of the interval between the smallest scale and 1: within half a percent. */
const STEPS = 8;

/**
 * Whether the box's lines do not fit it: a line below its bottom, or a word wider than its line.
 * Measured on the lines' boxes rather than the box's scroll height, which counts the glyphs'
 * ascent and descent beyond a tight line height even when every line fits.
 */
const overflows = (box: HTMLElement): boolean => {
  // A pixel of slack: sub-pixel rounding is not overflow.
  const bottom = box.getBoundingClientRect().bottom + 1;
  return Array.from(box.children).some(
    (line) =>
      line.getBoundingClientRect().bottom > bottom || line.scrollWidth > line.clientWidth + 1,
  );
};

/**
 * A delegation's name is shown whole: rather than cut it, or break it inside a word, its box
 * shrinks the text. The box's CSS sizes its text as `calc(<size> * var(--fit, 1))`, clips what
 * overflows (`overflow: hidden`) and lets lines break only between words; this sets `--fit` to the
 * largest scale, down to `smallest`, at which nothing overflows the box: no word wider than it,
 * no more lines than it holds. When even `smallest` overflows, the box gets `data-crowded`.
 * It fits again whenever the box changes size or `content` changes.
 */
export const useFittedText = (
  box: RefObject<HTMLElement | null>,
  smallest: number,
  content: unknown,
): void => {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `content` is what the box shows; when it changes, the fit is measured again
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const shrinkToFit = () => {
      const set = (scale: number) => element.style.setProperty('--fit', String(scale));
      delete element.dataset.crowded;
      set(1);
      if (!overflows(element)) return;
      let fits = smallest;
      let tooLarge = 1;
      for (let i = 0; i < STEPS; i++) {
        const middle = (fits + tooLarge) / 2;
        set(middle);
        if (overflows(element)) tooLarge = middle;
        else fits = middle;
      }
      set(fits);
      // Even the smallest size overflows: the box's CSS may now shorten what it allows to be
      // shortened (a speaker's personal name), never a delegation's name.
      if (overflows(element)) element.dataset.crowded = '';
    };
    shrinkToFit();
    const observer = new ResizeObserver(shrinkToFit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box, smallest, content]);
};
