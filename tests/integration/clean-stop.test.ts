import { rm } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/store/database';
import { MeetingList } from '../../shared/protocol/http';
import { freePort, type ServerProcess, spawnServer } from '../support/process';
import { connect, createMeeting, http, join, ok, stateAt, tempDir } from '../support/server';

describe('stopping the server with a signal', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('exits 0 on SIGTERM and SIGINT, and a restart loses nothing', async () => {
    const dataDir = await tempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    let server: ServerProcess = await spawnServer({ dataDir, port });
    cleanup.push(() => server.child.kill('SIGKILL'));
    expect(server.output()).toContain(`listening on http://127.0.0.1:${port}`);
    // stdout is not a terminal here: the codes are in the summary file, not in the output.
    expect(server.summary()).toMatch(
      /chair +code [0-9A-Z]{10} +http:\/\/127\.0\.0\.1:\d+\/m\/[a-z0-9]+\/join\?code=/,
    );
    expect(server.output()).toContain('operator-summary.txt (readable by this user only)');
    expect(server.output()).not.toMatch(/code [0-9A-Z]{10}|join\?code=/);

    const { meetingId, codes } = await createMeeting(server.url);
    const chairToken = (await join(server.url, meetingId, codes.chair)).token;
    const chair = await connect(server.url, chairToken);
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.next' });
    await ok(chair, { type: 'floor.add', delegationId: 'holy-see', speakerName: 'The Nuncio' });
    const last = await ok(chair, { type: 'floor.grant', requestId: 'R3' });
    const before = await stateAt(chair, last);
    const disconnected = new Promise<string>((r) =>
      chair.socket.once('disconnect', (reason) => r(reason)),
    );

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(await disconnected).toBe('transport close');
    // The clean stop kept a snapshot of the last version.
    const db = new Database(joinPath(dataDir, DATABASE_FILE), { readonly: true });
    const snapshot = db
      .prepare('SELECT max(version) FROM snapshots WHERE meeting = ?')
      .pluck()
      .get(meetingId);
    db.close();
    expect(snapshot).toBe(last);

    server = await spawnServer({ dataDir, port });
    const list = MeetingList.parse((await http(server.url, '/api/meetings')).body);
    expect(list.map((m) => m.meetingId)).toContain(meetingId);
    // The same codes are in the summary again, and the old token still works.
    expect(server.summary()).toContain(`/m/${meetingId}/join?code=${codes.chair}`);
    const again = await connect(server.url, chairToken);
    const { serverTime: _then, ...expected } = before;
    const { serverTime: _now, ...restored } = again.latest();
    expect(restored).toEqual(expected);
    again.close();

    server.child.kill('SIGINT');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
