import type { SignedOut } from '../../shared/protocol/access';
import type { Role } from '../../shared/protocol/common';
import type { TokenHolder } from '../store/store';
import { type RostrumSocketServer, roomOf } from './socketServer';

/** How long the other nodes have to say which sockets they have (the adapter's own is 5 s). */
const EVERY_NODE_WITHIN_MS = 6000;

/** One connected socket, as far as counting and signing out need to know it. */
export interface ConnectedDevice {
  role: Role;
  delegationId?: string;
}

/**
 * The sockets connected now, per meeting: counted for the chair, and closed at once when their
 * tokens are revoked (a socket was admitted by its token at the handshake only, so revoking the
 * token alone would leave it connected). In a cluster (issue 16) the meeting's room spans the
 * nodes through the Redis adapter: every node's sockets are counted and closed, whichever node
 * the chair's request reached.
 */
export class Devices {
  constructor(private readonly io: RostrumSocketServer) {}

  /**
   * The meeting's sockets on every node; this node's alone when the others do not answer in
   * time (Redis out of reach: the adapter would wait for it without end). A sign-out then
   * closes this node's sockets; the others' tokens are revoked all the same, in the store, so
   * they are refused at their next connection.
   */
  private async socketsOf(meetingId: string) {
    const room = roomOf(meetingId);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), EVERY_NODE_WITHIN_MS);
    });
    const everywhere = await Promise.race([
      this.io
        .in(room)
        .fetchSockets()
        .catch(() => null),
      late,
    ]).finally(() => clearTimeout(timer));
    if (everywhere) return everywhere;
    // Not `io.local.fetchSockets()`: the adapter counts the nodes in Redis even for that.
    return [...this.io.of('/').sockets.values()].filter((s) => s.data.meetingId === meetingId);
  }

  async of(meetingId: string): Promise<ConnectedDevice[]> {
    const sockets = await this.socketsOf(meetingId);
    return sockets.map(({ data }) => ({
      role: data.role,
      ...(data.delegationId !== undefined && { delegationId: data.delegationId }),
    }));
  }

  /**
   * Tells every socket of the holder why (`signed_out`), then closes it, transport and all.
   * Answers how many were closed.
   */
  async signOut(meetingId: string, holder: TokenHolder, signal: SignedOut): Promise<number> {
    let closed = 0;
    for (const socket of await this.socketsOf(meetingId)) {
      const { data } = socket;
      if (data.meetingId !== meetingId || data.role !== holder.role) continue;
      if (holder.delegationId !== undefined && data.delegationId !== holder.delegationId) continue;
      socket.emit('signed_out', signal);
      socket.disconnect(true);
      closed++;
    }
    return closed;
  }
}
