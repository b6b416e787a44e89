import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RotateCodeBody } from '../../../shared/protocol/access';
import { Command } from '../../../shared/protocol/commands';
import type { CommandAck } from '../../../shared/protocol/errors';
import { CreateMeetingBody, HttpErrorResponse, JoinBody } from '../../../shared/protocol/http';
import { LIMITS } from '../../../shared/protocol/limits';
import { closeAddressAgents, httpFrom } from '../../support/address';
import { withRoom } from '../../support/meeting';
import {
  connect,
  createMeeting,
  http,
  join,
  ok,
  roundTrip,
  startServer,
  stateAt,
  type TestServer,
} from '../../support/server';

/** A 429 in the contract's shape, saying when to retry, with `retry-after` and the security headers. */
const expectRateLimited = (answer: { status: number; headers: Headers; body: unknown }) => {
  expect(answer.status).toBe(429);
  const { error } = HttpErrorResponse.parse(answer.body);
  expect(error.code).toBe('rate_limited');
  expect(error.message).toMatch(/try again in \d+ seconds?/);
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
};

describe('joining: wrong codes from one address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false });
  });
  afterAll(async () => {
    closeAddressAgents();
    await server.close();
  });

  it('are refused with 429 after 20 a minute, from that address only', async () => {
    const { meetingId, codes } = await createMeeting(server.url);
    const path = `/api/meetings/${meetingId}/join`;
    // Another device (127.0.0.2) tries codes.
    for (let i = 0; i < LIMITS.wrongCodesPerMinute; i++) {
      const answer = await httpFrom('127.0.0.2', server.url, path, {
        body: { code: `WRONG${String(i).padStart(5, '0')}` },
      });
      expect(answer.status).toBe(401);
    }
    expectRateLimited(
      await httpFrom('127.0.0.2', server.url, path, { body: { code: 'ABCDEFGHJK' } }),
    );
    // Even the right code, from there, until a minute has passed since its first wrong one.
    expectRateLimited(
      await httpFrom('127.0.0.2', server.url, path, { body: { code: codes.chair } }),
    );
    // Other devices join as ever, and their mistakes are their own.
    const neighbour = await httpFrom('127.0.0.3', server.url, path, {
      body: { code: codes.display },
    });
    expect(neighbour.status).toBe(200);
    expect(
      (await httpFrom('127.0.0.3', server.url, path, { body: { code: 'WRONGWRONG' } })).status,
    ).toBe(401);
    expect((await join(server.url, meetingId, codes.moderator)).role).toBe('moderator');
  });
});

describe('every HTTP request from one address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false });
  });
  afterAll(async () => {
    closeAddressAgents();
    await server.close();
  });

  it(`is limited to ${LIMITS.httpRequestsPerMinute} a minute, in the contract's shape, with retry-after`, async () => {
    const { meetingId } = await createMeeting(server.url);
    // Pages, the API and 404s all count.
    const paths = [
      '/api/health',
      `/api/meetings/${meetingId}/roster`,
      '/api/nothing-here',
      '/m/x/join',
    ];
    for (let i = 0; i < LIMITS.httpRequestsPerMinute; i++) {
      const answer = await httpFrom('127.0.0.4', server.url, paths[i % paths.length] ?? '/');
      expect(answer.status, `request ${i + 1}`).not.toBe(429);
    }
    for (const path of paths) expectRateLimited(await httpFrom('127.0.0.4', server.url, path));
    // Other devices are not slowed.
    expect((await httpFrom('127.0.0.5', server.url, '/api/health')).status).toBe(200);
  });

  it("does not count the server's own machine (the operator's tools, the benchmark)", async () => {
    for (let i = 0; i < LIMITS.httpRequestsPerMinute + 50; i++) {
      const answer = await http(server.url, '/api/health');
      expect(answer.status, `request ${i + 1}`).toBe(200);
    }
  });
});

describe('commands from one socket', () => {
  const live = withRoom('test');

  it("cut a delegate's flood with rate_limited, while the chair and other delegates are served", async () => {
    await ok(live.room.chair, { type: 'agenda.start' });
    await ok(live.room.chair, { type: 'agenda.next' });
    // Mexico's tablet floods: withdraw, withdraw... as fast as it can, until told to stop. (Request
    // and withdraw in turn meet the cooldown after a withdrawal: amplification.test.ts.)
    const answers: string[] = [];
    let sent = 0;
    let flooding = true;
    const startedAt = Date.now();
    const flood = (async () => {
      while (flooding && sent < 50_000) {
        for (let i = 0; i < 50; i++) {
          const command = { type: 'floor.withdraw' };
          live.room.mexico.socket.emit('command', command, (ack: CommandAck) =>
            answers.push(ack.ok ? 'ok' : ack.error.code),
          );
          sent++;
        }
        await new Promise((r) => setImmediate(r));
      }
    })();

    // Meanwhile the chair works through twenty commands, each accepted, and Morocco asks.
    let version = 2;
    for (let i = 0; i < 20; i++) {
      const ack = await live.room.chair.send({ type: i % 2 === 0 ? 'floor.close' : 'floor.open' });
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
      if (ack.ok) expect(ack.version).toBeGreaterThan(version);
      if (ack.ok) version = ack.version;
    }
    const morocco = await live.room.morocco.send({ type: 'floor.request' });
    expect(morocco.ok, JSON.stringify(morocco)).toBe(true);
    if (morocco.ok) version = morocco.version;
    // The flood was still going when the chair was done: the chair was served during it.
    const sentWhenChairDone = sent;
    while (sent === sentWhenChairDone) await new Promise((r) => setImmediate(r));
    flooding = false;
    await flood;
    const elapsedMs = Date.now() - startedAt;
    // Every command was sent before the sync, so its answer comes first.
    await roundTrip(live.room.mexico.socket);
    expect(answers).toHaveLength(sent);

    // Mexico got its burst, then little more than the refill, and every other one was cut.
    expect(answers.slice(0, LIMITS.delegateCommands.burst)).not.toContain('rate_limited');
    const through = answers.filter((a) => a !== 'rate_limited').length;
    const refill = (LIMITS.delegateCommands.perSecond * elapsedMs) / 1000;
    expect(through).toBeLessThanOrEqual(LIMITS.delegateCommands.burst + Math.ceil(refill) + 1);
    expect(answers.filter((a) => a === 'rate_limited').length).toBe(sent - through);
    expect(sent - through).toBeGreaterThan(through);
    // Every other device saw the changes.
    const view = await stateAt(live.room.display, version);
    expect(view.floor.queue.map((r) => r.delegationId)).toContain('morocco');
  });
});

describe('commands from all the devices of one delegation', () => {
  const live = withRoom('block');

  it(`are limited together (bursts of ${LIMITS.delegationCommands.burst}): more sockets gain nothing`, async () => {
    const { burst, perSecond } = LIMITS.delegationCommands;
    const perDevice = LIMITS.delegateCommands.burst;
    // Three tablets of Mexico (each joined with the code: its own token), each within its own
    // limit, together over the delegation's.
    const tablet = async () => {
      const code = live.room.codes.delegations.mexico ?? '';
      return connect(
        live.server.url,
        (await join(live.server.url, live.room.meetingId, code)).token,
      );
    };
    const tablets = [live.room.mexico, ...(await Promise.all([1, 2].map(tablet)))];
    try {
      const startedAt = Date.now();
      const answers = await Promise.all(
        tablets.flatMap((tablet) =>
          Array.from({ length: perDevice }, () => tablet.send({ type: 'floor.withdraw' })),
        ),
      );
      const elapsedMs = Date.now() - startedAt;
      const limited = answers.filter((a) => !a.ok && a.error.code === 'rate_limited');
      const through = answers.length - limited.length;
      expect(through).toBeGreaterThanOrEqual(burst);
      expect(through).toBeLessThanOrEqual(burst + Math.ceil((perSecond * elapsedMs) / 1000) + 1);
      for (const answer of limited) {
        if (!answer.ok) expect(answer.error.message).toMatch(/this delegation's devices/);
      }
      // Another delegation is not slowed.
      const morocco = await live.room.morocco.send({ type: 'floor.withdraw' });
      expect(morocco.ok || morocco.error.code).toBe('not_now');
    } finally {
      for (const tablet of tablets.slice(1)) tablet.close();
    }
  });
});

describe('one socket message', () => {
  const live = withRoom('block');

  const overhead = Buffer.byteLength(
    JSON.stringify(['command', { type: 'session.suspend', note: '' }]),
  );

  it('just under 16 KiB is read and answered (invalid: a note is 200 characters at most)', async () => {
    const note = 'x'.repeat(LIMITS.socketMessageBytes - overhead - 100);
    const ack = await live.room.chair.send({ type: 'session.suspend', note });
    expect(ack.ok).toBe(false);
    if (!ack.ok) {
      expect(ack.error.code).toBe('invalid');
      expect(ack.error.message).toBe(`note: at most ${LIMITS.noteChars} characters`);
    }
    expect(live.room.chair.socket.connected).toBe(true);
    // 200 characters pass, 201 do not.
    await ok(live.room.chair, { type: 'agenda.start' });
    expect(
      (await live.room.chair.send({ type: 'session.suspend', note: 'n'.repeat(201) })).ok,
    ).toBe(false);
    expect(await ok(live.room.chair, { type: 'session.suspend', note: 'n'.repeat(200) })).toBe(2);
    await ok(live.room.chair, { type: 'session.resume' });
  });

  for (const transport of ['websocket', 'polling'] as const) {
    it(`over 16 KiB closes the connection (${transport}) and changes nothing`, async () => {
      const version = live.server.app.rostrum.registry.get(live.room.meetingId)?.version ?? -1;
      const before = await stateAt(live.room.display, version);
      const socket = io(live.server.url, {
        transports: [transport],
        auth: { token: live.room.tokens.chair },
        reconnection: false,
        forceNew: true,
      });
      try {
        await new Promise<void>((r) => socket.once('connect', () => r()));
        const closed = new Promise<string>((r) => socket.once('disconnect', (reason) => r(reason)));
        socket.emit(
          'command',
          { type: 'session.suspend', note: 'x'.repeat(LIMITS.socketMessageBytes) },
          () => {},
        );
        expect(await closed).toMatch(/^transport (close|error)$/);
      } finally {
        socket.disconnect();
      }
      // The meeting is as it was, and the other devices are still here.
      await roundTrip(live.room.display.socket);
      expect(live.room.display.latest().version).toBe(before.version);
      expect(live.room.display.socket.connected).toBe(true);
      const showDelay = !before.display.showDelay;
      expect(await ok(live.room.chair, { type: 'display.configure', showDelay })).toBe(
        before.version + 1,
      );
    });
  }
});

describe('HTTP bodies', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false });
  });
  afterAll(() => server.close());

  it('over 1 MiB are refused with 413 payload_too_large, on every route that takes one', async () => {
    const { meetingId, codes } = await createMeeting(server.url);
    const chair = (await join(server.url, meetingId, codes.chair)).token;
    const big = JSON.stringify({ role: 'display', pad: 'x'.repeat(LIMITS.httpBodyBytes) });
    for (const path of [
      `/api/meetings/${meetingId}/codes/rotate`,
      `/api/meetings/${meetingId}/delegations/mexico/sign-out`,
      `/api/meetings/${meetingId}/join`,
      '/api/meetings',
    ]) {
      const answer = await http(server.url, path, { body: big, token: chair });
      expect(answer.status, path).toBe(413);
      expect(HttpErrorResponse.parse(answer.body).error.code).toBe('payload_too_large');
    }
    // Nothing was changed by them.
    const after = await http<{ codes: unknown }>(server.url, `/api/meetings/${meetingId}/codes`, {
      token: chair,
    });
    expect(after.body.codes).toEqual(codes);
  });
});

describe('security headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false });
  });
  afterAll(() => server.close());

  it('go with every answer: pages, API, errors, refusals', async () => {
    const { meetingId, codes } = await createMeeting(server.url);
    const chair = (await join(server.url, meetingId, codes.chair)).token;
    const answers = [
      await http(server.url, '/api/health'),
      await http(server.url, `/api/meetings/${meetingId}/devices`, { token: chair }),
      await http(server.url, `/api/meetings/${meetingId}/devices`),
      await http(server.url, `/api/meetings/${meetingId}/codes/rotate`, {
        body: '{',
        token: chair,
      }),
      await http(server.url, '/m/x/join'),
      await http(server.url, `/api/meetings/${meetingId}/join`, {
        body: JSON.stringify({ code: 'x'.repeat(LIMITS.httpBodyBytes) }),
      }),
    ];
    for (const answer of answers) {
      const csp = answer.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name = '', ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')] as const;
        }),
      );
      expect(directives.get('default-src')).toBe("'self'");
      expect(directives.get('script-src')).toBe("'self'");
      expect(directives.get('script-src-attr')).toBe("'none'");
      expect(directives.get('frame-ancestors')).toBe("'none'");
      expect(directives.get('object-src')).toBe("'none'");
      // Nothing from another origin: every source is this origin (or data: images for QR codes).
      for (const [name, value] of directives) {
        if (name === '') continue;
        expect(value, name).toMatch(/^('self'|'none')( data:)?$/);
      }
      expect(csp).not.toMatch(/unsafe-(eval|inline|hashes)|https?:|\*/);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('strict-transport-security')).toBeNull();
    }
  });
});

/** Every string and array a client sends the server has a bound; what this walk finds unbounded. */
const unbounded = (
  schema: z.ZodType,
  path: string,
  found: string[],
  seen = new Set<unknown>(),
): void => {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & {
    type: string;
    checks?: { _zod: { def: Record<string, unknown> } }[];
  };
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const hasMax = checks.some((c) => c.check === 'max_length' || c.check === 'length_equals');
  const walk = (inner: unknown, at: string): void => unbounded(inner as z.ZodType, at, found, seen);
  switch (def.type) {
    case 'string': {
      // A fully anchored pattern without open-ended repetition bounds the length too.
      const anchored = checks.some((c) => {
        const pattern = c.pattern instanceof RegExp ? c.pattern.source : '';
        return /^\^.*\$$/.test(pattern) && !/[*+]|\{\d+,\}/.test(pattern);
      });
      if (!hasMax && !anchored) found.push(`${path}: a string without a maximum length`);
      return;
    }
    case 'array':
      if (!hasMax) found.push(`${path}: an array without a maximum length`);
      walk(def.element, `${path}[]`);
      return;
    case 'record':
      found.push(`${path}: a record without a bound on its keys`);
      return;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
        walk(value, `${path}.${key}`);
      }
      return;
    case 'union':
      for (const option of def.options as unknown[]) walk(option, path);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      walk(def.innerType, path);
      return;
    case 'pipe':
      walk(def.in, path);
      walk(def.out, path);
      return;
    case 'intersection':
      walk(def.left, path);
      walk(def.right, path);
      return;
    case 'tuple':
      for (const item of def.items as unknown[]) walk(item, `${path}[]`);
      return;
    case 'lazy':
    case 'any':
    case 'unknown':
      found.push(`${path}: ${def.type}, not checked`);
      return;
    default:
      // number, boolean, enum, literal, null, undefined: bounded by their nature.
      return;
  }
};

describe('the schemas at the edges', () => {
  it('bound every string and array a client can send', () => {
    const found: string[] = [];
    unbounded(Command, 'command', found);
    unbounded(CreateMeetingBody, 'POST /api/meetings', found);
    unbounded(JoinBody, 'POST /join', found);
    unbounded(RotateCodeBody, 'POST /codes/rotate', found);
    expect(found).toEqual([]);
  });

  it('would name an unbounded one (the walk itself works)', () => {
    const found: string[] = [];
    const loose = z.object({
      name: z.string().trim(),
      tags: z.array(z.string().max(5)).optional(),
      time: z.string().regex(/^\d\d:\d\d$/),
      free: z.string().regex(/^[a-z]+$/),
    });
    unbounded(z.discriminatedUnion('k', [loose.extend({ k: z.literal('a') })]), 'x', found);
    expect(found).toEqual([
      'x.name: a string without a maximum length',
      'x.tags: an array without a maximum length',
      'x.free: a string without a maximum length',
    ]);
  });
});
