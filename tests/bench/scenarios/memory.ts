/**
 * Scenario 3, memory: the server's RSS and heap used after a forced GC, with 0, 100 and 1,000
 * socket.io clients connected to one meeting (displays and delegates); the cost per client.
 *
 * RSS does not shrink when the heap does (freed pages stay with the process), so one server
 * measured at growing sizes can even show less RSS with more clients. Each reading is therefore
 * a fresh server prepared the same way (the meeting created, every token issued), then k clients
 * connected; sizes interleave over the repeats, and the medians count.
 */
import { now, sleep } from '../lib/clock';
import { connectAll, Fleet } from '../lib/fleet';
import { audienceCodes } from '../lib/meetings';
import type { ScenarioResult } from '../lib/report';
import { type MemoryUsage, RostrumServer } from '../lib/rostrum';
import { median, round } from '../stats';

export interface MemoryOptions {
  sizes: number[];
  /** Fresh servers per size; the median counts. */
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

/** A fresh server, the meeting and all tokens made, `clients` connected, then GC and a reading. */
const reading = async (clients: number, tokensFor: number): Promise<MemoryUsage> => {
  const server = await RostrumServer.start('sqlite', 'memory-server');
  const fleets = [Fleet.spawn('memory-fleet-a'), Fleet.spawn('memory-fleet-b')];
  try {
    const { meetingId, codes } = await server.createMeeting();
    const tokens = await server.joinMany(meetingId, audienceCodes(codes, tokensFor));
    if (clients > 0) {
      await connectAll(
        fleets,
        { kind: 'sio', url: server.origin, track: false },
        tokens.slice(0, clients),
      );
    }
    await sleep(1000);
    await server.memory(); // a first collection, then the one that counts
    return await server.memory();
  } finally {
    await Promise.allSettled(fleets.map((f) => f.stop()));
    await server.stop();
  }
};

export const runMemory = async (options: MemoryOptions): Promise<ScenarioResult> => {
  const t0 = now();
  const sizes = [...options.sizes].sort((a, b) => a - b);
  const largest = sizes[sizes.length - 1] ?? 0;
  const readings = new Map<number, MemoryUsage[]>(sizes.map((s) => [s, []]));
  for (let r = 0; r < options.repeats; r++) {
    const order = r % 2 === 0 ? sizes : [...sizes].reverse();
    for (const size of order) readings.get(size)?.push(await reading(size, largest));
  }
  const levels: Level[] = sizes.map((clients) => {
    const rs = readings.get(clients) ?? [];
    return {
      clients,
      rss: median(rs.map((x) => x.rss)),
      heapUsed: median(rs.map((x) => x.heapUsed)),
      external: median(rs.map((x) => x.external)),
      readings: rs,
    };
  });
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
        title: `Server process after a forced GC, MB (median of ${options.repeats} fresh servers per size); per client = growth over ${base.clients} clients, KB`,
        columns: [
          'clients',
          'RSS MB',
          'heap used MB',
          'external MB',
          'RSS KB/client',
          'heap KB/client',
          'RSS MB per server',
        ],
        rows: levels.map((l) => [
          l.clients,
          round(l.rss / MB),
          round(l.heapUsed / MB),
          round(l.external / MB),
          round(perClient(l, 'rss') / KB),
          round(perClient(l, 'heapUsed') / KB),
          l.readings.map((x) => round(x.rss / MB)).join(', '),
        ]),
      },
    ],
    targets: [
      {
        scenario: 'memory',
        target: `<= ${TARGET_KB} KB per client (${top.clients} clients)`,
        measured: `${round(rssPerClientKb)} KB RSS, ${round(heapPerClientKb)} KB heap`,
        met: rssPerClientKb <= TARGET_KB && heapPerClientKb <= TARGET_KB,
      },
    ],
    notes: [
      `The server runs with --expose-gc and is asked over IPC to gc() and report process.memoryUsage(). Every server is prepared alike: the default meeting created and ${largest} tokens issued (HTTP joins) before its clients connect, so only the connections differ. Clients are socket.io-client sockets (websocket transport) in two load processes.`,
    ],
    data: { levels, rssPerClientKb, heapPerClientKb },
  };
};
