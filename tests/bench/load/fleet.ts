/**
 * A child process holding a fleet of clients, so the clients' work runs apart from the server's
 * and the parent's. Kinds:
 * - `sio`: real socket.io-client sockets (websocket transport), as the screens use;
 * - `raw`: the minimal socket.io client of lib/rawClient.ts (commands with acks, no parsing);
 * - `ws`: bare `ws` clients of the baseline server, parsing each frame as socket.io-client would.
 * Receipt instants are on the common clock of lib/clock.ts and go to the parent in one answer per
 * version, never one IPC message per receipt.
 */
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { now } from '../lib/clock';
import { type AckResult, RawSioClient } from '../lib/rawClient';
import { serve } from '../lib/rpc';

export type FleetKind = 'sio' | 'raw' | 'ws';

export interface ConnectParams {
  kind: FleetKind;
  /** The server origin (sio, raw) or the baseline's ws:// URL (ws). */
  url: string;
  /** One token per client (sio, raw); for ws, only the count matters. */
  tokens: string[];
  /** Record the receipt instant of each state version (fan-out). */
  track: boolean;
  concurrency?: number;
}

export interface ConnectResult {
  connected: number;
  failed: number;
  firstError?: string;
  ms: number;
}

export interface CollectResult {
  version: number;
  /** Receipt instants of this version, one per client that got it. */
  times: number[];
  missing: number;
}

export interface FireResult {
  results: { sentAt: number; ackAt: number; ack: AckResult | null; error?: string }[];
}

export interface CountsResult {
  clients: number;
  /** socket.io packets received per client (heartbeats excluded), and their bytes. */
  packets: number[];
  bytes: number;
  pings: number;
  /** A few of the packets, as text, for the report. */
  examples: string[];
}

interface Tracked {
  close(): void;
}

let clients: Tracked[] = [];
let rawClients: RawSioClient[] = [];
let track = false;
const receipts = new Map<number, number[]>();
const waiters = new Map<number, () => void>();
let counters: { packets: number[]; bytes: number; pings: number; examples: string[] } = {
  packets: [],
  bytes: 0,
  pings: 0,
  examples: [],
};

const record = (version: number, at: number): void => {
  if (!track) return;
  let list = receipts.get(version);
  if (!list) {
    list = [];
    receipts.set(version, list);
  }
  list.push(at);
  if (list.length >= clients.length) waiters.get(version)?.();
};

const countPacket = (index: number, text: string): void => {
  counters.packets[index] = (counters.packets[index] ?? 0) + 1;
  counters.bytes += text.length;
  if (counters.examples.length < 3) counters.examples.push(text.slice(0, 200));
};

const connectSio = (url: string, token: string, index: number): Promise<Tracked> =>
  new Promise((resolve, reject) => {
    const socket = io(url, {
      transports: ['websocket'],
      auth: { token },
      reconnection: false,
      forceNew: true,
      timeout: 20_000,
    });
    socket.on('state', (view: { version: number }) => record(view.version, now()));
    socket.io.on('open', () => {
      socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
        if (packet.type === 'ping') counters.pings++;
        else if (packet.type === 'message') countPacket(index, String(packet.data));
      });
    });
    socket.once('connect', () => {
      resolve({ close: () => socket.disconnect() });
    });
    socket.once('connect_error', (e: Error) => {
      socket.disconnect();
      reject(e);
    });
  });

const connectRaw = async (url: string, token: string): Promise<Tracked> => {
  const client = new RawSioClient(url, token);
  await client.connect(20_000);
  return client;
};

const connectWs = (url: string, index: number): Promise<Tracked> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.on('message', (data: Buffer) => {
      // What socket.io-client does with a text frame: the engine.io and socket.io type, then JSON.
      const text = data.toString();
      if (text.startsWith('42')) {
        const [, view] = JSON.parse(text.slice(2)) as [string, { version: number }];
        record(view.version, now());
        countPacket(index, text);
      }
    });
    ws.once('open', () => resolve({ close: () => ws.terminate() }));
    ws.once('error', reject);
  });

const connect = async (p: ConnectParams): Promise<ConnectResult> => {
  const started = now();
  track = p.track;
  const count = p.tokens.length;
  const concurrency = p.concurrency ?? 50;
  let failed = 0;
  let firstError: string | undefined;
  for (let i = 0; i < count; i += concurrency) {
    const batch: Promise<Tracked>[] = [];
    for (let j = i; j < Math.min(count, i + concurrency); j++) {
      const token = p.tokens[j] as string;
      batch.push(
        p.kind === 'sio'
          ? connectSio(p.url, token, j)
          : p.kind === 'raw'
            ? connectRaw(p.url, token)
            : connectWs(p.url, j),
      );
    }
    const settled = await Promise.allSettled(batch);
    for (const s of settled) {
      if (s.status === 'fulfilled') {
        // In the order of the tokens, not of the connections' completion.
        clients.push(s.value);
        if (s.value instanceof RawSioClient) rawClients.push(s.value);
      } else {
        failed++;
        firstError ??= String(s.reason);
      }
    }
  }
  return {
    connected: clients.length,
    failed,
    ...(firstError !== undefined && { firstError }),
    ms: now() - started,
  };
};

/** Waits until every client has the version (or the deadline) and gives its receipt instants. */
const collect = (p: { version: number; timeoutMs: number }): Promise<CollectResult> =>
  new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      waiters.delete(p.version);
      const times = receipts.get(p.version) ?? [];
      for (const v of receipts.keys()) if (v <= p.version) receipts.delete(v);
      resolve({ version: p.version, times, missing: clients.length - times.length });
    };
    const timer = setTimeout(finish, p.timeoutMs);
    waiters.set(p.version, finish);
    if ((receipts.get(p.version)?.length ?? 0) >= clients.length) finish();
  });

/** Every raw client sends one command at the same instant; answers when all are acked. */
const fire = async (p: {
  at: number;
  command: unknown;
  timeoutMs: number;
}): Promise<FireResult> => {
  const wait = p.at - now();
  if (wait > 0) await new Promise((r) => setTimeout(r, Math.max(0, wait - 2)));
  while (now() < p.at) {
    // the last couple of milliseconds: spin, so both fleets start together
  }
  const promises = rawClients.map((client) => {
    const sentAt = now();
    return client.emitWithAck('command', p.command, p.timeoutMs).then(
      (args) => ({ sentAt, ackAt: now(), ack: (args[0] ?? null) as AckResult | null }),
      (e: unknown) => ({ sentAt, ackAt: now(), ack: null, error: String(e) }),
    );
  });
  return { results: await Promise.all(promises) };
};

const resetCounts = (): void => {
  counters = {
    packets: new Array<number>(clients.length).fill(0),
    bytes: 0,
    pings: 0,
    examples: [],
  };
  for (const c of rawClients) {
    c.counts.packets = 0;
    c.counts.packetBytes = 0;
    c.counts.pings = 0;
  }
};

const counts = (): CountsResult => {
  if (rawClients.length > 0) {
    return {
      clients: rawClients.length,
      packets: rawClients.map((c) => c.counts.packets),
      bytes: rawClients.reduce((a, c) => a + c.counts.packetBytes, 0),
      pings: rawClients.reduce((a, c) => a + c.counts.pings, 0),
      examples: [],
    };
  }
  return {
    clients: clients.length,
    packets: counters.packets.slice(0, clients.length).map((n) => n ?? 0),
    bytes: counters.bytes,
    pings: counters.pings,
    examples: counters.examples,
  };
};

const closeAll = (): { closed: number } => {
  const closed = clients.length;
  for (const c of clients) c.close();
  clients = [];
  rawClients = [];
  receipts.clear();
  return { closed };
};

serve({
  connect,
  collect,
  fire,
  resetCounts,
  counts,
  close: closeAll,
  memory: () => process.memoryUsage(),
});
