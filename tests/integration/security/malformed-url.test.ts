import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpErrorResponse } from '../../../shared/protocol/http';
import { captureLogs } from '../../support/logs';
import { createMeeting, http, startServer, type TestServer } from '../../support/server';

describe('a request Fastify refuses before routing', () => {
  const logs = captureLogs();
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false, logger: logs.logger });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['a malformed %-escape', '/%c0%ae%c0%ae/x', /malformed %-escape/],
    ['a malformed %-escape under /api', '/api/meetings/%E0%A4%A', /malformed %-escape/],
    ['a path segment over its length limit', `/api/meetings/${'m'.repeat(200)}/roster`, /too long/],
  ])(
    "%s is answered in the contract's shape, with the security headers",
    async (_, path, message) => {
      const answer = await http(server.url, path);
      expect(answer.status).toBe(400);
      const { error } = HttpErrorResponse.parse(answer.body);
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(message);
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
    },
  );

  it('is logged with its error code readable, and no secret is', async () => {
    const { meetingId, codes } = await createMeeting(server.url);
    await http(server.url, '/%c0%ae%c0%ae/x');
    await http(server.url, `/api/meetings/${meetingId}/join`, { body: '{"code":' });
    await http(server.url, `/api/meetings/${meetingId}/join`, { body: { code: codes.chair } });
    const refused = logs.lines().filter((line) => line.msg === 'request refused');
    expect(refused.map((line) => [line.code, line.fastify])).toEqual(
      expect.arrayContaining([
        ['invalid', 'FST_ERR_BAD_URL'],
        ['invalid', 'FST_ERR_CTP_INVALID_JSON_BODY'],
      ]),
    );
    expect(logs.text()).not.toContain(codes.chair);
  });
});
