import { type Client, connect, join } from './server';

/**
 * A device that sends many commands without meeting its own per-token rate limit (which has
 * tests of its own): before the current token has used its burst, it joins again with the same
 * code, as a second tablet would, and goes on with the new token on a new socket. (A token's
 * limit holds across its sockets and reconnections: reconnecting alone would gain nothing.)
 * `hops` counts the tokens it has used.
 */
export class Device {
  private client: Client | null = null;
  private sent = 0;
  hops = 0;

  constructor(
    readonly url: string,
    readonly meetingId: string,
    readonly code: string,
    private readonly burst: number,
  ) {}

  /** The socket to send the next command on (a new token's when this one has sent enough). */
  async next(): Promise<Client> {
    if (!this.client || this.sent >= this.burst - 2 || !this.client.socket.connected) {
      this.client?.close();
      const { token } = await join(this.url, this.meetingId, this.code);
      this.client = await connect(this.url, token);
      this.sent = 0;
      this.hops++;
    }
    this.sent++;
    return this.client;
  }

  close(): void {
    this.client?.close();
    this.client = null;
  }
}
