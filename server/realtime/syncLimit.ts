import { LIMITS } from '../../shared/protocol/limits';
import { CommandBucket } from './commandBucket';

/** What to do with one `sync`: answer it, leave it unanswered, or disconnect the socket. */
export type SyncVerdict = 'answer' | 'ignore' | 'disconnect';

/**
 * The `sync` limit of one socket. Clients sample the server's clock 16 times at connect and 4
 * times every 30 s, each sample waiting for the previous answer: the bucket (40, then 2 a second)
 * leaves room for several reconnections and wake-ups at once. A sync beyond it is not answered
 * (the client counts a lost sample and carries on); a socket that keeps sending unanswered syncs
 * spends a second allowance (40, then one every 2 s) and is disconnected once that is gone.
 */
export class SyncLimit {
  private readonly answers: CommandBucket;
  private readonly refusals: CommandBucket;

  constructor(now: number) {
    this.answers = new CommandBucket(LIMITS.syncs.burst, LIMITS.syncs.perSecond, now);
    this.refusals = new CommandBucket(
      LIMITS.syncRefusals.burst,
      LIMITS.syncRefusals.perSecond,
      now,
    );
  }

  admit(now: number): SyncVerdict {
    if (this.answers.take(now)) return 'answer';
    return this.refusals.take(now) ? 'ignore' : 'disconnect';
  }
}
