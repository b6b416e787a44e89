/**
 * `npm run bench [-- scenario...] [--quick]`: runs the benchmark scenarios (all by default, in a
 * fixed order), prints their tables as Markdown, and writes every figure to
 * bench-results/<timestamp>.json and bench-results/latest.json.
 *
 * Scenarios: fanout, cluster-fanout, idle, memory, throughput, accuracy, startup, engine, outputs,
 * failover, and soak (not in the default run: it lasts SOAK_SECONDS, ten minutes unless set; name it).
 * cluster-fanout and failover (issue 16) start their own PostgreSQL and Redis, and say they were
 * skipped when either is not installed. `--quick` runs each smaller (for checking the harness, not
 * for figures). The run is capped at 10 minutes, plus the soak's length, plus 10 minutes for the
 * cluster scenarios (their nodes start, and the failover waits out leases, round after round).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { now } from './lib/clock';
import { machineInfo } from './lib/machine';
import { renderResults, type ScenarioResult } from './lib/report';
import { runAccuracy } from './scenarios/accuracy';
import { CLUSTER_FANOUT_DEFAULTS, runClusterFanout } from './scenarios/clusterFanout';
import { ENGINE_DEFAULTS, runEngine } from './scenarios/engine';
import { FAILOVER_DEFAULTS, runFailover } from './scenarios/failover';
import { FANOUT_DEFAULTS, runFanout } from './scenarios/fanout';
import { runIdle } from './scenarios/idle';
import { runMemory } from './scenarios/memory';
import { OUTPUTS_DEFAULTS, runOutputs } from './scenarios/outputs';
import { runSoak, soakSeconds } from './scenarios/soak';
import { runStartup } from './scenarios/startup';
import { runThroughput } from './scenarios/throughput';

const ROOT = resolve(import.meta.dirname, '../..');
const RUN_CAP_MS = 10 * 60 * 1000;
const CLUSTER_CAP_MS = 10 * 60 * 1000;
/** The scenarios that run a cluster of node processes on PostgreSQL and Redis. */
const CLUSTER = new Set(['cluster-fanout', 'failover']);

type Runner = (quick: boolean) => Promise<ScenarioResult>;

const SCENARIOS: Record<string, Runner> = {
  fanout: (quick) =>
    runFanout(quick ? { sizes: [20, 100], commands: 10, rounds: 1 } : FANOUT_DEFAULTS),
  'cluster-fanout': (quick) =>
    runClusterFanout(
      quick ? { sizes: [20, 100], commands: 10, rounds: 1 } : CLUSTER_FANOUT_DEFAULTS,
    ),
  idle: (quick) => runIdle(quick ? { clients: 100, seconds: 5 } : { clients: 1000, seconds: 30 }),
  memory: (quick) =>
    runMemory(quick ? { sizes: [0, 20, 100], repeats: 1 } : { sizes: [0, 100, 1000], repeats: 3 }),
  throughput: (quick) =>
    runThroughput(quick ? { delegations: 100, repeats: 1 } : { delegations: 1000, repeats: 3 }),
  accuracy: (quick) =>
    runAccuracy(quick ? { rounds: 4, instantsPerRound: 10 } : { rounds: 50, instantsPerRound: 4 }),
  startup: () => runStartup(),
  engine: (quick) =>
    runEngine(
      quick ? { commands: 2_000, logSizes: [200, 2_000], restarts: 1, opens: 3 } : ENGINE_DEFAULTS,
    ),
  outputs: (quick) =>
    runOutputs(quick ? { clients: 50, rounds: 4, toggles: 12 } : OUTPUTS_DEFAULTS),
  failover: (quick) => runFailover(quick ? { ...FAILOVER_DEFAULTS, rounds: 1 } : FAILOVER_DEFAULTS),
  soak: (quick) => runSoak({ seconds: quick ? 60 : soakSeconds(), clients: quick ? 100 : 500 }),
};

/** Run only when named: a soak lasts minutes by design. */
const ON_REQUEST = new Set(['soak']);

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !(n in SCENARIOS));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown scenario ${unknown.join(', ')}; choose from ${Object.keys(SCENARIOS).join(', ')}\n`,
    );
    process.exit(2);
  }
  const chosen =
    names.length > 0 ? names : Object.keys(SCENARIOS).filter((n) => !ON_REQUEST.has(n));
  const soakMs = chosen.includes('soak') ? (quick ? 60 : soakSeconds()) * 1000 : 0;
  const clusterMs = chosen.some((n) => CLUSTER.has(n)) ? CLUSTER_CAP_MS : 0;
  const capMs = RUN_CAP_MS + soakMs + clusterMs;
  // Children (servers, fleets) live no longer than the run (lib/rpc.ts reads this).
  process.env.BENCH_CHILD_LIFETIME_MS = String(capMs + 2 * 60 * 1000);
  const cap = setTimeout(() => {
    process.stderr.write(`the benchmark ran past its ${capMs / 60_000}-minute cap: stopping\n`);
    process.exit(1);
  }, capMs);
  cap.unref();

  const machine = machineInfo();
  const startedAt = new Date();
  process.stderr.write(
    `Rostrum benchmark: ${chosen.join(', ')}${quick ? ' (quick)' : ''} on ${machine.nproc} x ${machine.cpuModel}, ${machine.memoryGiB} GiB, node ${machine.node}, load ${machine.loadAverage.join(' ')}\n`,
  );
  const results: ScenarioResult[] = [];
  const failures: { name: string; error: string }[] = [];
  const t0 = now();
  for (const name of chosen) {
    const runner = SCENARIOS[name] as Runner;
    process.stderr.write(`- ${name}...\n`);
    const s0 = now();
    try {
      results.push(await runner(quick));
      process.stderr.write(`  done in ${((now() - s0) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ name, error: message });
      process.stderr.write(`  FAILED: ${message}\n`);
    }
  }
  const totalSeconds = (now() - t0) / 1000;

  const report = {
    startedAt: startedAt.toISOString(),
    totalSeconds,
    quick,
    machine,
    loadAverageAtEnd: machineInfo().loadAverage,
    scenarios: results,
    failures,
  };
  const dir = join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const json = JSON.stringify(report, null, 2);
  writeFileSync(join(dir, `${stamp}.json`), json);
  writeFileSync(join(dir, 'latest.json'), json);

  process.stdout.write(
    `\n## Rostrum benchmark, ${startedAt.toISOString()}\n\nMachine: ${machine.nproc} x ${machine.cpuModel}, ${machine.memoryGiB} GiB, node ${machine.node}; load average ${machine.loadAverage.join(' ')} at start, ${report.loadAverageAtEnd.join(' ')} at end; total ${totalSeconds.toFixed(0)} s.\n\n`,
  );
  process.stdout.write(`${renderResults(results)}\n`);
  for (const f of failures)
    process.stdout.write(`\n**${f.name} failed**: ${f.error.split('\n')[0]}\n`);
  process.stdout.write(`\nFigures: bench-results/${stamp}.json (and latest.json)\n`);
  process.exit(failures.length > 0 ? 1 : 0);
};

void main();
