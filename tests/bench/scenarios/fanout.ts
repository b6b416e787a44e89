/**
 * Scenario 1, fan-out latency: N socket.io clients (displays and delegates, in two load
 * processes) on one meeting; the moderator (in the parent) sends commands alternating
 * floor.close and floor.open; latency is from the send to each client's receipt of the `state`
 * with the new version. Side by side, interleaved command by command: a bare `ws` server (its own
 * process) broadcasting the captured socket.io state frame to N bare `ws` clients (two more load
 * processes), measured the same way.
 */
import WebSocket from 'ws';
import { now, sleep } from '../lib/clock';
import { connectAll, Fleet } from '../lib/fleet';
import { audienceCodes, DEFAULT_FLOOR_STEP } from '../lib/meetings';
import { RawSioClient, versionOfStateFrame } from '../lib/rawClient';
import type { ScenarioResult, TargetCheck } from '../lib/report';
import { type Officer, RostrumServer } from '../lib/rostrum';
import { type Child, spawnChild } from '../lib/rpc';
import { median, round, type Summary, summarize } from '../stats';

export interface FanoutOptions {
  sizes: number[];
  commands: number;
  rounds: number;
}

export const FANOUT_DEFAULTS: FanoutOptions = { sizes: [100, 1000], commands: 50, rounds: 3 };

const COLLECT_TIMEOUT_MS = 15_000;
/** The moderator's socket may send 20 commands a second after a burst of 100: stay under it. */
const MIN_COMMAND_SPACING_MS = 60;
const SETTLE_MS = 25;

interface SystemFigures {
  latencies: number[];
  perRoundP99: number[];
  missing: number;
}

interface SizeFigures {
  n: number;
  rostrum: SystemFigures;
  baseline: SystemFigures;
  rostrumSummary: Summary;
  baselineSummary: Summary;
  ratioP99: number;
  perRoundRatio: number[];
}

const captureFrame = async (
  origin: string,
  token: string,
  moderator: Officer,
): Promise<{ frame: string; version: number }> => {
  const client = new RawSioClient(origin, token);
  const frames: string[] = [];
  client.onState = (text) => frames.push(text);
  await client.connect();
  const version = await moderator.must({ type: 'floor.close' });
  const deadline = now() + 10_000;
  while (now() < deadline) {
    const frame = frames.find((f) => versionOfStateFrame(f) === version);
    if (frame) {
      client.close();
      return { frame, version };
    }
    await sleep(10);
  }
  client.close();
  throw new Error('no state frame captured');
};

const openControl = (port: number): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/control`, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });

export const runFanout = async (
  options: FanoutOptions = FANOUT_DEFAULTS,
): Promise<ScenarioResult> => {
  const t0 = now();
  const server = await RostrumServer.start('sqlite', 'fanout-server');
  const sioFleets = [Fleet.spawn('sio-fleet-a'), Fleet.spawn('sio-fleet-b')];
  const wsFleets = [Fleet.spawn('ws-fleet-a'), Fleet.spawn('ws-fleet-b')];
  let baseline: Child | undefined;
  const officers: Officer[] = [];
  let control: WebSocket | undefined;
  try {
    const { meetingId, codes } = await server.createMeeting();
    const chair = await server.officer(meetingId, codes.chair);
    officers.push(chair);
    await chair.must({ type: 'agenda.start' });
    await chair.must({ type: 'agenda.goto', ...DEFAULT_FLOOR_STEP });
    const moderator = await server.officer(meetingId, codes.moderator);
    officers.push(moderator);

    const [captureToken] = await server.joinMany(meetingId, [codes.display]);
    const captured = await captureFrame(server.origin, captureToken as string, moderator);
    let open = false; // the capture closed the list
    let version = captured.version;

    baseline = spawnChild('baseline', 'baseline/wsServer.ts');
    const { port } = await baseline.call<{ port: number }>('start');
    const { bytes } = await baseline.call<{ bytes: number }>('setFrame', { frame: captured.frame });
    const ctl = await openControl(port);
    control = ctl;
    const controlAcks = new Set<() => void>();
    ctl.on('message', () => {
      for (const f of controlAcks) f();
    });
    let baselineVersion = 1_000_000;

    const results: SizeFigures[] = [];
    let connected = 0;
    let lastCommandAt = 0;
    for (const n of options.sizes) {
      const more = n - connected;
      const tokens = await server.joinMany(meetingId, audienceCodes(codes, more));
      await connectAll(sioFleets, { kind: 'sio', url: server.origin, track: true }, tokens);
      await connectAll(
        wsFleets,
        { kind: 'ws', url: `ws://127.0.0.1:${port}/`, track: true },
        tokens.map(() => ''),
      );
      connected = n;
      await sleep(500);

      const rostrum: SystemFigures = { latencies: [], perRoundP99: [], missing: 0 };
      const bare: SystemFigures = { latencies: [], perRoundP99: [], missing: 0 };
      for (let r = 0; r < options.rounds; r++) {
        const roundRostrum: number[] = [];
        const roundBare: number[] = [];
        for (let i = 0; i < options.commands; i++) {
          // Rostrum: a moderator's command, to every client's receipt of the new state.
          const wait = lastCommandAt + MIN_COMMAND_SPACING_MS - now();
          if (wait > 0) await sleep(wait);
          const expected = version + 1;
          const collecting = sioFleets.map((f) => f.collect(expected, COLLECT_TIMEOUT_MS));
          const sentAt = now();
          lastCommandAt = sentAt;
          const ack = await moderator.send({ type: open ? 'floor.close' : 'floor.open' });
          if (!ack.ok)
            throw new Error(`moderator command refused: ${ack.error.code} ${ack.error.message}`);
          if (ack.version !== expected)
            throw new Error(`version ${ack.version}, expected ${expected}`);
          open = !open;
          version = ack.version;
          for (const c of await Promise.all(collecting)) {
            for (const t of c.times) roundRostrum.push(t - sentAt);
            rostrum.missing += c.missing;
          }
          await sleep(SETTLE_MS);

          // Baseline: the same bytes, from a bare ws server to as many bare ws clients.
          const v = ++baselineVersion;
          const collectingBare = wsFleets.map((f) => f.collect(v, COLLECT_TIMEOUT_MS));
          const acked = new Promise<void>((resolve) => {
            const done = (): void => {
              controlAcks.delete(done);
              resolve();
            };
            controlAcks.add(done);
          });
          const bareSentAt = now();
          ctl.send(String(v));
          await acked;
          for (const c of await Promise.all(collectingBare)) {
            for (const t of c.times) roundBare.push(t - bareSentAt);
            bare.missing += c.missing;
          }
          await sleep(SETTLE_MS);
        }
        rostrum.latencies.push(...roundRostrum);
        bare.latencies.push(...roundBare);
        rostrum.perRoundP99.push(summarize(roundRostrum).p99);
        bare.perRoundP99.push(summarize(roundBare).p99);
      }
      const rostrumSummary = summarize(rostrum.latencies);
      const baselineSummary = summarize(bare.latencies);
      results.push({
        n,
        rostrum,
        baseline: bare,
        rostrumSummary,
        baselineSummary,
        ratioP99: rostrumSummary.p99 / baselineSummary.p99,
        perRoundRatio: rostrum.perRoundP99.map((p, i) => p / (bare.perRoundP99[i] as number)),
      });
    }

    const rows = results.flatMap((r) =>
      (
        [
          ['Rostrum (socket.io)', r.rostrumSummary, r.rostrum],
          ['bare ws baseline', r.baselineSummary, r.baseline],
        ] as const
      ).map(([label, s, f]) => [
        r.n,
        label,
        round(s.p50),
        round(s.p95),
        round(s.p99),
        round(s.max),
        f.perRoundP99.map(round).join(' / '),
        s.count,
        f.missing,
      ]),
    );
    const largest = results[results.length - 1];
    const targets: TargetCheck[] = largest
      ? [
          {
            scenario: 'fanout',
            target: `p99 at N = ${largest.n} <= 1.5 x bare ws p99`,
            measured: `${round(largest.rostrumSummary.p99)} ms vs ${round(largest.baselineSummary.p99)} ms: x${round(largest.ratioP99)} (per round: ${largest.perRoundRatio.map(round).join(', ')})`,
            met: largest.ratioP99 <= 1.5 && largest.rostrum.missing === 0,
          },
        ]
      : [];
    return {
      name: 'fanout',
      title: '1. Fan-out latency',
      seconds: (now() - t0) / 1000,
      tables: [
        {
          title: `Command to receipt of the new state, ms (${options.rounds} rounds x ${options.commands} commands, interleaved with the baseline; frame ${bytes} bytes)`,
          columns: [
            'N',
            'system',
            'p50',
            'p95',
            'p99',
            'max',
            'p99 per round',
            'samples',
            'missing',
          ],
          rows,
        },
        {
          title: 'Ratio of p99s (Rostrum / baseline)',
          columns: ['N', 'pooled', 'median of rounds'],
          rows: results.map((r) => [r.n, round(r.ratioP99), round(median(r.perRoundRatio))]),
        },
      ],
      targets,
      notes: [
        `Store: ${server.storeDescription}. Server, baseline server and the four client fleets (2 socket.io, 2 ws) are separate processes; the moderator's socket is in the runner.`,
        'Each command: the moderator sends floor.close or floor.open (a floor step); its latency per client is receipt of that version minus the send, on one wall clock shared by the processes (lib/clock.ts). The baseline sends the captured `42["state",{...}]` frame with its version replaced, encoded once and sent to each socket; its clients JSON.parse each frame as socket.io-client does.',
      ],
      data: {
        frameBytes: bytes,
        sizes: results.map((r) => ({
          n: r.n,
          rostrum: {
            ...r.rostrumSummary,
            perRoundP99: r.rostrum.perRoundP99,
            missing: r.rostrum.missing,
          },
          baseline: {
            ...r.baselineSummary,
            perRoundP99: r.baseline.perRoundP99,
            missing: r.baseline.missing,
          },
          ratioP99: r.ratioP99,
          perRoundRatio: r.perRoundRatio,
        })),
      },
    };
  } finally {
    control?.terminate();
    for (const o of officers) o.close();
    await Promise.allSettled([...sioFleets, ...wsFleets].map((f) => f.stop()));
    if (baseline) await baseline.stop();
    await server.stop();
  }
};
