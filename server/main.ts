import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, SAFE_LOGGING } from './app';
import { type ClusterNode, startClusterNode } from './cluster/node';
import { type Config, loadConfig } from './config';
import { operatorSummary, publicHost, startupOutput } from './operatorSummary';
import { DATABASE_FILE } from './store/database';
import { PostgresStore } from './store/postgres/store';

/**
 * PostgreSQL when DATABASE_URL is set (issue 16), with this node's clock on it and its leases:
 * the meetings are shared with every node on that database, one writer each. Else undefined:
 * the app opens SQLite in DATA_DIR. An idle connection PostgreSQL cuts is logged once the app's
 * logger is there, and the pool opens another; so is a round of clock samples that failed.
 */
const openCluster = async (
  config: Config,
  app: () => FastifyInstance | undefined,
): Promise<{ store: PostgresStore; cluster: ClusterNode } | undefined> => {
  if (config.databaseUrl === undefined) return undefined;
  const warn = (error: unknown, what: string) => {
    const log = app()?.log;
    if (log) log.warn({ err: error }, what);
    else process.stderr.write(`${what}: ${error instanceof Error ? error.message : error}\n`);
  };
  const store = await PostgresStore.open({
    url: config.databaseUrl,
    onIdleError: (error) => warn(error, 'PostgreSQL cut an idle connection; the next one is new'),
  });
  try {
    const cluster = await startClusterNode(store, {
      nodeId: config.nodeId,
      ttlMs: config.leaseTtlMs,
      onClockError: (error) => warn(error, "could not read PostgreSQL's clock"),
      ...(config.redisUrl !== undefined && {
        redisUrl: config.redisUrl,
        onRedisError: (error: unknown) => warn(error, 'Redis connection failed; reconnecting'),
      }),
    });
    return { store, cluster };
  } catch (error) {
    await store.close();
    throw error;
  }
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
  const shared = await openCluster(config, () => built);
  const app = await buildApp({
    ...shared,
    dataDir: config.dataDir,
    adminToken: config.adminToken,
    durability: config.durability,
    network: {
      maxConnectionsPerAddress: config.maxConnectionsPerAddress,
      limitLoopbackConnections: config.limitLoopbackConnections,
      // Issue 16, shared limits: behind a load balancer, the devices' own addresses.
      trustedProxies: config.trustedProxies,
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
