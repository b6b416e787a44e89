/**
 * The Rostrum server in its own process, built with `buildApp` as server/main.ts does (the same
 * pino logger at level info, its stdout going nowhere), listening on 127.0.0.1 and a free port.
 * The parent asks over IPC only for a forced GC and process.memoryUsage(); everything else goes
 * over HTTP and socket.io like any client. Run with --expose-gc.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, SAFE_LOGGING } from '../../../server/app';
import { IN_MEMORY } from '../../../server/store/database';
import { PostgresStore } from '../../../server/store/postgres/store';
import type { ServerStart, StoreKind } from '../lib/rostrum';
import { serve } from '../lib/rpc';

const ADMIN_TOKEN = 'bench-operator-token-0123456789abcdef';
let app: FastifyInstance | undefined;

const start = async (p: {
  dataDir: string | undefined;
  store: StoreKind;
  /** The postgres store's database: the meetings there, nothing in DATA_DIR. */
  databaseUrl?: string | undefined;
  /** The outputs scenario's OSC targets (`OSC_TARGETS`); none elsewhere. */
  oscTargets?: { host: string; port: number }[];
}): Promise<ServerStart> => {
  const store =
    p.databaseUrl === undefined ? undefined : await PostgresStore.open({ url: p.databaseUrl });
  app = await buildApp({
    ...(store && { store }),
    dataDir: p.dataDir ?? IN_MEMORY,
    adminToken: ADMIN_TOKEN,
    createDefaultMeeting: false,
    durability: p.store === 'sqlite-full' ? 'full' : 'normal',
    logger: { level: 'info', ...SAFE_LOGGING },
    outputs: { oscTargets: p.oscTargets ?? [] },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    port,
    adminToken: ADMIN_TOKEN,
    store:
      p.databaseUrl !== undefined
        ? 'PostgreSQL (DATABASE_URL)'
        : p.dataDir === undefined
          ? 'SQLite in memory (DATA_DIR=:memory:): nothing on disk'
          : p.store === 'sqlite-shm'
            ? `SQLite (WAL, synchronous=NORMAL) in ${p.dataDir} on tmpfs`
            : p.store === 'sqlite-full'
              ? `SQLite (WAL, synchronous=FULL: DURABILITY=full) in ${p.dataDir}`
              : `SQLite (WAL, synchronous=NORMAL) in ${p.dataDir}`,
  };
};

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with --expose-gc');
  collect();
  collect();
};

serve({
  start,
  memory: async () => {
    // Let pending sends and timers settle, then collect.
    await new Promise((r) => setTimeout(r, 200));
    gc();
    await new Promise((r) => setImmediate(r));
    gc();
    return process.memoryUsage();
  },
  /** CPU time the server process has used so far, µs (user and system). */
  cpu: async () => process.cpuUsage(),
  /** How late the server sent each turn.phase its clocks brought, ms (the outputs scenario). */
  phaseLateness: async () => [...(app?.rostrum.outputs.phaseLateness() ?? [])],
  stop: async () => {
    await app?.close();
    app = undefined;
    return null;
  },
});

process.on('SIGTERM', () => {
  const closing = app?.close() ?? Promise.resolve();
  void closing.finally(() => process.exit(0));
});
