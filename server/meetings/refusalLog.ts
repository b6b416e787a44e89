import type { FastifyBaseLogger } from 'fastify';
import type { CommandErrorCode } from '../../shared/protocol/errors';
import { LIMITS } from '../../shared/protocol/limits';
import { type ClockTimer, type ServerClock, systemClock } from '../clock';
import { CommandBucket } from '../realtime/commandBucket';

/** What one refusal's log line says: never the command's payload, only what it was. */
export interface RefusalFields {
  type: string;
  role: string;
  source: string;
  refused: CommandErrorCode;
}

/** How long suppressed refusals are counted before their summary line is written. */
export const SUMMARY_EVERY_MS = 1000;

/**
 * The log lines of one meeting's refused commands, on a budget (LIMITS.refusalLogLines: bursts
 * of 20 lines, then 5 a second). A refusal beyond it is counted, not written; within a second
 * of the first one left out, a single warning says how many were, by code. So whatever devices
 * send, a meeting's refusals write at most 20 lines at once, then 6 a second (issue 11: one
 * display code wrote 5.8 MB of log a second, enough to fill a disk in a day).
 */
export class RefusalLog {
  private readonly budget: CommandBucket;
  private suppressed = new Map<CommandErrorCode, number>();
  private summary: ClockTimer | null = null;

  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly clock: ServerClock = systemClock,
    limits: { burst: number; perSecond: number } = LIMITS.refusalLogLines,
  ) {
    this.budget = new CommandBucket(limits.burst, limits.perSecond, clock.now());
  }

  refused(fields: RefusalFields): void {
    if (this.budget.take(this.clock.now())) {
      this.log.info(fields, 'command refused');
      return;
    }
    this.suppressed.set(fields.refused, (this.suppressed.get(fields.refused) ?? 0) + 1);
    if (this.summary) return;
    this.summary = this.clock.after(SUMMARY_EVERY_MS, () => this.summarise());
  }

  /** Writes the summary now, if refusals were left out (and stops its timer). */
  flush(): void {
    this.summary?.cancel();
    this.summarise();
  }

  private summarise(): void {
    this.summary = null;
    if (this.suppressed.size === 0) return;
    const byCode = Object.fromEntries(this.suppressed);
    const count = [...this.suppressed.values()].reduce((a, b) => a + b, 0);
    this.suppressed = new Map();
    this.log.warn(
      { suppressed: count, byCode },
      `${count} more refused commands not logged (over the log's budget)`,
    );
  }
}
