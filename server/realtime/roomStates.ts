import { withoutAgenda } from '../../shared/protocol/state';
import type { MeetingView } from '../../shared/protocol/view';
import type { ServerClock } from '../clock';
import { type RostrumSocket, type RostrumSocketServer, roomOf } from './socketServer';

/**
 * The states of the meetings as this node's sockets get them.
 *
 * One node alone: the meeting's runtime publishes each new state here, and it goes to the
 * meeting's room. In a cluster (issue 16, docs/many-nodes.md "Fan-out"), the node holding the
 * meeting publishes it here too, and it also goes, whole, to every other node through the Redis
 * adapter (`rostrum:state`), where `deliver` sends it to that node's own sockets. So every node
 * keeps the latest state of each meeting it heard of: a device that connects to any node gets
 * it at once, without a round trip to the owner.
 *
 * The agenda (the largest part) goes to a room only when its version changed since the last
 * state this node sent the room: every socket there has the agenda of that one (it got the
 * whole state on connect, or the change since).
 */
export class RoomStates {
  /** The latest state of each meeting sent to this node's sockets, agenda included. */
  private readonly latest = new Map<string, MeetingView>();

  constructor(
    private readonly io: RostrumSocketServer,
    private readonly clock: ServerClock,
    /** Whether other nodes share the meetings: the owner's states go to them too. */
    private readonly clustered: boolean,
  ) {}

  /** A new state from the meeting's runtime on this node: to every node's sockets. */
  publish(meetingId: string, view: MeetingView): void {
    this.deliver(meetingId, view);
    if (this.clustered) this.io.serverSideEmit('rostrum:state', meetingId, view);
  }

  /**
   * A state to this node's sockets of the meeting. An older one than this node sent is dropped
   * (the screens would not show it anyway); the same version again goes (a new owner after a
   * failover publishes the meeting as it found it).
   */
  deliver(meetingId: string, view: MeetingView): void {
    const last = this.latest.get(meetingId);
    if (last && view.version < last.version) return;
    this.latest.set(meetingId, view);
    const sameAgenda = last !== undefined && last.agendaVersion === view.agendaVersion;
    this.io.local.to(roomOf(meetingId)).emit('state', sameAgenda ? withoutAgenda(view) : view);
  }

  /**
   * The state a socket that just joined the room gets: whole, and not older than what the room
   * got last (a state published meanwhile reached the room, and so the socket, lean).
   */
  welcome(socket: RostrumSocket, meetingId: string, fromOwner: MeetingView | null): boolean {
    const last = this.latest.get(meetingId);
    const newest = last && (!fromOwner || last.version >= fromOwner.version) ? last : fromOwner;
    if (!newest) return false;
    socket.emit('state', { ...newest, serverTime: this.clock.now() });
    return true;
  }
}
