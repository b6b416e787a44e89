import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../server/store/database';
import {
  AuditResponse,
  DevicesResponse,
  RotateCodeResponse,
  SignedOut,
  SignOutResponse,
} from '../../../shared/protocol/access';
import { HttpErrorResponse, type MeetingCodes } from '../../../shared/protocol/http';
import { captureLogs } from '../../support/logs';
import { openRoom, type Room } from '../../support/meeting';
import {
  ADMIN_TOKEN,
  type Client,
  connect,
  connectError,
  createMeeting,
  http,
  join,
  ok,
  roundTrip,
  sleep,
  startServer,
  type TestServer,
  tempDir,
} from '../../support/server';

const expectError = (answer: { status: number; body: unknown }, status: number, code: string) => {
  expect(answer.status).toBe(status);
  expect(HttpErrorResponse.parse(answer.body).error.code).toBe(code);
};

/** What a device that is signed out sees: `signed_out`, then the server closes it. */
const signedOut = (client: Client): Promise<{ signal: SignedOut; reason: string }> =>
  new Promise((resolve) => {
    let signal: SignedOut | undefined;
    client.socket.once('signed_out', (s: unknown) => {
      signal = SignedOut.parse(s);
    });
    client.socket.once('disconnect', (reason) => {
      if (signal) resolve({ signal, reason });
    });
  });

const signOut = (url: string, meetingId: string, delegationId: string, token?: string) =>
  http(url, `/api/meetings/${meetingId}/delegations/${delegationId}/sign-out`, {
    method: 'POST',
    ...(token !== undefined && { token }),
  });

const rotate = (url: string, meetingId: string, body: unknown, token?: string) =>
  http(url, `/api/meetings/${meetingId}/codes/rotate`, {
    body,
    ...(token !== undefined && { token }),
  });

const devicesOf = async (url: string, meetingId: string, token: string) => {
  const answer = await http(url, `/api/meetings/${meetingId}/devices`, { token });
  expect(answer.status).toBe(200);
  return DevicesResponse.parse(answer.body);
};

/** The devices answer once the server has counted what the test just did (a close takes a moment to arrive). */
const devicesWhen = async (
  url: string,
  meetingId: string,
  token: string,
  until: (d: DevicesResponse) => boolean,
): Promise<DevicesResponse> => {
  for (let attempt = 0; attempt < 100; attempt++) {
    const devices = await devicesOf(url, meetingId, token);
    if (until(devices)) return devices;
    // A poll: a device's close reaches the server on that device's own connection, which no
    // round trip on another orders.
    await sleep(20);
  }
  throw new Error('the device count never came to what was expected');
};

const codeOf = (codes: MeetingCodes, delegationId: string): string => {
  const code = codes.delegations[delegationId];
  if (code === undefined) throw new Error(`no code for ${delegationId}`);
  return code;
};

describe("the chair's control of devices and codes", () => {
  let server: TestServer;
  const logs = captureLogs();
  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false, logger: logs.logger });
  });
  afterAll(() => server.close());

  it('signs out every device of one delegation at once: closed now, refused at the next handshake', async () => {
    const room: Room = await openRoom(server);
    const secondMexico = await connect(server.url, room.tokens.mexico);
    try {
      await ok(room.chair, { type: 'agenda.start' });
      await ok(room.chair, { type: 'agenda.next' });
      await ok(room.mexico, { type: 'floor.request' });
      const closing = [signedOut(room.mexico), signedOut(secondMexico)];

      const answer = await signOut(server.url, room.meetingId, 'mexico', room.tokens.chair);
      expect(answer.status).toBe(200);
      expect(SignOutResponse.parse(answer.body)).toEqual({
        meetingId: room.meetingId,
        delegationId: 'mexico',
        revokedTokens: 1,
        disconnected: 2,
      });
      for (const { signal, reason } of await Promise.all(closing)) {
        expect(signal.reason).toBe('delegation-signed-out');
        expect(reason).toBe('io server disconnect');
      }
      expect(await connectError(server.url, room.tokens.mexico)).toBe('unauthorized');

      // Nobody else was touched, and the meeting is as it was (Mexico still waits: a sign-out
      // is about devices, not the floor).
      for (const client of [room.chair, room.moderator, room.display, room.morocco, room.iom]) {
        expect(client.socket.connected).toBe(true);
      }
      expect(await ok(room.morocco, { type: 'floor.request' })).toBe(4);
      expect(room.chair.latest().floor.queue.map((r) => r.delegationId)).toContain('mexico');
      // The delegation's card still works (rotate its code to stop that too).
      const again = await connect(
        server.url,
        (await join(server.url, room.meetingId, codeOf(room.codes, 'mexico'))).token,
      );
      expect((await again.send({ type: 'floor.request' })).ok).toBe(false);
      again.close();
    } finally {
      secondMexico.close();
      room.close();
    }
  });

  it('lets only a chair of the meeting (or the operator) sign out, rotate, count or read codes', async () => {
    const room = await openRoom(server);
    const other = await createMeeting(server.url);
    const otherChair = (await join(server.url, other.meetingId, other.codes.chair)).token;
    try {
      const calls = [
        (t?: string) => signOut(server.url, room.meetingId, 'mexico', t),
        (t?: string) => rotate(server.url, room.meetingId, { role: 'display' }, t),
        (t?: string) =>
          http(server.url, `/api/meetings/${room.meetingId}/devices`, t ? { token: t } : {}),
        (t?: string) =>
          http(server.url, `/api/meetings/${room.meetingId}/audit`, t ? { token: t } : {}),
        (t?: string) =>
          http(server.url, `/api/meetings/${room.meetingId}/codes`, t ? { token: t } : {}),
      ];
      for (const call of calls) {
        expectError(await call(), 401, 'unauthorized');
        expectError(await call('made-up-token'), 401, 'unauthorized');
        // A chair of another meeting has no say here.
        expectError(await call(otherChair), 401, 'unauthorized');
        for (const token of [room.tokens.moderator, room.tokens.display, room.tokens.mexico]) {
          expectError(await call(token), 403, 'forbidden');
        }
      }
      // Nothing happened: every device is still here, every code still joins.
      for (const client of room.all) expect(client.socket.connected).toBe(true);
      expect((await join(server.url, room.meetingId, room.codes.display)).role).toBe('display');
      // The operator may, and so may the chair.
      expect((await signOut(server.url, room.meetingId, 'iom', ADMIN_TOKEN)).status).toBe(200);
      expect((await signOut(server.url, room.meetingId, 'ituc', room.tokens.chair)).status).toBe(
        200,
      );
      // A delegation the meeting does not have, or a meeting that does not exist.
      expectError(
        await signOut(server.url, room.meetingId, 'atlantis', room.tokens.chair),
        404,
        'not_found',
      );
      expectError(
        await signOut(server.url, 'nosuchmeeting', 'mexico', room.tokens.chair),
        404,
        'not_found',
      );
    } finally {
      room.close();
    }
  });

  it("rotates a role's code: the old code stops joining, its tokens and sockets stop at once", async () => {
    const room = await openRoom(server);
    try {
      for (const role of ['moderator', 'display'] as const) {
        const device = role === 'moderator' ? room.moderator : room.display;
        const closing = signedOut(device);
        const answer = await rotate(server.url, room.meetingId, { role }, room.tokens.chair);
        expect(answer.status).toBe(200);
        const rotated = RotateCodeResponse.parse(answer.body);
        expect(rotated).toMatchObject({ role, revokedTokens: 1, disconnected: 1 });
        expect(rotated.token).toBeUndefined();
        expect(rotated.code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$/);
        expect(rotated.code).not.toBe(room.codes[role]);
        expect((await closing).signal.reason).toBe('code-rotated');
        expect(await connectError(server.url, room.tokens[role])).toBe('unauthorized');
        expectError(
          await http(server.url, `/api/meetings/${room.meetingId}/join`, {
            body: { code: room.codes[role] },
          }),
          401,
          'unauthorized',
        );
        expect((await join(server.url, room.meetingId, rotated.code)).role).toBe(role);
      }
      // One delegation's code: that delegation only.
      const closing = signedOut(room.morocco);
      const answer = await rotate(
        server.url,
        room.meetingId,
        { role: 'delegate', delegationId: 'morocco' },
        room.tokens.chair,
      );
      const rotated = RotateCodeResponse.parse(answer.body);
      expect(rotated).toMatchObject({ role: 'delegate', delegationId: 'morocco', disconnected: 1 });
      await closing;
      expect(room.mexico.socket.connected).toBe(true);
      expect((await join(server.url, room.meetingId, codeOf(room.codes, 'mexico'))).role).toBe(
        'delegate',
      );
      expectError(
        await http(server.url, `/api/meetings/${room.meetingId}/join`, {
          body: { code: codeOf(room.codes, 'morocco') },
        }),
        401,
        'unauthorized',
      );
      expect(await join(server.url, room.meetingId, rotated.code)).toMatchObject({
        role: 'delegate',
        delegationId: 'morocco',
      });
      // The codes the chair prints now are the new ones.
      const codes = await http<{ codes: MeetingCodes }>(
        server.url,
        `/api/meetings/${room.meetingId}/codes`,
        { token: room.tokens.chair },
      );
      expect(codes.body.codes.delegations.morocco).toBe(rotated.code);
    } finally {
      room.close();
    }
  });

  it('gives a chair who rotates the chair code a fresh token in the same answer', async () => {
    const room = await openRoom(server);
    const coChair = await connect(
      server.url,
      (await join(server.url, room.meetingId, room.codes.chair)).token,
    );
    try {
      const closing = [signedOut(room.chair), signedOut(coChair)];
      const answer = await rotate(server.url, room.meetingId, { role: 'chair' }, room.tokens.chair);
      expect(answer.status).toBe(200);
      const rotated = RotateCodeResponse.parse(answer.body);
      expect(rotated).toMatchObject({ role: 'chair', revokedTokens: 2, disconnected: 2 });
      await Promise.all(closing);
      expect(await connectError(server.url, room.tokens.chair)).toBe('unauthorized');
      // The caller is not locked out: the new token runs the meeting.
      const chairAgain = await connect(server.url, rotated.token ?? '');
      try {
        expect(await ok(chairAgain, { type: 'agenda.start' })).toBe(1);
        expect(
          (await devicesOf(server.url, room.meetingId, rotated.token ?? '')).roles.chair,
        ).toMatchObject({ tokens: 1, revoked: 2 });
      } finally {
        chairAgain.close();
      }
      // The operator rotating it gets no token: it needs none.
      const byOperator = RotateCodeResponse.parse(
        (await rotate(server.url, room.meetingId, { role: 'chair' }, ADMIN_TOKEN)).body,
      );
      expect(byOperator.token).toBeUndefined();
      expect(await connectError(server.url, rotated.token)).toBe('unauthorized');
    } finally {
      coChair.close();
      room.close();
    }
  });

  it('refuses a rotation that names no holder, or the wrong one, and changes nothing', async () => {
    const { meetingId, codes } = await createMeeting(server.url);
    const chair = (await join(server.url, meetingId, codes.chair)).token;
    for (const body of [
      { role: 'delegate' },
      { role: 'chair', delegationId: 'mexico' },
      { role: 'operator' },
      { role: 'display', extra: 1 },
      {},
      'chair',
    ]) {
      expectError(await rotate(server.url, meetingId, body, chair), 400, 'invalid');
    }
    expectError(
      await rotate(server.url, meetingId, { role: 'delegate', delegationId: 'atlantis' }, chair),
      404,
      'not_found',
    );
    const after = await http<{ codes: MeetingCodes }>(
      server.url,
      `/api/meetings/${meetingId}/codes`,
      {
        token: chair,
      },
    );
    expect(after.body.codes).toEqual(codes);
  });

  it('counts the devices connected now and the tokens issued, per role and delegation', async () => {
    const room = await openRoom(server);
    const extra = await Promise.all([
      connect(server.url, room.tokens.mexico),
      connect(server.url, room.tokens.display),
    ]);
    try {
      const devices = await devicesOf(server.url, room.meetingId, room.tokens.chair);
      expect(devices.meetingId).toBe(room.meetingId);
      expect(devices.roles).toEqual({
        chair: { connected: 1, tokens: 1, revoked: 0 },
        moderator: { connected: 1, tokens: 1, revoked: 0 },
        display: { connected: 2, tokens: 1, revoked: 0 },
        delegate: { connected: 4, tokens: 3, revoked: 0 },
      });
      const mexico = devices.delegations.find((d) => d.delegationId === 'mexico');
      expect(mexico).toEqual({
        delegationId: 'mexico',
        name: 'Mexico',
        connected: 2,
        tokens: 1,
        revoked: 0,
      });
      // Every delegation of the roster is listed, in roster order, connected or not.
      expect(devices.delegations.map((d) => d.delegationId)).toEqual([
        'mexico',
        'morocco',
        'holy-see',
        'iom',
        'ituc',
      ]);
      expect(devices.delegations.find((d) => d.delegationId === 'ituc')).toMatchObject({
        connected: 0,
        tokens: 0,
      });
      // A device that leaves is no longer counted; its token still is (it may come back).
      for (const client of extra) client.close();
      const after = await devicesWhen(
        server.url,
        room.meetingId,
        room.tokens.chair,
        (d) => d.roles.delegate.connected === 3 && d.roles.display.connected === 1,
      );
      expect(after.roles.delegate.tokens).toBe(3);
      // A signed-out delegation: nothing connected, its tokens counted as revoked.
      await signOut(server.url, room.meetingId, 'mexico', room.tokens.chair);
      const signed = await devicesOf(server.url, room.meetingId, room.tokens.chair);
      expect(signed.delegations.find((d) => d.delegationId === 'mexico')).toMatchObject({
        connected: 0,
        tokens: 0,
        revoked: 1,
      });
    } finally {
      for (const client of extra) client.close();
      room.close();
    }
  });

  it('keeps an audit trail of sign-outs and rotations, and never a code or a token in it or in the logs', async () => {
    const room = await openRoom(server);
    try {
      await signOut(server.url, room.meetingId, 'mexico', room.tokens.chair);
      const rotated = RotateCodeResponse.parse(
        (
          await rotate(
            server.url,
            room.meetingId,
            { role: 'delegate', delegationId: 'iom' },
            ADMIN_TOKEN,
          )
        ).body,
      );
      const chairRotation = RotateCodeResponse.parse(
        (await rotate(server.url, room.meetingId, { role: 'chair' }, room.tokens.chair)).body,
      );
      const audit = AuditResponse.parse(
        (
          await http(server.url, `/api/meetings/${room.meetingId}/audit`, {
            token: chairRotation.token ?? '',
          })
        ).body,
      );
      expect(audit.entries.map(({ at: _, ...entry }) => entry)).toEqual([
        {
          actor: 'chair',
          action: 'delegation.sign-out',
          role: 'delegate',
          delegationId: 'mexico',
          revokedTokens: 1,
        },
        {
          actor: 'operator',
          action: 'code.rotate',
          role: 'delegate',
          delegationId: 'iom',
          revokedTokens: 1,
        },
        { actor: 'chair', action: 'code.rotate', role: 'chair', revokedTokens: 1 },
      ]);
      const secrets = [
        ...Object.values(room.tokens),
        room.codes.chair,
        room.codes.moderator,
        room.codes.display,
        ...Object.values(room.codes.delegations),
        rotated.code,
        chairRotation.code,
        chairRotation.token ?? 'no token',
        ADMIN_TOKEN,
      ];
      const db = new Database(joinPath(server.dataDir, DATABASE_FILE), { readonly: true });
      const trail = JSON.stringify(db.prepare('SELECT * FROM audit').all());
      // Tokens are kept as their sha256 only: no token is anywhere in the database's files.
      const hashes = db.prepare('SELECT hash FROM tokens').pluck().all() as string[];
      db.close();
      expect(hashes).toContain(createHash('sha256').update(room.tokens.chair).digest('hex'));
      const onDisk = ['', '-wal']
        .map((suffix) => {
          try {
            return readFileSync(joinPath(server.dataDir, DATABASE_FILE + suffix)).toString(
              'latin1',
            );
          } catch {
            return '';
          }
        })
        .join('');
      // (The scan sees what is there: the hashes are.)
      expect(onDisk).toContain(createHash('sha256').update(room.tokens.chair).digest('hex'));
      for (const token of [...Object.values(room.tokens), chairRotation.token ?? 'no token']) {
        expect(onDisk).not.toContain(token);
      }
      const logged = logs.text();
      expect(logged).toContain('code rotated');
      for (const secret of secrets) {
        expect(trail).not.toContain(secret);
        expect(logged).not.toContain(secret);
      }
    } finally {
      room.close();
    }
  });

  it('keeps meetings apart: one meeting’s sign-outs and rotations leave another alone', async () => {
    const a = await openRoom(server);
    const b = await openRoom(server);
    try {
      expect(a.meetingId).not.toBe(b.meetingId);
      // A's codes open nothing in B, and A's tokens act in A only.
      expectError(
        await http(server.url, `/api/meetings/${b.meetingId}/join`, {
          body: { code: a.codes.chair },
        }),
        401,
        'unauthorized',
      );
      await ok(a.chair, { type: 'agenda.start' });
      await roundTrip(b.display.socket);
      expect(b.display.states.map((s) => s.version)).toEqual([0]);
      // Signing out Mexico in A leaves B's Mexico connected; rotating A's codes leaves B's.
      const closing = signedOut(a.mexico);
      await signOut(server.url, a.meetingId, 'mexico', a.tokens.chair);
      await closing;
      for (const role of ['chair', 'moderator', 'display'] as const) {
        await rotate(server.url, a.meetingId, { role }, ADMIN_TOKEN);
      }
      // A round trip on each: a socket the server closed would be told before its answer.
      for (const client of b.all) await roundTrip(client.socket);
      for (const client of b.all) expect(client.socket.connected).toBe(true);
      expect(await ok(b.mexico, { type: 'floor.request' }).catch((e: Error) => e.message)).toMatch(
        /not_now/,
      );
      expect(await ok(b.chair, { type: 'agenda.start' })).toBe(1);
      for (const role of ['chair', 'moderator', 'display'] as const) {
        expect((await join(server.url, b.meetingId, b.codes[role])).role).toBe(role);
      }
      // B's chair sees B's devices, and cannot touch A's.
      expect(
        (await devicesOf(server.url, b.meetingId, b.tokens.chair)).roles.delegate.connected,
      ).toBe(3);
      expectError(
        await signOut(server.url, a.meetingId, 'morocco', b.tokens.chair),
        401,
        'unauthorized',
      );
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('revocations across a restart', () => {
  it('keeps signed-out tokens and rotated codes refused after the server restarts', async () => {
    const dataDir = await tempDir();
    let server = await startServer({ dataDir, createDefaultMeeting: false });
    try {
      const room = await openRoom(server);
      await signOut(server.url, room.meetingId, 'mexico', room.tokens.chair);
      const rotated = RotateCodeResponse.parse(
        (await rotate(server.url, room.meetingId, { role: 'moderator' }, room.tokens.chair)).body,
      );
      room.close();
      await server.close();

      server = await startServer({ dataDir, createDefaultMeeting: false });
      expect(await connectError(server.url, room.tokens.mexico)).toBe('unauthorized');
      expect(await connectError(server.url, room.tokens.moderator)).toBe('unauthorized');
      expectError(
        await http(server.url, `/api/meetings/${room.meetingId}/join`, {
          body: { code: room.codes.moderator },
        }),
        401,
        'unauthorized',
      );
      expect((await join(server.url, room.meetingId, rotated.code)).role).toBe('moderator');
      // Those not revoked still open the meeting.
      const morocco = await connect(server.url, room.tokens.morocco);
      morocco.close();
      const audit = AuditResponse.parse(
        (
          await http(server.url, `/api/meetings/${room.meetingId}/audit`, {
            token: room.tokens.chair,
          })
        ).body,
      );
      expect(audit.entries.map((e) => e.action)).toEqual(['delegation.sign-out', 'code.rotate']);
    } finally {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
