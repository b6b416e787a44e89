import type { Command } from '../../shared/protocol/commands';
import type { MeetingCodes } from '../../shared/protocol/http';
import type { MeetingView, QueueEntry } from '../../shared/protocol/view';
import { type Client, connect, join, ok } from './server';

/** What a tablet's "Request the floor" sends, but its type. */
type Asking = Omit<Extract<Command, { type: 'floor.request' }>, 'type'>;

/**
 * The delegations of a meeting that ask for the floor around the screens a test watches: each
 * joins with its own code and connects, as its tablet would (no browser), and sends what the
 * tablet's button sends. Their sockets stay open, so their requests stay theirs, until `close()`.
 */
export class OtherTablets {
  private readonly clients: Client[] = [];

  constructor(
    private readonly url: string,
    private readonly meetingId: string,
    private readonly codes: MeetingCodes,
  ) {}

  /** The delegation's socket, joined with its code: a tablet that has asked for nothing yet. */
  async join(delegationId: string): Promise<Client> {
    const code = this.codes.delegations[delegationId];
    if (code === undefined) throw new Error(`${delegationId} has no code in this meeting`);
    const { token } = await join(this.url, this.meetingId, code);
    const client = await connect(this.url, token);
    this.clients.push(client);
    return client;
  }

  /** The delegation asks for the floor: a statement, unless `asking` says otherwise. */
  async ask(delegationId: string, asking: Asking = {}): Promise<Client> {
    const client = await this.join(delegationId);
    await ok(client, { type: 'floor.request', ...asking });
    return client;
  }

  /** Closes every socket opened so far; those opened later are closed by the next call. */
  close(): void {
    for (const client of this.clients.splice(0)) client.close();
  }
}

/** The request `delegationId` has waiting in `view`'s queue (of `kind`, where given). */
export const requestOf = (
  view: MeetingView,
  delegationId: string,
  kind?: QueueEntry['kind'],
): QueueEntry => {
  const request = view.floor.queue.find(
    (r) => r.delegationId === delegationId && (kind === undefined || r.kind === kind),
  );
  if (!request) throw new Error(`${delegationId} has no ${kind ?? 'request'} waiting`);
  return request;
};
