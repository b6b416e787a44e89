import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';

describe('DATABASE_URL', () => {
  it('is absent unless set: SQLite in DATA_DIR, as version 1', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: '  ' }).databaseUrl).toBeUndefined();
  });

  it("takes PostgreSQL's URL in either scheme, a socket folder as its host", () => {
    for (const url of [
      'postgres://rostrum:secret@db.example.org:5432/rostrum',
      'postgresql://rostrum@127.0.0.1/rostrum?sslmode=require',
      'postgres:///rostrum?host=/var/run/postgresql',
    ]) {
      expect(loadConfig({ DATABASE_URL: ` ${url} ` }).databaseUrl).toBe(url);
    }
  });

  it('refuses what is not a PostgreSQL URL, without repeating its password', () => {
    const cases: [string, RegExp][] = [
      ['rostrum@s3cret-pass/db.example.org', /must be a URL/],
      ['db.example.org:5432/rostrum', /must start with postgres:\/\//],
      ['mysql://rostrum:s3cret-pass@db/rostrum', /must start with postgres:\/\//],
      ['postgres:///rostrum', /must name PostgreSQL's host/],
    ];
    for (const [url, why] of cases) {
      let message = '';
      try {
        loadConfig({ DATABASE_URL: url });
      } catch (error) {
        message = error instanceof Error ? error.message : String(error);
      }
      expect(message).toMatch(/^Bad environment: DATABASE_URL: /);
      expect(message).toMatch(why);
      expect(message).not.toContain('s3cret');
    }
  });
});
