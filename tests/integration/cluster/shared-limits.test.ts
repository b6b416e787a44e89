import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisWrongCodeBudget } from '../../../server/http/redisWrongCodeBudget';
import { SharedLimitsHealth, type SharedRedis } from '../../../server/http/sharedRedis';
import { WrongCodeLimiter } from '../../../server/http/wrongCodeLimiter';
import { LIMITS } from '../../../shared/protocol/limits';
import { closeAddressAgents, httpFrom } from '../../support/address';
import { ManualClock } from '../../support/clock';
import { startTestRedis } from '../../support/redis';
import { startServer, type TestServer } from '../../support/server';
import { servicesMissing, useServices } from '../../support/services';

/**
 * Issue 16: with several nodes behind one load balancer, the HTTP rate limit and the wrong-code
 * budget are counted in Redis, together, so that N nodes do not give an attacker N budgets.
 */

type Client = ReturnType<typeof createClient>;

const connected = async (url: string): Promise<Client> => {
  const client = createClient({ url, socket: { reconnectStrategy: 100 } });
  // A Redis that goes away is reported through the limits' own log; the client's reconnection
  // errors would otherwise end the test process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
};

/** A log that keeps what it is told, as the app's would show it. */
const recordingLog = () => {
  const lines: { level: 'warn' | 'info'; text: string }[] = [];
  const write =
    (level: 'warn' | 'info') =>
    (...args: unknown[]): void => {
      lines.push({ level, text: String(args.find((a) => typeof a === 'string')) });
    };
  return { lines, log: { warn: write('warn'), info: write('info') } };
};

const silent = recordingLog().log;

const wrongJoin = (from: string, url: string, i: number) =>
  httpFrom(from, url, '/api/join', { body: { code: `WRONG${String(i).padStart(5, '0')}` } });

const missing = servicesMissing({ postgres: false, redis: true });

describe.skipIf(missing !== '')(`limits shared through Redis ${missing}`, () => {
  const { redis } = useServices({ postgres: false, redis: true });
  const clients: Client[] = [];
  const client = async (): Promise<Client> => {
    const made = await connected(redis().url);
    clients.push(made);
    return made;
  };

  // Registered after useServices: run before its own, so the clients go before Redis stops.
  afterAll(async () => {
    closeAddressAgents();
    for (const made of clients) if (made.isOpen) made.destroy();
  });

  it('is one wrong-code budget for two nodes, with the answers of the one in memory', async () => {
    const clock = new ManualClock();
    const budgets = [
      new RedisWrongCodeBudget(new SharedLimitsHealth(await client(), silent), clock),
      new RedisWrongCodeBudget(new SharedLimitsHealth(await client(), silent), clock),
    ] as const;
    const memory = new WrongCodeLimiter(clock);
    try {
      const address = '198.51.100.7';
      // The limit's worth of wrong codes, alternately on each node, a second apart.
      for (let i = 0; i < LIMITS.wrongCodesPerMinute; i++) {
        expect(await budgets[0].retryAfterMs(address)).toBe(0);
        expect(await budgets[1].retryAfterMs(address)).toBe(0);
        await budgets[i % 2].recordFailure(address);
        await memory.recordFailure(address);
        clock.advance(1_000);
      }
      // Reached across both: each node refuses, for as long as one node alone would.
      const expected = await memory.retryAfterMs(address);
      expect(expected).toBe(60_000 - LIMITS.wrongCodesPerMinute * 1_000);
      expect(await budgets[0].retryAfterMs(address)).toBe(expected);
      expect(await budgets[1].retryAfterMs(address)).toBe(expected);
      // Another address is not touched.
      expect(await budgets[1].retryAfterMs('198.51.100.8')).toBe(0);
      // The first try turns a minute old: one more may come, and counts.
      clock.advance(expected);
      expect(await budgets[0].retryAfterMs(address)).toBe(0);
      await budgets[0].recordFailure(address);
      await memory.recordFailure(address);
      // The second try is now the oldest of the last twenty: a second more.
      expect(await memory.retryAfterMs(address)).toBe(1_000);
      expect(await budgets[1].retryAfterMs(address)).toBe(1_000);
    } finally {
      memory.close();
    }
  });

  it('forgets an address in Redis a minute after its last wrong code', async () => {
    const redisClient = await client();
    const budget = new RedisWrongCodeBudget(new SharedLimitsHealth(redisClient, silent), {
      now: () => Date.now(),
      after: () => ({ cancel: () => undefined }),
    });
    await budget.recordFailure('198.51.100.9');
    const ttl = await redisClient.pTTL('rostrum:wrong-codes:198.51.100.9');
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('counts wrong joins on two servers against one budget, and refuses on both', async () => {
    const servers: TestServer[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        servers.push(await startServer({ sharedLimits: { redis: await client() } }));
      }
      const [a, b] = servers as [TestServer, TestServer];
      for (let i = 0; i < LIMITS.wrongCodesPerMinute; i++) {
        const answer = await wrongJoin('127.0.0.2', (i % 2 === 0 ? a : b).url, i);
        expect(answer.status, `wrong code ${i + 1}`).toBe(401);
      }
      for (const server of servers) {
        const answer = await wrongJoin('127.0.0.2', server.url, 99);
        expect(answer.status).toBe(429);
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      // Another device is not held back, on either.
      expect((await wrongJoin('127.0.0.3', b.url, 0)).status).toBe(401);
    } finally {
      for (const server of servers) await server.close();
    }
  });

  it(`counts HTTP requests on two servers together: ${LIMITS.httpRequestsPerMinute} a minute in all`, async () => {
    const servers: TestServer[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        servers.push(await startServer({ sharedLimits: { redis: await client() } }));
      }
      const [a, b] = servers as [TestServer, TestServer];
      for (let i = 0; i < LIMITS.httpRequestsPerMinute; i++) {
        const answer = await httpFrom('127.0.0.4', (i % 2 === 0 ? a : b).url, '/api/health');
        expect(answer.status, `request ${i + 1}`).toBe(200);
      }
      for (const server of servers) {
        const answer = await httpFrom('127.0.0.4', server.url, '/api/health');
        expect(answer.status).toBe(429);
        expect(answer.body).toMatchObject({ error: { code: 'rate_limited' } });
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect((await httpFrom('127.0.0.5', a.url, '/api/health')).status).toBe(200);
    } finally {
      for (const server of servers) await server.close();
    }
  });

  it('fails open without Redis: the room still joins, and the log says so once', async () => {
    const own = await startTestRedis();
    const { lines, log } = recordingLog();
    const ownClient = await connected(own.url);
    clients.push(ownClient);
    const shared = new SharedLimitsHealth(ownClient, log);
    const clock = new ManualClock();
    const budget = new RedisWrongCodeBudget(shared, clock);
    for (let i = 0; i < LIMITS.wrongCodesPerMinute; i++) await budget.recordFailure('192.0.2.1');
    expect(await budget.retryAfterMs('192.0.2.1')).toBeGreaterThan(0);

    await own.stop();
    const started = performance.now();
    for (let i = 0; i < 5; i++) {
      expect(await budget.retryAfterMs('192.0.2.1')).toBe(0);
      await budget.recordFailure('192.0.2.1');
    }
    // Not held up by a Redis that is gone.
    expect(performance.now() - started).toBeLessThan(5 * 2 * 600);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    expect(lines[0]?.text).toMatch(/Redis did not answer/);
  });

  it('fails open on a Redis that does not answer in time', async () => {
    const { lines, log } = recordingLog();
    // A client whose every command hangs: what a Redis cut off by the network looks like.
    const hanging: SharedRedis = {
      isReady: true,
      sendCommand: (_args, options) =>
        new Promise((_, reject) => {
          setTimeout(() => reject(new Error('timeout')), options?.timeout ?? 10_000);
        }),
    };
    const budget = new RedisWrongCodeBudget(
      new SharedLimitsHealth(hanging, log, 50),
      new ManualClock(),
    );
    expect(await budget.retryAfterMs('192.0.2.2')).toBe(0);
    expect(lines.map((l) => l.level)).toEqual(['warn']);
  });
});
