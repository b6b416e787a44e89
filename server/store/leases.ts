import type { Lease, StoreLeases, StoreMeetings } from './api';

/**
 * Leases in SQLite: none are kept. One process owns the file and every meeting in it, so every
 * claim and renewal is granted, for as long as the process lives, and nobody else ever holds one.
 */
export class SqliteLeases implements StoreLeases {
  constructor(private readonly meetings: StoreMeetings) {}

  async claim(meetingId: string, nodeId: string, _ttlMs: number): Promise<Lease> {
    return granted(meetingId, nodeId, 1);
  }

  async renew(meetingId: string, nodeId: string, epoch: number, _ttlMs: number): Promise<Lease> {
    return granted(meetingId, nodeId, epoch);
  }

  async release(): Promise<boolean> {
    return true;
  }

  async holder(): Promise<undefined> {
    return undefined;
  }

  /** Every meeting: this process may take any of them. */
  async unclaimed(): Promise<string[]> {
    return (await this.meetings.all()).map((meeting) => meeting.id);
  }
}

/** A lease that does not expire: no other process could take the meeting. */
const granted = (meetingId: string, nodeId: string, epoch: number): Lease => ({
  meetingId,
  nodeId,
  epoch,
  expiresAt: Number.MAX_SAFE_INTEGER,
});
