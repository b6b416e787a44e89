import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ServerClock } from './serverClock';

/**
 * Something a screen shows from the server's time that changes only at instants it can compute:
 * a turn's digits and phase, the time of day.
 */
export interface Timed<K, T> {
  /** What is shown for `key` at the server instant `serverNow`. */
  valueAt: (key: K, serverNow: number) => T;
  /**
   * The instant of this device's clock at which the value next changes, for a device whose clock
   * is `offsetMs` behind the server's; null when it will not change (a paused clock).
   */
  nextRedrawAt: (key: K, offsetMs: number, localNow: number) => number | null;
  same: (a: T, b: T) => boolean;
}

/**
 * How long to set a timer for, to wake at `at` or just after. `Date.now()` counts whole
 * milliseconds (the true instant is up to 1 ms past it) and a timer never fires before its delay,
 * so the delay is rounded up: a redraw rarely wakes before its instant and has to sleep again.
 */
export const delayUntil = (at: number, localNow: number): number =>
  Math.max(0, Math.ceil(at - localNow));

/**
 * A value of the server's time, redrawn only when it changes: one timer, set for the instant of
 * the next change (on the server's time axis, brought to this device's clock with the offset of
 * the moment), and none when nothing will change. A new `key` (a new state of the turn), a new
 * offset estimate or the page coming back into view recomputes the value and sets the timer
 * anew. React renders only when the value differs from the one shown.
 *
 * `timed` must be a constant (made once, outside the component).
 */
export const useTimedValue = <K, T>(clock: ServerClock, key: K, timed: Timed<K, T>): T => {
  const [state, setState] = useState(() => ({ key, value: timed.valueAt(key, clock.now()) }));
  let current = state;
  if (state.key !== key) {
    // A new state from the server: show it in this very render, not after the effect.
    current = { key, value: timed.valueAt(key, clock.now()) };
    setState(current);
  }
  const shown = useRef(current.value);
  shown.current = current.value;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = (woken: boolean) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const offsetMs = clock.offsetMs();
      const localNow = Date.now();
      const value = timed.valueAt(key, localNow + offsetMs);
      if (!timed.same(value, shown.current)) {
        shown.current = value;
        const update = () => setState({ key, value });
        // Woken by its timer, the new face is committed in this very task, not in a later one
        // React would schedule: the digits change at their instant, a busy page or not.
        if (woken) flushSync(update);
        else update();
      }
      // Woken a little early (the timer's clock and Date.now() may disagree by a millisecond),
      // this finds the same instant again, a moment away.
      const at = timed.nextRedrawAt(key, offsetMs, localNow);
      if (at !== null) timer = setTimeout(() => draw(true), delayUntil(at, Date.now()));
    };
    draw(false);
    const stopListening = clock.onOffsetChange(() => draw(false));
    // A hidden page's timers are throttled (to once a minute after a while): back in view, the
    // value is made right at once rather than when the throttled timer finally fires.
    const onVisible = () => {
      if (document.visibilityState === 'visible') draw(false);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      stopListening();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [key, clock, timed]);

  return current.value;
};
