import { rm } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CommandSender,
  type CommandSenderOptions,
  type Sent,
} from '../../client/live/commandSender';
import { connectMeeting, type MeetingSocket } from '../../client/live/socket';
import { buildApp } from '../../server/app';
import { openDatabase } from '../../server/store/database';
import { type LoggedCommand, SqliteStore } from '../../server/store/store';
import type { Command } from '../../shared/protocol/commands';
import { openRoom, type Room } from '../support/meeting';
import {
  ADMIN_TOKEN,
  ok,
  sleep,
  startServer,
  stateAt,
  type TestServer,
  tempDir,
} from '../support/server';
import { SlowStore } from '../support/slowStore';

/**
 * Issue 16, docs/many-nodes.md "In-doubt commits and command ids": a screen whose command got
 * no answer sends it once more with the same `commandId` after reconnecting, and the meeting
 * applies it once. The screens' own sending code (CommandSender on connectMeeting's socket),
 * driven from Node against a real server on real SQLite; the answer is lost by holding the
 * commit (stored, its answer not yet sent) while the connection is cut or the server restarted.
 */

/** Where a held command stands: its commit reached the hold, and how to let it go on. */
interface Hold {
  reached: Promise<void>;
  release: () => void;
}

/**
 * A store that commits chosen commands and then holds them before answering: the database has
 * the command, the answer has not left the server yet. What a test does meanwhile (cutting the
 * screen's connection, stopping the server) loses the answer.
 */
class HoldingStore extends SlowStore {
  private readonly holds = new Map<
    string,
    Hold & { reachedNow: () => void; gate: Promise<void> }
  >();

  constructor(dataDir: string) {
    super(new SqliteStore(openDatabase({ dataDir, durability: 'normal' })), {});
  }

  /** Holds the commit of the command with this text (a cue), from now on. */
  hold(text: string): Hold {
    let reachedNow = () => {};
    let release = () => {};
    const reached = new Promise<void>((resolve) => {
      reachedNow = resolve;
    });
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hold = { reached, release, reachedNow, gate };
    this.holds.set(text, hold);
    return hold;
  }

  override async commitCommand(...args: Parameters<SlowStore['commitCommand']>): Promise<void> {
    await super.commitCommand(...args);
    const command = args[1].command;
    const text = command.type === 'cue.send' ? command.text : undefined;
    const hold = text === undefined ? undefined : this.holds.get(text);
    if (text === undefined || !hold) return;
    this.holds.delete(text);
    hold.reachedNow();
    await hold.gate;
  }
}

/** A screen of the meeting, as useMeeting makes it: the screens' socket and their sender. */
interface Screen {
  socket: MeetingSocket;
  sender: CommandSender;
  /** The command id of each command this screen sent, in the order they left it ('' for none). */
  sentIds: string[];
  close: () => void;
}

const connected = (socket: MeetingSocket): Promise<void> =>
  socket.connected
    ? Promise.resolve()
    : new Promise((resolve) => {
        socket.once('connect', () => resolve());
      });

const openScreen = async (
  url: string,
  token: string,
  options?: CommandSenderOptions,
): Promise<Screen> => {
  const socket = connectMeeting(token, url);
  const sender = new CommandSender(socket, options);
  const sentIds: string[] = [];
  socket.onAnyOutgoing((event, command: Command) => {
    if (event === 'command') sentIds.push(command.commandId ?? '');
  });
  await connected(socket);
  return {
    socket,
    sender,
    sentIds,
    close: () => {
      sender.close();
      socket.disconnect();
    },
  };
};

/** Cuts the screen's connection as a network drop does: socket.io reconnects by itself. */
const cut = (screen: Screen) => screen.socket.io.engine.close();

/** The meeting's log from `version` on, as the store holds it. */
const loggedAfter = async (store: HoldingStore, meetingId: string, version: number) =>
  (await store.log.after(meetingId, version)).entries;

const cueOf = (entry: LoggedCommand) =>
  entry.command.type === 'cue.send' ? entry.command.text : entry.command.type;

/** The room with a speaker on the floor: a cue then reaches the speaker. */
const toATurn = async (room: Room): Promise<number> => {
  await ok(room.chair, { type: 'agenda.start' });
  await ok(room.chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
  return ok(room.moderator, { type: 'turn.start', speaker: { name: 'A speaker' } });
};

describe('a screen whose command got no answer', () => {
  let server: TestServer | undefined;
  let room: Room | undefined;
  let screen: Screen | undefined;
  let dataDir: string | undefined;
  let holds: Hold[] = [];

  afterEach(async () => {
    for (const hold of holds) hold.release();
    screen?.close();
    room?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    server = room = screen = dataDir = undefined;
    holds = [];
  });

  /** A server on a held store, a room with a speaker on the floor, and the chair's screen. */
  const start = async (options?: CommandSenderOptions) => {
    dataDir = await tempDir('rostrum-retry-');
    const store = new HoldingStore(dataDir);
    server = await startServer({ dataDir, store, createDefaultMeeting: false });
    room = await openRoom(server);
    const ready = await toATurn(room);
    screen = await openScreen(server.url, room.tokens.chair, options);
    return { store, ready, room, screen, server };
  };

  const held = (store: HoldingStore, text: string): Hold => {
    const hold = store.hold(text);
    holds.push(hold);
    return hold;
  };

  it('sends it again with the same id once the connection is back, and it is applied once', async () => {
    const { store, ready, room, screen } = await start();
    const hold = held(store, 'lost answer');
    const sent = screen.sender.send({ type: 'cue.send', text: 'lost answer' });
    await hold.reached;
    // Stored, not yet answered: the connection drops, the answer goes nowhere.
    cut(screen);
    hold.release();

    expect(await sent).toEqual({ kind: 'answered', ack: { ok: true, version: ready + 1 } });
    expect(screen.sentIds).toHaveLength(2);
    expect(screen.sentIds[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(screen.sentIds[1]).toBe(screen.sentIds[0]);
    // Once: the next command comes right after it, and the log has it once.
    expect(await ok(room.chair, { type: 'cue.send', text: 'next' })).toBe(ready + 2);
    const logged = await loggedAfter(store, room.meetingId, ready);
    expect(logged.map(cueOf)).toEqual(['lost answer', 'next']);
    expect(logged[0]?.commandId).toBe(screen.sentIds[0]);
    expect((await stateAt(room.display, ready + 2)).version).toBe(ready + 2);
  });

  it('sends a command whose ack timed out again at once on the same connection, and gets the first answer', async () => {
    const { store, ready, room, screen } = await start({ timeoutMs: 1_000 });
    const hold = held(store, 'slow');
    const sent = screen.sender.send({ type: 'cue.send', text: 'slow' });
    await hold.reached;
    // Past the first ack's timeout: the second sending waits behind the first in the queue.
    while (screen.sentIds.length < 2) await sleep(20);
    hold.release();

    expect(await sent).toEqual({ kind: 'answered', ack: { ok: true, version: ready + 1 } });
    expect(screen.socket.connected).toBe(true);
    expect(screen.sentIds[1]).toBe(screen.sentIds[0]);
    expect(await ok(room.chair, { type: 'cue.send', text: 'next' })).toBe(ready + 2);
    expect((await loggedAfter(store, room.meetingId, ready)).map(cueOf)).toEqual(['slow', 'next']);
  });

  it('is told there was no answer when the second sending gets none either, and it went twice only', async () => {
    const { store, ready, room, screen } = await start({ timeoutMs: 300 });
    const hold = held(store, 'very slow');
    const sent = await screen.sender.send({ type: 'cue.send', text: 'very slow' });
    expect(sent).toEqual({ kind: 'no-answer' });
    expect(screen.sentIds).toHaveLength(2);
    hold.release();
    // The server applied it once all the same (no third sending came to apply it again).
    expect(await ok(room.chair, { type: 'cue.send', text: 'next' })).toBe(ready + 2);
    expect((await loggedAfter(store, room.meetingId, ready)).map(cueOf)).toEqual([
      'very slow',
      'next',
    ]);
    expect(screen.sentIds).toHaveLength(2);
  });

  it('does not send a command again once it is older than the retry window', async () => {
    const { store, ready, room, screen } = await start({ retryWindowMs: 400 });
    // The connection comes back only after the window has passed.
    screen.socket.io.reconnectionDelay(1_500).reconnectionDelayMax(1_500).randomizationFactor(0);
    const hold = held(store, 'too late');
    const sent = screen.sender.send({ type: 'cue.send', text: 'too late' });
    await hold.reached;
    cut(screen);
    hold.release();
    const began = Date.now();
    expect(await sent).toEqual({ kind: 'no-answer' });
    expect(Date.now() - began).toBeLessThan(1_000);
    await connected(screen.socket);
    await sleep(200);
    expect(screen.sentIds).toHaveLength(1);
    expect((await loggedAfter(store, room.meetingId, ready)).map(cueOf)).toEqual(['too late']);
  });

  it('ends a command waiting for the connection as no-answer when the screen leaves', async () => {
    const { store, screen } = await start();
    screen.socket.io.reconnectionDelay(5_000).reconnectionDelayMax(5_000).randomizationFactor(0);
    const hold = held(store, 'leaving');
    const sent = screen.sender.send({ type: 'cue.send', text: 'leaving' });
    await hold.reached;
    cut(screen);
    hold.release();
    await sleep(50);
    const leftAt = Date.now();
    screen.sender.close();
    expect(await sent).toEqual({ kind: 'no-answer' });
    // At once, not when the connection would have come back (5 s on).
    expect(Date.now() - leftAt).toBeLessThan(1_000);
    expect(await screen.sender.send({ type: 'cue.send', text: 'after' })).toEqual({
      kind: 'not-connected',
    });
    expect(screen.sentIds).toHaveLength(1);
  });

  it('does not send a command pressed while the connection is down', async () => {
    const { screen } = await start();
    screen.socket.io.reconnectionDelay(5_000).reconnectionDelayMax(5_000).randomizationFactor(0);
    cut(screen);
    const sent: Sent = await screen.sender.send({ type: 'cue.send', text: 'offline' });
    expect(sent).toEqual({ kind: 'not-connected' });
    expect(screen.sentIds).toEqual([]);
  });
});

describe('a screen whose server stopped before answering', () => {
  let dataDir: string | undefined;
  const closers: (() => Promise<void> | void)[] = [];

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  it('sends the command again to the server started on the same data, which answers it without applying it twice', async () => {
    dataDir = await tempDir('rostrum-retry-restart-');
    const store = new HoldingStore(dataDir);
    const first = await startServer({ dataDir, store, createDefaultMeeting: false });
    closers.push(first.close);
    const room = await openRoom(first);
    closers.push(room.close);
    const ready = await toATurn(room);
    const screen = await openScreen(first.url, room.tokens.chair);
    closers.push(screen.close);

    const hold = store.hold('in flight');
    const sent = screen.sender.send({ type: 'cue.send', text: 'in flight' });
    await hold.reached;
    // The server stops with the command stored and its answer not sent: its sockets close
    // first, then it waits for the meeting's queue, which the hold lets go.
    const dropped = new Promise((resolve) => screen.socket.once('disconnect', resolve));
    const stopping = first.close();
    await dropped;
    hold.release();
    await stopping;

    // Started again on the same data, at the same address: the screen reconnects by itself, or
    // as useMeeting does after the server let go of it.
    const port = Number(new URL(first.url).port);
    const second = await buildApp({
      adminToken: ADMIN_TOKEN,
      clientDir: joinPath(dataDir, 'no-client-here'),
      dataDir,
      createDefaultMeeting: false,
    });
    closers.push(() => second.close());
    await second.listen({ host: '127.0.0.1', port });
    if (!screen.socket.active) screen.socket.connect();

    expect(await sent).toEqual({ kind: 'answered', ack: { ok: true, version: ready + 1 } });
    expect(screen.sentIds).toHaveLength(2);
    expect(screen.sentIds[1]).toBe(screen.sentIds[0]);
    const next = await screen.sender.send({ type: 'cue.send', text: 'next' });
    expect(next).toEqual({ kind: 'answered', ack: { ok: true, version: ready + 2 } });
    const reread = new SqliteStore(openDatabase({ dataDir, durability: 'normal' }));
    closers.push(() => reread.close());
    const logged = (await reread.log.after(room.meetingId, ready)).entries;
    expect(logged.map(cueOf)).toEqual(['in flight', 'next']);
  });
});
