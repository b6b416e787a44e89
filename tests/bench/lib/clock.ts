/**
 * A common clock for every benchmark process on this machine: wall-clock milliseconds with
 * sub-millisecond resolution. `performance.timeOrigin` is fixed at process start, so each process
 * aligns its high-resolution clock to `Date.now()` by catching the instant `Date.now()` ticks
 * (the wall clock is then exactly the new millisecond): every process agrees within a few
 * microseconds plus the system clock's own slew.
 */
const perfWall = (): number => performance.timeOrigin + performance.now();

const calibrate = (): number => {
  const corrections: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = Date.now();
    let tick = start;
    let at = perfWall();
    // Bounded spin: a millisecond tick comes within ~1 ms; give up after 20 ms.
    const deadline = performance.now() + 20;
    while (tick === start && performance.now() < deadline) {
      at = perfWall();
      tick = Date.now();
    }
    if (tick !== start) corrections.push(tick - at);
  }
  if (corrections.length === 0) return 0;
  corrections.sort((a, b) => a - b);
  return corrections[Math.floor(corrections.length / 2)] as number;
};

const correction = calibrate();

/** Wall-clock milliseconds since the epoch, fractional, comparable across processes. */
export const now = (): number => perfWall() + correction;

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
