import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * How many of a list's first items lie wholly inside it. The list takes the height its column
 * leaves it and clips the rest, so the room sees as many whole names as the projector holds,
 * whatever its size and however long the names; measured again whenever the list changes size
 * (a notice above it, a window resized) or `content` changes.
 */
export const useItemsThatFit = (
  list: RefObject<HTMLElement | null>,
  content: unknown,
): number | null => {
  const [count, setCount] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `content` is what the list shows; when it changes, what fits is measured again
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const measure = () => {
      const bottom = element.getBoundingClientRect().bottom;
      let fitting = 0;
      for (const item of Array.from(element.children)) {
        // Half a pixel of slack: sub-pixel rounding is not overflow.
        if (item.getBoundingClientRect().bottom > bottom + 0.5) break;
        fitting++;
      }
      setCount(fitting);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [list, content]);
  return count;
};
