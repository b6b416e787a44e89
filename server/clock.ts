/**
 * Where the server reads the time, and sets its timers on that time. Every instant the server
 * uses (a command's instant, a turn's deadline, a `sync` answer, a rate limit's refill, a
 * cooldown) comes from the one clock `buildApp` is given, so a test can make time pass without
 * waiting for it (tests/support/clock.ts). In production it is the system's clock.
 */
export interface ServerClock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
  /**
   * Calls `fire` once, `delayMs` later by this clock. The timer never keeps the process alive: a
   * server that is closing does not wait for a deadline.
   */
  after(delayMs: number, fire: () => void): ClockTimer;
}

export interface ClockTimer {
  /** Stops the timer; nothing happens if it already fired. */
  cancel(): void;
}

/** The system's clock: one `setTimeout` per timer, unreferenced. */
export const systemClock: ServerClock = {
  now: () => Date.now(),
  after: (delayMs, fire) => {
    const timer = setTimeout(fire, delayMs);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};
