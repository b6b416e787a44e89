import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { call, fetchReport, joinByCode } from '../../../client/app/api';
import type { emitCommand, MeetingSocket } from '../../../client/live/socket';
import type { RostrumSocketServer } from '../../../server/realtime/socketServer';
import type { SignedOut } from '../../../shared/protocol/access';
import type { Command } from '../../../shared/protocol/commands';
import {
  type AckOf,
  type AnswerOf,
  type BodyOf,
  HTTP_ROUTES,
  type HttpRoute,
  type ParamsOf,
  pathOf,
} from '../../../shared/protocol/contract';
import type { CommandAck } from '../../../shared/protocol/errors';
import type { JoinByCodeResponse, MeetingSummary } from '../../../shared/protocol/http';
import type { RecordResponse, ReportResponse } from '../../../shared/protocol/record';
import type { MeetingState } from '../../../shared/protocol/state';

/**
 * The contract is typed once (shared/protocol/contract.ts) and both sides read it. The type
 * assertions below are checked by `tsc` (`npm run typecheck`, in CI): a side that drifts from
 * the contract, or a contract that loses its types, fails there; each `@ts-expect-error` fails
 * if what it refuses becomes allowed.
 */

/** Never run: its body is only for the type checker. */
const screensSocket = (socket: MeetingSocket, command: Command, send: typeof emitCommand) => {
  expectTypeOf(send(socket, command)).resolves.toEqualTypeOf<CommandAck>();
  socket.emit('command', command, (ack) => expectTypeOf(ack).toEqualTypeOf<CommandAck>());
  socket.emit('sync', 0, (serverNow) => expectTypeOf(serverNow).toEqualTypeOf<number>());
  socket.timeout(1).emit('sync', 0, (_error, serverNow) => {
    expectTypeOf(serverNow).toEqualTypeOf<number>();
  });
  // Why the screens send commands with emitCommand: behind timeout(), socket.io's emitWithAck
  // loses the ack's type. Should a later socket.io keep it, this fails, and emitCommand can go.
  expectTypeOf(socket.timeout(1).emitWithAck('command', command)).resolves.toBeAny();
  socket.on('state', (state) => expectTypeOf(state).toEqualTypeOf<MeetingState>());
  socket.on('signed_out', (signal) => expectTypeOf(signal).toEqualTypeOf<SignedOut>());
  // @ts-expect-error a command is the contract's Command, nothing else
  socket.emit('command', { type: 'no.such.command' }, () => {});
  // @ts-expect-error sync sends the client's clock, a number
  socket.emit('sync', 'now', () => {});
  // @ts-expect-error the screens send no other event
  socket.emit('nonsense', 1);
};

/** Never run: the server's side of the same events. */
const serverSocket = (io: RostrumSocketServer, state: MeetingState) => {
  io.to('room').emit('state', state);
  // @ts-expect-error what the server sends is typed: a state is a MeetingState
  io.to('room').emit('state', { version: 'one' });
  // @ts-expect-error the server sends no other event
  io.to('room').emit('nonsense', 1);
  io.on('connection', (socket) => {
    // What arrives is unknown until the schemas have parsed it.
    socket.on('command', (...args) => expectTypeOf(args).toEqualTypeOf<unknown[]>());
  });
};

/** Never run: the screens' HTTP helpers answer what the routes answer. */
const screensHttp = () => {
  expectTypeOf<ReturnType<typeof fetchReport>>().toEqualTypeOf<Promise<ReportResponse>>();
  expectTypeOf<ReturnType<typeof joinByCode>>().toEqualTypeOf<Promise<JoinByCodeResponse>>();
  expectTypeOf<ReturnType<typeof call<'listMeetings'>>>().toEqualTypeOf<
    Promise<MeetingSummary[]>
  >();
};

describe('the contract', () => {
  it('types the acks: CommandAck for a command, the server clock for a sync', () => {
    expectTypeOf<AckOf<'command'>>().toEqualTypeOf<CommandAck>();
    expectTypeOf<AckOf<'sync'>>().toEqualTypeOf<number>();
    expectTypeOf(screensSocket).toBeFunction();
    expectTypeOf(serverSocket).toBeFunction();
    expectTypeOf(screensHttp).toBeFunction();
  });

  it('types each route: its params, its body, what it answers', () => {
    expectTypeOf<AnswerOf<typeof HTTP_ROUTES.record>>().toEqualTypeOf<RecordResponse>();
    expectTypeOf<AnswerOf<typeof HTTP_ROUTES.recordCsv>>().toEqualTypeOf<string>();
    expectTypeOf<ParamsOf<typeof HTTP_ROUTES.signOut>>().toEqualTypeOf<{
      id: string;
      delegationId: string;
    }>();
    expectTypeOf<ParamsOf<typeof HTTP_ROUTES.joinByCode>>().toEqualTypeOf<undefined>();
    expectTypeOf<BodyOf<typeof HTTP_ROUTES.join>>().toEqualTypeOf<{ code: string }>();
    expectTypeOf<BodyOf<typeof HTTP_ROUTES.report>>().toEqualTypeOf<undefined>();
  });

  it('lists every route once, each path under /api', () => {
    const routes: HttpRoute[] = Object.values(HTTP_ROUTES);
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of routes) expect(route.path).toMatch(/^\/api\//);
    // The routes of docs/protocol.md's table, no more, no fewer.
    expect(keys).toHaveLength(22);
  });

  it('declares the parameters each path names, no more, no fewer', () => {
    // A route's place (method and path, shared/protocol/routes.ts) is written apart from its
    // schemas; the two must still name the same parameters.
    for (const [name, route] of Object.entries(HTTP_ROUTES) as [string, HttpRoute][]) {
      const named = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort();
      const params = route.params instanceof z.ZodObject ? Object.keys(route.params.shape) : [];
      expect(params.sort(), name).toEqual(named);
    }
  });

  it('fills a path with its parameters, each as one encoded segment', () => {
    expect(pathOf(HTTP_ROUTES.roster, { id: 'f1m539at' })).toBe('/api/meetings/f1m539at/roster');
    expect(pathOf(HTTP_ROUTES.signOut, { id: 'm', delegationId: 'a/b c' })).toBe(
      '/api/meetings/m/delegations/a%2Fb%20c/sign-out',
    );
    expect(pathOf(HTTP_ROUTES.health)).toBe('/api/health');
    expect(() => pathOf(HTTP_ROUTES.codes)).toThrow(/no value for :id/);
  });

  it('parses the bodies it declares with the schemas the server validates them by', () => {
    expect(HTTP_ROUTES.createMeeting.body.parse(undefined)).toEqual({});
    expect(HTTP_ROUTES.createMeeting.body.safeParse({ agendas: {} }).success).toBe(false);
    expect(HTTP_ROUTES.signOut.body.safeParse(null).success).toBe(true);
    expect(HTTP_ROUTES.signOut.body.safeParse({ force: true }).success).toBe(false);
    expect(HTTP_ROUTES.rotateCode.body.safeParse({ role: 'delegate' }).success).toBe(false);
  });
});
