import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AccessCode,
  LoggedCommand,
  MeetingRecord,
  Store,
  StoredHook,
} from '../../../server/store/api';
import { SNAPSHOT_FORMAT, SNAPSHOTS_KEPT } from '../../../server/store/snapshots';
import type { AuditEntry } from '../../../shared/protocol/access';
import type { RequestRecord, StepRecord, TurnRecord } from '../../../shared/protocol/view';
import { skipNote } from '../../support/postgres';
import { TEST_AGENDA, TEST_ROSTER } from '../../support/server';
import {
  STORE_IMPLEMENTATIONS,
  type StoreImplementation,
  type StoreUnderTest,
} from '../../support/stores';

/**
 * The store as the server uses it, through its interface only (server/store/api.ts), run against
 * every implementation (tests/support/stores.ts): what one keeps, another must keep the same way.
 * What an implementation must do past the interface (a damaged row) it does its own way.
 *
 * One difference is the databases' own, and each test that meets it says so: PostgreSQL keeps
 * JSON in jsonb columns, which hold JSON only, so a row whose text is not JSON cannot be written
 * there at all. Where SQLite shows how such a row is read back, PostgreSQL shows it refused.
 */

const MEETING = 'meeting1';
const OTHER = 'meeting2';
const T0 = 1_753_362_000_000;

const meeting = (id: string, createdAt = 0) => ({
  id,
  title: `Meeting ${id}`,
  agenda: TEST_AGENDA,
  roster: TEST_ROSTER,
  groups: [],
  createdAt,
});

/** The codes a meeting is made with: its officers' and two delegations'. */
const codesOf = (meetingId: string, prefix: string): AccessCode[] => [
  { meetingId, role: 'chair', code: `${prefix}CHAIR0000` },
  { meetingId, role: 'moderator', code: `${prefix}MODER0000` },
  { meetingId, role: 'display', code: `${prefix}DISPL0000` },
  { meetingId, role: 'delegate', delegationId: 'mexico', code: `${prefix}MEXIC0000` },
  { meetingId, role: 'delegate', delegationId: 'morocco', code: `${prefix}MOROC0000` },
];

/** A state as an engine might keep it: nested, with arrays, nulls and text to escape. */
const stateAt = (version: number) => ({
  version,
  session: { status: 'running', turn: null },
  queue: [{ id: `r${version}`, delegationId: 'mexico', note: 'a "quoted" note, é' }],
});

const entry = (version: number, overrides: Partial<LoggedCommand> = {}): LoggedCommand => ({
  version,
  at: T0 + version,
  sender: { role: 'chair' },
  source: 'socket',
  command: { type: 'turn.pause' },
  ...overrides,
});

const NONE: MeetingRecord = { turns: [], requests: [], steps: [] };

const turn = (id: string): TurnRecord => ({
  id,
  itemId: 'panel',
  stepId: 'discussion',
  itemTitle: 'Panel',
  stepTitle: 'Interactive discussion',
  speakerName: 'Mexico',
  delegationId: 'mexico',
  kind: 'statement',
  limitMs: 180_000,
  warnAtMs: 150_000,
  startedAt: T0,
  endedAt: T0 + 60_000,
  spokenMs: 60_000,
  overtimeMs: 0,
});

const request = (id: string): RequestRecord => ({
  id,
  itemId: 'panel',
  stepId: 'discussion',
  delegationId: 'morocco',
  delegationName: 'Morocco',
  category: 'member-state',
  kind: 'statement',
  madeBy: 'delegate',
  requestedAt: T0,
  outcome: 'withdrawn',
  endedAt: T0 + 1_000,
  waitingAtClose: false,
});

const step = (stepId: string): StepRecord => ({
  itemId: 'panel',
  stepId,
  startedAt: T0,
  endedAt: T0 + 600_000,
});

const audit = (overrides: Partial<AuditEntry>): AuditEntry => ({
  at: T0,
  actor: 'chair',
  action: 'delegation.sign-out',
  role: 'delegate',
  revokedTokens: 0,
  ...overrides,
});

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

for (const implementation of STORE_IMPLEMENTATIONS) {
  // Skipped where its database is not installed, with the missing package in the title.
  const missing = skipNote(implementation.missing);
  describe.skipIf(missing !== '')(`the store: ${implementation.name} ${missing}`.trim(), () => {
    storeSuite(implementation);
  });
}

function storeSuite(implementation: StoreImplementation): void {
  let subject: StoreUnderTest;
  /** The store now (a reopened one after `reopen`). */
  let store: Store;

  afterAll(async () => {
    await implementation.finish?.();
  });

  /**
   * Writes a damaged row past the store. Text that is not JSON cannot be in a JSON-only column
   * (PostgreSQL's jsonb): there the database must refuse it, and this answers false (nothing was
   * written); everywhere else it is written and this answers true.
   */
  const writeDamaged = async (write: () => Promise<void>, text: string): Promise<boolean> => {
    if (!implementation.jsonColumns || isJson(text)) {
      await write();
      return true;
    }
    await expect(write()).rejects.toThrow(/invalid input syntax for type json/);
    return false;
  };

  beforeEach(async () => {
    subject = await implementation.open();
    store = subject.store;
    await store.meetings.create(meeting(MEETING, 1), codesOf(MEETING, 'A'));
    await store.meetings.create(meeting(OTHER, 2), codesOf(OTHER, 'B'));
  });

  afterEach(async () => {
    await subject.dispose();
  });

  /** The same data as a later start reads it, where the implementation outlives its handle. */
  const reopened = async (): Promise<Store> => {
    if (subject.reopen) store = await subject.reopen();
    return store;
  };

  describe('meetings', () => {
    it('keeps each meeting as it was made, oldest first, and says which exist', async () => {
      await store.meetings.create(meeting('meeting0', 0), []);
      const all = await (await reopened()).meetings.all();
      expect(all.map((m) => m.id)).toEqual(['meeting0', MEETING, OTHER]);
      expect(all[1]).toEqual(meeting(MEETING, 1));
      expect(await store.meetings.exists(OTHER)).toBe(true);
      expect(await store.meetings.exists('meeting9')).toBe(false);
    });

    it('makes a meeting with its codes or not at all: a code already taken leaves neither', async () => {
      const clash = [{ meetingId: 'meeting3', role: 'chair' as const, code: 'ACHAIR0000' }];
      await expect(store.meetings.create(meeting('meeting3', 3), clash)).rejects.toThrow();
      expect(await store.meetings.exists('meeting3')).toBe(false);
      expect(await store.access.codesOf('meeting3')).toEqual([]);
      expect((await store.meetings.all()).map((m) => m.id)).toEqual([MEETING, OTHER]);
    });
  });

  describe('codes', () => {
    it("gives a meeting's codes in the order they were made, and finds each", async () => {
      expect(await store.access.codesOf(MEETING)).toEqual(codesOf(MEETING, 'A'));
      const mexico = codesOf(MEETING, 'A')[3];
      expect(await store.access.findCode(MEETING, 'AMEXIC0000')).toEqual(mexico);
      // A code opens its own meeting only, but names it wherever it is typed.
      expect(await store.access.findCode(OTHER, 'AMEXIC0000')).toBeUndefined();
      expect(await store.access.findCodeAnywhere('BCHAIR0000')).toEqual(codesOf(OTHER, 'B')[0]);
      expect(await store.access.findCodeAnywhere('ZZZZZZZZZZ')).toBeUndefined();
      expect(await store.access.codeExists('BDISPL0000')).toBe(true);
      expect(await store.access.codeExists('ZZZZZZZZZZ')).toBe(false);
    });

    it('rotates a code with its tokens and the audit line, and a new token for the chair who did it', async () => {
      await store.access.insertToken('h-chair', { meetingId: MEETING, role: 'chair' }, T0);
      await store.access.insertToken('h-chair-2', { meetingId: MEETING, role: 'chair' }, T0);
      await store.access.insertToken('h-other', { meetingId: OTHER, role: 'chair' }, T0);
      const line = audit({ action: 'code.rotate', role: 'chair', at: T0 + 5 });
      const revoked = await store.access.rotateCode(
        MEETING,
        { role: 'chair' },
        'ANEWCHAIR0',
        line,
        { hash: 'h-chair-new' },
      );
      expect(revoked).toBe(2);
      expect(await store.access.findCode(MEETING, 'ACHAIR0000')).toBeUndefined();
      expect(await store.access.findCode(MEETING, 'ANEWCHAIR0')).toMatchObject({ role: 'chair' });
      expect(await store.access.findToken('h-chair')).toBeUndefined();
      expect(await store.access.findToken('h-chair-new')).toEqual({
        meetingId: MEETING,
        role: 'chair',
      });
      expect(await store.access.findToken('h-other')).toEqual({ meetingId: OTHER, role: 'chair' });
      expect(await (await reopened()).access.audit(MEETING)).toEqual([
        { ...line, revokedTokens: 2 },
      ]);
    });

    it('rotates nothing when the holder has no code: no token revoked, no audit line', async () => {
      await store.access.insertToken('h-mexico', { meetingId: MEETING, role: 'delegate' }, T0);
      const nobody = { role: 'delegate' as const, delegationId: 'holy-see' };
      await expect(
        store.access.rotateCode(MEETING, nobody, 'ANEWCODE00', audit({ action: 'code.rotate' })),
      ).rejects.toThrow(/no delegate code/);
      expect(await store.access.findToken('h-mexico')).toBeDefined();
      expect(await store.access.audit(MEETING)).toEqual([]);
      expect(await store.access.codeExists('ANEWCODE00')).toBe(false);
    });
  });

  describe('tokens', () => {
    it('finds a valid token, knows a revoked one, and counts them per holder', async () => {
      const mexico = { meetingId: MEETING, role: 'delegate' as const, delegationId: 'mexico' };
      await store.access.insertToken('h1', mexico, T0);
      await store.access.insertToken('h2', mexico, T0);
      await store.access.insertToken('h3', { meetingId: MEETING, role: 'display' }, T0);
      expect(await store.access.findToken('h1')).toEqual(mexico);
      expect(await store.access.revokeTokens(MEETING, { role: 'display' }, T0 + 1)).toBe(1);
      expect(await store.access.findToken('h3')).toBeUndefined();
      expect(await store.access.tokenKnown('h3')).toBe(true);
      expect(await store.access.tokenKnown('never-issued')).toBe(false);
      const counts = await (await reopened()).access.tokenCounts(MEETING);
      expect(counts).toHaveLength(2);
      expect(counts).toEqual(
        expect.arrayContaining([
          { role: 'delegate', delegationId: 'mexico', active: 2, revoked: 0 },
          { role: 'display', active: 0, revoked: 1 },
        ]),
      );
      expect(await store.access.tokenCounts(OTHER)).toEqual([]);
    });

    it("revokes one delegation's tokens, one role's, or a whole meeting's", async () => {
      const of = (role: 'delegate' | 'moderator', delegationId?: string) => ({
        meetingId: MEETING,
        role,
        ...(delegationId !== undefined && { delegationId }),
      });
      await store.access.insertToken('mexico', of('delegate', 'mexico'), T0);
      await store.access.insertToken('morocco', of('delegate', 'morocco'), T0);
      await store.access.insertToken('moderator', of('moderator'), T0);
      await store.access.insertToken('other', { meetingId: OTHER, role: 'moderator' }, T0);
      const filter = { role: 'delegate' as const, delegationId: 'mexico' };
      expect(await store.access.revokeTokens(MEETING, filter)).toBe(1);
      expect(await store.access.findToken('morocco')).toBeDefined();
      expect(await store.access.revokeTokens(MEETING, { role: 'delegate' })).toBe(1);
      expect(await store.access.revokeTokens(MEETING)).toBe(1);
      expect(await store.access.revokeTokens(MEETING)).toBe(0);
      expect(await store.access.findToken('other')).toBeDefined();
    });

    it('signs out a delegation with its audit line, in one', async () => {
      const mexico = { meetingId: MEETING, role: 'delegate' as const, delegationId: 'mexico' };
      await store.access.insertToken('h1', mexico, T0);
      await store.access.insertToken('h2', mexico, T0);
      await store.access.insertToken('h3', { ...mexico, delegationId: 'morocco' }, T0);
      const line = audit({ delegationId: 'mexico', actor: 'operator', at: T0 + 9 });
      const holder = { role: 'delegate' as const, delegationId: 'mexico' };
      expect(await store.access.signOut(MEETING, holder, line)).toBe(2);
      expect(await store.access.signOut(MEETING, holder, line)).toBe(0);
      expect(await store.access.findToken('h1')).toBeUndefined();
      expect(await store.access.findToken('h3')).toBeDefined();
      expect(await (await reopened()).access.audit(MEETING)).toEqual([
        { ...line, revokedTokens: 2 },
        { ...line, revokedTokens: 0 },
      ]);
      expect(await store.access.audit(OTHER)).toEqual([]);
    });

    it('refuses a token twice under one hash, and one for a meeting that is not there', async () => {
      await store.access.insertToken('h1', { meetingId: MEETING, role: 'chair' }, T0);
      await expect(
        store.access.insertToken('h1', { meetingId: OTHER, role: 'chair' }, T0),
      ).rejects.toThrow();
      await expect(
        store.access.insertToken('h2', { meetingId: 'meeting9', role: 'chair' }, T0),
      ).rejects.toThrow();
      expect(await store.access.findToken('h1')).toEqual({ meetingId: MEETING, role: 'chair' });
      expect(await store.access.tokenKnown('h2')).toBe(false);
    });
  });

  describe('commands and the record', () => {
    it('keeps each command with the records it made, in order, as they were', async () => {
      const mexico = entry(1, {
        sender: { role: 'delegate', delegationId: 'mexico' },
        command: { type: 'floor.request' },
      });
      await store.commitCommand(MEETING, mexico, { ...NONE, requests: [request('r1')] });
      await store.commitCommand(MEETING, entry(2, { source: 'http' }), {
        turns: [turn('t1')],
        requests: [],
        steps: [step('opening')],
      });
      await store.commitCommand(MEETING, entry(3, { source: 'timer' }), {
        ...NONE,
        turns: [turn('t2'), turn('t3')],
      });
      await store.commitCommand(OTHER, entry(1), { ...NONE, turns: [turn('t9')] });
      const again = await reopened();
      expect(await again.log.after(MEETING, 0)).toEqual({
        entries: [mexico, entry(2, { source: 'http' }), entry(3, { source: 'timer' })],
      });
      expect(await again.log.after(MEETING, 2)).toEqual({
        entries: [entry(3, { source: 'timer' })],
      });
      expect(await again.log.after(MEETING, 3)).toEqual({ entries: [] });
      expect(await again.records.of(MEETING)).toEqual({
        turns: [turn('t1'), turn('t2'), turn('t3')],
        requests: [request('r1')],
        steps: [step('opening')],
      });
      expect((await again.records.of(OTHER)).turns).toEqual([turn('t9')]);
    });

    it('keeps nothing of a command that cannot be stored: no record, no snapshot, nothing pruned', async () => {
      const snapshot = (v: number) => ({ snapshot: { state: stateAt(v), formatVersion: 2 } });
      await store.commitCommand(MEETING, entry(100), NONE, snapshot(100));
      await store.commitCommand(MEETING, entry(200), NONE, snapshot(200));
      // Version 200 again: the log refuses it, and the whole transaction goes.
      await expect(
        store.commitCommand(MEETING, entry(200), { ...NONE, turns: [turn('t1')] }, snapshot(300)),
      ).rejects.toThrow();
      expect(await store.snapshots.versions(MEETING)).toEqual([100, 200]);
      expect(await store.snapshots.latest(MEETING)).toMatchObject({
        version: 200,
        state: stateAt(200),
      });
      expect(await store.records.of(MEETING)).toEqual(NONE);
      await store.commitCommand(MEETING, entry(300), NONE, snapshot(300));
      expect(await store.snapshots.versions(MEETING)).toEqual([200, 300]);
      const versions = (await store.log.after(MEETING, 0)).entries.map((e) => e.version);
      expect(versions).toEqual([100, 200, 300]);
    });

    it('keeps a command id with its command, finds it by it, and refuses it twice in a meeting', async () => {
      const first = entry(1, {
        commandId: 'c-1',
        command: { type: 'turn.pause', commandId: 'c-1' },
      });
      await store.commitCommand(MEETING, first, NONE);
      await store.commitCommand(MEETING, entry(2), NONE);
      // Another meeting's log has its own ids.
      await store.commitCommand(OTHER, entry(1, { commandId: 'c-1' }), NONE);
      // The same id again in the meeting: refused, and nothing of it stored.
      await expect(
        store.commitCommand(MEETING, entry(3, { commandId: 'c-1' }), {
          ...NONE,
          turns: [turn('t1')],
        }),
      ).rejects.toThrow();
      const again = await reopened();
      expect(await again.log.withCommandId(MEETING, 'c-1')).toEqual(first);
      expect(await again.log.withCommandId(MEETING, 'c-2')).toBeUndefined();
      expect(await again.log.withCommandId(OTHER, 'c-1')).toEqual(entry(1, { commandId: 'c-1' }));
      expect(await again.log.after(MEETING, 0)).toEqual({ entries: [first, entry(2)] });
      expect(await again.records.of(MEETING)).toEqual(NONE);
    });

    it('refuses a command of a meeting that is not there', async () => {
      await expect(store.commitCommand('meeting9', entry(1), NONE)).rejects.toThrow();
      expect(await store.log.after('meeting9', 0)).toEqual({ entries: [] });
    });

    it.each([
      ['not JSON', '{"type": "turn.pau'],
      ['not a command', JSON.stringify({ type: 'turn.fly' })],
    ])('stops the log at a command that does not read (%s), with its version', async (_, text) => {
      await store.commitCommand(MEETING, entry(1), NONE);
      await store.commitCommand(MEETING, entry(2), NONE);
      const written = await writeDamaged(() => subject.writeCommandText(MEETING, 3, text), text);
      await store.commitCommand(MEETING, entry(4), NONE);
      if (!written) {
        // PostgreSQL: no such row can be there; the log reads on past the version not written.
        expect(await store.log.after(MEETING, 0)).toEqual({
          entries: [entry(1), entry(2), entry(4)],
        });
        return;
      }
      expect(await store.log.after(MEETING, 0)).toEqual({
        entries: [entry(1), entry(2)],
        unreadableFrom: 3,
      });
      expect(await store.log.after(MEETING, 3)).toEqual({ entries: [entry(4)] });
    });

    it('moves aside the commands from a version on, with the snapshots that stood on them', async () => {
      for (let v = 1; v <= 5; v++) await store.commitCommand(MEETING, entry(v), NONE);
      await store.commitCommand(OTHER, entry(3), NONE);
      await store.snapshots.save(MEETING, 2, stateAt(2), 2);
      await store.snapshots.save(MEETING, 4, stateAt(4), 2);
      expect(await store.moveAsideFrom(MEETING, 3, T0)).toBe(3);
      expect(await store.snapshots.versions(MEETING)).toEqual([2]);
      expect((await store.log.after(MEETING, 0)).entries.map((e) => e.version)).toEqual([1, 2]);
      expect((await store.log.after(OTHER, 0)).entries.map((e) => e.version)).toEqual([3]);
      // The versions are free again: the meeting goes on from there.
      await store.commitCommand(MEETING, entry(3, { source: 'http' }), NONE);
      expect((await store.log.after(MEETING, 2)).entries).toEqual([entry(3, { source: 'http' })]);
      expect(await store.moveAsideFrom(MEETING, 10)).toBe(0);
    });
  });

  describe('snapshots', () => {
    it('stores a versioned document of its own and gives the state back as it was', async () => {
      await store.snapshots.save(MEETING, 100, stateAt(100), 2, T0);
      const again = await reopened();
      expect(await again.snapshots.latest(MEETING)).toEqual({
        version: 100,
        formatVersion: 2,
        state: stateAt(100),
      });
      expect(await again.snapshots.latest(OTHER)).toBeUndefined();
    });

    it('gives the one before a version, to fall back on when the latest does not restore', async () => {
      await store.snapshots.save(MEETING, 100, stateAt(100), 2);
      // JSON, so that every implementation can hold it, but not a snapshot document.
      await subject.writeSnapshotText(MEETING, 200, JSON.stringify({ format: SNAPSHOT_FORMAT }));
      expect(await store.snapshots.latest(MEETING)).toMatchObject({
        version: 200,
        unreadable: expect.stringMatching(/^not a snapshot document/),
      });
      expect(await store.snapshots.latest(MEETING, 200)).toEqual({
        version: 100,
        formatVersion: 2,
        state: stateAt(100),
      });
      expect(await store.snapshots.latest(MEETING, 100)).toBeUndefined();
    });

    it(`keeps the latest ${SNAPSHOTS_KEPT} of each meeting, pruned as each new one is stored`, async () => {
      await store.snapshots.save(OTHER, 50, stateAt(50), 2);
      for (const version of [100, 200, 300, 400, 500]) {
        await store.snapshots.save(MEETING, version, stateAt(version), 2);
        expect(await store.snapshots.versions(MEETING)).toEqual(
          [100, 200, 300, 400, 500].filter((v) => v <= version).slice(-SNAPSHOTS_KEPT),
        );
      }
      expect(await store.snapshots.versions(OTHER)).toEqual([50]);
    });

    it('stores a snapshot again at the same version in place of the first', async () => {
      await store.snapshots.save(MEETING, 100, stateAt(1), 2);
      await store.snapshots.save(MEETING, 100, stateAt(100), 3);
      expect(await store.snapshots.versions(MEETING)).toEqual([100]);
      expect(await store.snapshots.latest(MEETING)).toEqual({
        version: 100,
        formatVersion: 3,
        state: stateAt(100),
      });
    });

    it("reads a row stored before snapshots were documents (xstate's bare snapshot) as format version 1", async () => {
      const bare = {
        status: 'active',
        value: 'running',
        historyValue: {},
        context: { meetingId: MEETING, version: 300, floor: { queue: [] } },
        children: {},
      };
      await subject.writeSnapshotText(MEETING, 300, JSON.stringify(bare));
      expect(await store.snapshots.latest(MEETING)).toEqual({
        version: 300,
        formatVersion: 1,
        state: bare,
      });
    });

    const document = (fields: Record<string, unknown>) =>
      JSON.stringify({
        format: SNAPSHOT_FORMAT,
        formatVersion: 2,
        meetingId: MEETING,
        version: 7,
        savedAt: 1,
        state: {},
        ...fields,
      });

    it.each([
      ['not JSON', '{"format": "rostrum.meeting-st', /not JSON/],
      ['a document without its state', document({ state: undefined }), /not a snapshot document/],
      [
        'a document with a format version that is not a number',
        document({ formatVersion: '2' }),
        /formatVersion/,
      ],
      ['a document of another format', document({ format: 'something.else' }), /not a snapshot/],
      ["another meeting's document", document({ meetingId: OTHER }), /meeting2 at version 7/],
      ['a document of another version', document({ version: 8 }), /at version 8/],
      ['neither a document nor an xstate snapshot', JSON.stringify([1, 2, 3]), /neither/],
      ['an object that is not an xstate snapshot', JSON.stringify({ context: 'x' }), /neither/],
    ])('reports %s as unreadable, with its version, without throwing', async (_, text, why) => {
      if (!(await writeDamaged(() => subject.writeSnapshotText(MEETING, 7, text), text))) {
        // PostgreSQL: no such row can be there, so there is no snapshot to report.
        expect(await store.snapshots.latest(MEETING)).toBeUndefined();
        return;
      }
      const read = await store.snapshots.latest(MEETING);
      expect(read).toMatchObject({ version: 7, unreadable: expect.stringMatching(why) });
      expect(read).not.toHaveProperty('state');
    });
  });

  describe('hooks', () => {
    const hook = (id: string, meetingId: string, createdAt: number): StoredHook => ({
      id,
      meetingId,
      url: `https://hooks.example.invalid/${id}`,
      secret: `secret of ${id}`,
      events: id === 'h2' ? ['turn.started', 'turn.phase'] : null,
      createdAt,
      createdBy: id === 'h3' ? 'operator' : 'chair',
    });

    it('keeps every hook of every meeting, oldest first, until it is removed', async () => {
      await store.hooks.add(hook('h2', OTHER, T0 + 2));
      await store.hooks.add(hook('h1', MEETING, T0 + 1));
      await store.hooks.add(hook('h3', MEETING, T0 + 3));
      expect(await (await reopened()).hooks.all()).toEqual([
        hook('h1', MEETING, T0 + 1),
        hook('h2', OTHER, T0 + 2),
        hook('h3', MEETING, T0 + 3),
      ]);
      // Only a meeting's own hook is removed from it.
      expect(await store.hooks.remove(MEETING, 'h2')).toBe(false);
      expect(await store.hooks.remove(MEETING, 'h1')).toBe(true);
      expect(await store.hooks.remove(MEETING, 'h1')).toBe(false);
      expect((await store.hooks.all()).map((h) => h.id)).toEqual(['h2', 'h3']);
    });

    it('keeps the last phase dealt with per meeting, one at a time', async () => {
      expect(await store.hooks.phase(MEETING)).toBeUndefined();
      await store.hooks.savePhase(MEETING, { turnId: 't1', phase: 'warning' }, T0);
      await store.hooks.savePhase(MEETING, { turnId: 't1', phase: 'overtime' }, T0 + 1);
      await store.hooks.savePhase(OTHER, { turnId: 't9', phase: 'normal' }, T0);
      expect(await (await reopened()).hooks.phase(MEETING)).toEqual({
        turnId: 't1',
        phase: 'overtime',
      });
      expect(await store.hooks.phase(OTHER)).toEqual({ turnId: 't9', phase: 'normal' });
    });
  });

  describe('closing', () => {
    it('answers what it stored before closing, takes nothing after, and closes once', async () => {
      await store.commitCommand(MEETING, entry(1), NONE);
      expect(store.isOpen).toBe(true);
      await store.close();
      expect(store.isOpen).toBe(false);
      await store.close();
      await expect(store.commitCommand(MEETING, entry(2), NONE)).rejects.toThrow();
      await expect(store.meetings.all()).rejects.toThrow();
      if (subject.reopen) {
        const again = await subject.reopen();
        store = again;
        expect((await again.log.after(MEETING, 0)).entries).toEqual([entry(1)]);
      }
    });
  });
}
