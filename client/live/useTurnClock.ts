import {
  formatRemaining,
  type Phase,
  phaseAt,
  phaseRedrawAt,
  redrawAt,
  remainingAt,
} from '../../shared/clock/turnClock';
import type { TurnClock } from '../../shared/protocol/view';
import type { ServerClock } from './serverClock';
import { type Timed, useTimedValue } from './useTimedValue';

export interface ShownClock {
  /** `M:SS`, or `-M:SS` past the limit. */
  text: string;
  phase: Phase;
}

/** The clock face: its digits and its phase, which change at the instants redrawAt gives. */
const FACE: Timed<TurnClock, ShownClock> = {
  valueAt: (turn, now) => ({
    text: formatRemaining(remainingAt(turn, now)),
    phase: phaseAt(turn, now),
  }),
  nextRedrawAt: redrawAt,
  same: (a, b) => a.text === b.text && a.phase === b.phase,
};

/** The phase alone, for what reacts to warning and overtime but shows no digits. */
const PHASE: Timed<TurnClock, Phase> = {
  valueAt: phaseAt,
  nextRedrawAt: phaseRedrawAt,
  same: (a, b) => a === b,
};

/**
 * A turn's clock drawn from its instants, woken once a second by one timer, at the instant its
 * digits (or its phase) change; a paused clock sets no timer at all. React renders only then.
 */
export const useTurnClock = (turn: TurnClock, clock: ServerClock): ShownClock =>
  useTimedValue(clock, turn, FACE);

/** A turn's phase, woken only when it enters warning and when it runs over. */
export const useTurnPhase = (turn: TurnClock, clock: ServerClock): Phase =>
  useTimedValue(clock, turn, PHASE);
