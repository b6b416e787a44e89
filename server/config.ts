import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { LIMITS } from '../shared/protocol/limits';
import { parseTrustedProxies } from './http/clientAddress';
import { type OscTarget, parseOscTargets } from './outputs/osc';

/**
 * PostgreSQL's address (`postgres://user:password@host:port/database`, libpq's form). Its
 * password is never repeated in an error: the value is not quoted, only what is wrong with it.
 */
const DatabaseUrl = z.string().superRefine((text, ctx) => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'must be a URL, postgres://user:password@host:5432/database',
    });
    return;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    ctx.addIssue({
      code: 'custom',
      message: 'must start with postgres:// (PostgreSQL)',
    });
  } else if (url.hostname === '' && !url.searchParams.has('host')) {
    ctx.addIssue({ code: 'custom', message: "must name PostgreSQL's host" });
  }
});

/** Redis's address (`redis://host:port`, or `rediss://` over TLS); never quoted in an error. */
const RedisUrl = z.string().superRefine((text, ctx) => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a URL, redis://host:6379' });
    return;
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    ctx.addIssue({ code: 'custom', message: 'must start with redis:// or rediss:// (Redis)' });
  } else if (url.hostname === '') {
    ctx.addIssue({ code: 'custom', message: "must name Redis's host" });
  }
});

/** How hard SQLite works to keep a commit through a power cut (see server/store/database.ts). */
export const Durability = z.enum(['normal', 'full']);
export type Durability = z.infer<typeof Durability>;

const Env = z
  .object({
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    PORT: z.coerce
      .number()
      .int('PORT must be a whole number')
      .min(0)
      .max(65535, 'PORT must be at most 65535')
      .default(8080),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    DATABASE_URL: z.string().trim().pipe(DatabaseUrl).optional(),
    /**
     * Redis (issue 16): the nodes on one DATABASE_URL carry states, commands and sign-outs to
     * each other through it (socket.io's Redis streams adapter). Without it, a node on PostgreSQL
     * serves alone.
     */
    REDIS_URL: z.string().trim().pipe(RedisUrl).optional(),
    /**
     * How long a node's hold on a meeting lasts unless renewed (issue 16, docs/many-nodes.md
     * "Leases"): a dead node's meetings wait this long for another. Renewed every third of it, so
     * it must leave room for a few PostgreSQL round trips even on a loaded machine.
     */
    LEASE_TTL_MS: z.coerce
      .number()
      .int('LEASE_TTL_MS must be a whole number of milliseconds')
      .min(500, 'LEASE_TTL_MS must be at least 500 (renewed every third of it)')
      .max(
        300_000,
        'LEASE_TTL_MS must be at most 300000 (a dead node holds its meetings this long)',
      )
      .default(5000),
    /** This node's name in the leases; one made at each start when unset. */
    NODE_ID: z
      .string()
      .trim()
      .max(128, 'NODE_ID must be at most 128 characters')
      .regex(/^[\x21-\x7e]+$/, 'NODE_ID must be printable ASCII without spaces')
      .optional(),
    ADMIN_TOKEN: z
      .string()
      .trim()
      .min(16, 'ADMIN_TOKEN must be at least 16 characters')
      .max(512)
      .optional(),
    DURABILITY: z.string().trim().toLowerCase().pipe(Durability).default('normal'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    MAX_CONNECTIONS_PER_ADDRESS: z.coerce
      .number()
      .int('MAX_CONNECTIONS_PER_ADDRESS must be a whole number (0: no cap)')
      .min(0)
      .default(LIMITS.connectionsPerAddress),
    LIMIT_LOOPBACK_CONNECTIONS: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
      .transform((v) => v === 'true' || v === '1' || v === 'yes')
      .default(false),
    /**
     * Issue 16, shared limits: the proxies in front of the server, `address|CIDR[,...]`; a
     * request through one is counted under its X-Forwarded-For client
     * (server/http/clientAddress.ts).
     */
    TRUST_PROXY: z
      .string()
      .transform((text, ctx) => {
        const read = parseTrustedProxies(text);
        if (!Array.isArray(read)) {
          ctx.addIssue({ code: 'custom', message: read.problem });
          return z.NEVER;
        }
        return read;
      })
      .default([]),
    /** Contract version 2: where OSC messages go, `host:port[,host:port]`. */
    OSC_TARGETS: z
      .string()
      .transform((text, ctx) => {
        const read = parseOscTargets(text);
        if (!Array.isArray(read)) {
          ctx.addIssue({ code: 'custom', message: read.problem });
          return z.NEVER;
        }
        return read;
      })
      .default([]),
  })
  .refine((e) => e.REDIS_URL === undefined || e.DATABASE_URL !== undefined, {
    path: ['REDIS_URL'],
    message: 'REDIS_URL needs DATABASE_URL: the nodes share their meetings in PostgreSQL',
  });

export interface Config {
  host: string;
  port: number;
  /** The operator's files (the token it made, the summary); SQLite's database too, without DATABASE_URL. */
  dataDir: string;
  /** PostgreSQL (`DATABASE_URL`, issue 16): the store is there instead of SQLite in DATA_DIR. */
  databaseUrl: string | undefined;
  /** Redis (`REDIS_URL`, issue 16): how the nodes on one database reach each other. */
  redisUrl: string | undefined;
  /** How long a lease on a meeting lasts unless renewed (`LEASE_TTL_MS`; with DATABASE_URL). */
  leaseTtlMs: number;
  /** This node's name in the leases: `NODE_ID`, or host, process and a random part. */
  nodeId: string;
  /** The operator's bearer token; when absent the server makes one and keeps it in DATA_DIR. */
  adminToken: string | undefined;
  durability: Durability;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** Concurrent connections from one address (0: no cap), and whether 127.0.0.1 counts. */
  maxConnectionsPerAddress: number;
  limitLoopbackConnections: boolean;
  /** The trusted proxies (`TRUST_PROXY`); none, the address is the TCP peer's. */
  trustedProxies: string[];
  /** The OSC targets (`OSC_TARGETS`); none, no OSC. */
  oscTargets: OscTarget[];
}

/** Reads the environment; an empty variable counts as unset. Throws a readable error. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Bad environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    leaseTtlMs: e.LEASE_TTL_MS,
    nodeId: e.NODE_ID ?? newNodeId(),
    adminToken: e.ADMIN_TOKEN,
    durability: e.DURABILITY,
    logLevel: e.LOG_LEVEL,
    maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
    limitLoopbackConnections: e.LIMIT_LOOPBACK_CONNECTIONS,
    trustedProxies: e.TRUST_PROXY,
    oscTargets: e.OSC_TARGETS,
  };
};

/**
 * A node id for this start: unique among the nodes even when a restarted process gets the same
 * pid on the same host (the random part), readable in the leases table (the host and pid).
 */
export const newNodeId = (): string =>
  `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
