/**
 * What a test's receiver (a webhook endpoint, an OSC target) has got, in order, and a wait for
 * a condition on it: checked at once and at each arrival, failing after a timeout with what did
 * arrive, in the receiver's own words.
 */
export class Arrivals<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(private readonly describe: (items: readonly T[]) => string) {}

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) waiter();
  }

  until(done: (items: T[]) => boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done(this.items)) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(this.describe(this.items)));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }
}
