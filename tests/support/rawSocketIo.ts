import { Socket } from 'node:net';
import WebSocket from 'ws';

/**
 * A socket.io connection spoken by hand over a bare WebSocket, as an attacker would: engine.io
 * frames (`0` open, `2` ping, `3` pong, `4` message) carrying socket.io packets (`0` CONNECT,
 * `2` event, `3` ack, `4` CONNECT_ERROR), so `40{"token":...}` is a handshake and
 * `42["sync",0]` an event. It can send from another loopback address (another device), send
 * without waiting, and stop reading while the server goes on writing.
 */
export class RawSocketIo {
  /** Every text frame received, in order. */
  readonly frames: string[] = [];
  /** Resolves when the connection is closed, by either side. */
  readonly closed: Promise<void>;
  private readonly waiters = new Set<() => void>();
  private isClosed = false;

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => {
      ws.once('close', () => {
        this.isClosed = true;
        resolve();
        for (const wake of this.waiters) wake();
      });
    });
    ws.on('error', () => {
      // A reset is one way the server closes: `closed` tells.
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) return;
      this.frames.push(data.toString());
      for (const wake of this.waiters) wake();
    });
  }

  /**
   * Opens the WebSocket and waits for engine.io's `open` packet. `headers` go with the upgrade
   * (a proxy's X-Forwarded-For, say).
   */
  static async open(
    url: string,
    localAddress = '127.0.0.1',
    headers: Record<string, string> = {},
  ): Promise<RawSocketIo> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      localAddress,
      perMessageDeflate: false,
      headers,
    });
    const raw = new RawSocketIo(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await raw.until((frame) => frame.startsWith('0'));
    return raw;
  }

  get isOpen(): boolean {
    return !this.isClosed && this.ws.readyState === WebSocket.OPEN;
  }

  send(text: string): void {
    if (this.isOpen) this.ws.send(text);
  }

  /** A socket.io CONNECT to the default namespace with this auth token. */
  handshake(token: unknown): void {
    this.send(`40${JSON.stringify({ token })}`);
  }

  /** Handshakes and waits for the answer: the CONNECT (`40`) or the CONNECT_ERROR (`44`). */
  async connect(token: unknown): Promise<string> {
    const from = this.frames.length;
    this.handshake(token);
    return this.until((frame) => frame.startsWith('40') || frame.startsWith('44'), from);
  }

  /** The first frame from index `from` on that satisfies `predicate` (waits for it). */
  until(predicate: (frame: string) => boolean, from = 0, timeoutMs = 5000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.frames.slice(from).find(predicate);
        if (found !== undefined) {
          done();
          resolve(found);
        } else if (this.isClosed) {
          done();
          reject(new Error(`closed before the expected frame; got ${this.frames.length} frames`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`the expected frame did not come; got ${this.frames.length} frames`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Waits for the connection to close; rejects after the timeout. */
  async closedWithin(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.closed,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the connection was not closed')), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  }

  /** The TCP socket under the WebSocket. */
  private tcp(): Socket {
    const socket: unknown = Reflect.get(this.ws, '_socket');
    if (!(socket instanceof Socket)) throw new Error('no TCP socket under this WebSocket');
    return socket;
  }

  /** Stops reading: the kernel's buffers fill, then the server's output waits. */
  pauseReading(): void {
    this.tcp().pause();
  }

  resumeReading(): void {
    this.tcp().resume();
  }

  close(): void {
    this.ws.terminate();
  }
}
