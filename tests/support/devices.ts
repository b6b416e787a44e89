import { type Client, connect } from './server';

/**
 * A device that sends many commands without meeting its own per-socket rate limit (which has
 * tests of its own): it opens a new socket with the same token before the current one has used
 * its burst. `hops` counts the sockets it has used.
 */
export class Device {
  private client: Client | null = null;
  private sent = 0;
  hops = 0;

  constructor(
    readonly url: string,
    readonly token: string,
    private readonly burst: number,
  ) {}

  /** The socket to send the next command on (a new one when this one has sent enough). */
  async next(): Promise<Client> {
    if (!this.client || this.sent >= this.burst - 2 || !this.client.socket.connected) {
      this.client?.close();
      this.client = await connect(this.url, this.token);
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
