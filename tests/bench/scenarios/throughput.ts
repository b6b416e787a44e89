/**
 * Scenario 4, throughput with durability: 1,000 delegations, each a socket with its own delegate
 * token, all send `floor.request` at once into an open floor step (arrival order). Acknowledged
 * commands per second and the time until all are acknowledged, with the SQLite store on disk and,
 * in the same run, the same store in memory (DATA_DIR=:memory:); repeated, interleaved.
 * Checks: every request acknowledged ok, none lost, and the final queue in the order the server
 * took them (the order of their versions).
 */
import type { MeetingState } from '../../../shared/protocol/state';
import { now, sleep } from '../lib/clock';
import { connectAll, Fleet, split } from '../lib/fleet';
import { floorAgenda, syntheticRoster } from '../lib/meetings';
import { benchDatabaseUrl } from '../lib/postgres';
import type { ScenarioResult } from '../lib/report';
import { RostrumServer, type StoreKind } from '../lib/rostrum';
import { median, round, summarize } from '../stats';

export interface ThroughputOptions {
  delegations: number;
  repeats: number;
}

const ACK_TIMEOUT_MS = 120_000;

interface Attempt {
  store: StoreKind;
  storeDescription: string;
  delegations: number;
  acked: number;
  refused: number;
  lost: number;
  firstError?: string;
  /** From the first send to the last ack. */
  allAckedMs: number;
  perSecond: number;
  ackLatency: ReturnType<typeof summarize>;
  queueLength: number;
  inArrivalOrder: boolean;
  versionsDistinct: boolean;
  broadcasts: number;
}

const attempt = async (store: StoreKind, delegations: number): Promise<Attempt> => {
  const server = await RostrumServer.start(store, `throughput-server-${store}`);
  const fleets = [Fleet.spawn('throughput-fleet-a'), Fleet.spawn('throughput-fleet-b')];
  try {
    const roster = syntheticRoster(delegations);
    const { meetingId, codes } = await server.createMeeting({
      agenda: floorAgenda('arrival'),
      roster,
    });
    const chair = await server.officer(meetingId, codes.chair);
    const startVersion = await chair.must({ type: 'agenda.start' });
    const ready = await chair.waitForVersion(startVersion);
    if (!ready.floor.open || ready.current?.stepId !== 'floor')
      throw new Error('no open floor step');
    let broadcasts = 0;
    chair.socket.on('state', () => {
      broadcasts++;
    });

    const ids = roster.map((d) => d.id);
    const tokens = await server.joinMany(
      meetingId,
      ids.map((id) => codes.delegations[id] as string),
    );
    await connectAll(fleets, { kind: 'raw', url: server.origin, track: false }, tokens);
    const shares = split(ids, fleets.length);
    await sleep(300);

    const at = now() + 300;
    const fired = await Promise.all(
      fleets.map((f) => f.fire(at, { type: 'floor.request' }, ACK_TIMEOUT_MS)),
    );
    const results = fired.flatMap((f, i) =>
      f.results.map((r, j) => ({ ...r, delegationId: (shares[i] as string[])[j] as string })),
    );
    const ok = results.filter((r) => r.ack?.ok === true);
    const refused = results.filter((r) => r.ack !== null && r.ack.ok === false);
    const lost = results.filter((r) => r.ack === null);
    const firstSend = Math.min(...results.map((r) => r.sentAt));
    const lastAck = Math.max(...results.map((r) => r.ackAt));
    const byVersion = [...ok].sort((a, b) => (a.ack?.version ?? 0) - (b.ack?.version ?? 0));
    const maxVersion = byVersion[byVersion.length - 1]?.ack?.version ?? startVersion;
    const final: MeetingState = await chair.waitForVersion(maxVersion, 60_000);
    const queue = final.floor.queue.map((q) => q.delegationId);
    const expected = byVersion.map((r) => r.delegationId);
    const versions = new Set(ok.map((r) => r.ack?.version));
    chair.close();
    const firstProblem = refused[0]?.ack?.error;
    return {
      store,
      storeDescription: server.storeDescription,
      delegations,
      acked: ok.length,
      refused: refused.length,
      lost: lost.length,
      ...(firstProblem && {
        firstError: `${firstProblem.code}: ${firstProblem.message}`,
      }),
      ...(lost[0]?.error !== undefined && { firstError: lost[0].error }),
      allAckedMs: lastAck - firstSend,
      perSecond: (ok.length / (lastAck - firstSend)) * 1000,
      ackLatency: summarize(results.map((r) => r.ackAt - r.sentAt)),
      queueLength: queue.length,
      inArrivalOrder:
        queue.length === expected.length && queue.every((id, i) => id === expected[i]),
      versionsDistinct: versions.size === ok.length,
      broadcasts,
    };
  } finally {
    await Promise.allSettled(fleets.map((f) => f.stop()));
    await server.stop();
  }
};

/** The stores compared: SQLite's three, and PostgreSQL when DATABASE_URL names one (no target). */
const storesToRun = (): { kind: StoreKind; label: string }[] => [
  { kind: 'sqlite', label: 'SQLite on disk (durable)' },
  { kind: 'memory', label: 'The store in memory (SQLite :memory:)' },
  { kind: 'sqlite-full', label: 'SQLite on disk, DURABILITY=full (fsync per commit; no target)' },
  ...(benchDatabaseUrl() === undefined
    ? []
    : [{ kind: 'postgres' as const, label: 'PostgreSQL (DATABASE_URL; no target)' }]),
];

export const runThroughput = async (options: ThroughputOptions): Promise<ScenarioResult> => {
  const t0 = now();
  const STORES = storesToRun();
  const attempts: Attempt[] = [];
  for (let r = 0; r < options.repeats; r++) {
    // Alternate which store goes first, so drift in the machine's load falls on both.
    const order = r % 2 === 0 ? STORES : [...STORES].reverse();
    for (const s of order) attempts.push(await attempt(s.kind, options.delegations));
  }
  const of = (kind: StoreKind): Attempt[] => attempts.filter((a) => a.store === kind);
  const rate = (kind: StoreKind): number => median(of(kind).map((a) => a.perSecond));
  const durable = rate('sqlite');
  const memory = rate('memory');
  const allGood = attempts.every(
    (a) => a.acked === a.delegations && a.lost === 0 && a.inArrivalOrder && a.versionsDistinct,
  );
  return {
    name: 'throughput',
    title: '4. Throughput with durability',
    seconds: (now() - t0) / 1000,
    tables: [
      {
        title: `${options.delegations} delegations send floor.request at once (medians of ${options.repeats} runs per store)`,
        columns: [
          'store',
          'acked/s',
          'all acked ms',
          'ack p50 ms',
          'ack p99 ms',
          'acked',
          'lost',
          'queue in arrival order',
          'state broadcasts',
          'runs (acked/s)',
        ],
        rows: STORES.map((s) => {
          const runs = of(s.kind);
          return [
            s.label,
            round(rate(s.kind)),
            round(median(runs.map((a) => a.allAckedMs))),
            round(median(runs.map((a) => a.ackLatency.p50))),
            round(median(runs.map((a) => a.ackLatency.p99))),
            runs.map((a) => a.acked).join(', '),
            runs.map((a) => a.lost + a.refused).join(', '),
            runs.every((a) => a.inArrivalOrder) ? 'yes' : 'NO',
            runs.map((a) => a.broadcasts).join(', '),
            runs.map((a) => round(a.perSecond)).join(', '),
          ];
        }),
      },
    ],
    targets: [
      {
        scenario: 'throughput',
        target: 'durable >= 0.5 x in-memory rate',
        measured: `${round(durable)}/s vs ${round(memory)}/s (in memory): x${round(durable / memory)}`,
        met: durable >= 0.5 * memory,
      },
      {
        scenario: 'throughput',
        target: `all ${options.delegations} acknowledged, in arrival order, none lost`,
        measured: attempts
          .map(
            (a) =>
              `${a.acked} ok${a.lost + a.refused > 0 ? `, ${a.lost + a.refused} not (${a.firstError ?? ''})` : ''}${a.inArrivalOrder ? '' : ', OUT OF ORDER'}`,
          )
          .join('; '),
        met: allGood,
      },
    ],
    notes: [
      'The in-memory figure is the same store and statements on an SQLite :memory: database (buildApp with dataDir ":memory:"): what the command path costs without a file. With synchronous=NORMAL in WAL mode the durable store does not fsync at commit (DURABILITY=full does: its row has no target).',
      'Each delegation is a socket (a minimal socket.io protocol client, lib/rawClient.ts, that answers heartbeats and reads acks without parsing the states) in one of two load processes; both start sending at one agreed instant. "state broadcasts" is how many states the chair console received while the requests went in: the server sends the latest state once per turn of its event loop.',
      'Arrival order: the acks sorted by version (the order the server applied them) must equal the final queue.',
      ...attempts
        .filter((a) => a.store === 'postgres')
        .slice(0, 1)
        .map(
          (a) =>
            `With DATABASE_URL, the same runs on ${a.storeDescription}, a database of its own per run: each command is one transaction (BEGIN, the log line, COMMIT), three round trips, one meeting's commits one after another. Each commit answers in a turn of the event loop of its own (SQLite's answer at once); a stored change's state waits for the commands behind it in the queue, at most BROADCAST_WAIT_MS (server/meetings/runtime.ts), so one state carries several: compare the state broadcasts.`,
        ),
    ],
    data: { attempts },
  };
};
