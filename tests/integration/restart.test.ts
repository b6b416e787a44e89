import { copyFile, rm } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingRuntime } from '../../server/meetings/runtime';
import { SNAPSHOT_EVERY } from '../../server/meetings/runtime';
import { DATABASE_FILE } from '../../server/store/database';
import { SNAPSHOT_FORMAT } from '../../server/store/snapshots';
import type { MeetingContext } from '../../shared/engine/context';
import type { Command } from '../../shared/protocol/commands';
import type { MeetingView } from '../../shared/protocol/view';
import { formatOneStateOf } from '../support/engine';
import { captureLogs } from '../support/logs';
import { connect, createMeeting, join, startServer, stateAt, tempDir } from '../support/server';

/** A long meeting: 20,000 commands, and some after the latest snapshot. */
const LOGGED = 20_000 + 37;

/** What must come back after a restart: the view without the time it was made. */
const lasting = ({ serverTime: _, ...view }: MeetingView) => view;

/** The chair's clock buttons, over and over, on the turn of the opening's first speaker. */
const clockButtons: Command[] = [
  { type: 'turn.pause' },
  { type: 'turn.resume' },
  { type: 'turn.adjust', deltaMs: 1_000 },
  { type: 'turn.adjust', deltaMs: -500 },
];

describe('a restart after a long command log', () => {
  /** DATA_DIR as `kill -9` left it after LOGGED commands, never started again. */
  let image: string;
  let meetingId: string;
  let chairCode: string;
  let before: MeetingView;
  const dirs: string[] = [];

  beforeAll(async () => {
    const server = await startServer({ createDefaultMeeting: false });
    try {
      const created = await createMeeting(server.url);
      meetingId = created.meetingId;
      chairCode = created.codes.chair;
      // Straight into the meeting's runtime (what a socket's command reaches after its checks):
      // 20,000 commands through the sockets would take the chair's rate limit 17 minutes.
      const runtime = server.app.rostrum.registry.get(meetingId) as MeetingRuntime;
      const send = async (command: Command): Promise<void> => {
        const ack = await runtime.execute(command, { role: 'chair' }, 'socket');
        if (!ack.ok) throw new Error(`${command.type}: ${ack.error.message}`);
      };
      await send({ type: 'agenda.start' });
      await send({ type: 'turn.start' });
      while (runtime.version < LOGGED) {
        await send(clockButtons[runtime.version % clockButtons.length] as Command);
      }
      before = runtime.view();
      image = await copyOf(server.dataDir);
    } finally {
      await server.close();
    }
  }, 120_000);

  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  /** The database and its WAL as they are now: what a crash leaves. */
  const copyOf = async (dataDir: string): Promise<string> => {
    const copy = await tempDir('rostrum-restart-');
    dirs.push(copy);
    for (const suffix of ['', '-wal']) {
      await copyFile(
        joinPath(dataDir, DATABASE_FILE + suffix),
        joinPath(copy, DATABASE_FILE + suffix),
      ).catch(() => undefined);
    }
    return copy;
  };

  /** Rewrites the stored snapshots: each row's text, by its version. */
  const rewriteSnapshots = (
    dataDir: string,
    rewrite: (text: string, version: number) => string,
  ) => {
    const db = new Database(joinPath(dataDir, DATABASE_FILE));
    try {
      const rows = db
        .prepare('SELECT version, snapshot FROM snapshots WHERE meeting = ?')
        .all(meetingId) as { version: number; snapshot: string }[];
      const update = db.prepare(
        'UPDATE snapshots SET snapshot = ? WHERE meeting = ? AND version = ?',
      );
      for (const row of rows)
        update.run(rewrite(row.snapshot, row.version), meetingId, row.version);
      return rows.map((r) => r.version).sort((a, b) => a - b);
    } finally {
      db.close();
    }
  };

  /** Starts a server on `dataDir`: what its meeting replayed, what a chair sees, what it logged. */
  const restart = async (dataDir: string) => {
    const logs = captureLogs();
    const server = await startServer({ dataDir, logger: logs.logger });
    try {
      const runtime = server.app.rostrum.registry.get(meetingId) as MeetingRuntime;
      const chair = await connect(server.url, (await join(server.url, meetingId, chairCode)).token);
      const seen = await stateAt(chair, LOGGED);
      chair.close();
      return {
        replayed: runtime.replayed,
        seen,
        logs: logs.lines(),
        snapshots: await server.app.rostrum.store.snapshots.versions(meetingId),
      };
    } finally {
      await server.close();
    }
  };

  const latestSnapshot = Math.floor(LOGGED / SNAPSHOT_EVERY) * SNAPSHOT_EVERY;

  it('replays only the commands logged after the latest snapshot, however long the log', async () => {
    const stored = new Database(joinPath(image, DATABASE_FILE), { readonly: true });
    expect(stored.prepare('SELECT count(*) FROM commands').pluck().get()).toBe(LOGGED);
    stored.close();

    const again = await restart(await copyOf(image));
    expect(again.replayed).toBe(LOGGED - latestSnapshot);
    expect(lasting(again.seen)).toEqual(lasting(before));
    // The restart kept a snapshot of where it got; the two latest stay.
    expect(again.snapshots).toEqual([latestSnapshot, LOGGED]);
    expect(again.logs.find((l) => l.msg === 'meeting restored')).toMatchObject({
      version: LOGGED,
      replayed: LOGGED - latestSnapshot,
    });
  });

  it("opens a DATA_DIR of the previous server, whose snapshots are xstate's bare ones", async () => {
    const dataDir = await copyOf(image);
    // What the server before snapshot documents stored: the engine's xstate snapshot, bare.
    rewriteSnapshots(dataDir, (text) => {
      const document = JSON.parse(text) as { format: string; state: MeetingContext };
      expect(document.format).toBe(SNAPSHOT_FORMAT);
      return JSON.stringify(formatOneStateOf(document.state));
    });
    const again = await restart(dataDir);
    expect(again.replayed).toBe(LOGGED - latestSnapshot);
    expect(lasting(again.seen)).toEqual(lasting(before));
    expect(again.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('falls back on the snapshot before when the latest is unreadable', async () => {
    const dataDir = await copyOf(image);
    const kept = rewriteSnapshots(dataDir, (text, version) =>
      version === latestSnapshot
        ? JSON.stringify({ format: SNAPSHOT_FORMAT, formatVersion: 1 })
        : text,
    );
    expect(kept).toEqual([latestSnapshot - SNAPSHOT_EVERY, latestSnapshot]);
    const again = await restart(dataDir);
    expect(again.replayed).toBe(LOGGED - (latestSnapshot - SNAPSHOT_EVERY));
    expect(lasting(again.seen)).toEqual(lasting(before));
    expect(again.logs.find((l) => l.snapshotVersion === latestSnapshot)).toMatchObject({
      msg: expect.stringMatching(/^unreadable snapshot/),
      reason: expect.stringMatching(/not a snapshot document/),
    });
  });

  it('replays the whole log when no snapshot restores', async () => {
    const dataDir = await copyOf(image);
    rewriteSnapshots(dataDir, () => '{"neither": "a document nor an xstate snapshot"}');
    const again = await restart(dataDir);
    expect(again.replayed).toBe(LOGGED);
    expect(lasting(again.seen)).toEqual(lasting(before));
  }, 60_000);
});
