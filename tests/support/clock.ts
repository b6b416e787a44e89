import type { ClockTimer, ServerClock } from '../../server/clock';

interface Pending {
  at: number;
  /** The order timers were set in: two due at the same instant fire in that order. */
  order: number;
  fire: () => void;
  /** The real timer of a flowing clock, so a timer fires when its time comes on its own. */
  real?: NodeJS.Timeout;
}

/**
 * A server clock that a test moves on: `advance(ms)` makes that much time pass at once, and every
 * timer set on the clock that falls due meanwhile fires, in order, each at its own instant (the
 * meeting's end-at-limit timer, the refusal log's summary). Give it to the server with
 * `startServer({ clock })`.
 *
 * A stopped clock (the default) moves only when told, so instants are exact: a turn of
 * `advance(700)` lasts 700 ms. A flowing clock (`{ flowing: true }`) runs with the system's
 * clock as well, for a server that real screens watch (their clocks must see time run); its
 * timers then fire on their own too.
 */
export class ManualClock implements ServerClock {
  private skipped = 0;
  private stoppedAt: number;
  private readonly timers = new Set<Pending>();
  private set = 0;
  private readonly flowing: boolean;

  constructor(options: { start?: number; flowing?: boolean } = {}) {
    this.flowing = options.flowing ?? false;
    this.stoppedAt = options.start ?? Date.now();
    if (this.flowing && options.start !== undefined) this.skipped = options.start - Date.now();
  }

  now(): number {
    return this.flowing ? Date.now() + this.skipped : this.stoppedAt;
  }

  after(delayMs: number, fire: () => void): ClockTimer {
    const timer: Pending = { at: this.now() + Math.max(0, delayMs), order: this.set++, fire };
    this.timers.add(timer);
    if (this.flowing || delayMs <= 0) {
      // Due now (or, flowing, due in real time): it fires without a test having to move the
      // clock, as a system timer would, but never inside the call that set it.
      this.wake(timer, Math.max(0, delayMs));
    }
    return {
      cancel: () => {
        this.timers.delete(timer);
        if (timer.real) clearTimeout(timer.real);
      },
    };
  }

  /** Makes `ms` pass at once, firing every timer that falls due, each at its own instant. */
  advance(ms: number): void {
    if (ms < 0) throw new Error('a clock does not go back');
    const until = this.now() + ms;
    for (let next = this.nextDue(until); next; next = this.nextDue(until)) {
      this.moveTo(next.at);
      this.run(next);
    }
    this.moveTo(until);
  }

  /** How many timers are set and have not fired. */
  get pending(): number {
    return this.timers.size;
  }

  /** A real timer for `timer`: when it runs, the timers due by then fire (if it is still set). */
  private wake(timer: Pending, inMs: number): void {
    timer.real = setTimeout(() => {
      if (!this.timers.has(timer)) return;
      // A real timer may run a millisecond before the clock reads its instant: wait that out.
      const early = timer.at - this.now();
      if (early > 0) this.wake(timer, early);
      else this.fireDue();
    }, inMs);
    timer.real.unref();
  }

  private fireDue(): void {
    for (let next = this.nextDue(this.now()); next; next = this.nextDue(this.now())) {
      this.run(next);
    }
  }

  private run(timer: Pending): void {
    this.timers.delete(timer);
    if (timer.real) clearTimeout(timer.real);
    timer.fire();
  }

  private nextDue(until: number): Pending | undefined {
    let next: Pending | undefined;
    for (const timer of this.timers) {
      if (timer.at > until) continue;
      if (!next || timer.at < next.at || (timer.at === next.at && timer.order < next.order)) {
        next = timer;
      }
    }
    return next;
  }

  private moveTo(instant: number): void {
    if (instant <= this.now()) return;
    if (this.flowing) this.skipped += instant - this.now();
    else this.stoppedAt = instant;
  }
}
