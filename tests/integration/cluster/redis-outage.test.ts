import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startClusterNode } from '../../../server/cluster/node';
import { type RunningRedis, startRedis } from '../../../server/cluster/services/redis';
import { PostgresStore } from '../../../server/store/postgres/store';
import { DevicesResponse } from '../../../shared/protocol/access';
import {
  defaultMeetingOf,
  http,
  join,
  nextState,
  ok,
  startServer,
  type TestServer,
} from '../../support/server';
import { servicesMissing, useServices } from '../../support/services';

/**
 * Redis dies under two nodes (docs/deploy.md, "What each failure costs"): the meeting goes on
 * for the devices on its holder; the other node's devices get `unavailable` for their commands,
 * within the screens' wait, and neither node falls over; when Redis is back, states and commands
 * cross the nodes again.
 */
const missing = servicesMissing({ redis: true });

describe.skipIf(missing !== '')(`two nodes when Redis dies and comes back ${missing}`, () => {
  const { postgres, later, open } = useServices({ redis: false });

  it("keeps the holder's devices going, answers the other node's unavailable, and joins up again when Redis is back", async () => {
    const dir = await mkdtemp(joinPath(tmpdir(), 'rostrum-redis-outage-'));
    later(() => rm(dir, { recursive: true, force: true }));
    let redis: RunningRedis = await startRedis({ dir });
    later(() => redis.stop());
    const url = await postgres().freshDatabase();
    const node = async (nodeId: string): Promise<TestServer> => {
      const store = await PostgresStore.open({ url, maxConnections: 4 });
      const cluster = await startClusterNode(store, { nodeId, ttlMs: 1000, redisUrl: redis.url });
      const server = await startServer({ store, cluster });
      later(() => server.close());
      return server;
    };
    const [a, b] = await Promise.all([node('node-a'), node('node-b')]);
    const meetingId = [a, b].map((s) => s.app.rostrum.createdOnStart).find((id) => id) ?? '';
    const [holder, other] = a.app.rostrum.registry.serves(meetingId) ? [a, b] : [b, a];
    if (!holder || !other) throw new Error('unreachable');
    for (const server of [holder, other]) {
      await expect.poll(() => server.app.rostrum.io.of('/').adapter.serverCount()).toBe(2);
    }
    const { codes } = await defaultMeetingOf(holder.url);
    const chairToken = (await join(holder.url, meetingId, codes.chair)).token;
    const chair = await open(holder.url, chairToken);
    const moderatorToken = (await join(other.url, meetingId, codes.moderator)).token;
    const moderator = await open(other.url, moderatorToken);
    await ok(chair, { type: 'agenda.start' });
    const before = await ok(chair, {
      type: 'agenda.goto',
      itemId: 'panel-1',
      stepId: 'discussion',
    });
    await nextState(moderator, (v) => v.version === before).catch(() => undefined);
    expect(moderator.latest().version).toBe(before);

    await redis.stop();
    // The holder's devices go on: the meeting is stored in PostgreSQL, not in Redis.
    const during = await ok(chair, { type: 'display.configure', showDelay: true });
    expect(during).toBe(before + 1);
    // The other node's device is answered, `unavailable`, within the screens' 10 s wait.
    const asked = performance.now();
    const answer = await moderator.socket.timeout(12_000).emitWithAck('command', {
      type: 'floor.close',
    });
    expect(performance.now() - asked).toBeLessThan(10_000);
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    // The chair's device counts still answer, with the sockets the holder itself has.
    const counted = performance.now();
    const devices = await http(holder.url, `/api/meetings/${meetingId}/devices`, {
      token: chairToken,
    });
    expect(devices.status).toBe(200);
    expect(performance.now() - counted).toBeLessThan(10_000);
    expect(DevicesResponse.parse(devices.body).roles.chair.connected).toBe(1);

    // Redis back on its port: the nodes' clients reconnect by themselves.
    redis = await startRedis({ dir, port: redis.port });
    for (const server of [holder, other]) {
      await expect
        .poll(() => server.app.rostrum.io.of('/').adapter.serverCount(), { timeout: 15_000 })
        .toBe(2);
    }
    // Commands from the other node reach the holder again, and its devices see the meeting.
    const seen = nextState(moderator, (v) => v.floor.open === false, 10_000);
    const closed = await ok(moderator, { type: 'floor.close' });
    expect(closed).toBeGreaterThan(during);
    expect((await seen).version).toBe(closed);
    expect(chair.latest().version).toBeLessThanOrEqual(closed);
  }, 90_000);
});
