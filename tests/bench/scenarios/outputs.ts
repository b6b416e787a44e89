/**
 * Scenario 9, the room's outputs (issue 14): does sending webhooks and OSC slow the fan-out of
 * states, and how late is `turn.phase`? Two server processes, side by side in the same run and
 * driven alike, command by command: one with no outputs, one with 5 webhooks that do not keep up
 * (3 receivers answering after 2 s, 2 answering 500, so retried and given up), a prompt webhook
 * (for the phases' lateness) and two OSC targets (one listening, one not). Each has N socket.io
 * clients in two load processes. Every round, each server's chair starts a turn of 1 s (the
 * warning at 0.4 s), then its moderator closes and opens the list of speakers over about 2 s,
 * while the turn's clock enters its warning and overtime: the fan-out of every command is
 * measured (send to each client's receipt), and each phase's lateness is its receipt by the
 * prompt webhook and by the OSC target minus the instant the clock entered it.
 */

import type { AgendaInput } from '../../../shared/protocol/agenda';
import type { Command } from '../../../shared/protocol/commands';
import type { HookSummary, HooksResponse } from '../../../shared/protocol/hooks';
import { now, sleep } from '../lib/clock';
import { connectAll, Fleet } from '../lib/fleet';
import { audienceCodes } from '../lib/meetings';
import type { ScenarioResult, TargetCheck } from '../lib/report';
import { type Officer, RostrumServer } from '../lib/rostrum';
import { type Child, spawnChild } from '../lib/rpc';
import type { ReceiverResults } from '../server/receiver';
import { median, round, type Summary, summarize } from '../stats';

export interface OutputsOptions {
  /** socket.io clients per server. */
  clients: number;
  rounds: number;
  /** List toggles per round, after the turn's start. */
  toggles: number;
}

export const OUTPUTS_DEFAULTS: OutputsOptions = { clients: 300, rounds: 20, toggles: 12 };

const LIMIT_MS = 1_000;
const WARN_AT_MS = 400;
const COLLECT_TIMEOUT_MS = 15_000;
/** A socket may send 20 commands a second after a burst: each officer stays under it. */
const MIN_COMMAND_SPACING_MS = 70;
const SETTLE_MS = 20;
/** A round lasts at least the turn's limit and this, so every turn reaches its overtime. */
const ROUND_MARGIN_MS = 300;
/** The contract: a phase at most this late. */
const PHASE_LATE_TARGET_MS = 250;
/**
 * Two servers driven alike on a shared machine differ by noise alone: the median of the rounds'
 * p99 ratios is judged, within this.
 */
const FANOUT_RATIO_TARGET = 1.2;
const SLOW_HOOKS = 3;
const FAILING_HOOKS = 2;

const AGENDA: AgendaInput = {
  title: 'Outputs benchmark',
  items: [
    {
      id: 'discussion',
      title: 'Interactive discussion',
      kind: 'panel',
      steps: [
        {
          id: 'floor',
          kind: 'floor',
          title: 'Interventions from the floor',
          allowance: { limitMs: LIMIT_MS, warnAtMs: WARN_AT_MS },
          queuePolicy: 'arrival',
        },
      ],
    },
  ],
};

/** One server under test, its officers and its clients. */
interface Side {
  label: string;
  meetingId: string;
  server: RostrumServer;
  fleets: Fleet[];
  chair: Officer;
  moderator: Officer;
  version: number;
  open: boolean;
  lastCommandAt: number;
  fanout: number[];
  acks: number[];
  missing: number;
  /** The fan-out p99 of each round, for the median of the rounds' ratios. */
  perRoundP99: number[];
}

const hookUrl = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;

const addHook = async (
  server: RostrumServer,
  meetingId: string,
  url: string,
  events?: string[],
): Promise<void> => {
  const res = await fetch(`${server.origin}/api/meetings/${meetingId}/hooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url, secret: 'bench-secret-0123456789', ...(events && { events }) }),
  });
  if (res.status !== 201) throw new Error(`POST hooks: ${res.status} ${await res.text()}`);
};

const listHooks = async (server: RostrumServer, meetingId: string): Promise<HookSummary[]> => {
  const res = await fetch(`${server.origin}/api/meetings/${meetingId}/hooks`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  if (res.status !== 200) throw new Error(`GET hooks: ${res.status} ${await res.text()}`);
  return ((await res.json()) as HooksResponse).hooks;
};

const openSide = async (
  label: string,
  server: RostrumServer,
  clients: number,
  hooks: (meetingId: string) => Promise<void>,
): Promise<Side> => {
  const { meetingId, codes } = await server.createMeeting({ agenda: AGENDA });
  await hooks(meetingId);
  const chair = await server.officer(meetingId, codes.chair);
  const moderator = await server.officer(meetingId, codes.moderator);
  // The meeting starts at its one step, the discussion.
  const version = await chair.must({ type: 'agenda.start' });
  const fleets = [Fleet.spawn(`${label}-fleet-a`), Fleet.spawn(`${label}-fleet-b`)];
  const tokens = await server.joinMany(meetingId, audienceCodes(codes, clients));
  await connectAll(fleets, { kind: 'sio', url: server.origin, track: true }, tokens);
  return {
    label,
    meetingId,
    server,
    fleets,
    chair,
    moderator,
    version,
    open: true,
    lastCommandAt: 0,
    fanout: [],
    acks: [],
    missing: 0,
    perRoundP99: [],
  };
};

/** One command, measured: its ack, and every client's receipt of the state it made. */
const measured = async (side: Side, officer: Officer, command: Command): Promise<void> => {
  const wait = side.lastCommandAt + MIN_COMMAND_SPACING_MS - now();
  if (wait > 0) await sleep(wait);
  const expected = side.version + 1;
  const collecting = side.fleets.map((f) => f.collect(expected, COLLECT_TIMEOUT_MS));
  const sentAt = now();
  side.lastCommandAt = sentAt;
  const ack = await officer.send(command);
  side.acks.push(now() - sentAt);
  if (!ack.ok)
    throw new Error(`${side.label}: ${command.type}: ${ack.error.code} ${ack.error.message}`);
  if (ack.version !== expected)
    throw new Error(`${side.label}: version ${ack.version}, expected ${expected}`);
  side.version = ack.version;
  for (const c of await Promise.all(collecting)) {
    for (const t of c.times) side.fanout.push(t - sentAt);
    side.missing += c.missing;
  }
  await sleep(SETTLE_MS);
};

const toggle = (side: Side): Promise<void> => {
  const command: Command = { type: side.open ? 'floor.close' : 'floor.open' };
  side.open = !side.open;
  return measured(side, side.moderator, command);
};

/** Lateness of each phase, from what the prompt hook and the OSC target received. */
const lateness = (
  results: ReceiverResults,
): { hook: number[]; osc: number[]; phasesExpected: number } => {
  const hook = results.prompt
    .filter((r) => r.event === 'turn.phase')
    .map((r) => r.receivedAt - r.at);
  // Each turn's instants, from its turn.started (speaker name: `Speaker <round>`).
  const turns = new Map<string, { startedAt: number }>();
  for (const r of results.prompt) {
    if (r.event !== 'turn.started') continue;
    const data = r.data as { startedAt: number; speaker: { name: string } };
    turns.set(data.speaker.name, { startedAt: data.startedAt });
  }
  const osc: number[] = [];
  let current: { startedAt: number } | undefined;
  for (const m of results.osc) {
    if (m.address === '/rostrum/turn/started') current = turns.get(String(m.args[1]));
    if (m.address !== '/rostrum/turn/phase' || !current) continue;
    const point = m.args[1] === 'warning' ? WARN_AT_MS : LIMIT_MS;
    osc.push(m.receivedAt - (current.startedAt + point));
  }
  return { hook, osc, phasesExpected: turns.size * 2 };
};

const row = (label: string, s: Summary, extra: (string | number)[] = []) => [
  label,
  round(s.p50),
  round(s.p95),
  round(s.p99),
  round(s.max),
  s.count,
  ...extra,
];

export const runOutputs = async (
  options: OutputsOptions = OUTPUTS_DEFAULTS,
): Promise<ScenarioResult> => {
  const t0 = now();
  const receiver: Child = spawnChild('outputs-receiver', 'server/receiver.ts');
  const sides: Side[] = [];
  const servers: RostrumServer[] = [];
  try {
    const { port, oscPort } = await receiver.call<{ port: number; oscPort: number }>('start');
    const plainServer = await RostrumServer.start('sqlite', 'outputs-none');
    servers.push(plainServer);
    const outputServer = await RostrumServer.start('sqlite', 'outputs-on', {
      // The second target listens nowhere: a dead lighting desk costs the others nothing.
      oscTargets: [
        { host: '127.0.0.1', port: oscPort },
        { host: '127.0.0.1', port: 9 },
      ],
    });
    servers.push(outputServer);
    const plain = await openSide('none', plainServer, options.clients, async () => undefined);
    sides.push(plain);
    const withOutputs = await openSide('outputs', outputServer, options.clients, async (id) => {
      for (let i = 0; i < SLOW_HOOKS; i++) await addHook(outputServer, id, hookUrl(port, '/slow'));
      for (let i = 0; i < FAILING_HOOKS; i++) {
        await addHook(outputServer, id, hookUrl(port, '/fail'));
      }
      await addHook(outputServer, id, hookUrl(port, '/prompt'), ['turn.started', 'turn.phase']);
    });
    sides.push(withOutputs);
    await sleep(500);
    const cpuBefore = await Promise.all(servers.map((s) => s.cpuMicros()));

    for (let r = 0; r < options.rounds; r++) {
      // Which server goes first alternates, so neither always has the machine to itself.
      const order = r % 2 === 0 ? [plain, withOutputs] : [withOutputs, plain];
      const before = order.map((side) => side.fanout.length);
      let lastStart = 0;
      for (const side of order) {
        await measured(side, side.chair, { type: 'turn.start', speaker: { name: `Speaker ${r}` } });
        lastStart = now();
      }
      for (let i = 0; i < options.toggles; i++) {
        for (const side of order) await toggle(side);
      }
      // Every turn runs into its overtime before the next one starts (the later one started
      // when its ack came back, at the latest).
      const left = lastStart + LIMIT_MS + ROUND_MARGIN_MS - now();
      if (left > 0) await sleep(left);
      order.forEach((side, i) => {
        side.perRoundP99.push(summarize(side.fanout.slice(before[i])).p99);
      });
    }
    const cpuAfter = await Promise.all(servers.map((s) => s.cpuMicros()));
    // CPU per command of each server over the rounds: what the outputs cost it, all told.
    const commands = plain.acks.length;
    const cpuPerCommand = servers.map(
      (_, i) => ((cpuAfter[i] ?? 0) - (cpuBefore[i] ?? 0)) / 1000 / commands,
    );
    // The last round's phases have come; the slow hooks are still catching up, as in a room.
    await sleep(LIMIT_MS);
    const results = await receiver.call<ReceiverResults>('results');
    const late = lateness(results);
    const sent = summarize(await outputServer.phaseLateness());
    const hooksAtEnd = await listHooks(outputServer, withOutputs.meetingId);

    const none = summarize(plain.fanout);
    const on = summarize(withOutputs.fanout);
    const ratio = on.p99 / none.p99;
    const roundRatios = withOutputs.perRoundP99.map((p, i) => p / (plain.perRoundP99[i] ?? p));
    const medianRatio = median(roundRatios);
    const acksNone = summarize(plain.acks);
    const acksOn = summarize(withOutputs.acks);
    const hook = summarize(late.hook);
    const osc = summarize(late.osc);
    const targets: TargetCheck[] = [
      {
        scenario: 'outputs',
        target: `fan-out p99 with 5 slow or failing webhooks and OSC <= ${FANOUT_RATIO_TARGET} x without (median of the rounds' ratios)`,
        measured: `${round(on.p99)} ms vs ${round(none.p99)} ms pooled: x${round(ratio)}; median of rounds x${round(medianRatio)}`,
        met: medianRatio <= FANOUT_RATIO_TARGET && withOutputs.missing === 0 && plain.missing === 0,
      },
      {
        scenario: 'outputs',
        target: `turn.phase sent at most ${PHASE_LATE_TARGET_MS} ms late`,
        measured: `max ${round(sent.max)} ms when sent; received by the webhook p99 ${round(hook.p99)}, max ${round(hook.max)}; by OSC p99 ${round(osc.p99)}, max ${round(osc.max)}; ${hook.count} and ${osc.count} of ${late.phasesExpected} phases`,
        met:
          sent.max <= PHASE_LATE_TARGET_MS &&
          sent.count === late.phasesExpected &&
          hook.count === late.phasesExpected &&
          osc.count === late.phasesExpected,
      },
    ];
    return {
      name: 'outputs',
      title: '9. Webhooks and OSC against the fan-out; turn.phase lateness',
      seconds: (now() - t0) / 1000,
      tables: [
        {
          title: `Command to receipt of the new state, ms (N = ${options.clients} per server, ${options.rounds} rounds of a turn start and ${options.toggles} list toggles, the two servers interleaved command by command)`,
          columns: ['server', 'p50', 'p95', 'p99', 'max', 'samples', 'missing'],
          rows: [
            row('no outputs', none, [plain.missing]),
            row(
              `${SLOW_HOOKS} slow + ${FAILING_HOOKS} failing webhooks, 1 prompt, 2 OSC targets`,
              on,
              [withOutputs.missing],
            ),
          ],
        },
        {
          title: 'Ratio of the fan-out p99s (with outputs / without)',
          columns: ['pooled', 'median of rounds', 'per round'],
          rows: [[round(ratio), round(medianRatio), roundRatios.map(round).join(' / ')]],
        },
        {
          title: `Server CPU over the rounds, ms per command (each fanned out to ${options.clients} clients)`,
          columns: ['no outputs', 'with outputs', 'ratio'],
          rows: [
            [
              round(cpuPerCommand[0] ?? Number.NaN),
              round(cpuPerCommand[1] ?? Number.NaN),
              round((cpuPerCommand[1] ?? Number.NaN) / (cpuPerCommand[0] ?? Number.NaN)),
            ],
          ],
        },
        {
          title: 'Command to its ack, ms (the officer that sent it)',
          columns: ['server', 'p50', 'p95', 'p99', 'max', 'samples'],
          rows: [row('no outputs', acksNone), row('with outputs', acksOn)],
        },
        {
          title: 'turn.phase lateness, ms: receipt minus the instant the clock entered the phase',
          columns: ['received by', 'p50', 'p95', 'p99', 'max', 'samples'],
          rows: [
            row('the server, when it sent it', sent),
            row('prompt webhook', hook),
            row('OSC target (UDP)', osc),
          ],
        },
        {
          title: 'What the slow receivers got',
          columns: [
            'POSTs to the 2 s receivers',
            'held at once (max)',
            'POSTs to the 500 receivers',
          ],
          rows: [[results.slow, results.heldMax, results.failed]],
        },
        {
          title: 'The hooks at the end, as GET /api/meetings/:id/hooks lists them',
          columns: ['receiver', 'delivered', 'failed', 'dropped', 'waiting'],
          rows: hooksAtEnd.map((h) => [
            new URL(h.url).pathname,
            h.delivered,
            h.failed,
            h.dropped,
            h.waiting,
          ]),
        },
      ],
      targets,
      notes: [
        `Stores: ${plainServer.storeDescription}, one each. Two server processes, the receivers (HTTP and UDP) in a process of their own, four client fleets (two per server); the officers' sockets are in the runner.`,
        `Each round: the chair starts a turn of ${LIMIT_MS} ms (warning at ${WARN_AT_MS} ms) on each server, then the moderators toggle the list of speakers; every command's fan-out is counted, the turn starts included. The webhooks use the server's defaults (5 s timeout, 4 retries backing off 1-8 s, 500 waiting per hook).`,
        "Lateness counts the delivery too (an HTTP POST on loopback, or a UDP datagram); the instant entered is the event's `at` for the webhook, and the turn's `startedAt` plus its warning or limit for OSC, on the one wall clock of lib/clock.ts.",
      ],
      data: {
        fanout: {
          none,
          outputs: on,
          ratioP99: ratio,
          perRoundP99: { none: plain.perRoundP99, outputs: withOutputs.perRoundP99 },
          medianRoundRatio: medianRatio,
        },
        acks: { none: acksNone, outputs: acksOn },
        cpuMsPerCommand: { none: cpuPerCommand[0], outputs: cpuPerCommand[1] },
        phaseLateness: { sent, hook, osc, expected: late.phasesExpected },
        receivers: { slow: results.slow, heldMax: results.heldMax, failed: results.failed },
        hooksAtEnd,
      },
    };
  } finally {
    for (const side of sides) {
      side.chair.close();
      side.moderator.close();
    }
    await Promise.allSettled(sides.flatMap((s) => s.fleets.map((f) => f.stop())));
    await Promise.allSettled(servers.map((s) => s.stop()));
    await receiver.stop();
  }
};
