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

describe('LEASE_TTL_MS and NODE_ID', () => {
  it('defaults to five seconds, and takes a whole number of milliseconds from 500', () => {
    expect(loadConfig({}).leaseTtlMs).toBe(5000);
    expect(loadConfig({ LEASE_TTL_MS: '600' }).leaseTtlMs).toBe(600);
    expect(() => loadConfig({ LEASE_TTL_MS: '499' })).toThrow(/LEASE_TTL_MS: .*at least 500/);
    expect(() => loadConfig({ LEASE_TTL_MS: '1.5' })).toThrow(/LEASE_TTL_MS: .*whole number/);
    expect(() => loadConfig({ LEASE_TTL_MS: '300001' })).toThrow(/LEASE_TTL_MS: .*at most/);
  });

  it('names the node NODE_ID, or host, pid and a random part different at each start', () => {
    expect(loadConfig({ NODE_ID: ' node-a ' }).nodeId).toBe('node-a');
    const made = loadConfig({}).nodeId;
    expect(made).toMatch(new RegExp(`-${process.pid}-[0-9a-f]{8}$`));
    expect(loadConfig({}).nodeId).not.toBe(made);
    expect(() => loadConfig({ NODE_ID: 'node a' })).toThrow(/NODE_ID: .*without spaces/);
    expect(() => loadConfig({ NODE_ID: 'n'.repeat(129) })).toThrow(/NODE_ID: .*at most 128/);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless set: the address is the TCP peer', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: ' ' }).trustedProxies).toEqual([]);
  });

  it('takes addresses, CIDRs and range names, separated by commas', () => {
    expect(
      loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.0.0/8 ,fd00::/8,::1,loopback' }).trustedProxies,
    ).toEqual(['10.0.0.5', '10.0.0.0/8', 'fd00::/8', '::1', 'loopback']);
  });

  it('names the entry that is wrong, and why', () => {
    const cases: [string, RegExp][] = [
      [
        '10.0.0.300',
        /"10\.0\.0\.300" is not an address, a CIDR \(10\.0\.0\.0\/8\) or one of loopback/,
      ],
      ['proxy.example.org', /"proxy\.example\.org" is not an address/],
      [
        '10.0.0.1,10.0.0.0/33',
        /"10\.0\.0\.0\/33": the prefix after \/ must be a whole number from 0 to 32/,
      ],
      ['fd00::/129', /from 0 to 128/],
      ['10.0.0.0/8/8', /is not an address/],
      ['10.0.0.1,,10.0.0.2', /an empty entry/],
    ];
    for (const [value, why] of cases) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/^Bad environment: TRUST_PROXY: /);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(why);
    }
  });
});
