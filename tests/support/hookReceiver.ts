import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HookPayload, SIGNATURE_HEADER } from '../../shared/protocol/hooks';
import { Arrivals } from './arrivals';

/** One POST a receiver got: the raw body, as signed, and what it said. */
export interface Received {
  path: string;
  body: string;
  payload: HookPayload;
  signature: string | undefined;
  eventHeader: string | undefined;
  /** `Date.now()` when the whole body had arrived. */
  receivedAt: number;
}

/**
 * How a receiver answers a POST to a path: a status (200 unless said), or `hold` (no answer until
 * `release()`, as a receiver that hangs).
 */
export type Answer = number | 'hold';

/**
 * A real webhook receiver: node:http on a free port of 127.0.0.1. Each path answers what its
 * script says, in order (the last answer repeats); everything received is kept, parsed with the
 * contract's schema, for the test to read.
 */
export class HookReceiver {
  private readonly arrivals = new Arrivals<Received>(
    (got) =>
      `the receiver did not get what was expected; it got: ${got.map((r) => `${r.path} ${r.payload.event}`).join(', ')}`,
  );
  readonly received: Received[] = this.arrivals.items;
  private readonly scripts = new Map<string, Answer[]>();
  private readonly held: ServerResponse[] = [];
  private readonly server = createServer((req, res) => this.handle(req, res));
  private port = 0;

  static async start(): Promise<HookReceiver> {
    const receiver = new HookReceiver();
    await new Promise<void>((ready) => receiver.server.listen(0, '127.0.0.1', ready));
    receiver.port = (receiver.server.address() as AddressInfo).port;
    return receiver;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** What a path answers from now on, in order; the last answer repeats. */
  script(path: string, answers: Answer[]): void {
    this.scripts.set(path, [...answers]);
  }

  /** Requests held unanswered now. */
  get holding(): number {
    return this.held.length;
  }

  /** Answers every held request with `status`. */
  release(status = 200): void {
    for (const res of this.held.splice(0)) res.writeHead(status).end();
  }

  /** The received bodies of a path, as parsed. */
  on(path = '/hook'): HookPayload[] {
    return this.received.filter((r) => r.path === path).map((r) => r.payload);
  }

  /** Resolves once `done` holds of what was received (checked at each arrival), or fails. */
  until(done: (received: Received[]) => boolean, timeoutMs = 5000): Promise<void> {
    return this.arrivals.until(done, timeoutMs);
  }

  async close(): Promise<void> {
    this.release(503);
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const signature = req.headers[SIGNATURE_HEADER];
      const event = req.headers['x-rostrum-event'];
      const received: Received = {
        path,
        body,
        payload: HookPayload.parse(JSON.parse(body)),
        signature: typeof signature === 'string' ? signature : undefined,
        eventHeader: typeof event === 'string' ? event : undefined,
        receivedAt: Date.now(),
      };
      const script = this.scripts.get(path) ?? [200];
      const answer = (script.length > 1 ? script.shift() : script[0]) ?? 200;
      if (answer === 'hold') this.held.push(res);
      else res.writeHead(answer).end();
      // Kept, and the waits told, once the answer is given (or held), as a test expects it.
      this.arrivals.push(received);
    });
  }
}

/** Whether a signature header is `sha256=` and the HMAC-SHA256 of the raw body with `secret`. */
export const signedWith = (received: Received, secret: string): boolean => {
  const expected = `sha256=${createHmac('sha256', secret).update(received.body).digest('hex')}`;
  const given = received.signature ?? '';
  return (
    given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  );
};
