import { describe, expect, it, vi } from 'vitest';
import { tokenHash } from '../../server/access/tokens';
import { CLOSING, type MeetingRuntime } from '../../server/meetings/runtime';
import type { LoggedCommand } from '../../server/store/store';
import type { Command } from '../../shared/protocol/commands';
import type { CommandAck } from '../../shared/protocol/errors';
import type { MeetingView } from '../../shared/protocol/view';
import { ManualClock } from '../support/clock';
import { sqliteIn, usePerTest } from '../support/perTest';
import {
  ADMIN_TOKEN,
  connect,
  connectError,
  createMeeting,
  http,
  join,
  ok,
  stateAt,
} from '../support/server';
import { SlowStore } from '../support/slowStore';

/**
 * Issue 16: the store answers later than the engine (PostgreSQL across a network). Here it is
 * SQLite behind a delay (SlowStore, tests/support/slowStore.ts), a real store that answers late.
 *
 * Each meeting's commands wait in its queue: a commit takes COMMIT_MS of real time, and the store
 * refuses some commands after that wait, as a store that cannot write does. Commands are sent at
 * once from every socket of the room.
 */
const COMMIT_MS = 4;
/** A cue the store refuses to keep: the room must never see it. */
const REFUSED = '(refused by the store)';

/** One command a test sent, and what came of it. */
interface Sent {
  from: string;
  command: Command;
  ack?: CommandAck;
  /** Whether the store had stored the ack's version when the ack reached the sender. */
  storedWhenAcked?: boolean;
}

describe("a meeting's commands behind a store that answers late", () => {
  const perTest = usePerTest();

  it('applies them one at a time in arrival order: versions unique and consecutive, the log exactly what was acknowledged, no state ahead of its commit', async () => {
    const dataDir = await perTest.dataDir('rostrum-queue-');
    const store = new SlowStore(sqliteIn(dataDir), {
      commitMs: COMMIT_MS,
      refuses: (_, entry) => entry.command.type === 'cue.send' && entry.command.text === REFUSED,
    });
    const server = await perTest.server({ dataDir, store, createDefaultMeeting: false });
    const room = await perTest.room(server);
    const { meetingId } = room;
    await ok(room.chair, { type: 'agenda.start' });
    await ok(room.chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
    const ready = await ok(room.moderator, { type: 'turn.start', speaker: { name: 'A speaker' } });
    for (const client of room.all) await stateAt(client, ready);

    // Every state any device receives from here on: its version must be stored already, and it
    // must never show the change of a command the store refused.
    const seen = new Map<string, MeetingView[]>();
    const ahead: string[] = [];
    const named = [
      ['chair', room.chair],
      ['moderator', room.moderator],
      ['display', room.display],
      ['mexico', room.mexico],
      ['morocco', room.morocco],
      ['iom', room.iom],
    ] as const;
    for (const [name, client] of named) {
      seen.set(name, []);
      client.onState((view) => {
        seen.get(name)?.push(view);
        if (!store.hasStored(meetingId, view.version)) ahead.push(`${name} saw ${view.version}`);
      });
    }

    // All at once: the officers' cues and clock adjustments, every delegation asking for the
    // floor, withdrawing and asking again (refused: too soon), some cues the store refuses.
    const sent: Sent[] = [];
    const plan: [string, (typeof named)[number][1], Command][] = [];
    for (let i = 0; i < 12; i++) {
      const text = i % 4 === 3 ? REFUSED : `Cue ${i}`;
      plan.push(['chair', room.chair, { type: 'cue.send', text }]);
      plan.push(['moderator', room.moderator, { type: 'turn.adjust', deltaMs: 1000 }]);
    }
    for (const [name, client] of named.slice(3)) {
      plan.push([name, client, { type: 'floor.request' }]);
      plan.push([name, client, { type: 'floor.withdraw' }]);
      plan.push([name, client, { type: 'floor.request' }]);
    }
    const started = performance.now();
    await Promise.all(
      plan.map(async ([from, client, command]) => {
        const one: Sent = { from, command };
        sent.push(one);
        one.ack = await client.send(command);
        if (one.ack.ok) one.storedWhenAcked = store.hasStored(meetingId, one.ack.version);
      }),
    );
    const tookMs = performance.now() - started;

    const accepted = sent.filter((s) => s.ack?.ok);
    const versions = accepted.map((s) => (s.ack?.ok ? s.ack.version : -1));
    // Unique and consecutive, from the version the room was at.
    expect([...versions].sort((a, b) => a - b)).toEqual(
      Array.from({ length: accepted.length }, (_, i) => ready + 1 + i),
    );
    // 12 adjustments, 9 cues kept (3 refused by the store), and each of the 3 delegations' request
    // and withdrawal; their second requests come too soon after the withdrawal.
    expect(accepted).toHaveLength(12 + 9 + 3 + 3);
    const unavailable = sent.filter((s) => !s.ack?.ok && s.ack?.error.code === 'unavailable');
    expect(unavailable.map((s) => s.command)).toEqual(
      Array(3).fill({ type: 'cue.send', text: REFUSED }),
    );
    expect(sent.filter((s) => !s.ack?.ok && s.ack?.error.code === 'rate_limited')).toHaveLength(3);
    // Each ack came after its commit; each command waited for the one before it to be stored.
    expect(accepted.every((s) => s.storedWhenAcked)).toBe(true);
    expect(store.mostCommitsAtOnce).toBe(1);
    expect(tookMs).toBeGreaterThanOrEqual((accepted.length + unavailable.length) * COMMIT_MS);

    // A socket's commands keep their order: socket.io delivers them in order, the queue keeps it.
    for (const [name] of named) {
      const own = accepted
        .filter((s) => s.from === name)
        .map((s) => (s.ack?.ok ? s.ack.version : 0));
      expect(own).toEqual([...own].sort((a, b) => a - b));
    }

    // The log holds exactly the acknowledged commands, in version order, with their senders.
    const logged = (await store.log.after(meetingId, ready)).entries;
    const byVersion = [...accepted].sort(
      (a, b) => (a.ack?.ok ? a.ack.version : 0) - (b.ack?.ok ? b.ack.version : 0),
    );
    expect(logged.map(({ version, command }) => ({ version, command }))).toEqual(
      byVersion.map((s) => ({ version: s.ack?.ok ? s.ack.version : 0, command: s.command })),
    );
    expect(logged.map((e: LoggedCommand) => e.sender.delegationId ?? e.sender.role)).toEqual(
      byVersion.map((s) => s.from),
    );

    // Every device ends at the last version, and saw nothing before its commit, nothing refused.
    const last = ready + accepted.length;
    for (const client of room.all) expect((await stateAt(client, last)).version).toBe(last);
    expect(ahead).toEqual([]);
    for (const [name, views] of seen) {
      expect(views.length, name).toBeGreaterThan(0);
      expect(views.every((v) => v.cue?.text !== REFUSED)).toBe(true);
      const order = views.map((v) => v.version);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    // What the room sees at the end is what the log makes: the kept cues, all the adjustments.
    const final = room.display.latest();
    expect(final.cue?.text).toBe('Cue 10');
    expect(final.turn?.limitMs).toBe(180_000 + 12 * 1000);
  });
});

describe('the end-at-limit timer behind a store that answers late', () => {
  const perTest = usePerTest();

  it('waits its turn: a pause sent before the limit, still waiting for the store, pauses the turn before it', async () => {
    const dataDir = await perTest.dataDir('rostrum-late-limit-');
    const store = new SlowStore(sqliteIn(dataDir), {
      commitMs: 50,
    });
    const clock = new ManualClock();
    const server = await perTest.server({ dataDir, store, clock, createDefaultMeeting: false });
    const { meetingId } = await createMeeting(server.url);
    const runtime = server.app.rostrum.registry.get(meetingId) as MeetingRuntime;
    const moderator = { role: 'moderator' as const };
    await runtime.execute({ type: 'agenda.start' }, { role: 'chair' }, 'socket');
    await runtime.execute({ type: 'agenda.goto', itemId: 'strict' }, { role: 'chair' }, 'socket');
    // A turn of 1 s that ends at its limit.
    const started = await runtime.execute({ type: 'turn.start' }, moderator, 'socket');
    expect(runtime.view().turn).toMatchObject({ endAtLimit: true, limitMs: 1000 });

    // A cue holds the store for 50 ms; at 0.9 s the moderator pauses; the limit comes meanwhile.
    const cue = runtime.execute({ type: 'cue.send', text: 'Please conclude' }, moderator, 'socket');
    clock.advance(900);
    const pause = runtime.execute({ type: 'turn.pause' }, moderator, 'socket');
    clock.advance(200);
    expect(await cue).toMatchObject({ ok: true });
    expect(await pause).toEqual({ ok: true, version: started.ok ? started.version + 2 : -1 });

    // Paused as of when it was sent, within the limit: the timer found no deadline to end.
    expect(runtime.view().turn).toMatchObject({ status: 'paused', elapsedMs: 900 });
    const logged = (await store.log.after(meetingId, 0)).entries;
    expect(logged.map((e) => [e.command.type, e.source])).toEqual([
      ['agenda.start', 'socket'],
      ['agenda.goto', 'socket'],
      ['turn.start', 'socket'],
      ['cue.send', 'socket'],
      ['turn.pause', 'socket'],
    ]);
  });
});

describe('a token check that the store answers late', () => {
  const perTest = usePerTest();

  it('lets no revoked token in: a sign-out stored while the handshake waits for its look-up refuses it', async () => {
    const dataDir = await perTest.dataDir('rostrum-late-token-');
    // Mexico's token is looked up late: the read is made, its answer waits until the test lets
    // it go. Every other look-up answers at once.
    let answerMexico = (): void => undefined;
    const mexicoAnswers = new Promise<void>((resolve) => {
      answerMexico = resolve;
    });
    let mexicoHash = '';
    const store = new SlowStore(sqliteIn(dataDir), {
      tokenLookupWaits: async (hash) => {
        if (hash === mexicoHash) await mexicoAnswers;
      },
    });
    const server = await perTest.server({ dataDir, store, createDefaultMeeting: false });
    const { url } = server;
    const { meetingId, codes } = await createMeeting(url);
    const tokenOf = async (delegationId: string) =>
      (await join(url, meetingId, codes.delegations[delegationId] ?? '')).token;
    const mexico = await tokenOf('mexico');
    mexicoHash = tokenHash(mexico);

    // Mexico's tablet connects; while its token's look-up is on its way back, the operator
    // signs Mexico out (no socket of Mexico is connected yet to be closed). Then the look-up
    // answers what it read: a token valid then.
    const refusal = connectError(url, mexico);
    await vi.waitFor(() => expect(store.lookupsOf(mexicoHash)).toBe(1));
    const signedOut = await http(url, `/api/meetings/${meetingId}/delegations/mexico/sign-out`, {
      method: 'POST',
      body: {},
      token: ADMIN_TOKEN,
    });
    expect(signedOut.body).toMatchObject({ revokedTokens: 1, disconnected: 0 });
    answerMexico();
    expect(await refusal).toBe('unauthorized');
    // It read the token again, the sign-out being stored meanwhile, and found it revoked.
    expect(store.lookupsOf(mexicoHash)).toBe(2);

    // A token nobody revoked comes in, its look-up answered as it was read.
    const tablet = await connect(url, await tokenOf('morocco'));
    expect(tablet.latest().meetingId).toBe(meetingId);
    tablet.close();
  });
});

describe('stopping behind a store that answers late', () => {
  const perTest = usePerTest();

  it('stores the command under way, answers those waiting CLOSING, and only then closes the store', async () => {
    const dataDir = await perTest.dataDir('rostrum-late-stop-');
    const store = new SlowStore(sqliteIn(dataDir), {
      commitMs: 50,
    });
    let server = await perTest.server({ dataDir, store, createDefaultMeeting: false });
    const { meetingId } = await createMeeting(server.url);
    const runtime = server.app.rostrum.registry.get(meetingId) as MeetingRuntime;
    const chair = { role: 'chair' as const };
    await runtime.execute({ type: 'agenda.start' }, chair, 'socket');
    await runtime.execute({ type: 'turn.start', speaker: { name: 'A speaker' } }, chair, 'socket');
    const cues = Array.from({ length: 20 }, (_, i) =>
      runtime.execute({ type: 'cue.send', text: `Cue ${i}` }, chair, 'socket'),
    );
    // The server stops while the cues wait for their commits, one after another.
    await server.close();
    const answers = await Promise.all(cues);
    expect(store.isOpen).toBe(false);
    const kept = answers.filter((a) => a.ok).length;
    // The first ones stored and acknowledged, the rest answered CLOSING: none failed half-way
    // (a commit against a closed store would have answered "could not store").
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(answers.length);
    expect(answers).toEqual([
      ...Array.from({ length: kept }, (_, i) => ({ ok: true, version: 3 + i })),
      ...Array(answers.length - kept).fill(CLOSING),
    ]);

    // Started again on the same DATA_DIR: exactly what was acknowledged, from the closing snapshot.
    server = await perTest.server({ dataDir, createDefaultMeeting: false });
    const logged = (await server.app.rostrum.store.log.after(meetingId, 0)).entries;
    expect(logged.map((e) => e.version)).toEqual(Array.from({ length: 2 + kept }, (_, i) => i + 1));
    const again = server.app.rostrum.registry.get(meetingId) as MeetingRuntime;
    expect(again.replayed).toBe(0);
    expect(again.view().cue?.text).toBe(`Cue ${kept - 1}`);
  });
});
