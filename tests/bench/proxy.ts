/**
 * A TCP proxy on loopback that delays every chunk, in each direction, by a random 20-80 ms while
 * keeping order: a chunk is released at max(the previous chunk's release, arrival + delay).
 */
import net, { type AddressInfo } from 'node:net';

/** A small seeded generator (mulberry32), so a run can be repeated. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export interface DelayProxyOptions {
  targetPort: number;
  minDelayMs: number;
  maxDelayMs: number;
  seed: number;
}

export interface DelayProxy {
  port: number;
  /** Chunks forwarded and the delays they were given. */
  stats(): { chunks: number; meanDelayMs: number };
  close(): Promise<void>;
}

/** One direction of one connection: an ordered queue of chunks with release instants. */
const delayedPipe = (
  from: net.Socket,
  to: net.Socket,
  delay: () => number,
  onChunk: (delayMs: number) => void,
): void => {
  const queue: { at: number; chunk: Buffer }[] = [];
  let lastRelease = 0;
  let timer: NodeJS.Timeout | undefined;
  let ended = false;
  const pump = (): void => {
    timer = undefined;
    const t = performance.now();
    while (queue.length > 0 && (queue[0] as { at: number }).at <= t + 0.5) {
      const item = queue.shift() as { at: number; chunk: Buffer };
      if (!to.destroyed) to.write(item.chunk);
    }
    if (queue.length > 0) {
      timer = setTimeout(pump, Math.max(0, (queue[0] as { at: number }).at - performance.now()));
    } else if (ended) {
      to.end();
    }
  };
  from.on('data', (chunk: Buffer) => {
    const d = delay();
    const at = Math.max(lastRelease, performance.now() + d);
    lastRelease = at;
    onChunk(d);
    queue.push({ at, chunk });
    if (!timer) timer = setTimeout(pump, Math.max(0, at - performance.now()));
  });
  from.on('end', () => {
    ended = true;
    if (!timer && queue.length === 0) to.end();
  });
  from.on('close', () => {
    if (timer) clearTimeout(timer);
    queue.length = 0;
    if (!to.destroyed) to.destroy();
  });
  from.on('error', () => from.destroy());
};

export const startDelayProxy = (options: DelayProxyOptions): Promise<DelayProxy> => {
  const random = seededRandom(options.seed);
  const delay = (): number =>
    options.minDelayMs + random() * (options.maxDelayMs - options.minDelayMs);
  let chunks = 0;
  let totalDelay = 0;
  const onChunk = (d: number): void => {
    chunks++;
    totalDelay += d;
  };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    client.setNoDelay(true);
    const upstream = net.connect({ host: '127.0.0.1', port: options.targetPort });
    upstream.setNoDelay(true);
    sockets.add(client);
    sockets.add(upstream);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
    delayedPipe(client, upstream, delay, onChunk);
    delayedPipe(upstream, client, delay, onChunk);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        stats: () => ({ chunks, meanDelayMs: chunks > 0 ? totalDelay / chunks : 0 }),
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
};
