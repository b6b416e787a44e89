import type { Command } from '../../shared/protocol/commands';
import type { CommandAck } from '../../shared/protocol/errors';
import { newCommandId } from './commandId';
import { COMMAND_TIMEOUT_MS, emitCommand, type MeetingSocket } from './socket';

/**
 * How a command ended for the screen: the server's answer, or one of the two refusals the screen
 * makes itself (`live.not-connected`, `live.no-answer`), worded by the screen in its language.
 */
export type Sent =
  | { kind: 'answered'; ack: CommandAck }
  | { kind: 'not-connected' }
  | { kind: 'no-answer' };

/**
 * How long after a press its command may still be sent again. Half a minute on, the room has
 * moved on: the speaker the chair meant to call has been called some other way, or the chair has
 * pressed something else meanwhile, and a press that lands then would surprise everyone (its
 * intent fields would mostly make it a `conflict` anyway). Past this, the person is told there
 * was no answer and decides again with what the screen shows now.
 */
export const RETRY_WINDOW_MS = 30_000;

export interface CommandSenderOptions {
  /** How long each sending waits for its ack. */
  timeoutMs?: number;
  /** See RETRY_WINDOW_MS. */
  retryWindowMs?: number;
}

const NOT_CONNECTED: Sent = { kind: 'not-connected' };
const NO_ANSWER: Sent = { kind: 'no-answer' };

/**
 * The one way a screen's commands leave it (issue 16, docs/many-nodes.md "In-doubt commits and
 * command ids"). Each command gets a fresh `commandId`. When its answer does not come (the ack's
 * timeout, or the socket closing before the ack), the command may still have been applied: the
 * node that held the meeting may have died after the commit. So the command is kept, and sent
 * once more with the SAME id as soon as the socket is connected again (socket.io reconnects by
 * itself, maybe to another node): the server answers an id it already logged with its first ack
 * and applies nothing twice, or applies a command it never got. The caller waits through both
 * sendings and gets whichever answer came, as if the first had come; the person meanwhile sees
 * the button pending and the screen's "reconnecting". Only once: if the second sending gets no
 * answer either, it is `no-answer`, as before.
 *
 * A timeout on a connection still up (the heartbeat closes a silent one within seconds) means a
 * slow server: the second sending goes at once on it, and waits behind the first in the meeting's
 * queue, so it gets the first one's answer.
 */
export class CommandSender {
  private closed = false;
  /** The commands waiting for the socket to connect again, each told when it gives up. */
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly socket: MeetingSocket,
    private readonly options: CommandSenderOptions = {},
  ) {}

  /**
   * Sends a command with a command id (its own, if it carries one) and answers how it ended.
   * A command pressed while the socket is down is not sent: the person is told at once.
   */
  async send(command: Command): Promise<Sent> {
    if (this.closed || !this.socket.connected) return NOT_CONNECTED;
    const pressedAt = Date.now();
    const named: Command = { ...command, commandId: command.commandId ?? newCommandId() };
    const first = await this.attempt(named);
    if (first) return { kind: 'answered', ack: first };
    const deadline = pressedAt + (this.options.retryWindowMs ?? RETRY_WINDOW_MS);
    if (!(await this.connectedBefore(deadline))) return NO_ANSWER;
    const second = await this.attempt(named);
    return second ? { kind: 'answered', ack: second } : NO_ANSWER;
  }

  /**
   * The screen is leaving the meeting (its socket is closed for good): commands waiting to be
   * sent again end as `no-answer` now, and no command is sent any more.
   */
  close(): void {
    this.closed = true;
    for (const giveUp of [...this.waiting]) giveUp();
  }

  /** One sending: its ack, or null when none came (a timeout, or the socket closed first). */
  private attempt(command: Command): Promise<CommandAck | null> {
    return emitCommand(this.socket, command, this.options.timeoutMs ?? COMMAND_TIMEOUT_MS).catch(
      () => null,
    );
  }

  /** Whether the socket is (or gets) connected before `deadline`, this sender still open. */
  private connectedBefore(deadline: number): Promise<boolean> {
    if (this.closed || Date.now() >= deadline) return Promise.resolve(false);
    if (this.socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const end = (connected: boolean) => {
        clearTimeout(timer);
        this.socket.off('connect', onConnect);
        this.waiting.delete(giveUp);
        resolve(connected && !this.closed);
      };
      const onConnect = () => end(true);
      const giveUp = () => end(false);
      const timer = setTimeout(giveUp, deadline - Date.now());
      this.socket.on('connect', onConnect);
      this.waiting.add(giveUp);
    });
  }
}
