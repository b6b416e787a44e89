import type { CommitOptions, LoggedCommand, MeetingRecord, Store } from '../../server/store/api';
import { sleep } from './server';

export interface SlowStoreOptions {
  /** How long each command's commit takes before the store beneath is asked (real time). */
  commitMs: number;
  /** Commands the store refuses after that wait, as a store that cannot write refuses them. */
  refuses?: (meetingId: string, entry: LoggedCommand) => boolean;
  /** How long each token look-up takes before it is answered, its read already made. */
  findTokenMs?: number;
}

/**
 * A real store that answers late, as one across a network does: every part is the store beneath
 * (SQLite in the tests), except that a command's commit waits `commitMs` first, and a token
 * look-up reads at once and answers `findTokenMs` later (what it read may be stale by then).
 *
 * It notes what it was asked: the versions each meeting has stored so far, and how many commits
 * of one meeting were ever under way at once (the queue allows one).
 */
export class SlowStore implements Store {
  readonly meetings: Store['meetings'];
  readonly access: Store['access'];
  readonly log: Store['log'];
  readonly snapshots: Store['snapshots'];
  readonly records: Store['records'];
  readonly hooks: Store['hooks'];
  private readonly stored = new Map<string, Set<number>>();
  private readonly underWay = new Map<string, number>();
  private mostUnderWay = 0;

  constructor(
    private readonly beneath: Store,
    private readonly options: SlowStoreOptions,
  ) {
    this.meetings = beneath.meetings;
    this.log = beneath.log;
    this.snapshots = beneath.snapshots;
    this.records = beneath.records;
    this.hooks = beneath.hooks;
    const { findTokenMs } = options;
    // The store beneath's own access part, but for the one method that answers late.
    this.access =
      findTokenMs === undefined
        ? beneath.access
        : Object.assign(Object.create(beneath.access) as Store['access'], {
            findToken: async (hash: string) => {
              const found = await beneath.access.findToken(hash);
              await sleep(findTokenMs);
              return found;
            },
          });
  }

  async commitCommand(
    meetingId: string,
    entry: LoggedCommand,
    records: MeetingRecord,
    options?: CommitOptions,
  ): Promise<void> {
    const underWay = (this.underWay.get(meetingId) ?? 0) + 1;
    this.underWay.set(meetingId, underWay);
    this.mostUnderWay = Math.max(this.mostUnderWay, underWay);
    try {
      await sleep(this.options.commitMs);
      if (this.options.refuses?.(meetingId, entry)) {
        throw new Error(`the store refused version ${entry.version} (a test's refusal)`);
      }
      await this.beneath.commitCommand(meetingId, entry, records, options);
      this.storedOf(meetingId).add(entry.version);
    } finally {
      this.underWay.set(meetingId, (this.underWay.get(meetingId) ?? 1) - 1);
    }
  }

  moveAsideFrom(meetingId: string, version: number, at?: number): Promise<number> {
    return this.beneath.moveAsideFrom(meetingId, version, at);
  }

  close(): Promise<void> {
    return this.beneath.close();
  }

  get isOpen(): boolean {
    return this.beneath.isOpen;
  }

  /** Whether a commit of this meeting at this version has ended, stored. */
  hasStored(meetingId: string, version: number): boolean {
    return this.storedOf(meetingId).has(version);
  }

  /** The most commits of one meeting that were under way at the same moment. */
  get mostCommitsAtOnce(): number {
    return this.mostUnderWay;
  }

  private storedOf(meetingId: string): Set<number> {
    let versions = this.stored.get(meetingId);
    if (!versions) {
      versions = new Set();
      this.stored.set(meetingId, versions);
    }
    return versions;
  }
}
