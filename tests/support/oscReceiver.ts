import { createSocket, type Socket } from 'node:dgram';
import { decode } from 'node-osc';
import { Arrivals } from './arrivals';

/** An OSC message as received: its address and its arguments' values, in order. */
export interface OscReceived {
  address: string;
  args: unknown[];
  receivedAt: number;
}

/**
 * A real OSC target: a UDP socket on a free port of 127.0.0.1, each datagram decoded with the
 * library the server sends with (node-osc), as a lighting desk would decode it.
 */
export class OscReceiver {
  private readonly arrivals = new Arrivals<OscReceived>(
    (got) =>
      `OSC: not what was expected; got ${JSON.stringify(got.map((m) => [m.address, ...m.args]))}`,
  );
  readonly received: OscReceived[] = this.arrivals.items;

  private constructor(private readonly socket: Socket) {
    socket.on('message', (datagram: Buffer) => {
      const decoded = decode(datagram) as { address: string; args: { value: unknown }[] };
      this.arrivals.push({
        address: decoded.address,
        args: decoded.args.map((a) => a.value),
        receivedAt: Date.now(),
      });
    });
  }

  static async start(): Promise<OscReceiver> {
    const socket = createSocket('udp4');
    await new Promise<void>((ready) => socket.bind(0, '127.0.0.1', ready));
    return new OscReceiver(socket);
  }

  get port(): number {
    return this.socket.address().port;
  }

  get target(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Each message as `[address, ...args]`. */
  messages(): unknown[][] {
    return this.received.map((m) => [m.address, ...m.args]);
  }

  until(done: (received: OscReceived[]) => boolean, timeoutMs = 5000): Promise<void> {
    return this.arrivals.until(done, timeoutMs);
  }

  close(): Promise<void> {
    return new Promise((done) => this.socket.close(() => done()));
  }
}
