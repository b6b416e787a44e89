/**
 * What the nodes of a cluster ask each other through socket.io's Redis streams adapter (issue
 * 16, docs/many-nodes.md "Fan-out and forwarding"). Every node serves every meeting's sockets
 * and HTTP; one node, the holder of its lease, runs it. A node that does not hold a meeting
 * passes what needs the meeting to the one that does, and answers with that node's answer:
 *
 * - `rostrum:command`: a device's command (its token's limits already taken where it arrived);
 *   the answer is the owner's ack, given after the owner stored the command.
 * - `rostrum:state-of`: the meeting's state now, for a device that connects to a node that has
 *   not heard of the meeting yet.
 * - `rostrum:http`: a request under `/api/meetings/:id`, run on the owner as if it had come
 *   there (`app.inject`), with the device's address.
 * - `rostrum:state` (server/realtime/roomStates.ts): each new state, from the owner to all.
 *
 * A question goes to every node (socket.io has no way to address one); the owner answers, the
 * others answer null at once. No owner's answer within the adapter's 5 s (a failover under
 * way: the lease has not expired yet) is answered `unavailable`, and the device may send the
 * command again with its `commandId` (the new owner answers a logged id with its first ack).
 *
 * What arrives comes from the other nodes through Redis, which only the nodes reach; it is
 * still parsed (zod) before anything acts on it, as at every edge of the process.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sender } from '../../shared/engine/context';
import { Command } from '../../shared/protocol/commands';
import { Role } from '../../shared/protocol/common';
import type { CommandAck } from '../../shared/protocol/errors';
import type { MeetingView } from '../../shared/protocol/view';
import type { MeetingRegistry } from '../meetings/registry';
import { IN_DOUBT } from '../meetings/runtime';
import type { RoomStates } from '../realtime/roomStates';
import type { RostrumSocketServer } from '../realtime/socketServer';
import { CommandSource } from '../store/commandLog';

/**
 * How long a command with a `commandId` is passed on again while no node holds its meeting: a
 * takeover is due within LEASE_TTL_MS (5 s by default) of the holder's death, and the new holder
 * answers an id it logged with its first ack, so sending it again cannot make the change twice.
 * Within the screens' 10 s wait for an answer, with one question's 5 s on top.
 */
const PASS_AGAIN_FOR_MS = 5000;
const PASS_AGAIN_EVERY_MS = 200;

/**
 * How long a question to the other nodes may wait: a little over the adapter's own 5 s (a node
 * paused but still connected to Redis is waited for that long).
 */
const QUESTION_TIMEOUT_MS = 6000;

/** The questions a node asks the others (answered through an ack). */
type QuestionEvent = 'rostrum:command' | 'rostrum:state-of' | 'rostrum:http';

/** The header of a request a node passed to the owner: the owner never passes it on again. */
export const FORWARDED_HEADER = 'x-rostrum-forwarded';

const MeetingId = z.string().min(1).max(64);

const ForwardedCommand = z.object({
  meetingId: MeetingId,
  command: Command,
  sender: z.object({ role: Role, delegationId: z.string().max(128).optional() }),
  source: CommandSource.exclude(['timer']),
});
export type ForwardedCommand = z.infer<typeof ForwardedCommand>;

const ForwardedRequest = z.object({
  meetingId: MeetingId,
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  url: z.string().startsWith('/api/meetings/').max(4096),
  headers: z.record(z.string(), z.string()),
  /** The body as it arrived, base64 (absent without one). */
  body: z.string().optional(),
  remoteAddress: z.string().max(64),
});
export type ForwardedRequest = z.infer<typeof ForwardedRequest>;

const ForwardedResponse = z.object({
  status: z.number().int().min(100).max(599),
  headers: z.record(z.string(), z.string()),
  /** base64: a CSV, a JSON answer, whatever the route sent. */
  body: z.string(),
});
export type ForwardedResponse = z.infer<typeof ForwardedResponse>;

/** A state from another node: a view's outline (the owner made it from a stored version). */
const RelayedState = z.looseObject({
  version: z.number().int().min(0),
  agendaVersion: z.number().int().min(0),
  serverTime: z.number(),
});

/** The events the nodes send each other (socket.io's `InterServerEvents`). */
export interface InterServerEvents {
  'rostrum:state': (meetingId: string, view: MeetingView) => void;
  'rostrum:command': (request: ForwardedCommand, answer: (ack: CommandAck | null) => void) => void;
  'rostrum:state-of': (meetingId: string, answer: (view: MeetingView | null) => void) => void;
  'rostrum:http': (
    request: ForwardedRequest,
    answer: (response: ForwardedResponse | null) => void,
  ) => void;
}

/** Request headers the owner needs to answer as this node would have. */
const PASSED_REQUEST_HEADERS = ['authorization', 'content-type', 'accept', 'accept-language'];
/** Response headers that belong to one connection, not to the answer. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'date',
]);

/**
 * The first answer that is not null among the nodes' (one node at most holds the meeting), or
 * null. socket.io answers `(error, answers)`: an error is a node that did not answer in time,
 * and the answers that came are still there.
 */
const ownersAnswer = <T>(answers: unknown): T | null => {
  if (!Array.isArray(answers)) return null;
  for (const answer of answers) if (answer !== null && answer !== undefined) return answer as T;
  return null;
};

export class ClusterBus {
  constructor(
    private readonly io: RostrumSocketServer,
    private readonly registry: MeetingRegistry,
    private readonly rooms: RoomStates,
    private readonly log: FastifyBaseLogger,
  ) {}

  /**
   * A question to every other node, answered with the holder's answer (null when none gave
   * one). Never waits longer than `QUESTION_TIMEOUT_MS`: the adapter counts the nodes in Redis
   * before it asks, and with Redis out of reach that count never comes, nor does its own timeout.
   */
  private ask<T>(event: QuestionEvent, payload: unknown): Promise<T | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), QUESTION_TIMEOUT_MS);
      const answered = (_error: unknown, answers: unknown) => {
        clearTimeout(timer);
        resolve(ownersAnswer<T>(answers));
      };
      try {
        (this.io.serverSideEmit as (event: string, ...args: unknown[]) => boolean)(
          event,
          payload,
          answered,
        );
      } catch (error) {
        clearTimeout(timer);
        this.log.warn({ err: error, event }, 'could not ask the other nodes');
        resolve(null);
      }
    });
  }

  /** Answers the other nodes' questions about the meetings this node holds. */
  listen(app: FastifyInstance): void {
    this.io.on('rostrum:state', (meetingId, view) => {
      const id = MeetingId.safeParse(meetingId);
      const state = RelayedState.safeParse(view);
      if (!id.success || !state.success) {
        this.log.warn('a state from another node was not a state: ignored');
        return;
      }
      this.rooms.deliver(id.data, view);
    });
    this.io.on('rostrum:command', (request, answer) => {
      void this.answerCommand(request).then(answer, (error: unknown) => {
        this.log.error({ err: error }, 'could not answer a forwarded command');
      });
    });
    this.io.on('rostrum:state-of', (meetingId, answer) => {
      const runtime = typeof meetingId === 'string' ? this.registry.get(meetingId) : undefined;
      answer(runtime ? runtime.stateForNewcomer() : null);
    });
    this.io.on('rostrum:http', (request, answer) => {
      void this.answerRequest(app, request).then(answer, (error: unknown) => {
        this.log.error({ err: error }, 'could not answer a forwarded request');
      });
    });
  }

  /**
   * A command for a meeting another node holds: that node's ack. When none answers (a failover
   * under way), a command with a `commandId` is passed on again until a node holds the meeting
   * (this one, maybe) or `PASS_AGAIN_FOR_MS` ran out; one without is answered `unavailable` in
   * words that do not claim it failed.
   */
  async command(
    meetingId: string,
    command: Command,
    sender: Sender,
    source: ForwardedCommand['source'],
  ): Promise<CommandAck> {
    const request: ForwardedCommand = { meetingId, command, sender, source };
    const retryable = command.commandId !== undefined;
    const until = performance.now() + (retryable ? PASS_AGAIN_FOR_MS : 0);
    for (;;) {
      const asked = this.ask<CommandAck>('rostrum:command', request);
      // A question to a holder that just died waits until the adapter gives up on it (seconds).
      // With an id, this node does not wait that long if it takes the meeting meanwhile: it
      // answers itself, and the id makes the command act once whoever stored it first.
      const answer = retryable ? await this.answeredOrHeld(asked, meetingId) : await asked;
      if (answer === 'held') return this.runHere(meetingId, command, sender, source);
      if (answer) return answer;
      if (performance.now() >= until) return IN_DOUBT;
      await new Promise((resolve) => setTimeout(resolve, PASS_AGAIN_EVERY_MS));
      if (this.registry.serves(meetingId)) return this.runHere(meetingId, command, sender, source);
    }
  }

  /** The holder's answer, or 'held' as soon as this node holds the meeting itself. */
  private async answeredOrHeld(
    asked: Promise<CommandAck | null>,
    meetingId: string,
  ): Promise<CommandAck | null | 'held'> {
    for (;;) {
      let tick: NodeJS.Timeout | undefined;
      const first = await Promise.race([
        asked,
        new Promise<'tick'>((resolve) => {
          tick = setTimeout(() => resolve('tick'), PASS_AGAIN_EVERY_MS);
        }),
      ]).finally(() => clearTimeout(tick));
      if (first !== 'tick') return first;
      if (this.registry.serves(meetingId)) return 'held';
    }
  }

  private runHere(
    meetingId: string,
    command: Command,
    sender: Sender,
    source: ForwardedCommand['source'],
  ): Promise<CommandAck> {
    const runtime = this.registry.get(meetingId);
    return runtime ? runtime.execute(command, sender, source) : Promise.resolve(IN_DOUBT);
  }

  /** The meeting's state now, from its owner; null when no node holds it. */
  async stateOf(meetingId: string): Promise<MeetingView | null> {
    const view = await this.ask<unknown>('rostrum:state-of', meetingId);
    return RelayedState.safeParse(view).success ? (view as MeetingView) : null;
  }

  /** A request under `/api/meetings/:id` run by the meeting's owner; null when none answered. */
  async http(request: ForwardedRequest): Promise<ForwardedResponse | null> {
    const response = ForwardedResponse.safeParse(await this.ask<unknown>('rostrum:http', request));
    return response.success ? response.data : null;
  }

  private async answerCommand(payload: unknown): Promise<CommandAck | null> {
    const request = ForwardedCommand.safeParse(payload);
    if (!request.success) return null;
    const { meetingId, command, sender, source } = request.data;
    const runtime = this.registry.get(meetingId);
    if (!runtime) return null;
    const by: Sender = {
      role: sender.role,
      ...(sender.delegationId !== undefined && { delegationId: sender.delegationId }),
    };
    return runtime.execute(command, by, source);
  }

  private async answerRequest(
    app: FastifyInstance,
    payload: unknown,
  ): Promise<ForwardedResponse | null> {
    const request = ForwardedRequest.safeParse(payload);
    if (!request.success || !this.registry.serves(request.data.meetingId)) return null;
    const { method, url, headers, body, remoteAddress } = request.data;
    const response = await app.inject({
      method,
      url,
      headers: { ...headers, [FORWARDED_HEADER]: '1' },
      remoteAddress,
      ...(body !== undefined && { payload: Buffer.from(body, 'base64') }),
    });
    const passed: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined || HOP_BY_HOP.has(name)) continue;
      passed[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return {
      status: response.statusCode,
      headers: passed,
      body: response.rawPayload.toString('base64'),
    };
  }
}

/** The request as the owner needs it: its method, address, headers and body as they came. */
export const forwardedRequestOf = (
  meetingId: string,
  request: {
    method: string;
    url: string;
    ip: string;
    headers: Record<string, string | string[] | undefined>;
    body: unknown;
  },
): ForwardedRequest | null => {
  const method = ForwardedRequest.shape.method.safeParse(request.method);
  if (!method.success) return null;
  const headers: Record<string, string> = {};
  for (const name of PASSED_REQUEST_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const { body } = request;
  const encoded =
    body === undefined || body === null
      ? undefined
      : Buffer.isBuffer(body)
        ? body.toString('base64')
        : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)).toString('base64');
  return {
    meetingId,
    method: method.data,
    url: request.url,
    headers,
    remoteAddress: request.ip,
    ...(encoded !== undefined && { body: encoded }),
  };
};
