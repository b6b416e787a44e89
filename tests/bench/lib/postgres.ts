/**
 * The benchmark on PostgreSQL: with DATABASE_URL set, the throughput scenario runs the server on
 * that PostgreSQL too (`npm run bench -- throughput` with `DATABASE_URL=postgres://...`), each run
 * on a database of its own, made there (the URL's user needs CREATEDB) and dropped after.
 */
import pg from 'pg';
import { z } from 'zod';

/** The PostgreSQL the benchmark may use, or undefined (then it runs on SQLite only). */
export const benchDatabaseUrl = (): string | undefined => {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
};

export interface BenchDatabase {
  url: string;
  /** The server and its settings that decide what a commit costs, in words. */
  description: string;
  drop: () => Promise<void>;
}

const Settings = z.object({
  version: z.string(),
  synchronous_commit: z.string(),
  fsync: z.string(),
});

let made = 0;

const admin = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** A new empty database on the server of `url`. */
export const freshBenchDatabase = async (url: string): Promise<BenchDatabase> => {
  const name = `rostrum_bench_${process.pid}_${++made}`;
  const settings = await admin(url, async (client) => {
    await client.query(`CREATE DATABASE ${name}`);
    const { rows } = await client.query(
      `SELECT current_setting('server_version') AS version,
              current_setting('synchronous_commit') AS synchronous_commit,
              current_setting('fsync') AS fsync`,
    );
    return Settings.parse(rows[0]);
  });
  const at = new URL(url);
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    description: `PostgreSQL ${settings.version} at ${at.hostname}:${at.port || 5432} (synchronous_commit=${settings.synchronous_commit}, fsync=${settings.fsync})`,
    drop: () =>
      admin(url, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
};
