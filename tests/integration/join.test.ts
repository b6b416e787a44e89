import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/store/database';
import {
  type CreateMeetingResponse,
  HttpErrorResponse,
  JoinByCodeResponse,
} from '../../shared/protocol/http';
import { LIMITS } from '../../shared/protocol/limits';
import { closeAddressAgents, httpFrom } from '../support/address';
import {
  ADMIN_TOKEN,
  connect,
  createMeeting,
  http,
  startServer,
  type TestServer,
} from '../support/server';

const joinByCode = (server: TestServer, code: unknown) =>
  http(server.url, '/api/join', { body: { code } });

const expectError = (answer: { status: number; body: unknown }, status: number, code: string) => {
  expect(answer.status).toBe(status);
  const { error } = HttpErrorResponse.parse(answer.body);
  expect(error.code).toBe(code);
  return error.message;
};

/** Every code of a meeting, roles and delegations alike. */
const allCodes = (meeting: CreateMeetingResponse): string[] => [
  meeting.codes.chair,
  meeting.codes.moderator,
  meeting.codes.display,
  ...Object.values(meeting.codes.delegations),
];

describe('POST /api/join: a code alone joins', () => {
  let server: TestServer;
  /** Two meetings of the same title: only the code tells them apart. */
  let first: CreateMeetingResponse;
  let second: CreateMeetingResponse;

  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false });
    first = await createMeeting(server.url);
    second = await createMeeting(server.url);
  });
  afterAll(async () => {
    closeAddressAgents();
    await server.close();
  });

  it('answers the meeting the code opens, its role and a token for it', async () => {
    const titles = (await http<{ title: string }[]>(server.url, '/api/meetings')).body;
    expect(titles.map((m) => m.title)).toEqual(['Test session', 'Test session']);
    for (const meeting of [first, second]) {
      const answer = await joinByCode(server, meeting.codes.moderator);
      expect(answer.status).toBe(200);
      const joined = JoinByCodeResponse.parse(answer.body);
      expect(joined).toEqual({
        meetingId: meeting.meetingId,
        token: expect.any(String),
        role: 'moderator',
      });
      // The token opens that meeting's socket, not the other one.
      const client = await connect(server.url, joined.token);
      expect(client.latest().meetingId).toBe(meeting.meetingId);
      client.close();
    }
  });

  it('binds a delegation’s code to its delegation, and reads the code as people type it', async () => {
    const code = second.codes.delegations.morocco ?? '';
    const typed = `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`;
    const answer = await joinByCode(server, typed);
    expect(answer.body).toEqual({
      meetingId: second.meetingId,
      token: expect.any(String),
      role: 'delegate',
      delegationId: 'morocco',
    });
  });

  it('refuses a wrong code with 401, and a malformed body with 400 naming the field', async () => {
    expect(expectError(await joinByCode(server, 'ZZZZZZZZZZ'), 401, 'unauthorized')).toMatch(
      /opens no meeting on this server/,
    );
    expectError(await joinByCode(server, 'not a code at all'), 401, 'unauthorized');
    expect(expectError(await joinByCode(server, 42), 400, 'invalid')).toMatch(/code/);
    expect(
      expectError(
        await http(server.url, '/api/join', { body: { code: 'x', meetingId: 'a' } }),
        400,
        'invalid',
      ),
    ).toMatch(/meetingId/);
  });

  it('stops taking a code once it is rotated; the new code joins', async () => {
    const rotated = await http<{ code: string }>(
      server.url,
      `/api/meetings/${first.meetingId}/codes/rotate`,
      { body: { role: 'display' }, token: ADMIN_TOKEN },
    );
    expect(rotated.status).toBe(200);
    expectError(await joinByCode(server, first.codes.display), 401, 'unauthorized');
    expect((await joinByCode(server, rotated.body.code)).body).toMatchObject({
      meetingId: first.meetingId,
      role: 'display',
    });
    first.codes.display = rotated.body.code;
  });

  it('holds codes unique across the meetings of the server, in the store itself', () => {
    const codes = [...allCodes(first), ...allCodes(second)];
    expect(new Set(codes).size).toBe(codes.length);
    // The store refuses a second meeting's copy of a code: the check does not rest on luck.
    const db = new Database(joinPath(server.dataDir, DATABASE_FILE));
    try {
      expect(() =>
        db
          .prepare('INSERT INTO codes (meeting, role, delegation, code) VALUES (?, ?, NULL, ?)')
          .run(second.meetingId, 'chair', first.codes.chair),
      ).toThrow(/UNIQUE constraint failed: codes.code/);
    } finally {
      db.close();
    }
  });

  it('shares the wrong-code budget with the per-meeting join: 20 a minute from one address', async () => {
    const perMeeting = `/api/meetings/${first.meetingId}/join`;
    const half = LIMITS.wrongCodesPerMinute / 2;
    for (let i = 0; i < half; i++) {
      const wrong = { body: { code: `WRONG${String(i).padStart(5, '0')}` } };
      expect((await httpFrom('127.0.0.7', server.url, '/api/join', wrong)).status).toBe(401);
      expect((await httpFrom('127.0.0.7', server.url, perMeeting, wrong)).status).toBe(401);
    }
    for (const path of ['/api/join', perMeeting]) {
      const answer = await httpFrom('127.0.0.7', server.url, path, {
        body: { code: first.codes.chair },
      });
      expectError(answer, 429, 'rate_limited');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // Another device joins as ever.
    const neighbour = await httpFrom('127.0.0.8', server.url, '/api/join', {
      body: { code: first.codes.chair },
    });
    expect(neighbour.status).toBe(200);
  });
});
