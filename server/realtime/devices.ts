import type { SignedOut } from '../../shared/protocol/access';
import type { Role } from '../../shared/protocol/common';
import type { TokenHolder } from '../store/store';
import type { RostrumSocketServer } from './socketServer';

/** One connected socket, as far as counting and signing out need to know it. */
export interface ConnectedDevice {
  role: Role;
  delegationId?: string;
}

/**
 * The sockets connected now, per meeting: counted for the chair, and closed at once when their
 * tokens are revoked (a socket was admitted by its token at the handshake only, so revoking the
 * token alone would leave it connected).
 */
export class Devices {
  constructor(private readonly io: RostrumSocketServer) {}

  of(meetingId: string): ConnectedDevice[] {
    const devices: ConnectedDevice[] = [];
    for (const socket of this.io.of('/').sockets.values()) {
      const { data } = socket;
      if (data.meetingId !== meetingId) continue;
      devices.push({
        role: data.role,
        ...(data.delegationId !== undefined && { delegationId: data.delegationId }),
      });
    }
    return devices;
  }

  /**
   * Tells every socket of the holder why (`signed_out`), then closes it, transport and all.
   * Answers how many were closed.
   */
  signOut(meetingId: string, holder: TokenHolder, signal: SignedOut): number {
    let closed = 0;
    for (const socket of [...this.io.of('/').sockets.values()]) {
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
