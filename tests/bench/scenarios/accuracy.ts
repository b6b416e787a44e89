/**
 * Scenario 5, display accuracy: a display behind a loopback proxy that delays every chunk each
 * way by a random 20-80 ms (order kept), whose own clock runs 3,700 ms ahead of the server's.
 * At sampled instants, the clock each design would show is compared with the truth: the turn's
 * remaining time at the true Date.now() (client and server share this machine's clock), with the
 * instants of the view the client holds.
 * (a) Rostrum: the offset from `sync` round trips, OffsetEstimator of shared/clock/offset.ts,
 *     sampled as the screens do at connect (client/live/serverClock.ts: 16 in a row, then 4
 *     every 30 s): each round a display socket connects and takes 16 samples in a row, the
 *     first 5, 8 and all 16 each given to a fresh estimator; remainingAt of
 *     shared/clock/turnClock.ts. The target (issue 12: p99 at most 10 ms) is judged on 16.
 * (b) The offset taken from the last state's `serverTime`, with no round-trip correction.
 * (c) A server that pushes `{remainingMs}` once a second through the same kind of link; shown
 *     (c1) counting down locally from its receipt, and (c2) as received, until the next one.
 */
import net from 'node:net';
import { io, type Socket } from 'socket.io-client';
import {
  OffsetEstimator,
  SYNC_SAMPLES_AT_CONNECT,
  type SyncSample,
} from '../../../shared/clock/offset';
import { formatRemaining, remainingAt } from '../../../shared/clock/turnClock';
import type { MeetingState } from '../../../shared/protocol/state';
import { now, sleep } from '../lib/clock';
import type { ScenarioResult } from '../lib/report';
import { type Officer, RostrumServer } from '../lib/rostrum';
import { spawnChild } from '../lib/rpc';
import { seededRandom } from '../proxy';
import { round, type Summary, summarize } from '../stats';

export interface AccuracyOptions {
  rounds: number;
  instantsPerRound: number;
}

const SKEW_MS = 3700;
const MIN_DELAY_MS = 20;
const MAX_DELAY_MS = 80;
/**
 * The screens take a full window of samples at connect (SYNC_SAMPLES_AT_CONNECT of
 * shared/clock/offset.ts). Each round takes 16 samples in a row and gives the first 5, the first 8
 * and all 16 to three fresh estimators, to show what fewer samples would give.
 */
const SAMPLE_COUNTS = [5, 8, 16] as const;
const MOST_SAMPLES = 16;
const WHEN: Record<number, string> = {
  5: '5 samples',
  8: '8 samples',
  16: 'as the screens do at connect',
};
/** The estimate the target is judged on: what a screen has once it has connected. */
const TARGET_SAMPLES = SYNC_SAMPLES_AT_CONNECT;
const TARGET_P99_MS = 10;
const TICKER_LIMIT_MS = 10 * 60 * 1000;

/** The display's own clock: the machine's, set 3.7 s fast. */
const localNow = (): number => Date.now() + SKEW_MS;

interface Design {
  key: string;
  label: string;
  errors: number[];
  wrongSecond: number;
}

const syncOnce = (socket: Socket): Promise<SyncSample> =>
  new Promise((resolve, reject) => {
    const clientSentAt = localNow();
    socket.timeout(5000).emit('sync', clientSentAt, (error: Error | null, serverTime: number) => {
      if (error) reject(error);
      else resolve({ clientSentAt, serverTime, clientReceivedAt: localNow() });
    });
  });

export const runAccuracy = async (options: AccuracyOptions): Promise<ScenarioResult> => {
  const t0 = now();
  const server = await RostrumServer.start('sqlite', 'accuracy-server');
  const link = spawnChild('link', 'load/link.ts');
  const officers: Officer[] = [];
  let display: Socket | undefined;
  let ticker: net.Socket | undefined;
  try {
    const { meetingId, codes } = await server.createMeeting();
    const chair = await server.officer(meetingId, codes.chair);
    officers.push(chair);
    await chair.must({ type: 'agenda.start' });
    await chair.must({ type: 'turn.start' });

    const serverPort = Number(new URL(server.origin).port);
    const linkPorts = await link.call<{
      proxyPort: number;
      tickerProxyPort: number;
      tickerStartedAt: number;
    }>('start', {
      targetPort: serverPort,
      minDelayMs: MIN_DELAY_MS,
      maxDelayMs: MAX_DELAY_MS,
      seed: 20170724,
      tickerLimitMs: TICKER_LIMIT_MS,
    });

    // The display, through the slow link: a fresh socket each round, as a screen that has just
    // connected (the server answers at most 40 syncs in a burst per socket, then 2 a second:
    // server/realtime/syncLimit.ts; 16 a round on one socket would run dry by the fourth round).
    const { token } = await server.join(meetingId, codes.display);
    let view: MeetingState | undefined;
    let offsetFromLastState = 0;
    const states = new Set<() => void>();
    const connectDisplay = async (): Promise<Socket> => {
      const socket = io(`http://127.0.0.1:${linkPorts.proxyPort}`, {
        transports: ['websocket'],
        auth: { token },
        reconnection: false,
        forceNew: true,
      });
      display = socket;
      socket.on('state', (v: MeetingState) => {
        view = v;
        offsetFromLastState = v.serverTime - localNow();
        for (const f of states) f();
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    };

    // Design (c): the once-a-second pusher, through its own slow link.
    let tick: { remainingMs: number; receivedAt: number } | undefined;
    const tickSocket = net.connect({ host: '127.0.0.1', port: linkPorts.tickerProxyPort });
    ticker = tickSocket;
    let buffered = '';
    tickSocket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl = buffered.indexOf('\n');
      while (nl >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const parsed = JSON.parse(line) as { remainingMs: number };
        tick = { remainingMs: parsed.remainingMs, receivedAt: localNow() };
        nl = buffered.indexOf('\n');
      }
    });

    const rostrumDesigns: Design[] = SAMPLE_COUNTS.map((n) => ({
      key: `a${n}`,
      label: `(a) Rostrum: OffsetEstimator, ${n} sync samples (${WHEN[n]})`,
      errors: [],
      wrongSecond: 0,
    }));
    const b: Design = {
      key: 'b',
      label: "(b) last state's serverTime, no round-trip correction",
      errors: [],
      wrongSecond: 0,
    };
    const c1: Design = {
      key: 'c1',
      label: '(c1) {remainingMs} pushed every 1 s, counted down locally from receipt',
      errors: [],
      wrongSecond: 0,
    };
    const c2: Design = {
      key: 'c2',
      label: '(c2) {remainingMs} pushed every 1 s, shown as received',
      errors: [],
      wrongSecond: 0,
    };
    const designs = [...rostrumDesigns, b, c1, c2];
    const note = (d: Design, shown: number, truth: number): void => {
      d.errors.push(shown - truth);
      if (formatRemaining(shown) !== formatRemaining(truth)) d.wrongSecond++;
    };

    const random = seededRandom(42);
    const roundTrips: number[] = [];
    let delta = 1000;
    while (!tick) await sleep(50);
    for (let r = 0; r < options.rounds; r++) {
      display?.disconnect();
      const socket = await connectDisplay();
      // A change, so design (b) has a fresh state each round (the chair is not behind the link).
      const arrived = new Promise<void>((resolve) => {
        const f = (): void => {
          states.delete(f);
          resolve();
        };
        states.add(f);
      });
      await chair.must({ type: 'turn.adjust', deltaMs: delta });
      delta = -delta;
      await arrived;

      // Fresh estimators; the first 5, 8 and all 16 of the same samples.
      const estimators = SAMPLE_COUNTS.map(() => new OffsetEstimator());
      for (let i = 0; i < MOST_SAMPLES; i++) {
        const sample = await syncOnce(socket);
        SAMPLE_COUNTS.forEach((n, k) => {
          if (i < n) estimators[k]?.add(sample);
        });
      }
      roundTrips.push(
        estimators[SAMPLE_COUNTS.indexOf(TARGET_SAMPLES)]?.estimate?.roundTripMs ?? Number.NaN,
      );

      for (let i = 0; i < options.instantsPerRound; i++) {
        await sleep(20 + random() * 60);
        const turn = view?.turn;
        if (!turn || !tick) throw new Error('no running turn');
        const trueNow = Date.now();
        const local = trueNow + SKEW_MS;
        const truth = remainingAt(turn, trueNow);
        estimators.forEach((e, k) => {
          note(rostrumDesigns[k] as Design, remainingAt(turn, e.serverNow(local)), truth);
        });
        note(b, remainingAt(turn, local + offsetFromLastState), truth);
        const tickTruth = TICKER_LIMIT_MS - (trueNow - linkPorts.tickerStartedAt);
        note(c1, tick.remainingMs - (local - tick.receivedAt), tickTruth);
        note(c2, tick.remainingMs, tickTruth);
      }
    }
    const proxyStats = await link.call<{ chunks: number; meanDelayMs: number }[]>('stats');
    const summaries = designs.map((d) => ({
      ...d,
      abs: summarize(d.errors.map((e) => Math.abs(e))),
      signed: summarize(d.errors),
    }));
    const rostrum = summaries.find((x) => x.key === `a${TARGET_SAMPLES}`) as Design & {
      abs: Summary;
    };
    const others = summaries.filter((x) => x.key.startsWith('a') && x !== rostrum);
    const instants = options.rounds * options.instantsPerRound;
    return {
      name: 'accuracy',
      title: '5. Display accuracy',
      seconds: (now() - t0) / 1000,
      tables: [
        {
          title: `Shown minus true remaining time over ${instants} instants (${options.rounds} rounds x ${options.instantsPerRound}), link ${MIN_DELAY_MS}-${MAX_DELAY_MS} ms each way, display clock ${SKEW_MS} ms fast`,
          columns: [
            'design',
            'abs error p50 ms',
            'abs error p99 ms',
            'abs error max ms',
            'signed mean ms',
            'wrong second shown',
          ],
          rows: summaries.map((s) => [
            s.label,
            round(s.abs.p50),
            round(s.abs.p99),
            round(s.abs.max),
            round(s.signed.mean),
            `${round((s.wrongSecond / instants) * 100)} %`,
          ]),
        },
      ],
      targets: [
        {
          scenario: 'accuracy',
          target: `Rostrum's display p99 absolute error <= ${TARGET_P99_MS} ms (${TARGET_SAMPLES} sync samples)`,
          measured: `${round(rostrum.abs.p99)} ms (max ${round(rostrum.abs.max)} ms); ${others.map((o) => `with ${o.key.slice(1)} samples ${round(o.abs.p99)} ms`).join(', ')}`,
          met: rostrum.abs.p99 <= TARGET_P99_MS,
        },
      ],
      notes: [
        `Each round is an independent estimate (fresh estimators, 16 new samples), and design (a) makes the same error at every instant of a round: its percentiles are over ${options.rounds} estimates. Round trip of the best of ${TARGET_SAMPLES} samples per round: ${summarizeText(roundTrips)}. Proxy chunks (server link, ticker link): ${proxyStats.map((p) => `${p.chunks} at ${round(p.meanDelayMs)} ms mean`).join('; ')}.`,
        '"wrong second shown": the clock face (formatRemaining, whole seconds) differs from the true one. Design (c) counts the ticker\'s own turn; (a) and (b) the Rostrum turn, whose limit the chair moves by ±1 s each round (turn.adjust) so design (b) gets a fresh state.',
      ],
      data: {
        skewMs: SKEW_MS,
        designs: summaries.map((s) => ({
          key: s.key,
          label: s.label,
          abs: s.abs,
          signed: s.signed,
          wrongSecond: s.wrongSecond,
          errors: s.errors,
        })),
        roundTrips,
        proxyStats,
      },
    };
  } finally {
    display?.disconnect();
    ticker?.destroy();
    for (const o of officers) o.close();
    await link.stop();
    await server.stop();
  }
};

const summarizeText = (values: number[]): string => {
  const s = summarize(values);
  return `p50 ${round(s.p50)} ms, max ${round(s.max)} ms`;
};
