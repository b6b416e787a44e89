import type { CommitOptions, LoggedCommand, MeetingRecord, Store } from '../../server/store/api';
import { sleep } from './server';

export interface SlowStoreOptions {
  /** How long each command's commit takes before the store beneath is asked (real time). */
  commitMs?: number;
  /** Commands the store refuses after that wait, as a store that cannot write refuses them. */
  refuses?: (meetingId: string, entry: LoggedCommand) => boolean;
  /**
   * What a token's look-up (by the token's hash) waits for before it answers what it read: a
   * test holds it as long as it needs, so the answer is stale by then.
   */
  tokenLookupWaits?: (hash: string) => Promise<void>;
}

/**
 * A real store that answers late, as one across a network does: every part is the store beneath
 * (SQLite in the tests), except that a command's commit waits `commitMs` first, and a token
 * look-up reads at once and answers when `tokenLookupWaits` lets it (what it read may be stale
 * by then).
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
  readonly leases: Store['leases'];
  private readonly stored = new Map<string, Set<number>>();
  private readonly underWay = new Map<string, number>();
  private mostUnderWay = 0;
  private readonly lookups = new Map<string, number>();

  constructor(
    private readonly beneath: Store,
    private readonly options: SlowStoreOptions,
  ) {
    this.meetings = beneath.meetings;
    this.log = beneath.log;
    this.snapshots = beneath.snapshots;
    this.records = beneath.records;
    this.hooks = beneath.hooks;
    this.leases = beneath.leases;
    const { tokenLookupWaits } = options;
    // The store beneath's own access part, but for the one method that answers late.
    this.access =
      tokenLookupWaits === undefined
        ? beneath.access
        : Object.assign(Object.create(beneath.access) as Store['access'], {
            findToken: async (hash: string) => {
              const found = await beneath.access.findToken(hash);
              this.lookups.set(hash, (this.lookups.get(hash) ?? 0) + 1);
              await tokenLookupWaits(hash);
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
      await sleep(this.options.commitMs ?? 0);
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

  /** How many times a token (by its hash) was looked up so far. */
  lookupsOf(hash: string): number {
    return this.lookups.get(hash) ?? 0;
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
