import { nextPhaseAt, type Phase, phaseAt } from '../../shared/clock/turnClock';
import type { TurnView } from '../../shared/protocol/view';

/**
 * The clock phases `turn.phase` announces, read from a turn's instants (shared/clock/turnClock.ts)
 * as the screens read them, so a light turns amber when the display does.
 */

/**
 * The phase a turn is in at `now`, as the outputs announce it. A turn of a step that ends turns
 * at the limit never shows overtime: the server ends it there (`turn.end` at its deadline).
 */
export const outputPhaseAt = (turn: TurnView, now: number): Phase => {
  const phase = phaseAt(turn, now);
  return phase === 'overtime' && turn.endAtLimit && turn.status === 'running' ? 'warning' : phase;
};

/**
 * The instant a turn's clock next enters a phase the outputs announce, counting from `from`;
 * null while paused, once over time, or when the next is a limit the turn ends at.
 */
export const nextAnnouncedAt = (turn: TurnView, from: number): number | null => {
  const next = nextPhaseAt(turn, from);
  if (next === null || turn.startedAt === null) return null;
  const limitAt = turn.startedAt + (turn.limitMs - turn.elapsedMs);
  return turn.endAtLimit && next >= limitAt ? null : next;
};

/**
 * The instant a running clock entered `phase`, when this run of it crossed the point (the
 * warning's or the limit's); otherwise (a paused clock, an adjustment, a run that began past the
 * point) `fallback`, the instant it was found there.
 */
export const enteredAt = (turn: TurnView, phase: Phase, fallback: number): number => {
  if (turn.status !== 'running' || turn.startedAt === null || phase === 'normal') return fallback;
  const point = phase === 'warning' ? turn.warnAtMs : turn.limitMs;
  if (point < turn.elapsedMs) return fallback;
  return Math.min(fallback, turn.startedAt + (point - turn.elapsedMs));
};
