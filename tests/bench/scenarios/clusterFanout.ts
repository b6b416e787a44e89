/**
 * Fan-out across two nodes against one (issue 16: "the benchmark adds fan-out p99 across two nodes
 * against one node"). The `fanout` measure (a moderator's floor.close / floor.open, to each
 * socket's receipt of the state with the new version; p50, p99, max) on a cluster of two real
 * node processes on one PostgreSQL and one Redis:
 * - one node: every socket on the node holding the meeting, the command sent there (the baseline,
 *   in the same run and on the same cluster: the holder still publishes through Redis);
 * - two nodes: the sockets split evenly between the holder and the other node, the command sent on
 *   the holder, and, alternately, on the other node, which passes it to the holder
 *   (`rostrum:command`) and gets the holder's ack back.
 * The sockets are in two client fleets (load/fleet.ts), one per node in the split; each round
 * connects them anew for each arrangement, the arrangements in the same order every round.
 */
import { now, sleep } from '../lib/clock';
import {
  BenchCluster,
  type ClusterNode,
  defaultMeeting,
  leaseHolder,
  reaches,
  skippedScenario,
  tokenFor,
  whyNoCluster,
} from '../lib/cluster';
import { connectAll, Fleet } from '../lib/fleet';
import { audienceCodes, DEFAULT_FLOOR_STEP } from '../lib/meetings';
import { mapLimit } from '../lib/net';
import type { ScenarioResult } from '../lib/report';
import { Officer } from '../lib/rostrum';
import { median, round, type Summary, summarize } from '../stats';

export interface ClusterFanoutOptions {
  sizes: number[];
  /** Commands per arrangement per round (the split sends this many from each node). */
  commands: number;
  rounds: number;
}

export const CLUSTER_FANOUT_DEFAULTS: ClusterFanoutOptions = {
  sizes: [100, 1000],
  commands: 50,
  rounds: 3,
};

const NAME = 'cluster-fanout';
const TITLE = '10. Fan-out across two nodes against one (issue 16)';
const COLLECT_TIMEOUT_MS = 15_000;
/** The moderator's sockets may send 20 commands a second after a burst: stay under it. */
const MIN_COMMAND_SPACING_MS = 60;
const SETTLE_MS = 25;
/** The nodes' lease: the default (`LEASE_TTL_MS`); nothing fails over here. */
const LEASE_TTL_MS = 5000;

type Series = 'one node' | 'two nodes, sent on the holder' | 'two nodes, sent on the other';
const SERIES: Series[] = [
  'one node',
  'two nodes, sent on the holder',
  'two nodes, sent on the other',
];

interface SeriesFigures {
  /** Every socket's latency, ms. */
  latencies: number[];
  /** The sockets on the holder, and on the other node (empty with one node). */
  onHolder: number[];
  onOther: number[];
  perRoundP99: number[];
  missing: number;
}

const emptyFigures = (): SeriesFigures => ({
  latencies: [],
  onHolder: [],
  onOther: [],
  perRoundP99: [],
  missing: 0,
});

export const runClusterFanout = async (
  options: ClusterFanoutOptions = CLUSTER_FANOUT_DEFAULTS,
): Promise<ScenarioResult> => {
  const target = 'fan-out p99 across two nodes against one node (no bound in the contract)';
  const missing = whyNoCluster();
  if (missing !== undefined) return skippedScenario(NAME, TITLE, missing, target);

  const t0 = now();
  const cluster = await BenchCluster.start();
  // fleets[0] is always on the holder; fleets[1] on the holder with one node, else on the other.
  const fleets = [Fleet.spawn('cluster-fleet-a'), Fleet.spawn('cluster-fleet-b')];
  const officers: Officer[] = [];
  try {
    const databaseUrl = await cluster.postgres.freshDatabase();
    const first = await cluster.node(databaseUrl, 'node-1', LEASE_TTL_MS);
    const second = await cluster.node(databaseUrl, 'node-2', LEASE_TTL_MS);
    const { meetingId, codes } = await defaultMeeting(first.url);
    await reaches(second, meetingId);
    const sql = await cluster.sql(databaseUrl);
    const holderId = await leaseHolder(sql, meetingId);
    await sql.end();
    const holder = [first, second].find((n) => n.id === holderId);
    const other = [first, second].find((n) => n.id !== holderId);
    if (!holder || !other) throw new Error(`no node holds the meeting (${holderId})`);
    // The adapters find each other by their heartbeats: give them a few.
    await sleep(2000);

    const officerOn = async (node: ClusterNode): Promise<Officer> => {
      const officer = await Officer.connect(
        node.url,
        await tokenFor(node.url, meetingId, codes.moderator),
      );
      officers.push(officer);
      return officer;
    };
    const chair = await Officer.connect(
      holder.url,
      await tokenFor(holder.url, meetingId, codes.chair),
    );
    officers.push(chair);
    await chair.must({ type: 'agenda.start' });
    const atStep = await chair.must({ type: 'agenda.goto', ...DEFAULT_FLOOR_STEP });
    const senders: Record<'holder' | 'other', Officer> = {
      holder: await officerOn(holder),
      other: await officerOn(other),
    };
    let version = atStep;
    let open = true; // the discussion's floor opens with the step
    let lastCommandAt = 0;

    /** One command from `from`; each socket's latency, by the node it is on. */
    const measureOne = async (
      from: 'holder' | 'other',
      split: boolean,
      into: SeriesFigures,
      round: number[],
    ): Promise<void> => {
      const wait = lastCommandAt + MIN_COMMAND_SPACING_MS - now();
      if (wait > 0) await sleep(wait);
      const expected = version + 1;
      const collecting = fleets.map((f) => f.collect(expected, COLLECT_TIMEOUT_MS));
      const sentAt = now();
      lastCommandAt = sentAt;
      const ack = await senders[from].send({ type: open ? 'floor.close' : 'floor.open' });
      if (!ack.ok)
        throw new Error(
          `command sent on the ${from} refused: ${ack.error.code} ${ack.error.message}`,
        );
      if (ack.version !== expected) throw new Error(`version ${ack.version}, expected ${expected}`);
      open = !open;
      version = ack.version;
      const [onHolder, onSecond] = await Promise.all(collecting);
      for (const [c, side] of [
        [onHolder, into.onHolder],
        [onSecond, split ? into.onOther : into.onHolder],
      ] as const) {
        if (!c) continue;
        for (const t of c.times) {
          side.push(t - sentAt);
          into.latencies.push(t - sentAt);
          round.push(t - sentAt);
        }
        into.missing += c.missing;
      }
      await sleep(SETTLE_MS);
    };

    const results: { n: number; series: Map<Series, SeriesFigures> }[] = [];
    for (const n of options.sizes) {
      // Joined on either node, a few at a time: a token opens the meeting on both.
      const tokens = await mapLimit(audienceCodes(codes, n), 16, (code, i) =>
        tokenFor(i % 2 === 0 ? holder.url : other.url, meetingId, code),
      );
      const half = Math.ceil(n / 2);
      const shares = [tokens.slice(0, half), tokens.slice(half)];
      const series = new Map<Series, SeriesFigures>(SERIES.map((s) => [s, emptyFigures()]));
      const figures = (s: Series): SeriesFigures => series.get(s) as SeriesFigures;
      const connect = async (split: boolean): Promise<void> => {
        await Promise.all(fleets.map((f) => f.close()));
        await Promise.all(
          fleets.map((f, i) =>
            connectAll(
              [f],
              { kind: 'sio', url: i === 1 && split ? other.url : holder.url, track: true },
              shares[i] as string[],
            ),
          ),
        );
        await sleep(500);
      };
      for (let r = 0; r < options.rounds; r++) {
        await connect(false);
        const one: number[] = [];
        for (let i = 0; i < options.commands; i++)
          await measureOne('holder', false, figures('one node'), one);
        figures('one node').perRoundP99.push(summarize(one).p99);

        await connect(true);
        const fromHolder: number[] = [];
        const fromOther: number[] = [];
        for (let i = 0; i < options.commands; i++) {
          await measureOne('holder', true, figures('two nodes, sent on the holder'), fromHolder);
          await measureOne('other', true, figures('two nodes, sent on the other'), fromOther);
        }
        figures('two nodes, sent on the holder').perRoundP99.push(summarize(fromHolder).p99);
        figures('two nodes, sent on the other').perRoundP99.push(summarize(fromOther).p99);
      }
      await Promise.all(fleets.map((f) => f.close()));
      results.push({ n, series });
    }

    const summaries = results.map((r) => ({
      n: r.n,
      rows: SERIES.map((s) => {
        const f = r.series.get(s) as SeriesFigures;
        return {
          series: s,
          figures: f,
          all: summarize(f.latencies),
          onHolder: summarize(f.onHolder),
          onOther: summarize(f.onOther),
        };
      }),
    }));
    const p99Of = (rows: (typeof summaries)[number]['rows'], s: Series): Summary =>
      (rows.find((x) => x.series === s) as (typeof rows)[number]).all;
    const ratioRows = summaries.flatMap(({ n, rows }) => {
      const base = rows.find((x) => x.series === 'one node') as (typeof rows)[number];
      return rows
        .filter((x) => x.series !== 'one node')
        .map((x) => [
          n,
          x.series,
          round(x.all.p99 / base.all.p99),
          round(
            median(
              x.figures.perRoundP99.map((p, i) => p / (base.figures.perRoundP99[i] as number)),
            ),
          ),
        ]);
    });
    const largest = summaries[summaries.length - 1];
    const description = await cluster.description();
    return {
      name: NAME,
      title: TITLE,
      seconds: (now() - t0) / 1000,
      tables: [
        {
          title: `Command to receipt of the new state, ms (${options.rounds} rounds x ${options.commands} commands per series)`,
          columns: [
            'N',
            'series',
            'p50',
            'p95',
            'p99',
            'max',
            'p99 per round',
            'p99 on the holder’s sockets',
            'p99 on the other’s sockets',
            'samples',
            'missing',
          ],
          rows: summaries.flatMap(({ n, rows }) =>
            rows.map((x) => [
              n,
              x.series,
              round(x.all.p50),
              round(x.all.p95),
              round(x.all.p99),
              round(x.all.max),
              x.figures.perRoundP99.map(round).join(' / '),
              round(x.onHolder.p99),
              x.onOther.count > 0 ? round(x.onOther.p99) : '-',
              x.all.count,
              x.figures.missing,
            ]),
          ),
        },
        {
          title: 'Ratio of p99s (two nodes / one node)',
          columns: ['N', 'series', 'pooled', 'median of rounds'],
          rows: ratioRows,
        },
      ],
      targets: largest
        ? [
            {
              scenario: NAME,
              target,
              measured: `N = ${largest.n}: one node ${round(p99Of(largest.rows, 'one node').p99)} ms; two nodes ${round(p99Of(largest.rows, 'two nodes, sent on the holder').p99)} ms sent on the holder, ${round(p99Of(largest.rows, 'two nodes, sent on the other').p99)} ms sent on the other`,
              // Only that every socket got every state: the contract sets no bound on the ratio.
              met: largest.rows.every((x) => x.figures.missing === 0),
            },
          ]
        : [],
      notes: [
        `Cluster: two node processes (server/main.ts with DATABASE_URL, REDIS_URL, LEASE_TTL_MS=${LEASE_TTL_MS}) on ${description}. The sockets are in two client fleets (separate processes), the moderators' sockets in the runner; "one node": both fleets on the holder; "two nodes": one fleet on each node.`,
        'Each command: floor.close or floor.open from a moderator on the holder, or on the other node (which passes it to the holder and relays its ack); its latency per socket is receipt of that version minus the send, on the processes’ shared wall clock (lib/clock.ts). With two nodes, the sent-on-the-holder and sent-on-the-other commands alternate. "met" says only that every socket got every state: the contract sets no bound on the ratio.',
      ],
      data: {
        cluster: description,
        sizes: summaries.map(({ n, rows }) => ({
          n,
          series: rows.map((x) => ({
            series: x.series,
            ...x.all,
            onHolderP99: x.onHolder.p99,
            onOtherP99: x.onOther.count > 0 ? x.onOther.p99 : null,
            perRoundP99: x.figures.perRoundP99,
            missing: x.figures.missing,
          })),
        })),
      },
    };
  } finally {
    for (const o of officers) o.close();
    await Promise.allSettled(fleets.map((f) => f.stop()));
    await cluster.stop();
  }
};
