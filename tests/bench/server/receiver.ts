/**
 * The room's other systems for the outputs scenario, in their own process: an HTTP server whose
 * paths answer as webhook receivers do in the field (`/slow` after 2 s, `/fail` with 500 at
 * once, `/prompt` with 200 at once), and a UDP socket that decodes OSC with node-osc. Receipt
 * instants are on the benchmark's common clock (lib/clock.ts); the parent asks for them at the
 * end, in one answer.
 */
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decode } from 'node-osc';
import { now } from '../lib/clock';
import { serve } from '../lib/rpc';

/** How long `/slow` holds each request before answering 200. */
export const SLOW_ANSWER_MS = 2_000;

export interface PromptReceipt {
  event: string;
  /** The event's own instant (for `turn.phase`, when the clock entered the phase). */
  at: number;
  data: unknown;
  receivedAt: number;
}

export interface OscReceipt {
  address: string;
  args: unknown[];
  receivedAt: number;
}

export interface ReceiverResults {
  prompt: PromptReceipt[];
  osc: OscReceipt[];
  /** POSTs received by `/slow` and `/fail` (retries included). */
  slow: number;
  failed: number;
  /** The most `/slow` requests held at once. */
  heldMax: number;
}

let http: Server | undefined;
let udp: Socket | undefined;
const results: ReceiverResults = { prompt: [], osc: [], slow: 0, failed: 0, heldMax: 0 };
let held = 0;
const holding = new Set<NodeJS.Timeout>();

const start = async (): Promise<{ port: number; oscPort: number }> => {
  http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const receivedAt = now();
      if (req.url === '/slow') {
        results.slow++;
        held++;
        results.heldMax = Math.max(results.heldMax, held);
        const timer = setTimeout(() => {
          holding.delete(timer);
          held--;
          res.writeHead(200).end();
        }, SLOW_ANSWER_MS);
        holding.add(timer);
        return;
      }
      if (req.url === '/fail') {
        results.failed++;
        res.writeHead(500).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        event: string;
        at: number;
        data: unknown;
      };
      results.prompt.push({ event: body.event, at: body.at, data: body.data, receivedAt });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((ready) => http?.listen(0, '127.0.0.1', ready));
  const socket = createSocket('udp4');
  udp = socket;
  socket.on('message', (datagram: Buffer) => {
    const receivedAt = now();
    const message = decode(datagram) as { address: string; args: { value: unknown }[] };
    results.osc.push({
      address: message.address,
      args: message.args.map((a) => a.value),
      receivedAt,
    });
  });
  await new Promise<void>((ready) => socket.bind(0, '127.0.0.1', ready));
  return {
    port: (http.address() as AddressInfo).port,
    oscPort: socket.address().port,
  };
};

const stop = async (): Promise<null> => {
  for (const timer of holding) clearTimeout(timer);
  http?.closeAllConnections();
  await new Promise<void>((done) => (http ? http.close(() => done()) : done()));
  await new Promise<void>((done) => (udp ? udp.close(() => done()) : done()));
  return null;
};

serve({ start, results: () => results, stop });

process.on('SIGTERM', () => {
  void stop().finally(() => process.exit(0));
});
