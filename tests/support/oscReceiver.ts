import { createSocket, type Socket } from 'node:dgram';
import { decode } from 'node-osc';

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
  readonly received: OscReceived[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly socket: Socket) {
    socket.on('message', (datagram: Buffer) => {
      const decoded = decode(datagram) as { address: string; args: { value: unknown }[] };
      this.received.push({
        address: decoded.address,
        args: decoded.args.map((a) => a.value),
        receivedAt: Date.now(),
      });
      for (const waiter of [...this.waiters]) waiter();
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
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done(this.received)) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`OSC: not what was expected; got ${JSON.stringify(this.messages())}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  close(): Promise<void> {
    return new Promise((done) => this.socket.close(() => done()));
  }
}
