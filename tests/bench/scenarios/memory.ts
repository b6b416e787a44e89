/**
 * Scenario 3, memory: the server's RSS and heap used after a forced GC, with 0, 100 and 1,000
 * socket.io clients connected to one meeting (displays and delegates); the cost per client.
 */
import { now, sleep } from '../lib/clock';
import { connectAll, Fleet } from '../lib/fleet';
import { audienceCodes } from '../lib/meetings';
import type { ScenarioResult } from '../lib/report';
import { type MemoryUsage, RostrumServer } from '../lib/rostrum';
import { median, round } from '../stats';

export interface MemoryOptions {
  sizes: number[];
  /** Readings at each size (each after a forced GC); the median counts. */
  repeats: number;
}

const KB = 1024;
const MB = 1024 * 1024;
const TARGET_KB = 50;

interface Level {
  clients: number;
  rss: number;
  heapUsed: number;
  external: number;
  readings: MemoryUsage[];
}

export const runMemory = async (options: MemoryOptions): Promise<ScenarioResult> => {
  const t0 = now();
  const server = await RostrumServer.start('sqlite', 'memory-server');
  const fleets = [Fleet.spawn('memory-fleet-a'), Fleet.spawn('memory-fleet-b')];
  try {
    const { meetingId, codes } = await server.createMeeting();
    // Tokens for every size first, so joining (HTTP, SQLite) is not counted in a level's heap.
    const largest = Math.max(...options.sizes);
    const tokens = await server.joinMany(meetingId, audienceCodes(codes, largest));
    const levels: Level[] = [];
    let connected = 0;
    for (const size of [...options.sizes].sort((a, b) => a - b)) {
      if (size > connected) {
        await connectAll(
          fleets,
          { kind: 'sio', url: server.origin, track: false },
          tokens.slice(connected, size),
        );
        connected = size;
      }
      await sleep(1000);
      const readings: MemoryUsage[] = [];
      for (let i = 0; i < options.repeats; i++) readings.push(await server.memory());
      levels.push({
        clients: size,
        rss: median(readings.map((r) => r.rss)),
        heapUsed: median(readings.map((r) => r.heapUsed)),
        external: median(readings.map((r) => r.external)),
        readings,
      });
    }
    const base = levels[0] as Level;
    const top = levels[levels.length - 1] as Level;
    const perClient = (l: Level, key: 'rss' | 'heapUsed' | 'external'): number =>
      l.clients === base.clients ? Number.NaN : (l[key] - base[key]) / (l.clients - base.clients);
    const rssPerClientKb = perClient(top, 'rss') / KB;
    const heapPerClientKb = perClient(top, 'heapUsed') / KB;
    return {
      name: 'memory',
      title: '3. Memory',
      seconds: (now() - t0) / 1000,
      tables: [
        {
          title: `Server process after a forced GC (median of ${options.repeats} readings), MB; per client = growth over ${base.clients} clients, KB`,
          columns: [
            'clients',
            'RSS MB',
            'heap used MB',
            'external MB',
            'RSS KB/client',
            'heap KB/client',
          ],
          rows: levels.map((l) => [
            l.clients,
            round(l.rss / MB),
            round(l.heapUsed / MB),
            round(l.external / MB),
            round(perClient(l, 'rss') / KB),
            round(perClient(l, 'heapUsed') / KB),
          ]),
        },
      ],
      targets: [
        {
          scenario: 'memory',
          target: `<= ${TARGET_KB} KB per client (RSS growth, ${top.clients} clients)`,
          measured: `${round(rssPerClientKb)} KB RSS, ${round(heapPerClientKb)} KB heap`,
          met: rssPerClientKb <= TARGET_KB,
        },
      ],
      notes: [
        'The server runs with --expose-gc and is asked over IPC to gc() twice and report process.memoryUsage(); every client is a socket.io-client (websocket transport) in one of two load processes. The tokens were all issued before the first reading.',
      ],
      data: { levels, rssPerClientKb, heapPerClientKb },
    };
  } finally {
    await Promise.allSettled(fleets.map((f) => f.stop()));
    await server.stop();
  }
};
