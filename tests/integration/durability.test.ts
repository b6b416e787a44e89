import { copyFile, mkdir } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_EVERY } from '../../server/meetings/runtime';
import { DATABASE_FILE } from '../../server/store/database';
import type { MeetingView } from '../../shared/protocol/view';
import {
  type Client,
  connect,
  createMeeting,
  http,
  join,
  ok,
  startServer,
  stateAt,
  tempDir,
} from '../support/server';

/** What must come back after a restart: the view without the time it was made. */
const lasting = ({ serverTime: _, ...view }: MeetingView) => view;

/** A copy of DATA_DIR as a crash would leave it: the database and its WAL as they are now. */
const crashImage = async (dataDir: string): Promise<string> => {
  const copy = await tempDir('rostrum-crash-image-');
  await mkdir(copy, { recursive: true });
  for (const suffix of ['', '-wal']) {
    await copyFile(
      joinPath(dataDir, DATABASE_FILE + suffix),
      joinPath(copy, DATABASE_FILE + suffix),
    ).catch(() => undefined);
  }
  await copyFile(joinPath(dataDir, 'admin-token'), joinPath(copy, 'admin-token')).catch(
    () => undefined,
  );
  return copy;
};

describe('storage', () => {
  it('answers "unavailable" when the database cannot be written, and changes nothing', async () => {
    const server = await startServer({ createDefaultMeeting: false, busyTimeoutMs: 20 });
    const { meetingId, codes } = await createMeeting(server.url);
    const chair = await connect(server.url, (await join(server.url, meetingId, codes.chair)).token);
    const mexico = await connect(
      server.url,
      (await join(server.url, meetingId, codes.delegations.mexico ?? '')).token,
    );
    // Another process takes the database's write lock, as a backup tool or a stuck editor might.
    const intruder = new Database(joinPath(server.dataDir, DATABASE_FILE));
    try {
      await ok(chair, { type: 'agenda.start' });
      await ok(chair, { type: 'agenda.next' });
      await stateAt(chair, 2);
      intruder.exec('BEGIN EXCLUSIVE');
      const ack = await mexico.send({ type: 'floor.request' });
      expect(ack.ok).toBe(false);
      if (!ack.ok) {
        expect(ack.error.code).toBe('unavailable');
        expect(ack.error.message).toMatch(/could not store/);
      }
      // Joining needs a write too: the HTTP answer says so in the contract's shape.
      const joining = await http(server.url, `/api/meetings/${meetingId}/join`, {
        body: { code: codes.display },
      });
      expect(joining.status).toBe(503);
      expect(joining.body).toMatchObject({ error: { code: 'unavailable' } });
      intruder.exec('COMMIT');
      // The refused change left no trace: the next one takes the next version.
      expect(await mexico.send({ type: 'floor.request' })).toEqual({ ok: true, version: 3 });
      const view = await stateAt(chair, 3);
      expect(view.floor.queue.map((r) => r.delegationId)).toEqual(['mexico']);
      expect(chair.states.map((s) => s.version)).toEqual([0, 1, 2, 3]);
    } finally {
      intruder.close();
      chair.close();
      mexico.close();
      await server.close();
    }
  });

  it('brings a meeting back after a clean stop exactly as it was, tokens included', async () => {
    const dataDir = await tempDir();
    const first = await startServer({ dataDir, createDefaultMeeting: false });
    const { meetingId, codes } = await createMeeting(first.url);
    const chairToken = (await join(first.url, meetingId, codes.chair)).token;
    const mexicoToken = (await join(first.url, meetingId, codes.delegations.mexico ?? '')).token;
    const chair = await connect(first.url, chairToken);
    const mexico = await connect(first.url, mexicoToken);
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'agenda.next' });
    await ok(mexico, { type: 'floor.request', speakerName: 'H.E. Ms. Ana Pérez', sex: 'female' });
    await ok(chair, { type: 'floor.next' });
    await ok(mexico, { type: 'floor.request' });
    const last = await ok(chair, { type: 'turn.adjust', deltaMs: 15_000 });
    const before = await stateAt(chair, last);
    chair.close();
    mexico.close();
    await first.close();

    const second = await startServer({ dataDir, createDefaultMeeting: false });
    try {
      const again = await connect(second.url, chairToken);
      expect(lasting(again.latest())).toEqual(lasting(before));
      expect(again.latest().turn).toMatchObject({
        status: 'running',
        startedAt: before.turn?.startedAt,
      });
      const record = await http<{ requests: unknown[] }>(
        second.url,
        `/api/meetings/${meetingId}/record`,
        { token: chairToken },
      );
      expect(record.body.requests).toHaveLength(1);
      // The meeting goes on from where it was.
      expect(await ok(again, { type: 'floor.next' })).toBe(last + 1);
      again.close();
    } finally {
      await second.close();
    }
  });

  it('restores from the latest snapshot and replays the commands logged after it', async () => {
    const server = await startServer({ createDefaultMeeting: false });
    const { meetingId, codes } = await createMeeting(server.url);
    const chairs: Client[] = [];
    for (let i = 0; i < 3; i++) {
      chairs.push(
        await connect(server.url, (await join(server.url, meetingId, codes.chair)).token),
      );
    }
    const [chair] = chairs;
    if (!chair) throw new Error('no chair');
    await ok(chair, { type: 'agenda.start' });
    await ok(chair, { type: 'turn.start' });
    // Enough changes for two snapshots and some after them (each device keeps to its rate limit).
    let version = 2;
    while (version < 2 * SNAPSHOT_EVERY + 37) {
      const device = chairs[Math.floor(version / 90) % chairs.length] ?? chair;
      version = await ok(device, { type: 'turn.adjust', deltaMs: version % 2 === 0 ? 1000 : -500 });
    }
    const before = await stateAt(chair, version);
    const image = await crashImage(server.dataDir);
    for (const c of chairs) c.close();
    await server.close();

    const stored = new Database(joinPath(image, DATABASE_FILE), { readonly: true });
    const kept = stored
      .prepare('SELECT version FROM snapshots WHERE meeting = ? ORDER BY version')
      .pluck()
      .all(meetingId);
    const logged = stored.prepare('SELECT count(*) FROM commands WHERE meeting = ?').pluck();
    // The latest two snapshots are kept (older ones are pruned as new ones come); the log is whole.
    expect(kept).toEqual([SNAPSHOT_EVERY, 2 * SNAPSHOT_EVERY]);
    expect(logged.get(meetingId)).toBe(version);
    stored.close();

    const restored = await startServer({ dataDir: image });
    try {
      const chairAgain = await connect(
        restored.url,
        (await join(restored.url, meetingId, codes.chair)).token,
      );
      expect(lasting(chairAgain.latest())).toEqual(lasting(before));
      chairAgain.close();
      // The restore replayed 37 commands and kept a snapshot of where it got: still two.
      expect(restored.app.rostrum.registry.get(meetingId)?.replayed).toBe(37);
      expect(await restored.app.rostrum.store.snapshots.versions(meetingId)).toEqual([
        2 * SNAPSHOT_EVERY,
        version,
      ]);
    } finally {
      await restored.close();
    }
  });

  it('moves aside a logged command that no longer replays, and goes on from the last good one', async () => {
    const server = await startServer({ createDefaultMeeting: false });
    const { meetingId, codes } = await createMeeting(server.url);
    const chair = await connect(server.url, (await join(server.url, meetingId, codes.chair)).token);
    await ok(chair, { type: 'agenda.start' });
    const good = await ok(chair, { type: 'turn.start' });
    const before = await stateAt(chair, good);
    const image = await crashImage(server.dataDir);
    chair.close();
    await server.close();

    // A command the engine refuses at that point (nobody waits for the floor in a speakers step).
    const db = new Database(joinPath(image, DATABASE_FILE));
    db.prepare(
      "INSERT INTO commands (meeting, version, at, role, delegation, source, command) VALUES (?, ?, ?, 'chair', NULL, 'socket', ?)",
    ).run(meetingId, good + 1, Date.now(), JSON.stringify({ type: 'floor.next' }));
    db.close();

    const restored = await startServer({ dataDir: image });
    try {
      const chairAgain = await connect(
        restored.url,
        (await join(restored.url, meetingId, codes.chair)).token,
      );
      expect(lasting(chairAgain.latest())).toEqual(lasting(before));
      expect(await ok(chairAgain, { type: 'turn.end' })).toBe(good + 1);
      chairAgain.close();
      const check = new Database(joinPath(image, DATABASE_FILE), { readonly: true });
      const moved = check
        .prepare('SELECT command FROM diverged_commands WHERE meeting = ?')
        .pluck()
        .all(meetingId);
      check.close();
      expect(moved).toEqual([JSON.stringify({ type: 'floor.next' })]);
    } finally {
      await restored.close();
    }
  });
});
