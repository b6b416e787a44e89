import pg from 'pg';
import { z } from 'zod';
import { POSTGRES_MIGRATIONS } from './migrations';

/**
 * The connection to PostgreSQL: a pool, its type parsers, the schema brought up to date at
 * open, and the two ways the store's parts talk to it (a statement, a transaction).
 */

export interface PostgresOptions {
  /** `postgres://user[:password]@host[:port]/database` (DATABASE_URL). */
  url: string;
  /** Connections at most; pg's default (10) unless given. */
  maxConnections?: number;
  /**
   * Told of an error on a connection nobody is using (the server restarted, or cut it at
   * shutdown): the pool drops that connection and opens another when one is needed.
   */
  onIdleError?: (error: Error) => void;
}

/**
 * PostgreSQL's `bigint` as a number. pg answers it as a string (it may not fit a double); every
 * bigint here (instants in milliseconds, versions, counts) fits, and one that does not is an
 * error, never a rounded number.
 */
const bigintAsNumber = (text: string): number => {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${text} does not fit a number`);
  return value;
};

/** The pool's own type parsers: pg's defaults, bigint aside (the global ones are left alone). */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? bigintAsNumber
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Whatever runs a statement: the pool (a statement of its own) or a transaction's client. */
export interface Queryable {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

/**
 * A statement, prepared once on each connection that runs it (`name` must be unique to `text`):
 * PostgreSQL parses and plans it the first time only.
 */
export interface Statement {
  name: string;
  text: string;
}

/** The rows a statement answers, for the store's zod row schemas to read. */
export const rowsOf = async (
  db: Queryable,
  statement: Statement,
  values: readonly unknown[],
): Promise<unknown[]> => (await db.query({ ...statement, values: [...values] })).rows;

/** How many rows a statement wrote. */
export const changesOf = async (
  db: Queryable,
  statement: Statement,
  values: readonly unknown[],
): Promise<number> => (await db.query({ ...statement, values: [...values] })).rowCount ?? 0;

/**
 * Runs `work` in one transaction on one connection: committed if it resolves, rolled back if it
 * throws. A connection that breaks, or cannot even roll back, is closed rather than handed to the
 * next one.
 */
const inTransaction = async <T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> => {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection cut while it is checked out fails its statement and is also an 'error' event,
  // which the pool no longer hears (only idle connections are its own): unheard, it would end
  // the process.
  const cut = (error: Error) => {
    broken = error;
  };
  client.on('error', cut);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollback) {
      broken ??= rollback instanceof Error ? rollback : new Error(String(rollback));
    }
    throw error;
  } finally {
    client.off('error', cut);
    client.release(broken);
  }
};

/**
 * The pool as the store's parts use it: statements and transactions, each counted until it
 * settles, so that closing waits for the work under way. pg's own `pool.end()` does not: a
 * request still waiting for a connection is left waiting, never served.
 */
export class PostgresDatabase implements Queryable {
  private readonly underway = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;

  constructor(private readonly pool: pg.Pool) {}

  query(config: pg.QueryConfig): Promise<pg.QueryResult> {
    return this.track(() => this.pool.query(config));
  }

  /** `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.track(() => inTransaction(this.pool, work));
  }

  get isOpen(): boolean {
    return this.closing === undefined;
  }

  /** Takes nothing new, lets the work under way settle, then ends the pool. Once. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      while (this.underway.size > 0) await Promise.allSettled([...this.underway]);
      await this.pool.end();
    })();
    return this.closing;
  }

  private track<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error('The store is closed.'));
    const done = work();
    this.underway.add(done);
    const settle = () => this.underway.delete(done);
    done.then(settle, settle);
    return done;
  }
}

/**
 * The advisory lock every Rostrum node takes to bring the schema up to date (a fixed key of
 * ours): two nodes started at once apply the migrations one after the other, the second finding
 * them done. Held for the migrating transaction only.
 */
const SCHEMA_LOCK = 7_245_617_001;

/**
 * Opens a pool on the database and brings its schema up to date; rejects (the pool ended) if
 * the database cannot be reached or is newer than this server.
 */
export const openPostgres = async (options: PostgresOptions): Promise<PostgresDatabase> => {
  const pool = new pg.Pool({
    connectionString: options.url,
    types: TYPES,
    ...(options.maxConnections !== undefined && { max: options.maxConnections }),
    // A database that does not answer is an error in seconds, not a server waiting forever.
    connectionTimeoutMillis: 10_000,
    application_name: 'rostrum',
  });
  // Without a listener, an idle connection's error (PostgreSQL restarted, or the connection cut
  // while the server stops) is an 'error' event nobody hears, which ends the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresDatabase(pool);
};

const SchemaVersionRow = z.object({ version: z.number().int().nonnegative() });

/**
 * Applies the migrations the database has not had, under the schema lock, in one transaction:
 * a start that fails leaves the database as it was.
 */
const migrate = async (pool: pg.Pool): Promise<void> => {
  await inTransaction(pool, async (client) => {
    await client.query({ text: 'SELECT pg_advisory_xact_lock($1)', values: [SCHEMA_LOCK] });
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_version (
         version integer PRIMARY KEY,
         applied_at bigint NOT NULL     -- ms since the epoch, the database's clock
       )`,
    );
    const { rows } = await client.query(
      'SELECT coalesce(max(version), 0) AS version FROM schema_version',
    );
    const current = SchemaVersionRow.parse(rows[0]).version;
    if (current > POSTGRES_MIGRATIONS.length) {
      throw new Error(
        `The database is at schema version ${current}, newer than this server (${POSTGRES_MIGRATIONS.length}): run a newer Rostrum.`,
      );
    }
    for (const [index, sql] of POSTGRES_MIGRATIONS.entries()) {
      if (index < current) continue;
      await client.query(sql);
      await client.query({
        text: `INSERT INTO schema_version (version, applied_at)
               VALUES ($1, floor(extract(epoch FROM clock_timestamp()) * 1000))`,
        values: [index + 1],
      });
    }
  });
};
