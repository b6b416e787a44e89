import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../../shared/protocol/view';
import { freePort, type ServerProcess, spawnServer } from '../../support/process';
import { connect, defaultMeetingOf, http, join, ok, sleep, tempDir } from '../../support/server';

/**
 * A reconnection storm: a room of 1,000 devices, the server killed (-9) and restarted, and every
 * device reconnecting on its own (socket.io's backoff, as the screens do) at once. Each must be
 * served the meeting, and a chair's command in the middle of it must be acknowledged.
 *
 * File descriptors: the devices live in this process (one socket each), the server in a child
 * process (one each too). Node raises its soft limit on open files to the hard limit when it
 * starts, so both processes may hold what the hard limit allows; the test checks that first
 * (Linux: /proc/self/limits) and says what to raise if it is too low.
 */

const DEVICES = 1000;

/** The soft limit on open files of this process, where the system says (Linux). */
const openFilesLimit = (): number | null => {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === undefined
      ? null
      : soft === 'unlimited'
        ? Number.POSITIVE_INFINITY
        : Number(soft);
  } catch {
    return null;
  }
};

describe('a reconnection storm', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it(`serves ${DEVICES} devices reconnecting at once after a restart, and the chair meanwhile`, {
    timeout: 180_000,
  }, async () => {
    const limit = openFilesLimit();
    if (limit !== null) {
      expect(
        limit,
        `open files: ${DEVICES} sockets need more than the limit of ${limit}: raise it (ulimit -Hn)`,
      ).toBeGreaterThan(DEVICES + 500);
    }
    const dataDir = await tempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    let server: ServerProcess = await spawnServer({ dataDir, port });
    cleanup.push(() => server.child.kill('SIGKILL'));

    const { meetingId, codes } = await defaultMeetingOf(server.url);
    // The room: a display or a delegation's tablet each, every delegation of the roster.
    const delegationCodes = Object.values(codes.delegations);
    const roomCodes = Array.from({ length: DEVICES }, (_, i) =>
      i % 4 === 0 ? codes.display : (delegationCodes[i % delegationCodes.length] ?? codes.display),
    );
    const tokens: string[] = [];
    for (let i = 0; i < roomCodes.length; i += 25) {
      const batch = roomCodes.slice(i, i + 25);
      tokens.push(
        ...(await Promise.all(
          batch.map(async (c) => (await join(server.url, meetingId, c)).token),
        )),
      );
    }
    const chairToken = (await join(server.url, meetingId, codes.chair)).token;

    // Every device keeps the versions it is sent, and reconnects by itself.
    const seen: number[][] = tokens.map(() => []);
    const devices: Socket[] = tokens.map((token, i) => {
      const socket = io(server.url, {
        transports: ['websocket'],
        auth: { token },
        forceNew: true,
        reconnection: true,
        reconnectionDelay: 250,
        reconnectionDelayMax: 1000,
        randomizationFactor: 0.5,
        timeout: 20_000,
      });
      socket.on('state', (view: MeetingView) => seen[i]?.push(view.version));
      return socket;
    });
    cleanup.push(() => {
      for (const socket of devices) socket.disconnect();
    });
    // A poll on real time: a server process dies and restarts, and the devices' reconnection
    // delays are socket.io's own timers.
    const until = async (what: string, done: () => boolean, maxMs = 60_000) => {
      for (let waited = 0; !done(); waited += 50) {
        if (waited > maxMs) throw new Error(`${what}: not within ${maxMs / 1000} s`);
        await sleep(50);
      }
    };
    await until('every device connected', () => seen.every((v) => v.length > 0));

    const chair = await connect(server.url, chairToken);
    const started = await ok(chair, { type: 'agenda.start' });
    await until('every device got the start', () => seen.every((v) => v.includes(started)));
    chair.close();

    // The server dies; every device notices and keeps trying.
    server.child.kill('SIGKILL');
    await server.exited;
    await until('every device noticed', () => devices.every((s) => !s.connected));
    for (const versions of seen) versions.length = 0;

    // It comes back; the devices come back all at once, and the chair works in the middle of it.
    server = await spawnServer({ dataDir, port });
    await until(
      'the storm under way',
      () => seen.filter((v) => v.length > 0).length >= DEVICES / 10,
      30_000,
    );
    const servedWhenChairSent = seen.filter((v) => v.length > 0).length;
    const chairAgain = await connect(server.url, chairToken);
    const next = await chairAgain.send({ type: 'agenda.next' });
    expect(next).toEqual({ ok: true, version: started + 1 });
    const servedWhenChairAcked = seen.filter((v) => v.length > 0).length;
    chairAgain.close();

    // Every device is served the meeting as it now is, whether it came back before the chair's
    // command (then it gets the change) or after it (then it starts there).
    await until('every device served after the restart', () =>
      seen.every((v) => v.includes(started + 1)),
    );
    for (const versions of seen) {
      expect(versions[0]).toBeGreaterThanOrEqual(started);
      expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    }
    expect(devices.every((s) => s.connected)).toBe(true);
    expect((await http(server.url, '/api/health')).status).toBe(200);
    process.stdout.write(
      `storm: ${DEVICES} devices reconnected after kill -9; ${servedWhenChairSent} were back when the chair connected, ${servedWhenChairAcked} when its command was acknowledged\n`,
    );
  });
});
