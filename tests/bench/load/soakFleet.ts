/**
 * The audience of the soak (scenario 7) in its own process: displays and delegates' tablets as
 * the minimal socket.io client (lib/rawClient.ts), each behaving as a screen does. Every client
 * takes 16 clock samples (`sync`, one after the other) at connect and 4 every 30 s; every
 * delegate asks for the floor now and then and withdraws if still waiting a while later. The
 * parent reads the acks' latencies window by window.
 */
import { now } from '../lib/clock';
import { type AckResult, RawSioClient } from '../lib/rawClient';
import { serve } from '../lib/rpc';

export interface SoakClient {
  token: string;
  role: 'display' | 'delegate';
}

export interface SoakConnectParams {
  url: string;
  clients: SoakClient[];
  /** A delegate asks for the floor once in this many ms on average (uniform 0.5x to 1.5x). */
  requestEveryMs: number;
  /** And withdraws this long after, if the request is still waiting. */
  withdrawAfterMs: number;
}

export interface SoakWindow {
  /** Latency (ms) of every command ack received since the last window. */
  commandMs: number[];
  /** Latency of every sync answer. */
  syncMs: number[];
  /** Refusals by code (not_found after a grant, already_queued... are part of a real room). */
  refusals: Record<string, number>;
  /** Requests that got no answer in time, or clients that lost their connection. */
  timeouts: number;
  disconnected: number;
}

let live: { client: RawSioClient; role: SoakClient['role'] }[] = [];
const timers = new Set<NodeJS.Timeout>();
let window: SoakWindow = fresh();
let stopped = false;

function fresh(): SoakWindow {
  return { commandMs: [], syncMs: [], refusals: {}, timeouts: 0, disconnected: 0 };
}

const later = (ms: number, task: () => void): void => {
  if (stopped) return;
  const timer = setTimeout(() => {
    timers.delete(timer);
    if (!stopped) task();
  }, ms);
  timers.add(timer);
};

const jitter = (ms: number): number => ms * (0.5 + Math.random());

const syncs = async (client: RawSioClient, count: number): Promise<void> => {
  for (let i = 0; i < count && !stopped; i++) {
    const sentAt = now();
    try {
      await client.emitWithAck('sync', Date.now(), 5_000);
      window.syncMs.push(now() - sentAt);
    } catch {
      window.timeouts++;
    }
  }
};

const command = async (client: RawSioClient, cmd: unknown): Promise<AckResult | null> => {
  const sentAt = now();
  try {
    const [ack] = (await client.emitWithAck('command', cmd, 10_000)) as [AckResult];
    window.commandMs.push(now() - sentAt);
    if (!ack.ok) {
      const code = ack.error?.code ?? 'unknown';
      window.refusals[code] = (window.refusals[code] ?? 0) + 1;
    }
    return ack;
  } catch {
    window.timeouts++;
    return null;
  }
};

const delegateLoop = (client: RawSioClient, p: SoakConnectParams, first = false): void => {
  // The first request at a random moment of the first period, so the room is busy from the start.
  later(first ? Math.random() * p.requestEveryMs : jitter(p.requestEveryMs), () => {
    void command(client, { type: 'floor.request' }).then((ack) => {
      if (ack?.ok) later(p.withdrawAfterMs, () => void command(client, { type: 'floor.withdraw' }));
      delegateLoop(client, p);
    });
  });
};

const syncLoop = (client: RawSioClient): void => {
  later(30_000, () => {
    void syncs(client, 4).then(() => syncLoop(client));
  });
};

const connect = async (p: SoakConnectParams): Promise<{ connected: number; failed: number }> => {
  let failed = 0;
  for (let i = 0; i < p.clients.length; i += 25) {
    const batch = p.clients.slice(i, i + 25);
    const settled = await Promise.allSettled(
      batch.map(async ({ token, role }) => {
        const client = new RawSioClient(p.url, token);
        await client.connect(20_000);
        return { client, role };
      }),
    );
    for (const s of settled) {
      if (s.status === 'fulfilled') live.push(s.value);
      else failed++;
    }
  }
  // Each screen starts as it would: its 16 samples, then its own rhythm, at a random phase.
  for (const { client, role } of live) {
    later(Math.random() * 30_000, () => {
      void syncs(client, 16).then(() => syncLoop(client));
      if (role === 'delegate') delegateLoop(client, p, true);
    });
  }
  return { connected: live.length, failed };
};

/** The window since the last call, and a new one started. */
const takeWindow = (): SoakWindow => {
  const taken = window;
  window = fresh();
  taken.disconnected = live.filter(({ client }) => !client.isOpen).length;
  return taken;
};

const stop = (): { closed: number } => {
  stopped = true;
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
  const closed = live.length;
  for (const { client } of live) client.close();
  live = [];
  return { closed };
};

serve({ connect, window: takeWindow, stop });
