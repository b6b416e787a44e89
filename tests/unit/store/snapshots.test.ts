import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../server/store/database';
import { SNAPSHOT_FORMAT, SNAPSHOTS_KEPT } from '../../../server/store/snapshots';
import { Store } from '../../../server/store/store';
import { TEST_AGENDA, TEST_ROSTER } from '../../support/server';

const MEETING = 'meeting1';
const OTHER = 'meeting2';

/** A state as an engine might keep it: nested, with arrays, nulls and text to escape. */
const stateAt = (version: number) => ({
  version,
  session: { status: 'running', turn: null },
  queue: [{ id: `r${version}`, delegationId: 'mexico', note: 'a "quoted" note, é' }],
});

describe('the snapshot store', () => {
  let dataDir: string;
  let store: Store;
  /** The same file, as another connection sees it (what a later start reads). */
  let raw: Database.Database;

  beforeEach(async () => {
    dataDir = await mkdtemp(joinPath(tmpdir(), 'rostrum-store-test-'));
    store = new Store(openDatabase({ dataDir, durability: 'normal' }));
    for (const id of [MEETING, OTHER]) {
      store.meetings.create(
        { id, title: 'Test', agenda: TEST_AGENDA, roster: TEST_ROSTER, groups: [], createdAt: 0 },
        [],
      );
    }
    raw = new Database(joinPath(dataDir, DATABASE_FILE));
  });

  afterEach(async () => {
    raw.close();
    store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const rowOf = (meeting: string, version: number): unknown =>
    JSON.parse(
      raw
        .prepare('SELECT snapshot FROM snapshots WHERE meeting = ? AND version = ?')
        .pluck()
        .get(meeting, version) as string,
    );
  const writeRow = (meeting: string, version: number, text: string): void => {
    raw
      .prepare('INSERT OR REPLACE INTO snapshots (meeting, version, snapshot) VALUES (?, ?, ?)')
      .run(meeting, version, text);
  };

  it('stores a versioned document of its own and gives the state back as it was', () => {
    store.snapshots.save(MEETING, 100, stateAt(100), 2, 1_753_362_000_000);
    expect(rowOf(MEETING, 100)).toEqual({
      format: SNAPSHOT_FORMAT,
      formatVersion: 2,
      meetingId: MEETING,
      version: 100,
      savedAt: 1_753_362_000_000,
      state: stateAt(100),
    });
    // Read back from the file by a store opened afresh, as a restart does.
    store.close();
    store = new Store(openDatabase({ dataDir, durability: 'normal' }));
    expect(store.snapshots.latest(MEETING)).toEqual({
      version: 100,
      formatVersion: 2,
      state: stateAt(100),
    });
    expect(store.snapshots.latest(OTHER)).toBeUndefined();
  });

  it("reads a row stored before snapshots were documents (xstate's bare snapshot) as format version 1", () => {
    const bare = {
      status: 'active',
      value: 'running',
      historyValue: {},
      context: { meetingId: MEETING, version: 300, floor: { queue: [] } },
      children: {},
    };
    writeRow(MEETING, 300, JSON.stringify(bare));
    expect(store.snapshots.latest(MEETING)).toEqual({
      version: 300,
      formatVersion: 1,
      state: bare,
    });
  });

  it.each([
    ['not JSON', '{"format": "rostrum.meeting-st', /not JSON/],
    [
      'a document without its state',
      JSON.stringify({
        format: SNAPSHOT_FORMAT,
        formatVersion: 2,
        meetingId: MEETING,
        version: 7,
        savedAt: 1,
      }),
      /not a snapshot document/,
    ],
    [
      'a document with a format version that is not a number',
      JSON.stringify({
        format: SNAPSHOT_FORMAT,
        formatVersion: '2',
        meetingId: MEETING,
        version: 7,
        savedAt: 1,
        state: {},
      }),
      /formatVersion/,
    ],
    [
      'a document of another format',
      JSON.stringify({
        format: 'something.else',
        formatVersion: 1,
        meetingId: MEETING,
        version: 7,
        savedAt: 1,
        state: {},
      }),
      /not a snapshot document/,
    ],
    [
      "another meeting's document",
      JSON.stringify({
        format: SNAPSHOT_FORMAT,
        formatVersion: 2,
        meetingId: OTHER,
        version: 7,
        savedAt: 1,
        state: {},
      }),
      /meeting2 at version 7/,
    ],
    [
      'a document of another version',
      JSON.stringify({
        format: SNAPSHOT_FORMAT,
        formatVersion: 2,
        meetingId: MEETING,
        version: 8,
        savedAt: 1,
        state: {},
      }),
      /at version 8/,
    ],
    ['neither a document nor an xstate snapshot', JSON.stringify([1, 2, 3]), /neither/],
    ['an object that is not an xstate snapshot', JSON.stringify({ context: 'x' }), /neither/],
  ])('reports %s as unreadable, with its version, without throwing', (_, text, why) => {
    writeRow(MEETING, 7, text);
    const read = store.snapshots.latest(MEETING);
    expect(read).toMatchObject({ version: 7, unreadable: expect.stringMatching(why) });
    expect(read).not.toHaveProperty('state');
  });

  it('gives the one before a version, to fall back on when the latest does not restore', () => {
    store.snapshots.save(MEETING, 100, stateAt(100), 2);
    writeRow(MEETING, 200, 'damaged');
    expect(store.snapshots.latest(MEETING)).toMatchObject({ version: 200, unreadable: 'not JSON' });
    expect(store.snapshots.latest(MEETING, 200)).toEqual({
      version: 100,
      formatVersion: 2,
      state: stateAt(100),
    });
    expect(store.snapshots.latest(MEETING, 100)).toBeUndefined();
  });

  it(`keeps the latest ${SNAPSHOTS_KEPT} of each meeting, pruned as each new one is stored`, () => {
    store.snapshots.save(OTHER, 50, stateAt(50), 2);
    for (const version of [100, 200, 300, 400, 500]) {
      store.snapshots.save(MEETING, version, stateAt(version), 2);
      expect(store.snapshots.versions(MEETING)).toEqual(
        [100, 200, 300, 400, 500].filter((v) => v <= version).slice(-SNAPSHOTS_KEPT),
      );
    }
    expect(store.snapshots.versions(OTHER)).toEqual([50]);
  });

  it('stores the snapshot with its command in one transaction: a command that fails keeps neither, nor prunes', () => {
    const entry = (version: number) => ({
      version,
      at: 1_753_362_000_000 + version,
      sender: { role: 'chair' as const },
      source: 'socket' as const,
      command: { type: 'turn.pause' as const },
    });
    const none = { turns: [], requests: [], steps: [] };
    store.commitCommand(MEETING, entry(100), none, { state: stateAt(100), formatVersion: 2 });
    store.commitCommand(MEETING, entry(200), none, { state: stateAt(200), formatVersion: 2 });
    // Version 200 again: the log's primary key refuses it, and the whole transaction goes.
    expect(() =>
      store.commitCommand(MEETING, entry(200), none, { state: stateAt(300), formatVersion: 2 }),
    ).toThrow();
    expect(store.snapshots.versions(MEETING)).toEqual([100, 200]);
    expect(store.snapshots.latest(MEETING)).toMatchObject({ version: 200, state: stateAt(200) });
    store.commitCommand(MEETING, entry(300), none, { state: stateAt(300), formatVersion: 2 });
    expect(store.snapshots.versions(MEETING)).toEqual([200, 300]);
    expect(store.log.after(MEETING, 0).entries.map((e) => e.version)).toEqual([100, 200, 300]);
  });

  it('drops the snapshots that stood on commands moved aside', () => {
    const entry = (version: number) => ({
      version,
      at: version,
      sender: { role: 'chair' as const },
      source: 'socket' as const,
      command: { type: 'turn.pause' as const },
    });
    const none = { turns: [], requests: [], steps: [] };
    for (let v = 1; v <= 5; v++) store.commitCommand(MEETING, entry(v), none);
    store.snapshots.save(MEETING, 2, stateAt(2), 2);
    store.snapshots.save(MEETING, 4, stateAt(4), 2);
    expect(store.moveAsideFrom(MEETING, 3)).toBe(3);
    expect(store.snapshots.versions(MEETING)).toEqual([2]);
    expect(store.log.after(MEETING, 0).entries.map((e) => e.version)).toEqual([1, 2]);
  });
});
