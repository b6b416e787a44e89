import { mkdir, writeFile } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROSTER } from '../../shared/defaults/roster';
import {
  CreateMeetingResponse,
  HttpErrorResponse,
  JoinResponse,
  MeetingList,
  RosterResponse,
} from '../../shared/protocol/http';
import { NOTE_AGENDA } from '../support/agenda';
import {
  ADMIN_TOKEN,
  createMeeting,
  http,
  join,
  startServer,
  TEST_AGENDA_INPUT,
  TEST_ROSTER,
  type TestServer,
  tempDir,
} from '../support/server';

const expectError = (
  answer: { status: number; body: unknown },
  status: number,
  code: string,
): string => {
  expect(answer.status).toBe(status);
  const parsed = HttpErrorResponse.parse(answer.body);
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(5);
  return parsed.error.message;
};

describe('the HTTP API', () => {
  let server: TestServer;
  let meetingId: string;
  let codes: CreateMeetingResponse['codes'];

  beforeAll(async () => {
    server = await startServer();
    ({ meetingId, codes } = await createMeeting(server.url));
  });
  afterAll(() => server.close());

  it('answers its health', async () => {
    const answer = await http(server.url, '/api/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true });
  });

  it('starts an empty DATA_DIR with the default meeting, listed for anyone', async () => {
    const answer = await http(server.url, '/api/meetings');
    const list = MeetingList.parse(answer.body);
    expect(list.map((m) => m.title)).toEqual([NOTE_AGENDA.title, 'Test session']);
    const first = list[0];
    if (!first) throw new Error('no default meeting');
    const roster = RosterResponse.parse(
      (await http(server.url, `/api/meetings/${first.meetingId}/roster`)).body,
    );
    expect(roster).toHaveLength(DEFAULT_ROSTER.length);
    expect(roster).toContainEqual(
      expect.objectContaining({ id: 'mexico', name: 'Mexico', category: 'member-state' }),
    );
    expect(roster).toContainEqual(
      expect.objectContaining({ id: 'holy-see', name: 'Holy See', category: 'observer' }),
    );
  });

  it('lets the operator create a meeting with its own agenda and roster, and gives every code', async () => {
    const answer = await http(server.url, '/api/meetings', {
      body: { agenda: TEST_AGENDA_INPUT, roster: TEST_ROSTER },
      token: ADMIN_TOKEN,
    });
    expect(answer.status).toBe(201);
    const created = CreateMeetingResponse.parse(answer.body);
    expect(Object.keys(created.codes.delegations).sort()).toEqual(
      TEST_ROSTER.map((d) => d.id).sort(),
    );
    const all = [
      created.codes.chair,
      created.codes.moderator,
      created.codes.display,
      ...Object.values(created.codes.delegations),
    ];
    for (const code of all) expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$/);
    expect(new Set(all).size).toBe(all.length);
    const roster = await http(server.url, `/api/meetings/${created.meetingId}/roster`);
    expect(roster.body).toEqual(TEST_ROSTER);
  });

  it('makes the defaults when the operator sends no body', async () => {
    const answer = await http(server.url, '/api/meetings', { method: 'POST', token: ADMIN_TOKEN });
    expect(answer.status).toBe(201);
    const created = CreateMeetingResponse.parse(answer.body);
    expect(Object.keys(created.codes.delegations)).toHaveLength(DEFAULT_ROSTER.length);
  });

  it('refuses to create a meeting without the operator token', async () => {
    expectError(await http(server.url, '/api/meetings', { body: {} }), 401, 'unauthorized');
    expectError(
      await http(server.url, '/api/meetings', { body: {}, token: 'not-the-operator' }),
      401,
      'unauthorized',
    );
  });

  it('refuses an invalid agenda naming the field at fault', async () => {
    const agenda = structuredClone(TEST_AGENDA_INPUT) as {
      items: { steps: { allowance: { warnAtMs: number } }[] }[];
    };
    const step = agenda.items[0]?.steps[1];
    if (!step) throw new Error('test agenda changed');
    step.allowance.warnAtMs = 999_999;
    const message = expectError(
      await http(server.url, '/api/meetings', { body: { agenda }, token: ADMIN_TOKEN }),
      400,
      'invalid',
    );
    expect(message).toContain(
      'agenda.items.0.steps.1.allowance.warnAtMs: warnAtMs must not be after limitMs',
    );
  });

  it('refuses an invalid roster and unknown fields, naming them', async () => {
    const roster = [{ id: 'mexico', name: 'Mexico', category: 'country' }];
    expect(
      expectError(
        await http(server.url, '/api/meetings', { body: { roster }, token: ADMIN_TOKEN }),
        400,
        'invalid',
      ),
    ).toContain('roster.0.category');
    expect(
      expectError(
        await http(server.url, '/api/meetings', { body: { agendas: {} }, token: ADMIN_TOKEN }),
        400,
        'invalid',
      ),
    ).toContain('agendas');
  });

  it('exchanges each code for a token of its role, as typed by people', async () => {
    const chair = JoinResponse.parse(
      (await http(server.url, `/api/meetings/${meetingId}/join`, { body: { code: codes.chair } }))
        .body,
    );
    expect(chair.role).toBe('chair');
    expect(chair.delegationId).toBeUndefined();
    expect(Buffer.from(chair.token, 'base64url')).toHaveLength(32);
    // Lower case, spaces, hyphens, and the letters people confuse with 0 and 1.
    const typed = codes.moderator
      .toLowerCase()
      .replace(/0/g, 'o')
      .replace(/1/g, 'l')
      .replace(/^(.{5})/, '$1 - ');
    expect((await join(server.url, meetingId, typed)).role).toBe('moderator');
    expect((await join(server.url, meetingId, codes.display)).role).toBe('display');
    const mexico = await join(server.url, meetingId, codes.delegations.mexico ?? '');
    expect(mexico).toMatchObject({ role: 'delegate', delegationId: 'mexico' });
    // Every join answers a new token.
    expect((await join(server.url, meetingId, codes.chair)).token).not.toBe(chair.token);
  });

  it('answers a wrong code with 401', async () => {
    expectError(
      await http(server.url, `/api/meetings/${meetingId}/join`, { body: { code: 'ABCDEFGHJK' } }),
      401,
      'unauthorized',
    );
    expectError(
      await http(server.url, `/api/meetings/${meetingId}/join`, { body: { code: '' } }),
      401,
      'unauthorized',
    );
    expectError(
      await http(server.url, `/api/meetings/${meetingId}/join`, { body: { pin: 1 } }),
      400,
      'invalid',
    );
  });

  it("does not let one meeting's code open another", async () => {
    const other = await createMeeting(server.url);
    expectError(
      await http(server.url, `/api/meetings/${meetingId}/join`, {
        body: { code: other.codes.chair },
      }),
      401,
      'unauthorized',
    );
  });

  it('answers 404 for an unknown meeting or route, in the contract shape', async () => {
    expectError(await http(server.url, '/api/meetings/nosuchmeeting/roster'), 404, 'not_found');
    expectError(
      await http(server.url, '/api/meetings/nosuchmeeting/join', { body: { code: codes.chair } }),
      404,
      'not_found',
    );
    expectError(await http(server.url, '/api/nothing-here'), 404, 'not_found');
    expectError(await http(server.url, '/api/health', { method: 'DELETE' }), 404, 'not_found');
    // Without a built client the screens' paths say so, in the same shape.
    expectError(await http(server.url, '/m/abc/join'), 404, 'not_found');
  });

  it('answers 413 for a body over 1 MiB', async () => {
    const big = JSON.stringify({ code: 'x'.repeat(1024 * 1024 + 10) });
    expectError(
      await http(server.url, `/api/meetings/${meetingId}/join`, { body: big }),
      413,
      'payload_too_large',
    );
  });

  it('answers 400 for malformed JSON or a body that is not JSON', async () => {
    expectError(
      await http(server.url, `/api/meetings/${meetingId}/join`, { body: '{"code": ' }),
      400,
      'invalid',
    );
    expectError(
      await http(server.url, `/api/meetings/${meetingId}/join`, {
        body: 'code=1',
        headers: { 'content-type': 'text/plain' },
      }),
      400,
      'invalid',
    );
    expectError(
      await http(server.url, `/api/meetings/${meetingId}/join`, { body: 'null' }),
      400,
      'invalid',
    );
  });

  it("gives the operator and the meeting's chairs every code of a meeting, and nobody else", async () => {
    const answer = await http(server.url, `/api/meetings/${meetingId}/codes`, {
      token: ADMIN_TOKEN,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ meetingId, codes });
    expectError(await http(server.url, `/api/meetings/${meetingId}/codes`), 401, 'unauthorized');
    // A chair prints the join cards from the console.
    const chair = await join(server.url, meetingId, codes.chair);
    const forChair = await http(server.url, `/api/meetings/${meetingId}/codes`, {
      token: chair.token,
    });
    expect(forChair.status).toBe(200);
    expect(forChair.body).toEqual({ meetingId, codes });
    for (const code of [codes.moderator, codes.display, codes.delegations.mexico ?? '']) {
      const other = await join(server.url, meetingId, code);
      expectError(
        await http(server.url, `/api/meetings/${meetingId}/codes`, { token: other.token }),
        403,
        'forbidden',
      );
    }
    // A chair of another meeting reads nothing here.
    const elsewhere = await createMeeting(server.url);
    const otherChair = await join(server.url, elsewhere.meetingId, elsewhere.codes.chair);
    expectError(
      await http(server.url, `/api/meetings/${meetingId}/codes`, { token: otherChair.token }),
      401,
      'unauthorized',
    );
  });

  it('shows the record to chairs and moderators only', async () => {
    const chair = await join(server.url, meetingId, codes.chair);
    const moderator = await join(server.url, meetingId, codes.moderator);
    const display = await join(server.url, meetingId, codes.display);
    const delegate = await join(server.url, meetingId, codes.delegations.morocco ?? '');
    for (const officer of [chair, moderator]) {
      const record = await http(server.url, `/api/meetings/${meetingId}/record`, {
        token: officer.token,
      });
      expect(record.status).toBe(200);
      expect(record.body).toEqual({ turns: [], requests: [], steps: [], waiting: [] });
      const csv = await http(server.url, `/api/meetings/${meetingId}/record.csv`, {
        token: officer.token,
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
    }
    for (const path of ['record', 'record.csv', 'requests.csv', 'steps', 'report']) {
      expectError(
        await http(server.url, `/api/meetings/${meetingId}/${path}`),
        401,
        'unauthorized',
      );
      expectError(
        await http(server.url, `/api/meetings/${meetingId}/${path}`, { token: 'made-up' }),
        401,
        'unauthorized',
      );
      expectError(
        await http(server.url, `/api/meetings/${meetingId}/${path}`, { token: display.token }),
        403,
        'forbidden',
      );
      expectError(
        await http(server.url, `/api/meetings/${meetingId}/${path}`, { token: delegate.token }),
        403,
        'forbidden',
      );
    }
  });

  it('sends the security headers on every answer, errors included', async () => {
    for (const answer of [
      await http(server.url, '/api/health'),
      await http(server.url, '/api/nothing'),
      await http(server.url, `/api/meetings/${meetingId}/join`, { body: '{' }),
    ]) {
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('strict-transport-security')).toBeNull();
    }
  });
});

describe('the wrong-code limit', () => {
  it('refuses an address after 20 wrong codes in a minute, right codes included, saying when to retry', async () => {
    const server = await startServer({ createDefaultMeeting: false });
    try {
      const { meetingId, codes } = await createMeeting(server.url);
      // Right codes are not counted.
      for (let i = 0; i < 25; i++) await join(server.url, meetingId, codes.display);
      for (let i = 0; i < 20; i++) {
        const answer = await http(server.url, `/api/meetings/${meetingId}/join`, {
          body: { code: `WRONG${i}` },
        });
        expect(answer.status).toBe(401);
      }
      for (const code of ['WRONGAGAIN', codes.chair]) {
        const answer = await http(server.url, `/api/meetings/${meetingId}/join`, {
          body: { code },
        });
        const message = expectError(answer, 429, 'rate_limited');
        const retryAfter = Number(answer.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(message).toMatch(/try again in \d+ seconds?/);
      }
    } finally {
      await server.close();
    }
  });
});

describe('the built screens', () => {
  it('serves dist/client, and index.html for every other path that is not the API', async () => {
    const dataDir = await tempDir();
    const clientDir = joinPath(dataDir, 'client');
    await mkdir(joinPath(clientDir, 'assets'), { recursive: true });
    await writeFile(
      joinPath(clientDir, 'index.html'),
      '<!doctype html><title>Rostrum</title><script type="module" src="/assets/app.js"></script>',
    );
    await writeFile(joinPath(clientDir, 'assets', 'app.js'), 'console.log("rostrum")');
    const server = await startServer({ dataDir, clientDir, createDefaultMeeting: false });
    try {
      const index = await http(server.url, '/');
      expect(index.status).toBe(200);
      expect(index.text).toContain('<title>Rostrum</title>');
      expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
      const spa = await http(server.url, '/m/abc123/join?code=ABC');
      expect(spa.status).toBe(200);
      expect(spa.headers.get('content-type')).toContain('text/html');
      expect(spa.text).toContain('<title>Rostrum</title>');
      const asset = await http(server.url, '/assets/app.js');
      expect(asset.text).toContain('rostrum');
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expectError(await http(server.url, '/api/nothing'), 404, 'not_found');
      expectError(await http(server.url, '/api/health', { body: {} }), 404, 'not_found');
    } finally {
      await server.close();
    }
  });
});
