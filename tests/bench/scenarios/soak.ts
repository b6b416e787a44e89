/**
 * Scenario 7, soak: a long day in a few minutes. 500 clients on the default meeting, every role
 * at a room's pace, for SOAK_SECONDS (default 600); the server's memory (after a forced GC),
 * open descriptors, the size of DATA_DIR and the acks' latency, in a window at the start and one
 * at the end. Target: memory and descriptors within 10%, ack p99 at the end at most twice the
 * start's.
 *
 * The room: a chair and a moderator (consoles in the runner, plus a second of each connected and
 * idle), 6 displays and 490 delegates' tablets (2 or 3 per delegation) in two load processes.
 * Every client samples the clock 16 times at connect and 4 every 30 s. Each tablet asks for the
 * floor about every 2 minutes and withdraws 30 s later if still waiting. The moderator grants
 * the next request every 3 s, or ends the turn; the chair adds 30 s to the turn every 10 s and
 * closes and reopens the list every minute.
 */
import { now, sleep } from '../lib/clock';
import { DEFAULT_FLOOR_STEP } from '../lib/meetings';
import type { ScenarioResult } from '../lib/report';
import { type MemoryUsage, type Officer, RostrumServer } from '../lib/rostrum';
import { type Child, spawnChild } from '../lib/rpc';
import type { SoakClient, SoakConnectParams, SoakWindow } from '../load/soakFleet';
import { round, summarize } from '../stats';

export interface SoakOptions {
  seconds: number;
  clients: number;
}

/** SOAK_SECONDS (default 600: ten minutes). */
export const soakSeconds = (): number => {
  const value = Number(process.env.SOAK_SECONDS ?? 600);
  if (!Number.isFinite(value) || value < 60) throw new Error('SOAK_SECONDS must be at least 60');
  return value;
};

interface Reading {
  atSeconds: number;
  memory: MemoryUsage;
  descriptors: number;
  dataBytes: number;
}

interface Window {
  commandMs: number[];
  syncMs: number[];
  refusals: Record<string, number>;
  timeouts: number;
  disconnected: number;
}

const MB = 1024 * 1024;

const merge = (windows: SoakWindow[], officerMs: number[]): Window => {
  const refusals: Record<string, number> = {};
  for (const w of windows) {
    for (const [code, n] of Object.entries(w.refusals)) refusals[code] = (refusals[code] ?? 0) + n;
  }
  return {
    commandMs: [...officerMs, ...windows.flatMap((w) => w.commandMs)],
    syncMs: windows.flatMap((w) => w.syncMs),
    refusals,
    timeouts: windows.reduce((a, w) => a + w.timeouts, 0),
    disconnected: windows.reduce((a, w) => a + w.disconnected, 0),
  };
};

export const runSoak = async (options: SoakOptions): Promise<ScenarioResult> => {
  const t0 = now();
  const server = await RostrumServer.start('sqlite', 'soak-server');
  const fleets: Child[] = [
    spawnChild('soak-fleet-a', 'load/soakFleet.ts'),
    spawnChild('soak-fleet-b', 'load/soakFleet.ts'),
  ];
  const officers: Officer[] = [];
  let stopped = false;
  const officerTimers: NodeJS.Timeout[] = [];
  try {
    const { meetingId, codes } = await server.createMeeting();
    const chair = await server.officer(meetingId, codes.chair);
    const moderator = await server.officer(meetingId, codes.moderator);
    officers.push(chair, moderator);
    officers.push(await server.officer(meetingId, codes.chair));
    officers.push(await server.officer(meetingId, codes.moderator));
    await chair.must({ type: 'agenda.start' });
    await chair.must({ type: 'agenda.goto', ...DEFAULT_FLOOR_STEP });

    const audience = options.clients - officers.length;
    const displays = 6;
    const delegations = Object.values(codes.delegations);
    const audienceCodes = Array.from({ length: audience }, (_, i) =>
      i < displays ? codes.display : (delegations[(i - displays) % delegations.length] as string),
    );
    const tokens = await server.joinMany(meetingId, audienceCodes);
    const clients: SoakClient[] = tokens.map((token, i) => ({
      token,
      role: i < displays ? 'display' : 'delegate',
    }));
    const connectParams = (share: SoakClient[]): SoakConnectParams => ({
      url: server.origin,
      clients: share,
      requestEveryMs: 120_000,
      withdrawAfterMs: 30_000,
    });
    const shares = [clients.filter((_, i) => i % 2 === 0), clients.filter((_, i) => i % 2 === 1)];
    const connected = await Promise.all(
      fleets.map((f, i) =>
        f.call<{ connected: number; failed: number }>(
          'connect',
          connectParams(shares[i] ?? []),
          180_000,
        ),
      ),
    );
    const failed = connected.reduce((a, c) => a + c.failed, 0);
    if (failed > 0) throw new Error(`${failed} of ${audience} soak clients did not connect`);

    // The officers' own traffic, with their acks timed here.
    let officerMs: number[] = [];
    const timed = async (officer: Officer, command: Parameters<Officer['send']>[0]) => {
      const sentAt = now();
      try {
        await officer.send(command, 10_000);
        officerMs.push(now() - sentAt);
      } catch {
        // counted as a timeout by its absence; the fleets count theirs
      }
    };
    const every = (ms: number, task: () => Promise<void>) => {
      const loop = () => {
        if (stopped) return;
        officerTimers.push(setTimeout(() => void task().finally(loop), ms));
      };
      loop();
    };
    every(3_000, async () => {
      const view = moderator.last;
      if (view && view.floor.queue.length > 0) await timed(moderator, { type: 'floor.next' });
      else if (view?.turn) await timed(moderator, { type: 'turn.end' });
    });
    every(10_000, async () => {
      if (chair.last?.turn) await timed(chair, { type: 'turn.adjust', deltaMs: 30_000 });
    });
    every(60_000, async () => {
      await timed(chair, { type: 'floor.close' });
      await timed(chair, { type: 'floor.open' });
    });
    for (const officer of officers) {
      every(30_000, async () => {
        for (let i = 0; i < 4; i++) await officer.sync(Date.now()).catch(() => null);
      });
    }

    const windowSeconds = Math.min(60, Math.floor(options.seconds / 4));
    const take = async (): Promise<Window> => {
      const windows = await Promise.all(fleets.map((f) => f.call<SoakWindow>('window')));
      const merged = merge(windows, officerMs);
      officerMs = [];
      return merged;
    };
    const read = async (): Promise<Reading> => ({
      atSeconds: Math.round((now() - t0) / 1000),
      memory: await server.memory(),
      descriptors: server.openDescriptors(),
      dataBytes: server.dataBytes(),
    });

    // Warm-up: every client's 16 samples at connect (spread over 30 s) and a first round.
    await sleep(35_000);
    await take();
    const startedAt = now();
    await sleep(windowSeconds * 1000);
    const startWindow = await take();
    const start = await read();
    const series: Reading[] = [start];
    // The long middle, read every minute.
    const endAt = startedAt + options.seconds * 1000;
    while (now() < endAt - windowSeconds * 1000 - 60_000) {
      await sleep(60_000);
      series.push(await read());
      await take();
    }
    await sleep(Math.max(0, endAt - windowSeconds * 1000 - now()));
    await take();
    await sleep(windowSeconds * 1000);
    const endWindow = await take();
    const end = await read();
    series.push(end);

    const s = summarize(startWindow.commandMs);
    const e = summarize(endWindow.commandMs);
    const growth = (a: number, b: number): number => (b - a) / a;
    const rssGrowth = growth(start.memory.rss, end.memory.rss);
    const heapGrowth = growth(start.memory.heapUsed, end.memory.heapUsed);
    const fdGrowth = growth(start.descriptors, end.descriptors);
    const p99Ratio = e.p99 / s.p99;
    const row = (label: string, r: Reading, w: Window) => {
      const c = summarize(w.commandMs);
      const y = summarize(w.syncMs);
      return [
        label,
        r.atSeconds,
        round(r.memory.rss / MB),
        round(r.memory.heapUsed / MB),
        r.descriptors,
        round(r.dataBytes / MB),
        c.count,
        round(c.p50),
        round(c.p99),
        round(y.p99),
        w.timeouts,
        w.disconnected,
      ];
    };
    const refusalsText = (w: Window) =>
      Object.entries(w.refusals)
        .map(([code, n]) => `${code} ${n}`)
        .join(', ') || 'none';
    return {
      name: 'soak',
      title: '7. Soak',
      seconds: (now() - t0) / 1000,
      tables: [
        {
          title: `${options.clients} clients for ${options.seconds} s; windows of ${windowSeconds} s at the start and the end (memory after a forced GC)`,
          columns: [
            'window',
            'at s',
            'RSS MB',
            'heap used MB',
            'descriptors',
            'DATA_DIR MB',
            'acks',
            'ack p50 ms',
            'ack p99 ms',
            'sync p99 ms',
            'timeouts',
            'clients gone',
          ],
          rows: [row('start', start, startWindow), row('end', end, endWindow)],
        },
        {
          title: 'Every minute',
          columns: ['at s', 'RSS MB', 'heap used MB', 'descriptors', 'DATA_DIR MB'],
          rows: series.map((r) => [
            r.atSeconds,
            round(r.memory.rss / MB),
            round(r.memory.heapUsed / MB),
            r.descriptors,
            round(r.dataBytes / MB),
          ]),
        },
      ],
      targets: [
        {
          scenario: 'soak',
          target: 'memory flat: RSS and heap used at the end within 10% of the start',
          measured: `RSS ${round(rssGrowth * 100)}%, heap ${round(heapGrowth * 100)}%`,
          met: Math.abs(rssGrowth) <= 0.1 && Math.abs(heapGrowth) <= 0.1,
        },
        {
          scenario: 'soak',
          target: 'descriptors flat: within 10% of the start',
          measured: `${start.descriptors} then ${end.descriptors} (${round(fdGrowth * 100)}%)`,
          met: Math.abs(fdGrowth) <= 0.1,
        },
        {
          scenario: 'soak',
          target: 'ack p99 at the end at most 2x the start',
          measured: `${round(s.p99)} ms then ${round(e.p99)} ms (${round(p99Ratio)}x)`,
          met: p99Ratio <= 2 && endWindow.timeouts === 0,
        },
      ],
      notes: [
        `Acks are every command's, from send to ack: the officers' (socket.io-client, in the runner) and the tablets' (the minimal client, in two load processes). Refusals in the end window (part of a real room: a request already granted cannot be withdrawn): ${refusalsText(endWindow)}.`,
        'Memory is process.memoryUsage() after a forced GC (the server runs with --expose-gc); descriptors are the entries of /proc/<pid>/fd; DATA_DIR is the database with its -wal and -shm. SOAK_SECONDS sets the length (at least 60).',
      ],
      data: {
        options,
        windowSeconds,
        start,
        end,
        series,
        startWindow: { ...startWindow, command: s, commandMs: undefined, syncMs: undefined },
        endWindow: { ...endWindow, command: e, commandMs: undefined, syncMs: undefined },
      },
    };
  } finally {
    stopped = true;
    for (const timer of officerTimers) clearTimeout(timer);
    for (const o of officers) o.close();
    await Promise.allSettled(fleets.map((f) => f.call('stop').catch(() => null)));
    await Promise.allSettled(fleets.map((f) => f.stop()));
    await server.stop();
  }
};
