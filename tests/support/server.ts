import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { type AppOptions, buildApp } from '../../server/app';
import type { Agenda, AgendaInput, Roster } from '../../shared/protocol/agenda';
import { Agenda as AgendaSchema } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import type {
  AckOf,
  ClientEvent,
  ReceivedClientEvents,
  ServerToClientEvents,
} from '../../shared/protocol/contract';
import { CommandAck } from '../../shared/protocol/errors';
import {
  type CreateMeetingResponse,
  type JoinResponse,
  type MeetingCodes,
  MeetingCodesResponse,
  MeetingList,
} from '../../shared/protocol/http';
import { type MeetingState, StateFollower } from '../../shared/protocol/state';
import type { MeetingView } from '../../shared/protocol/view';

export const ADMIN_TOKEN = 'test-operator-token-0123456789';

/** A small meeting: a speakers step, a discussion, and a step whose turns end at the limit. */
export const TEST_AGENDA_INPUT: AgendaInput = {
  title: 'Test session',
  items: [
    {
      id: 'panel',
      title: 'Panel',
      kind: 'panel',
      steps: [
        {
          id: 'opening',
          kind: 'speakers',
          title: 'Opening',
          speakers: [
            { id: 'moderator', name: 'The moderator', role: 'Moderator' },
            { id: 'expert', name: 'The expert', role: 'Expert' },
          ],
          allowance: { limitMs: 420_000, warnAtMs: 300_000 },
        },
        {
          id: 'discussion',
          kind: 'floor',
          title: 'Interactive discussion',
          allowance: { limitMs: 180_000, warnAtMs: 150_000 },
          clusterSize: 3,
        },
      ],
    },
    {
      id: 'strict',
      title: 'Strict timing',
      kind: 'remarks',
      steps: [
        {
          id: 'short',
          kind: 'speakers',
          title: 'Short remarks',
          speakers: [{ id: 'speaker', name: 'A speaker', role: 'Speaker' }],
          allowance: { limitMs: 1_000, warnAtMs: 500, endAtLimit: true },
        },
      ],
    },
  ],
};
export const TEST_AGENDA: Agenda = AgendaSchema.parse(TEST_AGENDA_INPUT);

export const TEST_ROSTER: Roster = [
  { id: 'mexico', name: 'Mexico', category: 'member-state' },
  { id: 'morocco', name: 'Morocco', category: 'member-state' },
  { id: 'holy-see', name: 'Holy See', category: 'observer' },
  { id: 'iom', name: 'International Organization for Migration', category: 'un-system' },
  { id: 'ituc', name: 'International Trade Union Confederation', category: 'stakeholder' },
];

export interface TestServer {
  app: FastifyInstance;
  url: string;
  dataDir: string;
  close: () => Promise<void>;
}

export const tempDir = (prefix = 'rostrum-test-'): Promise<string> =>
  mkdtemp(joinPath(tmpdir(), prefix));

/**
 * A real server on a free port of 127.0.0.1, with its own DATA_DIR (a new temporary one unless
 * given). `close()` stops it; the directory is removed unless `keepData`.
 */
export const startServer = async (
  options: Partial<AppOptions> & { keepData?: boolean } = {},
): Promise<TestServer> => {
  const { keepData, ...appOptions } = options;
  const dataDir = appOptions.dataDir ?? (await tempDir());
  const app = await buildApp({
    adminToken: ADMIN_TOKEN,
    clientDir: joinPath(dataDir, 'no-client-here'),
    ...appOptions,
    dataDir,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  let closed = false;
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    dataDir,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      if (!keepData && appOptions.dataDir === undefined) {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
};

export interface HttpAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** An HTTP request to the server; the body is sent as JSON unless it is already a string. */
export const http = async <T = unknown>(
  url: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer<T>> => {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body !== undefined && { body }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  if (response.headers.get('content-type')?.includes('application/json')) {
    parsed = JSON.parse(text);
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
};

/** A new meeting made by the operator (the test agenda and roster unless given). */
export const createMeeting = async (
  url: string,
  body: { agenda?: unknown; roster?: unknown } = { agenda: TEST_AGENDA_INPUT, roster: TEST_ROSTER },
): Promise<CreateMeetingResponse> => {
  const answer = await http<CreateMeetingResponse>(url, '/api/meetings', {
    body,
    token: ADMIN_TOKEN,
  });
  if (answer.status !== 201) throw new Error(`create meeting: ${answer.status} ${answer.text}`);
  return answer.body;
};

/**
 * The default meeting a server made on its first start, and its codes as the operator reads
 * them: where a test of a whole server process (a crash, a storm) starts.
 */
export const defaultMeetingOf = async (
  url: string,
): Promise<{ meetingId: string; codes: MeetingCodes }> => {
  const [meeting] = MeetingList.parse((await http(url, '/api/meetings')).body);
  if (!meeting) throw new Error('no default meeting');
  const { meetingId } = meeting;
  const { codes } = MeetingCodesResponse.parse(
    (await http(url, `/api/meetings/${meetingId}/codes`, { token: ADMIN_TOKEN })).body,
  );
  return { meetingId, codes };
};

export const join = async (url: string, meetingId: string, code: string): Promise<JoinResponse> => {
  const answer = await http<JoinResponse>(url, `/api/meetings/${meetingId}/join`, {
    body: { code },
  });
  if (answer.status !== 200) throw new Error(`join: ${answer.status} ${answer.text}`);
  return answer.body;
};

/**
 * What a test may send: the contract's events with anything as their payloads, and any other
 * event, as a script would (the server parses whatever arrives; the tests prove it).
 */
type AnythingEvents = ReceivedClientEvents & { [event: string]: (...args: unknown[]) => void };

/**
 * A test's socket: what the server sends is typed by the contract (`shared/protocol/contract.ts`);
 * what it sends is not, so a test can send what no screen would.
 */
export type TestSocket = Socket<ServerToClientEvents, AnythingEvents>;

/** A socket.io client as the screens use it (websocket transport, token in the handshake). */
export const openSocket = (url: string, token: unknown): TestSocket =>
  io(url, {
    transports: ['websocket'],
    auth: { token },
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });

/**
 * A connected client that keeps every `state` it receives: as the screens do, each completed
 * with the last agenda received (`StateFollower`), in `states`; as sent, in `received`.
 */
export interface Client {
  socket: TestSocket;
  states: MeetingView[];
  /** The states as the server sent them: lean ones without the agenda. */
  received: MeetingState[];
  /** Called with each state added to `states`. */
  onState: (listener: (view: MeetingView) => void) => () => void;
  latest: () => MeetingView;
  send: (command: Command | unknown) => Promise<CommandAck>;
  close: () => void;
}

/** Connects with a token and waits for the `state` sent on connect. */
export const connect = async (url: string, token: string): Promise<Client> => {
  const socket = openSocket(url, token);
  const states: MeetingView[] = [];
  const received: MeetingState[] = [];
  const listeners = new Set<(view: MeetingView) => void>();
  const follower = new StateFollower();
  socket.on('state', (state) => {
    received.push(state);
    const view = follower.receive(state);
    if (!view) return;
    states.push(view);
    for (const listener of [...listeners]) listener(view);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no state after connecting')), 5000);
    socket.once('state', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return {
    socket,
    states,
    received,
    onState: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    latest: () => {
      const view = states[states.length - 1];
      if (!view) throw new Error('no state yet');
      return view;
    },
    send: (command) => sendCommand(socket, command),
    close: () => socket.disconnect(),
  };
};

/** Sends a command (or anything) and answers the ack, which must be the contract's. */
export const sendCommand = async (socket: TestSocket, command: unknown): Promise<CommandAck> =>
  acked('command', await socket.timeout(5000).emitWithAck('command', command));

const ACKS: { [E in ClientEvent]: { parse: (answer: unknown) => AckOf<E> } } = {
  command: CommandAck,
  sync: { parse: (answer) => z.number().parse(answer) },
};

/** An ack as the contract says the server answers it (`AckOf`), or a failed test. */
export const acked = <E extends ClientEvent>(event: E, answer: unknown): AckOf<E> =>
  ACKS[event].parse(answer);

/** The next `state` (from now on) that satisfies `predicate`, as the client shows it. */
export const nextState = (
  client: Client,
  predicate: (view: MeetingView) => boolean = () => true,
  timeoutMs = 5000,
): Promise<MeetingView> =>
  new Promise((resolve, reject) => {
    const stop = client.onState((view) => {
      if (!predicate(view)) return;
      clearTimeout(timer);
      stop();
      resolve(view);
    });
    const timer = setTimeout(() => {
      stop();
      // Which wait failed, and where the meeting stood: a CI log says what was missing.
      const last = client.states.at(-1);
      reject(
        new Error(
          `the expected state did not come within ${timeoutMs} ms: ${predicate.toString()}; ` +
            `last state v${last?.version ?? '-'} turn ${last?.turn?.id ?? '-'} ` +
            `(${last?.turn?.status ?? 'nobody'}), queue ${last?.floor.queue.length ?? '-'}`,
        ),
      );
    }, timeoutMs);
  });

/** Resolves once any state the client has (or gets) satisfies `predicate`. */
export const untilState = async (
  client: Client,
  predicate: (view: MeetingView) => boolean,
  timeoutMs = 5000,
): Promise<MeetingView> => {
  const already = client.states.find(predicate);
  if (already) return already;
  return nextState(client, predicate, timeoutMs);
};

/** The first state a client has (or gets) of `version` or later: what it shows after that command. */
export const stateAt = (client: Client, version: number, timeoutMs = 5000): Promise<MeetingView> =>
  untilState(client, (view) => view.version >= version, timeoutMs);

/** The handshake's refusal, if it is refused. */
export const connectError = (url: string, token: unknown): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = openSocket(url, token);
    socket.once('connect', () => {
      socket.disconnect();
      reject(new Error('the handshake was accepted'));
    });
    socket.once('connect_error', (error) => {
      socket.disconnect();
      resolve(error.message);
    });
  });

/** Expects an accepted command and answers its version. */
export const ok = async (client: Client, command: Command): Promise<number> => {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code}: ${ack.error.message}`);
  return ack.version;
};

/**
 * A round trip on this socket: resolves once the server has answered a `sync` sent now. socket.io
 * keeps the order of one socket's messages, and the server sends a change's state in the turn of
 * its event loop that follows the command, so by then everything the server sent this socket
 * before reading the sync has arrived: a barrier for a test that proves nothing more came. Fails
 * if the server closes the socket instead.
 */
export const roundTrip = (socket: Socket, timeoutMs = 5000): Promise<void> =>
  new Promise((resolve, reject) => {
    if (!socket.connected) {
      reject(new Error('no round trip: the socket is not connected'));
      return;
    }
    const lost = (reason: string) => {
      reject(new Error(`no round trip: the socket was disconnected (${reason})`));
    };
    socket.once('disconnect', lost);
    socket.timeout(timeoutMs).emit('sync', Date.now(), (error: Error | null) => {
      socket.off('disconnect', lost);
      if (error) reject(new Error(`no round trip: the sync was not answered (${error.message})`));
      else resolve();
    });
  });

/**
 * A real wait. Only where real time must pass: another process, a real browser, a network
 * timeout. Time on the server passes with a `ManualClock` (./clock.ts); that nothing more
 * arrived is proved with `roundTrip`.
 */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `check` every 20 ms until it holds, where only real time can tell (another node, another
 * process); answers how long it took, or fails saying `what` did not happen within `withinMs`.
 */
export const until = async (
  check: () => boolean | Promise<boolean>,
  withinMs: number,
  what = 'the condition',
): Promise<number> => {
  const since = performance.now();
  while (!(await check())) {
    if (performance.now() - since > withinMs) throw new Error(`${what}: not within ${withinMs} ms`);
    await sleep(20);
  }
  return performance.now() - since;
};
