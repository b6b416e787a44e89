import type { SignedOut } from '../../shared/protocol/access';
import type { Role } from '../../shared/protocol/common';
import type { TokenHolder } from '../store/store';
import { type RostrumSocketServer, roomOf } from './socketServer';

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

  async of(meetingId: string): Promise<ConnectedDevice[]> {
    const sockets = await this.io.in(roomOf(meetingId)).fetchSockets();
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
    for (const socket of await this.io.in(roomOf(meetingId)).fetchSockets()) {
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
