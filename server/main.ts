import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, SAFE_LOGGING } from './app';
import { type Config, loadConfig } from './config';
import { operatorSummary, publicHost, startupOutput } from './operatorSummary';
import { DATABASE_FILE } from './store/database';
import { PostgresStore } from './store/postgres/store';
import type { Store } from './store/store';

/**
 * PostgreSQL when DATABASE_URL is set (issue 16; one node for now: leases come next), else
 * undefined: the app opens SQLite in DATA_DIR. An idle connection PostgreSQL cuts is logged
 * once the app's logger is there, and the pool opens another.
 */
const openStore = async (
  config: Config,
  app: () => FastifyInstance | undefined,
): Promise<Store | undefined> => {
  if (config.databaseUrl === undefined) return undefined;
  return PostgresStore.open({
    url: config.databaseUrl,
    onIdleError: (error) => {
      const log = app()?.log;
      if (log) log.warn({ err: error }, 'PostgreSQL cut an idle connection; the next one is new');
      else process.stderr.write(`PostgreSQL cut an idle connection: ${error.message}\n`);
    },
  });
};

/** Where the meetings are, for the operator: PostgreSQL's address without its password. */
const storePlace = (config: Config, dataDir: string): string => {
  if (config.databaseUrl === undefined) return `SQLite, ${join(dataDir, DATABASE_FILE)}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL, ${url.hostname || url.searchParams.get('host')}:${url.port || 5432}${url.pathname}`;
};

/** The entry of `npm start`: reads the environment, restores every meeting, listens. */
const main = async (): Promise<void> => {
  const config = loadConfig();
  let built: FastifyInstance | undefined;
  const store = await openStore(config, () => built);
  const app = await buildApp({
    ...(store && { store }),
    dataDir: config.dataDir,
    adminToken: config.adminToken,
    durability: config.durability,
    network: {
      maxConnectionsPerAddress: config.maxConnectionsPerAddress,
      limitLoopbackConnections: config.limitLoopbackConnections,
    },
    logger: { level: config.logLevel, ...SAFE_LOGGING },
    outputs: { oscTargets: config.oscTargets },
  });
  built = app;

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: no new work, closing sockets, flushing the database');
    // If something hangs, leave anyway: every acknowledged command is already stored.
    setTimeout(() => {
      app.log.error('could not stop cleanly within 10 s; leaving');
      process.exit(1);
    }, 10_000).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A live meeting must not fall over: every change goes through the engine and the store, which
  // put things back on failure, so an error that escaped is logged and the server goes on.
  process.on('uncaughtException', (error) => app.log.error({ err: error }, 'uncaught exception'));
  process.on('unhandledRejection', (reason) =>
    app.log.error({ err: reason }, 'unhandled rejection'),
  );

  await app.listen({ host: config.host, port: config.port });
  const { port } = app.server.address() as AddressInfo;
  const { registry, adminToken, dataDir } = app.rostrum;
  const origin = `http://${publicHost(config.host)}:${port}`;
  const summary = await operatorSummary({ registry, adminToken, dataDir, origin });
  process.stdout.write(startupOutput(summary, dataDir, process.stdout.isTTY === true).printed);
  process.stdout.write(`\nMeetings kept in ${storePlace(config, dataDir)}\n`);
  process.stdout.write(`\nRostrum listening on http://${config.host}:${port}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(
    `Rostrum could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
