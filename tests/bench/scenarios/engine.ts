/**
 * Scenario 8, the engine: what a state weighs on the wire, what a command costs the engine, and
 * how long a restart takes as the command log grows (issue 12, points 5 and 6).
 *
 * 1. State size: a server process (lib/rostrum.ts), the default meeting (`POST /api/meetings`
 *    with no body), a display's socket (the minimal client, so the frame is read as sent): the
 *    bytes of each `state` it receives, on connect (agenda included) and after each step of a
 *    real sequence: `agenda.start`, `agenda.goto` to the first item with a floor step,
 *    `floor.add`, more requests, `floor.grant`, `agenda.edit`.
 * 2. CPU of a command: the engine alone, in this process, no I/O: the default meeting, a mix of
 *    the commands a room sends most (`ROUND` below) applied one after the other with instants a
 *    few seconds apart; performance.now() and process.cpuUsage() around each call.
 * 3. Restart: a real server, in this process, writes a DATA_DIR with the default meeting and N
 *    accepted commands (the same mix, through `MeetingRuntime.execute`, the path a socket's
 *    command takes after its checks); a copy of its files is taken at N (a snapshot falls on
 *    every hundredth version, so none is left to replay) and at N + 99 (the most a crash can
 *    leave to replay), as `kill -9` would leave them. Each copy is started as `npm start` starts
 *    the server (`node --import tsx server/main.ts`), timed from spawn to its "listening" line
 *    and to the first `state` a client (a token issued before the copy) receives; and opened
 *    with `buildApp` in this process, which times the store's opening and the meeting's restore
 *    without Node's and tsx's start, in wall and in CPU time. A new meeting's copy is the base.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { buildApp } from '../../../server/app';
import { MeetingEngine } from '../../../server/engine/engine';
import { defaultMeetingAgenda } from '../../../server/meetings/defaultMeeting';
import type { MeetingRuntime } from '../../../server/meetings/runtime';
import { DATABASE_FILE } from '../../../server/store/database';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import type { Agenda, Roster } from '../../../shared/protocol/agenda';
import type { Command, CommandType } from '../../../shared/protocol/commands';
import type { Role } from '../../../shared/protocol/common';
import type { MeetingView } from '../../../shared/protocol/view';
import { now, sleep } from '../lib/clock';
import { freePort } from '../lib/net';
import { RawSioClient, versionOfStateFrame } from '../lib/rawClient';
import type { ScenarioResult, TargetCheck } from '../lib/report';
import { Officer, RostrumServer } from '../lib/rostrum';
import { median, round, summarize } from '../stats';

const ROOT = resolve(import.meta.dirname, '../../..');
const ADMIN_TOKEN = 'bench-engine-operator-token-0123456789';
const START_TIMEOUT_MS = 60_000;
/** The target for a state after a queue change. */
const LEAN_STATE_BYTES = 1.5 * 1024;

export interface EngineOptions {
  /** Commands applied to the engine alone, after as many again to warm it up. */
  commands: number;
  /** Sizes of the command log for the restart (each also restarted at size + 99). */
  logSizes: number[];
  /** Starts of each DATA_DIR copy as a process (medians). */
  restarts: number;
  /** Opens of each copy in this process (medians). */
  opens: number;
}

export const ENGINE_DEFAULTS: EngineOptions = {
  commands: 20_000,
  logSizes: [2_000, 20_000],
  restarts: 3,
  opens: 9,
};

// The engine, behind one function

type Sender = { role: Role; delegationId?: string };
type Applied = { ok: true } | { ok: false; code: string };

/**
 * The engine as this scenario drives it: one meeting made from its agenda and roster, then
 * commands applied one by one, each with its sender and instant, and the view of where it stands
 * (read between commands, never timed). The only place that names the engine's API, so a new
 * API changes this function and nothing else.
 */
export const engineUnderTest = (meeting: {
  meetingId: string;
  agenda: Agenda;
  roster: Roster;
}): {
  apply: (command: Command, sender: Sender, at: number) => Applied;
  view: (at: number) => MeetingView;
} => {
  const engine = MeetingEngine.create(meeting);
  return {
    apply: (command, sender, at) => {
      const result = engine.apply(command, sender, at);
      return result.ok ? { ok: true } : { ok: false, code: result.error.code };
    },
    view: (at) => engine.view(at),
  };
};

// The mix of commands

const CHAIR: Sender = { role: 'chair' };

/** The first agenda item with a floor step, and that step: where the room asks for the floor. */
const firstFloorStep = (agenda: Agenda): { itemId: string; stepId: string } => {
  for (const item of agenda.items) {
    const step = item.steps.find((s) => s.kind === 'floor');
    if (step) return { itemId: item.id, stepId: step.id };
  }
  throw new Error('the agenda has no floor step');
};

/**
 * A discussion as a chair runs it, over and over: three delegations ask for the floor, each is
 * given it in turn; the clock is paused and resumed, the time adjusted, the turn ended; once a
 * round the agenda is edited, and the meeting moves on to the next step and comes back.
 * Delegations are taken in the roster's order, so a request is never already waiting.
 */
const ROUND: readonly (CommandType | 'grant')[] = [
  'floor.add',
  'floor.add',
  'floor.add',
  'grant',
  'turn.pause',
  'turn.resume',
  'turn.adjust',
  'turn.end',
  'grant',
  'turn.adjust',
  'turn.end',
  'grant',
  'turn.pause',
  'turn.resume',
  'turn.end',
  'agenda.edit',
  'agenda.next',
  'agenda.goto',
];

/** Types the mix sends, in the order of the table. */
const MIX_TYPES: readonly CommandType[] = [
  'floor.add',
  'floor.grant',
  'turn.pause',
  'turn.resume',
  'turn.adjust',
  'turn.end',
  'agenda.edit',
  'agenda.next',
  'agenda.goto',
];

/**
 * Gives the next command of the mix for the meeting as it stands (the view tells which request
 * to grant). The first two are `agenda.start` and `agenda.goto` to the discussion.
 */
const commandMix = (agenda: Agenda, roster: Roster): ((view: MeetingView) => Command) => {
  const floor = firstFloorStep(agenda);
  const item = agenda.items.find((i) => i.id === floor.itemId);
  const title = item?.title ?? 'Discussion';
  const delegations = roster.filter((d) => d.category === 'member-state').map((d) => d.id);
  let n = 0;
  let step = -2;
  let rounds = 0;
  return (view) => {
    const at = step++;
    if (at === -2) return { type: 'agenda.start' };
    if (at === -1) return { type: 'agenda.goto', ...floor };
    const kind = ROUND[at % ROUND.length] as CommandType | 'grant';
    if (at % ROUND.length === ROUND.length - 1) rounds++;
    switch (kind) {
      case 'floor.add':
        return { type: 'floor.add', delegationId: delegations[n++ % delegations.length] as string };
      case 'grant': {
        const first = view.floor.queue[0];
        if (!first) throw new Error('the mix found nobody waiting to grant');
        return { type: 'floor.grant', requestId: first.id };
      }
      case 'turn.adjust':
        return { type: 'turn.adjust', deltaMs: at % 2 === 0 ? 30_000 : -15_000 };
      case 'agenda.edit':
        return {
          type: 'agenda.edit',
          change: { target: 'item', itemId: floor.itemId, title: `${title} (${rounds % 7})` },
        };
      case 'agenda.next':
        return { type: 'agenda.next' };
      case 'agenda.goto':
        return { type: 'agenda.goto', ...floor };
      case 'turn.pause':
      case 'turn.resume':
      case 'turn.end':
        return { type: kind };
      default:
        throw new Error(`the mix has no ${kind}`);
    }
  };
};

/** Seconds between two commands of the mix, so turns have run for a while when they end. */
const COMMAND_SPACING_MS = 7_000;

// 1. State size

interface StateSize {
  moment: string;
  version: number;
  stateBytes: number;
  agendaBytes: number;
  frameBytes: number;
}

/** The `state` payload of a `42["state",{...}]` frame, and its size in bytes. */
const STATE_PREFIX = '42["state",';
const stateOfFrame = (frame: string): { bytes: number; state: Record<string, unknown> } => {
  if (!frame.startsWith(STATE_PREFIX)) throw new Error(`not a state frame: ${frame.slice(0, 20)}`);
  const json = frame.slice(STATE_PREFIX.length, -1);
  return { bytes: Buffer.byteLength(json), state: JSON.parse(json) as Record<string, unknown> };
};

const measureStateSizes = async (): Promise<{ sizes: StateSize[]; store: string }> => {
  const server = await RostrumServer.start('sqlite', 'engine-state-server');
  try {
    const { meetingId, codes } = await server.createMeeting();
    const chair = await server.officer(meetingId, codes.chair);
    const display = new RawSioClient(
      server.origin,
      (await server.join(meetingId, codes.display)).token,
    );
    const frames: string[] = [];
    display.onState = (text) => {
      if (text.startsWith(STATE_PREFIX)) frames.push(text);
    };
    await display.connect();
    const frameOf = async (version: number): Promise<string> => {
      const deadline = now() + 10_000;
      while (now() < deadline) {
        const frame = frames.find((f) => versionOfStateFrame(f) === version);
        if (frame) return frame;
        await sleep(5);
      }
      throw new Error(`no state of version ${version} reached the display`);
    };
    const sizes: StateSize[] = [];
    const record = (moment: string, version: number, frame: string): void => {
      const { bytes, state } = stateOfFrame(frame);
      sizes.push({
        moment,
        version,
        stateBytes: bytes,
        agendaBytes:
          state.agenda === undefined ? 0 : Buffer.byteLength(JSON.stringify(state.agenda)),
        frameBytes: Buffer.byteLength(frame),
      });
    };
    const connectFrame = await frameOf(0);
    record('on connect (agenda included)', 0, connectFrame);
    const agenda = stateOfFrame(connectFrame).state.agenda as Agenda | undefined;
    if (!agenda) throw new Error('no agenda on connect');
    const step = async (moment: string, command: Command): Promise<number> => {
      const version = await chair.must(command);
      record(moment, version, await frameOf(version));
      return version;
    };
    await step('after agenda.start', { type: 'agenda.start' });
    const floor = firstFloorStep(agenda);
    await step(`after agenda.goto ${floor.itemId}/${floor.stepId}`, {
      type: 'agenda.goto',
      ...floor,
    });
    const states = DEFAULT_ROSTER.filter((d) => d.category === 'member-state');
    await step('after floor.add (1 waiting): the target', {
      type: 'floor.add',
      delegationId: (states[0] as { id: string }).id,
    });
    let version = 0;
    for (const d of states.slice(1, 5)) {
      version = await chair.must({ type: 'floor.add', delegationId: d.id });
    }
    record('after 4 more floor.add (5 waiting)', version, await frameOf(version));
    const waiting = (await chair.waitForVersion(version)).floor.queue[0];
    if (!waiting) throw new Error('nobody waiting');
    await step('after floor.grant (a turn running, 4 waiting)', {
      type: 'floor.grant',
      requestId: waiting.id,
    });
    await step('after agenda.edit (agenda changed: sent again)', {
      type: 'agenda.edit',
      change: { target: 'item', itemId: floor.itemId, title: 'An edited title' },
    });
    // A second client joining now: what connect costs mid-meeting.
    const late = new RawSioClient(
      server.origin,
      (await server.join(meetingId, codes.display)).token,
    );
    const lateFrames: string[] = [];
    late.onState = (text) => {
      if (text.startsWith(STATE_PREFIX)) lateFrames.push(text);
    };
    await late.connect();
    const deadline = now() + 10_000;
    while (lateFrames.length === 0 && now() < deadline) await sleep(5);
    const lateFrame = lateFrames[0];
    if (!lateFrame) throw new Error('no state on a late connect');
    record(
      'on connect mid-meeting (agenda included)',
      versionOfStateFrame(lateFrame) ?? -1,
      lateFrame,
    );
    late.close();
    display.close();
    chair.close();
    return { sizes, store: server.storeDescription };
  } finally {
    await server.stop();
  }
};

// 2. CPU of a command

interface CommandCost {
  type: string;
  count: number;
  meanUs: number;
  p50Us: number;
  p99Us: number;
}

const defaultMeeting = (): { meetingId: string; agenda: Agenda; roster: Roster } => ({
  meetingId: 'benchengine',
  agenda: defaultMeetingAgenda(Date.parse('2026-07-24T13:00:00Z')),
  roster: DEFAULT_ROSTER,
});

/** Applies `count` commands of the mix to a fresh engine; the time of each call, by type. */
const runMix = (
  count: number,
): { byType: Map<CommandType, number[]>; refused: string[]; cpuUs: number } => {
  const meeting = defaultMeeting();
  const engine = engineUnderTest(meeting);
  const next = commandMix(meeting.agenda, meeting.roster);
  const byType = new Map<CommandType, number[]>();
  const refused: string[] = [];
  let at = Date.parse('2026-07-24T14:00:00Z');
  let cpuUs = 0;
  for (let i = 0; i < count; i++) {
    at += COMMAND_SPACING_MS;
    const command = next(engine.view(at));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = engine.apply(command, CHAIR, at);
    const us = (performance.now() - t0) * 1000;
    const cpu = process.cpuUsage(cpu0);
    cpuUs += cpu.user + cpu.system;
    if (!result.ok) refused.push(`${command.type}: ${result.code}`);
    let list = byType.get(command.type);
    if (!list) {
      list = [];
      byType.set(command.type, list);
    }
    list.push(us);
  }
  return { byType, refused, cpuUs };
};

const measureCommandCost = (
  commands: number,
): {
  costs: CommandCost[];
  all: CommandCost;
  cpuUsPerCommand: number;
  refused: string[];
} => {
  runMix(commands); // warm-up: the same path, compiled
  const run = runMix(commands);
  const costOf = (type: string, values: number[]): CommandCost => {
    const s = summarize(values);
    return { type, count: s.count, meanUs: s.mean, p50Us: s.p50, p99Us: s.p99 };
  };
  const costs = MIX_TYPES.flatMap((type) => {
    const values = run.byType.get(type);
    return values ? [costOf(type, values)] : [];
  });
  const everything = [...run.byType.values()].flat();
  return {
    costs,
    all: costOf('all', everything),
    cpuUsPerCommand: run.cpuUs / everything.length,
    refused: run.refused,
  };
};

// 3. Restart

interface Image {
  label: string;
  commands: number;
  snapshotAt: number | null;
  snapshotBytes: number;
  dir: string;
  dataBytes: number;
  databaseBytes: number;
}

interface RestartRun {
  listeningMs: number | null;
  firstStateMs: number | null;
  replayed: number | null;
  error?: string;
}

interface OpenRun {
  wallMs: number;
  cpuMs: number;
}

/** The database and its WAL, copied as they are (what `kill -9` leaves). */
const copyImage = (from: string, prefix: string): string => {
  const to = mkdtempSync(join(tmpdir(), prefix));
  for (const suffix of ['', '-wal']) {
    const file = join(from, DATABASE_FILE + suffix);
    if (existsSync(file)) copyFileSync(file, join(to, DATABASE_FILE + suffix));
  }
  return to;
};

const bytesOf = (file: string): number => (existsSync(file) ? statSync(file).size : 0);

const describeImage = (label: string, commands: number, dir: string, meetingId: string): Image => {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    const latest = db
      .prepare(
        'SELECT version, length(snapshot) AS bytes FROM snapshots WHERE meeting = ? ORDER BY version DESC LIMIT 1',
      )
      .get(meetingId) as { version: number; bytes: number } | undefined;
    const file = join(dir, DATABASE_FILE);
    return {
      label,
      commands,
      snapshotAt: latest?.version ?? null,
      snapshotBytes: latest?.bytes ?? 0,
      dir,
      databaseBytes: bytesOf(file),
      dataBytes: bytesOf(file) + bytesOf(`${file}-wal`),
    };
  } finally {
    db.close();
  }
};

/**
 * Makes the DATA_DIR copies: a server in this process, the default meeting, a chair token, then
 * the mix through the meeting's runtime, a copy at each size and at each size + 99.
 */
const writeImages = async (
  sizes: number[],
): Promise<{ images: Image[]; token: string; meetingId: string; writeMs: number }> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rostrum-bench-engine-log-'));
  const app = await buildApp({
    dataDir,
    adminToken: ADMIN_TOKEN,
    clientDir: join(dataDir, 'no-client'),
    logger: false,
  });
  try {
    const { registry, createdOnStart } = app.rostrum;
    if (createdOnStart === undefined) throw new Error('no default meeting was made');
    const runtime = registry.get(createdOnStart) as MeetingRuntime;
    const codes = await registry.codes(createdOnStart);
    const joined = await registry.join(createdOnStart, codes.chair);
    if (!joined) throw new Error('the chair code did not join');
    const images: Image[] = [
      describeImage(
        '0 (a new meeting)',
        0,
        copyImage(dataDir, 'rostrum-bench-engine-0-'),
        createdOnStart,
      ),
    ];
    const agenda = runtime.view().agenda;
    const next = commandMix(agenda, runtime.roster);
    const marks = [...sizes.flatMap((n) => [n, n + 99])].sort((a, b) => a - b);
    const started = now();
    let version = runtime.version;
    for (const mark of marks) {
      while (version < mark) {
        const ack = await runtime.execute(next(runtime.view()), CHAIR, 'socket');
        if (!ack.ok) throw new Error(`the mix was refused at ${version}: ${ack.error.message}`);
        version = ack.version;
        // Let the broadcast of the loop's turn run now and then, as between sockets' commands.
        if (version % 500 === 0) await new Promise((r) => setImmediate(r));
      }
      const snapshotNote = sizes.includes(mark) ? '' : ' (99 after the latest snapshot)';
      images.push(
        describeImage(
          `${mark.toLocaleString('en')}${snapshotNote}`,
          mark,
          copyImage(dataDir, `rostrum-bench-engine-${mark}-`),
          createdOnStart,
        ),
      );
    }
    return { images, token: joined.token, meetingId: createdOnStart, writeMs: now() - started };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** The server as `npm start` runs it, on a copy of `image`: its "listening" line, a client's first state. */
const timeRestart = async (image: Image, token: string): Promise<RestartRun> => {
  const dir = copyImage(image.dir, 'rostrum-bench-engine-run-');
  const port = await freePort();
  const t0 = now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dir,
      ADMIN_TOKEN,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let listeningMs: number | null = null;
  let replayed: number | null = null;
  let output = '';
  let lines = '';
  let onListening: () => void = () => {};
  const listening = new Promise<void>((r) => {
    onListening = r;
  });
  const onData = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
    lines += chunk.toString();
    let nl = lines.indexOf('\n');
    while (nl >= 0) {
      const line = lines.slice(0, nl);
      lines = lines.slice(nl + 1);
      if (line.includes('"meeting restored"')) {
        const match = /"replayed":(\d+)/.exec(line);
        if (match) replayed = Number(match[1]);
      }
      if (listeningMs === null && line.includes('listening on http://')) {
        listeningMs = now() - t0;
        onListening();
      }
      nl = lines.indexOf('\n');
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<string>((r) =>
    child.on('exit', (code, signal) => r(code !== null ? String(code) : String(signal))),
  );
  let firstStateMs: number | null = null;
  let error: string | undefined;
  try {
    const timeout = sleep(START_TIMEOUT_MS).then(() => 'timeout' as const);
    const first = await Promise.race([
      listening.then(() => 'listening' as const),
      exited.then(() => 'exited' as const),
      timeout,
    ]);
    if (first !== 'listening') throw new Error(`${first} before listening`);
    const client = await Officer.connect(`http://127.0.0.1:${port}`, token);
    try {
      await client.waitForVersion(0, 10_000);
      firstStateMs = now() - t0;
    } finally {
      client.close();
    }
  } catch (e) {
    error = `${e instanceof Error ? e.message : String(e)}; output: ${output.slice(-600)}`;
  } finally {
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
  rmSync(dir, { recursive: true, force: true });
  return { listeningMs, firstStateMs, replayed, ...(error !== undefined && { error }) };
};

/**
 * A copy opened in this process (`buildApp`: the store opened, the meetings restored, the
 * routes set up), without Node's and tsx's own start: its wall time, and its CPU time, which
 * other processes on the machine disturb much less.
 */
const timeOpen = async (image: Image): Promise<OpenRun> => {
  const dir = copyImage(image.dir, 'rostrum-bench-engine-open-');
  const t0 = now();
  const cpu0 = process.cpuUsage();
  try {
    const app = await buildApp({
      dataDir: dir,
      adminToken: ADMIN_TOKEN,
      clientDir: join(dir, 'no-client'),
      logger: false,
    });
    const cpu = process.cpuUsage(cpu0);
    const wallMs = now() - t0;
    await app.close();
    return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

// The scenario

export const runEngine = async (
  options: EngineOptions = ENGINE_DEFAULTS,
): Promise<ScenarioResult> => {
  const t0 = now();
  const targets: TargetCheck[] = [];
  const tables: ScenarioResult['tables'] = [];
  const notes: string[] = [];

  const state = await measureStateSizes();
  tables.push({
    title:
      'State size: the `state` a display receives, default meeting (193 Member States, 2 days)',
    columns: ['moment', 'version', 'state bytes', 'of it agenda bytes', 'frame bytes'],
    rows: state.sizes.map((s) => [s.moment, s.version, s.stateBytes, s.agendaBytes, s.frameBytes]),
  });
  const target = state.sizes.find((s) => s.moment.endsWith('the target'));
  targets.push({
    scenario: 'engine',
    target: 'state after a queue change <= 1.5 KB (default meeting)',
    measured: target
      ? `${round(target.stateBytes / 1024)} KB (${target.stateBytes} bytes)`
      : 'not measured',
    met: target ? target.stateBytes <= LEAN_STATE_BYTES : null,
  });

  const cost = measureCommandCost(options.commands);
  const row = (c: CommandCost, label: string): (string | number)[] => [
    label,
    c.count,
    round(c.meanUs),
    round(c.p50Us),
    round(c.p99Us),
  ];
  tables.push({
    title: `CPU of a command: the engine alone, the default meeting, ${options.commands.toLocaleString('en')} commands of the mix (after as many to warm up)`,
    columns: ['command', 'count', 'mean µs', 'p50 µs', 'p99 µs'],
    rows: [
      ...cost.costs.map((c) => row(c, c.type)),
      row(cost.all, 'all'),
      ['all, process.cpuUsage() per command', cost.all.count, round(cost.cpuUsPerCommand), '', ''],
    ],
  });
  if (cost.refused.length > 0) {
    notes.push(
      `The engine refused ${cost.refused.length} commands of the mix (first: ${cost.refused[0]}): the mix is wrong for this engine.`,
    );
  }

  const written = await writeImages(options.logSizes);
  const runs = new Map<Image, RestartRun[]>();
  const opens = new Map<Image, OpenRun[]>();
  try {
    // Interleaved, so drift in the machine's load falls on every size alike.
    for (let r = 0; r < Math.max(options.restarts, options.opens); r++) {
      for (const image of written.images) {
        if (r < options.restarts) {
          runs.set(image, [...(runs.get(image) ?? []), await timeRestart(image, written.token)]);
        }
        if (r < options.opens) {
          opens.set(image, [...(opens.get(image) ?? []), await timeOpen(image)]);
        }
      }
    }
  } finally {
    for (const image of written.images) rmSync(image.dir, { recursive: true, force: true });
  }
  const med = (list: RestartRun[], key: 'listeningMs' | 'firstStateMs'): number =>
    median(list.map((r) => r[key]).filter((v): v is number => v !== null));
  const openMed = (image: Image, key: 'wallMs' | 'cpuMs'): number =>
    median((opens.get(image) ?? []).map((r) => r[key]));
  tables.push({
    title: `Restart with a command log of N commands, on a copy of DATA_DIR as kill -9 leaves it: \`node --import tsx server/main.ts\` (median of ${options.restarts}), and buildApp in this process (median of ${options.opens})`,
    columns: [
      'log (commands)',
      'latest snapshot at',
      'snapshot KB',
      'replayed',
      'DATA_DIR MB (db + WAL)',
      'database file MB',
      'to "listening" ms',
      'to first state ms',
      'runs, to first state ms',
      'buildApp ms',
      'buildApp CPU ms',
    ],
    rows: written.images.map((image) => {
      const list = runs.get(image) ?? [];
      return [
        image.label,
        image.snapshotAt ?? 'none',
        round(image.snapshotBytes / 1024),
        [...new Set(list.map((r) => r.replayed ?? '?'))].join(', '),
        round(image.dataBytes / 1024 / 1024),
        round(image.databaseBytes / 1024 / 1024),
        round(med(list, 'listeningMs')),
        round(med(list, 'firstStateMs')),
        list.map((r) => round(r.firstStateMs ?? Number.NaN)).join(', '),
        round(openMed(image, 'wallMs')),
        round(openMed(image, 'cpuMs')),
      ];
    }),
  });
  const errors = [...runs.values()].flat().filter((r) => r.error !== undefined);
  if (errors.length > 0) notes.push(`restart errors: ${errors[0]?.error ?? ''}`);
  const largest = written.images[written.images.length - 1];
  const smallest = written.images.find((i) => i.commands > 0 && i.commands % 100 !== 0);
  if (largest && smallest && largest !== smallest) {
    const a = openMed(smallest, 'cpuMs');
    const b = openMed(largest, 'cpuMs');
    targets.push({
      scenario: 'engine',
      target: `restart flat as the log grows: opening ${largest.commands.toLocaleString('en')} commands <= 1.2 x the CPU of ${smallest.commands.toLocaleString('en')}`,
      measured: `${round(b)} ms vs ${round(a)} ms of CPU (buildApp in process): x${round(b / a)}`,
      met: b <= 1.2 * a,
    });
  }
  notes.push(
    `State sizes from ${state.store}; "state bytes" is the JSON of the event's argument as the display received it, "frame bytes" the whole socket.io frame (42["state",...]). 1.5 KB = 1,536 bytes.`,
    `The mix, one round: ${ROUND.join(', ')} ("grant" is floor.grant of the first request waiting); the chair sends everything; instants ${COMMAND_SPACING_MS / 1000} s apart. The CPU table's per-type figures are performance.now() around each call; the last row is the CPU time (process.cpuUsage(), user + system) of the calls, summed and divided by the commands: it counts garbage collection that falls in a call and leaves out the views read between calls.`,
    `The DATA_DIR copies were written by a server in this process through MeetingRuntime.execute (the path of a socket's command after its checks), ${round(written.writeMs / 1000)} s for the largest; a snapshot is stored with every hundredth version. "replayed" is what the server's "meeting restored" log line says; "buildApp" opens the same copy with buildApp in this process (store opened, meeting restored, routes set up), without Node's and tsx's own start; its CPU time (process.cpuUsage()) is what the flat-restart target compares, as other processes on the machine move it much less than wall time.`,
  );

  return {
    name: 'engine',
    title: '8. Engine: state size, command CPU, restart',
    seconds: (now() - t0) / 1000,
    tables,
    targets,
    notes,
    data: {
      stateSizes: state.sizes,
      commandCost: cost,
      restart: written.images.map((image) => ({
        ...image,
        dir: undefined,
        runs: runs.get(image),
        opens: opens.get(image),
      })),
    },
  };
};
