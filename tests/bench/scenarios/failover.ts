/**
 * Failover time (issue 16: "the benchmark adds ... failover time"; the contract's bound: another
 * node takes the meeting within LEASE_TTL_MS + 5 s). Two real node processes on one PostgreSQL
 * and one Redis, devices on both sending commands (each with a command id, as the screens send
 * them), a display on the node that will survive; then `kill -9` of the node holding the meeting.
 * Measured from the kill:
 * (a) the lease held by the survivor, read in PostgreSQL (polled every 10 ms);
 * (b) the first acknowledged command on a device of the survivor, stored by the new holder (its
 *     version above every version logged when the killed process was gone);
 * (c) the first state the survivor's display receives from the new holder (stamped by a clock
 *     later than the kill: its `serverTime` more than MAX_BOUND_MS, the most a claiming node's
 *     clock may be off, after PostgreSQL's clock read once the killed process was gone).
 * Each round then starts a new node in place of the dead one; the next round kills the survivor.
 * At the default LEASE_TTL_MS (5000) and a short one (1000).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MAX_BOUND_MS } from '../../../server/cluster/clockOffset';
import type { Command } from '../../../shared/protocol/commands';
import type { MeetingState } from '../../../shared/protocol/state';
import { now, sleep } from '../lib/clock';
import {
  BenchCluster,
  type ClusterNode,
  defaultMeeting,
  leaseHolder,
  reaches,
  skippedScenario,
  tokenFor,
  until,
  whyNoCluster,
} from '../lib/cluster';
import { DEFAULT_FLOOR_STEP } from '../lib/meetings';
import type { ScenarioResult, TargetCheck } from '../lib/report';
import { Officer } from '../lib/rostrum';
import { round } from '../stats';

export interface FailoverOptions {
  /** The nodes' LEASE_TTL_MS, one cluster each. */
  ttls: number[];
  rounds: number;
}

export const FAILOVER_DEFAULTS: FailoverOptions = { ttls: [5000, 1000], rounds: 3 };

const NAME = 'failover';
const TITLE = '11. Failover: the holder killed (issue 16)';
/** The contract's bound on a takeover past the lease (PROTOCOL.md, "Many nodes"). */
const TAKEOVER_MARGIN_MS = 5000;
/** A device's pace: under the 20 commands a second a socket may send. */
const SEND_SPACING_MS = 60;
const SEND_TIMEOUT_MS = 15_000;

interface Ack {
  at: number;
  version: number;
}

interface RoundFigures {
  ttlMs: number;
  round: number;
  leaseMs: number;
  ackMs: number;
  stateMs: number;
  /** Ok acks on every device during the round, and commands no answer came for. */
  acknowledged: number;
  unanswered: number;
}

const Clock = z.object({ now: z.coerce.number(), version: z.coerce.number() });

/** A device sending commands one after another until stopped or cut off; keeps its ok acks. */
const sending = (officer: Officer, next: (n: number) => Command) => {
  const acks: Ack[] = [];
  let stopped = false;
  let unanswered = 0;
  const running = (async () => {
    for (let n = 0; !stopped && officer.socket.connected; n++) {
      const sentAt = now();
      try {
        const ack = await officer.send({ ...next(n), commandId: randomUUID() }, SEND_TIMEOUT_MS);
        if (ack.ok) acks.push({ at: now(), version: ack.version });
      } catch {
        unanswered++;
      }
      const wait = sentAt + SEND_SPACING_MS - now();
      if (wait > 0) await sleep(wait);
    }
  })();
  return {
    acks,
    stop: async (): Promise<number> => {
      stopped = true;
      await running;
      return unanswered;
    },
  };
};

const adjust = (n: number): Command => ({
  type: 'turn.adjust',
  deltaMs: n % 2 === 0 ? 1_000 : -1_000,
});
const toggle = (n: number): Command =>
  n % 2 === 0 ? { type: 'floor.request' } : { type: 'floor.withdraw' };

export const runFailover = async (
  options: FailoverOptions = FAILOVER_DEFAULTS,
): Promise<ScenarioResult> => {
  const target = 'takeover after kill -9 <= LEASE_TTL_MS + 5 s (lease, first ack, first state)';
  const missing = whyNoCluster();
  if (missing !== undefined) return skippedScenario(NAME, TITLE, missing, target);

  const t0 = now();
  const cluster = await BenchCluster.start();
  const figures: RoundFigures[] = [];
  try {
    let started = 0;
    for (const ttlMs of options.ttls) {
      const databaseUrl = await cluster.postgres.freshDatabase();
      const sql = await cluster.sql(databaseUrl);
      const open: Officer[] = [];
      try {
        const first = await cluster.node(databaseUrl, `node-${++started}`, ttlMs);
        const second = await cluster.node(databaseUrl, `node-${++started}`, ttlMs);
        const { meetingId, codes } = await defaultMeeting(first.url);
        await reaches(second, meetingId);
        const token = (code: string | undefined) => tokenFor(first.url, meetingId, code ?? '');
        const tokens = {
          chair: await token(codes.chair),
          moderator: await token(codes.moderator),
          mexico: await token(codes.delegations.mexico),
          morocco: await token(codes.delegations.morocco),
          iom: await token(codes.delegations.iom),
          display: await token(codes.display),
        };
        // Mexico speaking: the officers adjust its turn; Morocco and IOM ask for the floor and
        // withdraw.
        const chair = await Officer.connect(first.url, tokens.chair);
        const mexico = await Officer.connect(first.url, tokens.mexico);
        await chair.must({ type: 'agenda.start' });
        await chair.must({ type: 'agenda.goto', ...DEFAULT_FLOOR_STEP });
        await mexico.must({ type: 'floor.request' });
        await chair.must({ type: 'floor.next' });
        chair.close();
        mexico.close();

        const holderId = await leaseHolder(sql, meetingId);
        let holder = [first, second].find((n) => n.id === holderId);
        let other = [first, second].find((n) => n.id !== holderId);
        if (!holder || !other) throw new Error(`no node holds the meeting (${holderId})`);

        for (let r = 1; r <= options.rounds; r++) {
          const on = async (node: ClusterNode, t: string): Promise<Officer> => {
            const officer = await Officer.connect(node.url, t);
            open.push(officer);
            return officer;
          };
          // The officers and a delegation on each node; the display on the one that survives.
          const onHolder = [
            sending(await on(holder, tokens.chair), adjust),
            sending(await on(holder, tokens.morocco), toggle),
          ];
          const onSurvivor = [
            sending(await on(other, tokens.moderator), adjust),
            sending(await on(other, tokens.iom), toggle),
          ];
          const display = await on(other, tokens.display);
          const states: { at: number; serverTime: number }[] = [];
          display.socket.on('state', (view: MeetingState) => {
            states.push({ at: now(), serverTime: view.serverTime });
          });
          // Commands answered on both nodes (the survivor's passed to the holder) before the kill.
          await until(
            async () => [...onHolder, ...onSurvivor].every((d) => d.acks.length >= 3),
            20_000,
            `round ${r}: acks on both nodes`,
            20,
          );

          const killedAt = now();
          await holder.kill();
          // Nothing the killed process stored is above this version, nor stamped after this instant.
          const { rows } = await sql.query(
            `SELECT (extract(epoch from clock_timestamp()) * 1000)::bigint AS now,
                    coalesce(max(version), 0) AS version
               FROM commands WHERE meeting = $1`,
            [meetingId],
          );
          const gone = Clock.parse(rows[0]);
          const within = ttlMs + TAKEOVER_MARGIN_MS + 10_000;
          const survivor = other;
          const [leaseAt, ackAt, stateAt] = await Promise.all([
            until(
              async () => (await leaseHolder(sql, meetingId)) === survivor.id,
              within,
              `round ${r}: the survivor's lease`,
            ),
            until(
              async () => onSurvivor.some((d) => d.acks.some((a) => a.version > gone.version)),
              within,
              `round ${r}: an ack from the new holder`,
            ).then(() =>
              Math.min(
                ...onSurvivor.flatMap((d) =>
                  d.acks.filter((a) => a.version > gone.version).map((a) => a.at),
                ),
              ),
            ),
            until(
              async () => states.some((s) => s.serverTime > gone.now + MAX_BOUND_MS),
              within,
              `round ${r}: a state from the new holder`,
            ).then(
              () =>
                (states.find((s) => s.serverTime > gone.now + MAX_BOUND_MS) as { at: number }).at,
            ),
          ]);
          const unanswered = (
            await Promise.all([...onHolder, ...onSurvivor].map((d) => d.stop()))
          ).reduce((a, b) => a + b, 0);
          figures.push({
            ttlMs,
            round: r,
            leaseMs: leaseAt - killedAt,
            ackMs: ackAt - killedAt,
            stateMs: stateAt - killedAt,
            acknowledged: [...onHolder, ...onSurvivor].reduce((a, d) => a + d.acks.length, 0),
            unanswered,
          });
          process.stderr.write(
            `  LEASE_TTL_MS=${ttlMs} round ${r}: lease ${round(leaseAt - killedAt)} ms, ack ${round(ackAt - killedAt)} ms, state ${round(stateAt - killedAt)} ms\n`,
          );
          for (const o of open.splice(0)) o.close();
          await holder.stop();

          // A new node in place of the dead one; the survivor holds the meeting now.
          if (r < options.rounds) {
            const replacement = await cluster.node(databaseUrl, `node-${++started}`, ttlMs);
            await reaches(replacement, meetingId);
            // Its adapter makes itself known to the others by its heartbeats.
            await sleep(1000);
            holder = survivor;
            other = replacement;
          }
        }
      } finally {
        for (const o of open) o.close();
        await sql.end();
        await cluster.stopNodes();
      }
    }

    const rows = figures.map((f) => [
      f.ttlMs,
      f.round,
      round(f.leaseMs),
      round(f.ackMs),
      round(f.stateMs),
      f.ttlMs + TAKEOVER_MARGIN_MS,
      f.acknowledged,
      f.unanswered,
    ]);
    const maxima = options.ttls.map((ttlMs) => {
      const of = figures.filter((f) => f.ttlMs === ttlMs);
      const max = (pick: (f: RoundFigures) => number) => Math.max(...of.map(pick));
      return {
        ttlMs,
        leaseMs: max((f) => f.leaseMs),
        ackMs: max((f) => f.ackMs),
        stateMs: max((f) => f.stateMs),
        boundMs: ttlMs + TAKEOVER_MARGIN_MS,
      };
    });
    const targets: TargetCheck[] = maxima.map((m) => {
      const worst = Math.max(m.leaseMs, m.ackMs, m.stateMs);
      return {
        scenario: NAME,
        target: `LEASE_TTL_MS=${m.ttlMs}: ${target}`,
        measured: `max over ${options.rounds} rounds: lease ${round(m.leaseMs)} ms, ack ${round(m.ackMs)} ms, state ${round(m.stateMs)} ms; bound ${m.boundMs} ms (${worst <= m.boundMs ? 'within' : 'OVER'})`,
        met: worst <= m.boundMs,
      };
    });
    const description = await cluster.description();
    return {
      name: NAME,
      title: TITLE,
      seconds: (now() - t0) / 1000,
      tables: [
        {
          title: 'Time from kill -9 of the holder, ms',
          columns: [
            'LEASE_TTL_MS',
            'round',
            '(a) lease held by the survivor',
            '(b) first ack on the survivor',
            '(c) first state on the survivor',
            'bound (LEASE_TTL_MS + 5 s)',
            'acks in the round',
            'unanswered',
          ],
          rows,
        },
        {
          title: 'Max over the rounds, ms, against the contract’s bound',
          columns: ['LEASE_TTL_MS', '(a) lease', '(b) ack', '(c) state', 'bound', 'within'],
          rows: maxima.map((m) => [
            m.ttlMs,
            round(m.leaseMs),
            round(m.ackMs),
            round(m.stateMs),
            m.boundMs,
            Math.max(m.leaseMs, m.ackMs, m.stateMs) <= m.boundMs ? 'yes' : 'NO',
          ]),
        },
      ],
      targets,
      notes: [
        `Cluster: two node processes (server/main.ts with DATABASE_URL, REDIS_URL, LEASE_TTL_MS, NODE_ID) on ${description}; after each round a new node replaces the killed one, and the next round kills the survivor. The devices are socket.io clients in the runner: the chair and Morocco on the holder, the moderator, IOM and a display on the other node; each sends a command (turn.adjust, or floor.request / floor.withdraw), with a command id, every ${SEND_SPACING_MS} ms or on its answer, whichever is later.`,
        `(a) polls meeting_leases every 10 ms; (b) is the first ok ack on a device of the survivor whose version is above the log's last version once the killed process was gone (so stored by the new holder); (c) is the first state on the survivor's display stamped (serverTime) more than ${MAX_BOUND_MS} ms (the most a claiming node's clock may be off) after PostgreSQL's clock at that moment. A lease is renewed by every commit, so with commands flowing it expires about LEASE_TTL_MS after the kill; the survivor's scan (every LEASE_TTL_MS / 2) finds it expired.`,
        `"unanswered": commands a device got no answer to within ${SEND_TIMEOUT_MS / 1000} s (the killed node's own devices lose their socket; their last command goes unanswered).`,
      ],
      data: { cluster: description, rounds: figures, maxima },
    };
  } finally {
    await cluster.stop();
  }
};
