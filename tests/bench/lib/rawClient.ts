/**
 * A minimal socket.io (protocol 5, engine.io 4) client over a bare `ws` socket, for fleets where
 * the client's own cost must stay out of the server's measurement: it answers heartbeats, sends
 * commands with acks, counts packets, and never parses a `state` unless asked.
 *
 * Frames: engine.io `0{open}`, `2` ping, `3` pong, `4` message; socket.io inside a message:
 * `0` connect, `2` event, `3` ack, `4` connect error. So `40{...}` connects, `42["state",{...}]`
 * is an event, `43<id>[...]` an ack.
 */
import WebSocket from 'ws';

export interface AckResult {
  ok: boolean;
  version?: number;
  error?: { code: string; message: string };
}

export interface RawCounts {
  /** engine.io ping frames from the server. */
  pings: number;
  /** socket.io packets (anything but heartbeats), and their bytes. */
  packets: number;
  packetBytes: number;
}

export const socketIoUrl = (origin: string): string =>
  `${origin.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;

export class RawSioClient {
  private ws: WebSocket | undefined;
  private nextAck = 0;
  private readonly acks = new Map<number, (args: unknown[]) => void>();
  readonly counts: RawCounts = { pings: 0, packets: 0, packetBytes: 0 };
  /** Called with the raw text of each `state` event and its receipt, when set. */
  onState: ((text: string) => void) | undefined;

  constructor(
    private readonly origin: string,
    private readonly token: string,
  ) {}

  connect(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(socketIoUrl(this.origin), { perMessageDeflate: false });
      this.ws = ws;
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error('connect timed out'));
      }, timeoutMs);
      let connected = false;
      ws.on('error', (e) => {
        clearTimeout(timer);
        if (!connected) reject(e);
      });
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (isBinary) return;
        const engineType = data[0];
        if (engineType === 0x32 /* '2' ping */) {
          this.counts.pings++;
          ws.send('3');
          return;
        }
        if (engineType === 0x30 /* '0' open */) {
          ws.send(`40${JSON.stringify({ token: this.token })}`);
          return;
        }
        if (engineType !== 0x34 /* '4' message */) return;
        this.counts.packets++;
        this.counts.packetBytes += data.length;
        const sioType = data[1];
        if (sioType === 0x30 /* connect */) {
          connected = true;
          clearTimeout(timer);
          resolve();
        } else if (sioType === 0x34 /* connect error */) {
          clearTimeout(timer);
          ws.close();
          reject(new Error(`connect_error ${data.subarray(2).toString()}`));
        } else if (sioType === 0x33 /* ack */) {
          const text = data.toString();
          const bracket = text.indexOf('[');
          const id = Number(text.slice(2, bracket));
          const callback = this.acks.get(id);
          if (callback) {
            this.acks.delete(id);
            callback(JSON.parse(text.slice(bracket)) as unknown[]);
          }
        } else if (sioType === 0x32 /* event */ && this.onState) {
          this.onState(data.toString());
        }
      });
    });
  }

  /** Emits `event` with an ack; resolves with the ack's arguments. */
  emitWithAck(event: string, payload: unknown, timeoutMs = 60_000): Promise<unknown[]> {
    const ws = this.ws;
    if (!ws) return Promise.reject(new Error('not connected'));
    const id = this.nextAck++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        reject(new Error('ack timed out'));
      }, timeoutMs);
      this.acks.set(id, (args) => {
        clearTimeout(timer);
        resolve(args);
      });
      ws.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.ws?.terminate();
    this.ws = undefined;
  }
}

/** The version in a `42["state",{...}]` frame, found without parsing the whole view. */
export const versionOfStateFrame = (text: string): number | undefined => {
  const match = /"version":(\d+)/.exec(text);
  return match ? Number(match[1]) : undefined;
};
