import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/store/database';
import type { Command } from '../../shared/protocol/commands';
import { MeetingList } from '../../shared/protocol/http';
import type { MeetingView } from '../../shared/protocol/view';
import { type Acknowledged, commandLogOf, expectAcknowledgedInLog } from '../support/auditor';
import { freePort, type ServerProcess, spawnServer } from '../support/process';
import { defaultMeetingOf, http, join, ok, stateAt } from '../support/server';
import { servicesMissing, useServices } from '../support/services';

/**
 * `npm start` with DATABASE_URL (issue 16, one node): the real server process on PostgreSQL
 * instead of SQLite in DATA_DIR, through a clean stop and through `kill -9`.
 */
const missing = servicesMissing();

/** What must come back after a restart: the view without the time it was made. */
const lasting = ({ serverTime: _, ...view }: MeetingView) => view;

/** The servers' LEASE_TTL_MS: how long a meeting waits for a start after `kill -9`. */
const LEASE_TTL_MS = 600;

describe.skipIf(missing !== '')(`npm start with DATABASE_URL ${missing}`, () => {
  const { postgres, later, open, closeClients, dataDir } = useServices();

  const start = async (databaseUrl: string, dir: string): Promise<ServerProcess> => {
    const server = await spawnServer({
      dataDir: dir,
      port: await freePort(),
      // A killed node holds its meetings until its leases expire: short here (see below).
      env: { DATABASE_URL: databaseUrl, LEASE_TTL_MS: String(LEASE_TTL_MS) },
    });
    later(() => server.child.kill('SIGKILL'));
    return server;
  };

  it('keeps the meetings in PostgreSQL: a stop and a start on the same database, with an empty DATA_DIR, show the same meeting at the same version with the same codes', async () => {
    const databaseUrl = await postgres().freshDatabase();
    const firstDir = await dataDir();
    const first = await start(databaseUrl, firstDir);
    expect(first.output()).toMatch(/Meetings kept in PostgreSQL, 127\.0\.0\.1:\d+\/test_\d+/);
    // The default meeting of a first start, its codes as the operator reads them.
    const { meetingId, codes } = await defaultMeetingOf(first.url);
    expect(first.summary()).toContain(`/m/${meetingId}/join?code=${codes.chair}`);
    const chairToken = (await join(first.url, meetingId, codes.chair)).token;
    const mexicoToken = (await join(first.url, meetingId, codes.delegations.mexico ?? '')).token;
    const chair = await open(first.url, chairToken);
    const mexico = await open(first.url, mexicoToken);
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    await ok(mexico, { type: 'floor.request', speakerName: 'H.E. Ms. Ana Pérez', sex: 'female' });
    await ok(chair, { type: 'floor.next' });
    await ok(mexico, { type: 'floor.request' });
    const last = await ok(chair, { type: 'turn.adjust', deltaMs: 15_000 });
    const before = await stateAt(chair, last);
    closeClients();
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    // DATA_DIR held the operator's files, not the meetings.
    expect(existsSync(joinPath(firstDir, DATABASE_FILE))).toBe(false);
    expect(await readdir(firstDir)).toContain('operator-summary.txt');

    const second = await start(databaseUrl, await dataDir());
    expect(MeetingList.parse((await http(second.url, '/api/meetings')).body)).toEqual([
      { meetingId, title: expect.any(String) },
    ]);
    expect(await defaultMeetingOf(second.url)).toEqual({ meetingId, codes });
    // The tokens issued before open it again, where it was.
    const again = await open(second.url, chairToken);
    expect(again.latest().version).toBe(last);
    expect(lasting(again.latest())).toEqual(lasting(before));
    expect(await ok(again, { type: 'floor.next' })).toBe(last + 1);
    const record = await http<{ turns: { delegationId?: string }[] }>(
      second.url,
      `/api/meetings/${meetingId}/record`,
      { token: chairToken },
    );
    expect(record.body.turns).toEqual([expect.objectContaining({ delegationId: 'mexico' })]);
  }, 90_000);

  it('loses no acknowledged command to kill -9 with commands in flight from several clients, round after round', async () => {
    const databaseUrl = await postgres().freshDatabase();
    const dir = await dataDir();
    let server = await start(databaseUrl, dir);
    const { meetingId, codes } = await defaultMeetingOf(server.url);
    const tokens = {
      chair: (await join(server.url, meetingId, codes.chair)).token,
      moderator: (await join(server.url, meetingId, codes.moderator)).token,
      morocco: (await join(server.url, meetingId, codes.delegations.morocco ?? '')).token,
      iom: (await join(server.url, meetingId, codes.delegations.iom ?? '')).token,
    };
    // Mexico speaking: the officers adjust its turn, Morocco and IOM ask for the floor and withdraw.
    const chair = await open(server.url, tokens.chair);
    const mexico = await open(
      server.url,
      (await join(server.url, meetingId, codes.delegations.mexico ?? '')).token,
    );
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    await ok(mexico, { type: 'floor.request' });
    await ok(chair, { type: 'floor.next' });
    closeClients();

    /** Every acknowledged command: its version, who sent it, what it was. */
    const acknowledged: Acknowledged[] = [];
    const ROUNDS = 4;
    let atStart = 4;
    for (let round = 1; round <= ROUNDS; round++) {
      const clients = {
        chair: await open(server.url, tokens.chair),
        moderator: await open(server.url, tokens.moderator),
        morocco: await open(server.url, tokens.morocco),
        iom: await open(server.url, tokens.iom),
      };
      // Each restart brought back everything logged, acknowledged or not.
      expect(clients.chair.latest().version).toBe(atStart);
      let stopped = false;
      /** Commands sent and never answered: on their way when the process died. */
      let unanswered = 0;
      /** One sender: each command sent as soon as the one before is answered, until the kill. */
      const sending = async (who: keyof typeof clients, next: (n: number) => Command) => {
        for (let n = 0; !stopped; n++) {
          const command = next(n);
          const ack = await clients[who].send(command).catch(() => undefined);
          if (ack === undefined) unanswered++;
          else if (ack.ok) acknowledged.push({ version: ack.version, sender: who, command });
        }
      };
      const adjust = (n: number): Command => ({
        type: 'turn.adjust',
        deltaMs: n % 2 === 0 ? 1_000 : -1_000,
      });
      const toggle = (n: number): Command =>
        n % 2 === 0 ? { type: 'floor.request' } : { type: 'floor.withdraw' };
      const senders = [
        sending('chair', adjust),
        sending('moderator', adjust),
        sending('morocco', toggle),
        sending('iom', toggle),
      ];
      // Killed while every sender has a command on its way (within the officers' burst).
      const before = acknowledged.length;
      await expect
        .poll(() => acknowledged.length - before, { timeout: 10_000 })
        .toBeGreaterThan(40);
      server.child.kill('SIGKILL');
      stopped = true;
      expect((await server.exited).signal).toBe('SIGKILL');
      closeClients();
      await Promise.all(senders);
      expect(unanswered).toBeGreaterThan(0);

      const log = await commandLogOf(databaseUrl, meetingId);
      expectAcknowledgedInLog(log, acknowledged);
      atStart = log.length;
      server = await start(databaseUrl, dir);
      // The dead process's lease on the meeting lasts until it expires; then the new one claims
      // the meeting (its scan runs every half lease) and serves it.
      const restarted = server.url;
      await expect
        .poll(async () => MeetingList.parse((await http(restarted, '/api/meetings')).body), {
          timeout: 2 * LEASE_TTL_MS + 2_000,
          interval: 20,
        })
        .toEqual([{ meetingId, title: expect.any(String) }]);
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 40);
  }, 180_000);
});
