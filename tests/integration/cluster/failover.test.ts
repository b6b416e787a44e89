import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/protocol/commands';
import {
  type Acknowledged,
  commandLogOf,
  expectAcknowledgedInLog,
  leaseHolderOf,
} from '../../support/auditor';
import { freePort, type ServerProcess, spawnServer } from '../../support/process';
import { type Client, defaultMeetingOf, http, join, ok, sleep, until } from '../../support/server';
import { servicesMissing, useServices } from '../../support/services';

/**
 * The death of the node holding a meeting (issue 16, docs/many-nodes.md "Failover"): two real
 * server processes (`npm start` with DATABASE_URL and REDIS_URL), devices on both sending
 * commands, and the holder killed (`kill -9`) or paused (`SIGSTOP`). The other node takes the
 * meeting within LEASE_TTL_MS + 5 s, and no acknowledged command is lost: every ack a device got
 * is in PostgreSQL's log, at its version, as it was sent.
 */
const missing = servicesMissing({ redis: true });

/** The nodes' LEASE_TTL_MS: short, so that the rounds go quickly. */
const LEASE_TTL_MS = 600;
/** The contract's bound on a takeover (PROTOCOL.md, "Many nodes"). */
const TAKEOVER_BOUND_MS = LEASE_TTL_MS + 5000;

interface Node {
  id: string;
  process: ServerProcess;
}

describe.skipIf(missing !== '')(`failover between two nodes ${missing}`, () => {
  const { postgres, redis, later, open, closeClients, dataDir } = useServices({ redis: true });

  let started = 0;
  const startNode = async (databaseUrl: string): Promise<Node> => {
    const id = `node-${++started}`;
    const process = await spawnServer({
      dataDir: await dataDir(),
      port: await freePort(),
      env: {
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis().url,
        LEASE_TTL_MS: String(LEASE_TTL_MS),
        NODE_ID: id,
      },
    });
    later(() => {
      process.child.kill('SIGCONT');
      process.child.kill('SIGKILL');
    });
    return { id, process };
  };

  /** Two nodes on a fresh database, the default meeting, its tokens, and its holder. */
  const twoNodes = async () => {
    const databaseUrl = await postgres().freshDatabase();
    const first = await startNode(databaseUrl);
    const second = await startNode(databaseUrl);
    const { meetingId, codes } = await defaultMeetingOf(first.process.url);
    const url = first.process.url;
    const tokens = {
      chair: (await join(url, meetingId, codes.chair)).token,
      moderator: (await join(url, meetingId, codes.moderator)).token,
      mexico: (await join(url, meetingId, codes.delegations.mexico ?? '')).token,
      morocco: (await join(url, meetingId, codes.delegations.morocco ?? '')).token,
      iom: (await join(url, meetingId, codes.delegations.iom ?? '')).token,
    };
    // Mexico speaking: the officers adjust its turn, Morocco and IOM ask for the floor and withdraw.
    const chair = await open(url, tokens.chair);
    const mexico = await open(url, tokens.mexico);
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    await ok(mexico, { type: 'floor.request' });
    await ok(chair, { type: 'floor.next' });
    closeClients();
    const holderId = await leaseHolderOf(databaseUrl, meetingId);
    const holder = [first, second].find((n) => n.id === holderId);
    const other = [first, second].find((n) => n.id !== holderId);
    if (!holder || !other) throw new Error(`no node holds the meeting (${holderId})`);
    return { databaseUrl, meetingId, tokens, holder, other };
  };

  const adjust = (n: number): Command => ({
    type: 'turn.adjust',
    deltaMs: n % 2 === 0 ? 1_000 : -1_000,
  });
  const toggle = (n: number): Command =>
    n % 2 === 0 ? { type: 'floor.request' } : { type: 'floor.withdraw' };

  /**
   * Devices sending commands one after another, each as soon as the one before is answered, until
   * stopped; every ok ack is kept with its sender and command.
   */
  /** Every command id sent in this file, so that none is sent twice. */
  let commandsSent = 0;
  const senders = (
    clients: Record<'chair' | 'moderator' | 'morocco' | 'iom', Client>,
    acknowledged: Acknowledged[],
  ) => {
    let stopped = false;
    let unanswered = 0;
    const withIds = new Set<keyof typeof clients>(['chair', 'morocco']);
    const send = async (who: keyof typeof clients, next: (n: number) => Command) => {
      for (let n = 0; !stopped; n++) {
        // Half the devices send command ids, as the screens do; the others none, as a script
        // might (their commands in doubt are answered `unavailable`, never passed on again).
        const command: Command = withIds.has(who)
          ? { ...next(n), commandId: `${who}-${++commandsSent}` }
          : next(n);
        const ack = await clients[who].send(command).catch(() => undefined);
        if (ack === undefined) unanswered++;
        else if (ack.ok) acknowledged.push({ version: ack.version, sender: who, command });
        else if (ack.error.code === 'unavailable') await sleep(20);
      }
    };
    const running = Promise.all([
      send('chair', adjust),
      send('moderator', adjust),
      send('morocco', toggle),
      send('iom', toggle),
    ]);
    return {
      stop: async () => {
        stopped = true;
        await running;
        return unanswered;
      },
    };
  };

  it('loses no acknowledged command when the holder is killed with commands in flight from devices on both nodes, round after round, and the other node takes over within LEASE_TTL_MS + 5 s', async () => {
    const {
      databaseUrl,
      meetingId,
      tokens,
      holder: firstHolder,
      other: firstOther,
    } = await twoNodes();
    let holder = firstHolder;
    let other = firstOther;
    const acknowledged: Acknowledged[] = [];
    const takeovers: number[] = [];
    const ROUNDS = 10;
    for (let round = 1; round <= ROUNDS; round++) {
      // Devices on both nodes: the officers on the holder, the delegations on the other, whose
      // commands it passes to the holder.
      const clients = {
        chair: await open(holder.process.url, tokens.chair),
        moderator: await open(other.process.url, tokens.moderator),
        morocco: await open(holder.process.url, tokens.morocco),
        iom: await open(other.process.url, tokens.iom),
      };
      const sending = senders(clients, acknowledged);
      const before = acknowledged.length;
      await expect
        .poll(() => acknowledged.length - before, { timeout: 15_000 })
        .toBeGreaterThan(30);
      holder.process.child.kill('SIGKILL');
      const killedAt = performance.now();
      expect((await holder.process.exited).signal).toBe('SIGKILL');
      // The survivor takes the meeting (its lease, then it serves it)...
      await until(
        async () => (await leaseHolderOf(databaseUrl, meetingId)) === other.id,
        TAKEOVER_BOUND_MS,
        `round ${round}: the survivor taking the meeting`,
      );
      takeovers.push(performance.now() - killedAt);
      // ...and its devices go on: their commands, refused `unavailable` or passed on again
      // while nobody held the meeting, are stored and answered by it.
      const beforeTakeover = acknowledged.length;
      await until(
        async () => acknowledged.length > beforeTakeover + 5,
        TAKEOVER_BOUND_MS,
        `round ${round}: the survivor acknowledging commands`,
      );
      await sending.stop();
      closeClients();

      expectAcknowledgedInLog(await commandLogOf(databaseUrl, meetingId), acknowledged);
      // A new node in place of the dead one, for the next round.
      const replacement = await startNode(databaseUrl);
      holder = other;
      other = replacement;
      await until(
        async () =>
          (await http(other.process.url, `/api/meetings/${meetingId}/roster`)).status === 200,
        10_000,
        'the new node reaching the meeting',
      );
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 30);
    for (const took of takeovers) expect(took).toBeLessThan(TAKEOVER_BOUND_MS);
  }, 300_000);

  it('lets a paused holder acknowledge nothing of its own once another node took the meeting: its devices get the new holder’s answers or `unavailable`', async () => {
    const { databaseUrl, meetingId, tokens, holder, other } = await twoNodes();
    const acknowledged: Acknowledged[] = [];
    const onHolder = await open(holder.process.url, tokens.morocco);
    const onOther = await open(other.process.url, tokens.chair);
    const first = await ok(onOther, { type: 'turn.adjust', deltaMs: 1000 });
    acknowledged.push({
      version: first,
      sender: 'chair',
      command: { type: 'turn.adjust', deltaMs: 1000 },
    });

    holder.process.child.kill('SIGSTOP');
    // The devices on the paused node send: the node cannot read them until it wakes.
    const request: Command = { type: 'floor.request' };
    const pending = onHolder.socket
      .timeout(30_000)
      .emitWithAck('command', request)
      .catch(() => undefined);
    // Beyond the lease: the other node takes the meeting and goes on with it.
    const tookMs = await until(
      async () => (await leaseHolderOf(databaseUrl, meetingId)) === other.id,
      TAKEOVER_BOUND_MS,
      'the other node taking the meeting',
    );
    expect(tookMs).toBeLessThan(TAKEOVER_BOUND_MS);
    let taken: number | undefined;
    await until(
      async () => {
        // A command sent while the paused node still seems alive waits for it (seconds): one
        // that gets no answer in time is simply sent again.
        const ack = await onOther.send({ type: 'turn.adjust', deltaMs: -1000 }).catch(() => null);
        if (!ack) return false;
        if (ack.ok) {
          taken = ack.version;
          acknowledged.push({
            version: ack.version,
            sender: 'chair',
            command: { type: 'turn.adjust', deltaMs: -1000 },
          });
        }
        return ack.ok;
      },
      TAKEOVER_BOUND_MS + 5000,
      'the new holder acknowledging',
    );
    expect(taken).toBe(first + 1);

    // The paused node wakes: it finds its lease gone. What it answers its device is the new
    // holder's answer (the command passed on) or `unavailable`: never a change of its own.
    holder.process.child.kill('SIGCONT');
    const answer = (await pending) as
      | { ok: boolean; version?: number; error?: { code: string } }
      | undefined;
    expect(answer).toBeDefined();
    if (answer?.ok) {
      expect(answer.version).toBeGreaterThan(first + 1);
      acknowledged.push({ version: answer.version ?? 0, sender: 'morocco', command: request });
    } else {
      expect(answer?.error?.code).toBe('unavailable');
    }
    // And from then on it passes its devices' commands to the holder, which stores them.
    let n = answer?.ok ? 1 : 0;
    await until(
      async () => {
        const command = toggle(n++);
        const ack = await onHolder.send(command).catch(() => undefined);
        if (ack?.ok) acknowledged.push({ version: ack.version, sender: 'morocco', command });
        return ack?.ok === true;
      },
      TAKEOVER_BOUND_MS,
      'the woken node passing commands on',
    );
    expect(await leaseHolderOf(databaseUrl, meetingId)).toBe(other.id);
    expect(holder.process.output()).toMatch(/lease lost/);
    expectAcknowledgedInLog(await commandLogOf(databaseUrl, meetingId), acknowledged);
  }, 120_000);
});
