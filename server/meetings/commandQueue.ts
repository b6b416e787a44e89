/**
 * One meeting's line: what is given to it runs alone, one after another, in the order it was
 * given, each to its end (its awaits included) before the next begins. A meeting's commands go
 * through it, so the engine applies one command at a time and each is stored before the next is
 * applied, however long the store takes to answer.
 *
 * A promise chain: each task starts when the one before it has settled, whether it succeeded or
 * failed (a failure is its own caller's answer, never the next task's).
 */
export class CommandQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Runs `task` after everything given before it; answers what it answers. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(task).finally(() => {
      this.waiting--;
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** How many tasks are given and not yet ended (the one running included). */
  get length(): number {
    return this.waiting;
  }

  /** Settles once every task given so far has ended. */
  async drained(): Promise<void> {
    await this.tail;
  }
}
