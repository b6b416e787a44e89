import type { ServerClock } from './serverClock';
import { type Timed, useTimedValue } from './useTimedValue';

/** The next multiple of `stepMs` of the server's time after `serverNow`. */
export const nextStepAt = (stepMs: number, serverNow: number): number =>
  (Math.floor(serverNow / stepMs) + 1) * stepMs;

const everyStep = (stepMs: number): Timed<null, number> => ({
  valueAt: (_, serverNow) => serverNow,
  nextRedrawAt: (_, offsetMs, localNow) => nextStepAt(stepMs, localNow + offsetMs) - offsetMs,
  same: (a, b) => Math.floor(a / stepMs) === Math.floor(b / stepMs),
});

const EVERY_SECOND = everyStep(1000);
const EVERY_MINUTE = everyStep(60_000);

/**
 * The server's time, refreshed on each whole second of it (or each whole minute, for a time of
 * day in hours and minutes: every time zone is whole minutes from UTC): for times of day and
 * waiting times, which need no frame-by-frame drawing. One timer, at the next whole step.
 */
export const useServerNow = (clock: ServerClock, step: 'second' | 'minute' = 'second'): number =>
  useTimedValue(clock, null, step === 'second' ? EVERY_SECOND : EVERY_MINUTE);
