import { useEffect, useRef, useState } from 'react';
import { formatRemaining, type Phase, phaseAt, remainingAt } from '../../shared/clock/turnClock';
import type { TurnClock } from '../../shared/protocol/view';
import type { ServerClock } from './serverClock';

export interface ShownClock {
  /** `M:SS`, or `-M:SS` past the limit. */
  text: string;
  phase: Phase;
}

const shownAt = (turn: TurnClock, now: number): ShownClock => ({
  text: formatRemaining(remainingAt(turn, now)),
  phase: phaseAt(turn, now),
});

const same = (a: ShownClock, b: ShownClock) => a.text === b.text && a.phase === b.phase;

/**
 * A turn's clock drawn from its instants on every animation frame. React hears of it only when
 * the text or the phase changes, so the digits change on the whole second and nothing else
 * renders in between.
 */
export const useTurnClock = (turn: TurnClock, clock: ServerClock): ShownClock => {
  const [state, setState] = useState(() => ({ turn, shown: shownAt(turn, clock.now()) }));
  let current = state;
  if (state.turn !== turn) {
    // A new state from the server: show it in this very render, not one frame later.
    current = { turn, shown: shownAt(turn, clock.now()) };
    setState(current);
  }
  const last = useRef(current.shown);
  last.current = current.shown;

  useEffect(() => {
    let frame = 0;
    const draw = () => {
      const next = shownAt(turn, clock.now());
      if (!same(next, last.current)) {
        last.current = next;
        setState({ turn, shown: next });
      }
      if (turn.status === 'running') frame = requestAnimationFrame(draw);
    };
    draw();
    return () => cancelAnimationFrame(frame);
  }, [turn, clock]);

  return current.shown;
};
