import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startClusterNode } from '../../../server/cluster/node';
import { PostgresStore } from '../../../server/store/postgres/store';
import { DevicesResponse } from '../../../shared/protocol/access';
import { MeetingList, RecordResponse } from '../../../shared/protocol/http';
import {
  type Client,
  connectError,
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
 * Two nodes on one PostgreSQL and one Redis (issue 16, docs/many-nodes.md "Fan-out and
 * forwarding"), as server/main.ts builds them with DATABASE_URL and REDIS_URL: one holds the
 * default meeting; devices on either node see every change, send commands, and are signed out,
 * whichever node the chair's request reached.
 */
const missing = servicesMissing({ redis: true });

const TTL = 1000;

describe.skipIf(missing !== '')(`two nodes on PostgreSQL and Redis ${missing}`, () => {
  const { postgres, redis, later, open } = useServices({ redis: true });

  const node = async (url: string, nodeId: string): Promise<TestServer> => {
    const store = await PostgresStore.open({ url, maxConnections: 4 });
    const cluster = await startClusterNode(store, { nodeId, ttlMs: TTL, redisUrl: redis().url });
    const server = await startServer({ store, cluster });
    later(() => server.close());
    return server;
  };

  /** Two nodes, the meeting, and which node holds it. */
  const cluster = async () => {
    const url = await postgres().freshDatabase();
    const [a, b] = await Promise.all([node(url, 'node-a'), node(url, 'node-b')]);
    const meetingId = [a, b].map((s) => s.app.rostrum.createdOnStart).find((id) => id) ?? '';
    const [owner, other] = a.app.rostrum.registry.serves(meetingId) ? [a, b] : [b, a];
    if (!owner || !other) throw new Error('unreachable');
    expect(other.app.rostrum.registry.serves(meetingId)).toBe(false);
    // The adapters know each other from their first heartbeats.
    for (const server of [owner, other]) {
      await expect.poll(() => server.app.rostrum.io.of('/').adapter.serverCount()).toBe(2);
    }
    const { codes } = await defaultMeetingOf(owner.url);
    return { owner, other, meetingId, codes };
  };

  /**
   * The chair starts the meeting and goes to the panel's discussion; Mexico, on the node that does
   * not hold it, asks for the floor; the chair gives it. Answers that change's version.
   */
  const mexicoSpeaking = async (
    chair: Client,
    { other, meetingId, codes }: Awaited<ReturnType<typeof cluster>>,
  ): Promise<number> => {
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    const mexico = await open(
      other.url,
      (await join(other.url, meetingId, codes.delegations.mexico ?? '')).token,
    );
    await ok(mexico, { type: 'floor.request' });
    return ok(chair, { type: 'floor.next' });
  };

  it('shows a command sent on one node to the devices of the other, and carries a command sent on the node that does not hold the meeting to the one that does', async () => {
    const { owner, other, meetingId, codes } = await cluster();
    // Codes join on either node, and either node's tokens open the meeting on both.
    const chairToken = (await join(other.url, meetingId, codes.chair)).token;
    const mexicoToken = (await join(owner.url, meetingId, codes.delegations.mexico ?? '')).token;
    const displayToken = (await join(other.url, meetingId, codes.display)).token;

    const chairOnOwner = await open(owner.url, chairToken);
    // A device on the other node gets the meeting at once, whole (the agenda with it).
    const displayOnOther = await open(other.url, displayToken);
    expect(displayOnOther.latest().version).toBe(chairOnOwner.latest().version);
    expect(displayOnOther.received[0]?.agenda).toBeDefined();

    // A command on the owner reaches the other node's devices.
    const seen = nextState(displayOnOther, (v) => v.status === 'running');
    const started = await ok(chairOnOwner, { type: 'agenda.start' });
    expect((await seen).version).toBe(started);

    // A command on the other node is stored by the owner, answered with the owner's ack, and
    // shown on both nodes.
    const mexicoOnOther = await open(other.url, mexicoToken);
    await ok(chairOnOwner, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    const onOwner = nextState(chairOnOwner, (v) => v.floor.queue.length === 1);
    const onOther = nextState(displayOnOther, (v) => v.floor.queue.length === 1);
    const asked = await ok(mexicoOnOther, {
      type: 'floor.request',
      speakerName: 'H.E. Ms. Ana Pérez',
    });
    expect((await onOwner).version).toBe(asked);
    expect((await onOther).version).toBe(asked);
    expect(other.app.rostrum.registry.serves(meetingId)).toBe(false);

    // A refusal comes back as the owner words it.
    const again = await mexicoOnOther.send({ type: 'floor.request' });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_queued' } });

    // A command id logged by the owner is answered with its first ack through the other node.
    const id = 'retry-0123456789';
    const first = await mexicoOnOther.send({ type: 'floor.withdraw', commandId: id });
    expect(first.ok).toBe(true);
    expect(await mexicoOnOther.send({ type: 'floor.withdraw', commandId: id })).toEqual(first);
  }, 60_000);

  it('answers HTTP for the meeting on either node: the state, the record, the devices, the meeting list', async () => {
    const nodes = await cluster();
    const { owner, other, meetingId, codes } = nodes;
    const chairToken = (await join(other.url, meetingId, codes.chair)).token;
    const chair = await open(owner.url, chairToken);
    await mexicoSpeaking(chair, nodes);
    const last = await ok(chair, { type: 'turn.end' });

    for (const server of [owner, other]) {
      const state = await http<{ version: number }>(
        server.url,
        `/api/meetings/${meetingId}/state`,
        {
          token: chairToken,
        },
      );
      expect(state.status).toBe(200);
      expect(state.body.version).toBe(last);
      const record = await http(server.url, `/api/meetings/${meetingId}/record`, {
        token: chairToken,
      });
      expect(RecordResponse.parse(record.body).turns).toEqual([
        expect.objectContaining({ delegationId: 'mexico' }),
      ]);
      const csv = await http(server.url, `/api/meetings/${meetingId}/record.csv`, {
        token: chairToken,
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      // The devices of both nodes are counted.
      const devices = DevicesResponse.parse(
        (await http(server.url, `/api/meetings/${meetingId}/devices`, { token: chairToken })).body,
      );
      expect(devices.roles.chair.connected).toBe(1);
      expect(devices.delegations.find((d) => d.delegationId === 'mexico')?.connected).toBe(1);
      expect(MeetingList.parse((await http(server.url, '/api/meetings')).body)).toEqual([
        { meetingId, title: expect.any(String) },
      ]);
      // Refusals too: a wrong token, an unknown meeting.
      expect(
        (await http(server.url, `/api/meetings/${meetingId}/record`, { token: 'not-a-token' }))
          .status,
      ).toBe(401);
      expect((await http(server.url, '/api/meetings/nosuchmeeting/roster')).status).toBe(404);
    }
  }, 60_000);

  it("signs out a delegation's devices on both nodes when the chair asks either one", async () => {
    const { owner, other, meetingId, codes } = await cluster();
    const chairToken = (await join(owner.url, meetingId, codes.chair)).token;
    const mexicoCode = codes.delegations.mexico ?? '';
    const onOwner = await open(owner.url, (await join(owner.url, meetingId, mexicoCode)).token);
    const onOther = await open(other.url, (await join(other.url, meetingId, mexicoCode)).token);
    const signals = [onOwner, onOther].map(
      (client) =>
        new Promise<unknown>((resolve) =>
          client.socket.once('signed_out', (signal) => resolve(signal)),
        ),
    );
    const closed = [onOwner, onOther].map(
      (client) => new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve())),
    );
    // Asked of the node that does not hold the meeting: it passes the request on.
    const answer = await http<{ disconnected: number; revokedTokens: number }>(
      other.url,
      `/api/meetings/${meetingId}/delegations/mexico/sign-out`,
      { method: 'POST', token: chairToken, body: {} },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ disconnected: 2, revokedTokens: 2 });
    for (const signal of await Promise.all(signals)) {
      expect(signal).toMatchObject({ reason: 'delegation-signed-out' });
    }
    await Promise.all(closed);
    // Revoked in the shared store: the tokens open the meeting on neither node, and no device
    // of Mexico is counted anywhere.
    for (const server of [owner, other]) {
      for (const client of [onOwner, onOther]) {
        const token = (client.socket.auth as { token: string }).token;
        expect(await connectError(server.url, token)).toBe('unauthorized');
      }
      const devices = DevicesResponse.parse(
        (await http(server.url, `/api/meetings/${meetingId}/devices`, { token: chairToken })).body,
      );
      expect(devices.delegations.find((d) => d.delegationId === 'mexico')?.connected).toBe(0);
    }
  }, 60_000);

  it('keeps a running clock where it was when the meeting changes hands: the devices on the other node see the same turn, on the same clock', async () => {
    const nodes = await cluster();
    const { owner, other, meetingId, codes } = nodes;
    const chairToken = (await join(owner.url, meetingId, codes.chair)).token;
    const chair = await open(owner.url, chairToken);
    const last = await mexicoSpeaking(chair, nodes);
    const display = await open(other.url, (await join(other.url, meetingId, codes.display)).token);
    const before = display.latest();
    expect(before.version).toBe(last);
    expect(before.turn?.status).toBe('running');

    // Both nodes read one clock, PostgreSQL's: their `sync` answers agree.
    const syncOf = async (client: Client) => {
      const asked = Date.now();
      const answer = z.number().parse(await client.socket.timeout(5000).emitWithAck('sync'));
      return answer - (asked + Date.now()) / 2;
    };
    const chairOffset = await syncOf(chair);
    const displayOffset = await syncOf(display);
    expect(Math.abs(chairOffset - displayOffset)).toBeLessThan(50);

    // The holder stops; the other node takes the meeting and tells its devices, which stayed.
    const announced = nextState(display, (v) => v.version === last, 10_000);
    await owner.close();
    const after = await announced;
    expect(other.app.rostrum.registry.serves(meetingId)).toBe(true);
    expect(after.turn).toEqual(before.turn);
    // The chair's token opens it on the new holder, which stores the next change after it.
    const chairAgain = await open(other.url, chairToken);
    expect(chairAgain.latest().turn).toEqual(before.turn);
    expect(await ok(chairAgain, { type: 'turn.adjust', deltaMs: 15_000 })).toBe(last + 1);
  }, 60_000);
});
