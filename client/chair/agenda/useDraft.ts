import { useState } from 'react';

/**
 * What a form holds while it is typed in: it starts from the saved value, and starts again when
 * the saved value changes (this chair's save came back, or the other co-chair saved). Changes to
 * anything else in the meeting leave it alone.
 */
export const useDraft = <T, D>(
  saved: T,
  draftOf: (saved: T) => D,
): [D, (next: (d: D) => D) => void] => {
  const key = JSON.stringify(saved);
  const [state, setState] = useState(() => ({ key, draft: draftOf(saved) }));
  let current = state;
  if (state.key !== key) {
    current = { key, draft: draftOf(saved) };
    setState(current);
  }
  const update = (next: (d: D) => D) => setState((s) => ({ ...s, draft: next(s.draft) }));
  return [current.draft, update];
};
