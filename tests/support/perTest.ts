import { rm } from 'node:fs/promises';
import { afterEach } from 'vitest';
import { openDatabase } from '../../server/store/database';
import { SqliteStore } from '../../server/store/store';
import { openRoom, type Room } from './meeting';
import { type Client, connect, startServer, type TestServer, tempDir } from './server';

/** What a test makes and leaves behind, undone after it. */
export interface PerTest {
  /** Something to undo after this test, before what was registered earlier. */
  later: (step: () => unknown) => void;
  /** A client connected with `token`, closed after the test unless `closeClients` did it first. */
  open: (url: string, token: string) => Promise<Client>;
  /** Closes every client `open` made that is still open: the devices gone, mid-test. */
  closeClients: () => void;
  /** A DATA_DIR of its own, removed after the test. */
  dataDir: (prefix?: string) => Promise<string>;
  /** A server (tests/support/server.ts), closed after the test unless the test closed it. */
  server: (options?: Parameters<typeof startServer>[0]) => Promise<TestServer>;
  /** A room on the server (tests/support/meeting.ts), its devices closed after the test. */
  room: (server: TestServer) => Promise<Room>;
}

/**
 * Registers, in the describe's body, the undoing after each test of what `PerTest` made: the
 * clients closed first, then the steps, last registered first (a folder goes after the server
 * on it).
 */
export const usePerTest = (): PerTest => {
  const steps: (() => unknown)[] = [];
  const clients: Client[] = [];
  const closeClients = () => {
    for (const client of clients.splice(0)) client.close();
  };
  afterEach(async () => {
    closeClients();
    for (const step of steps.splice(0).reverse()) await step();
  });
  const later = (step: () => unknown) => {
    steps.push(step);
  };
  return {
    later,
    open: async (url, token) => {
      const client = await connect(url, token);
      clients.push(client);
      return client;
    },
    closeClients,
    dataDir: async (prefix) => {
      const dir = await tempDir(prefix);
      later(() => rm(dir, { recursive: true, force: true }));
      return dir;
    },
    server: async (options) => {
      const server = await startServer(options);
      later(() => server.close());
      return server;
    },
    room: async (server) => {
      const room = await openRoom(server);
      later(() => room.close());
      return room;
    },
  };
};

/** The SQLite store `npm start` opens in `dataDir`: for a test to wrap (a SlowStore) or keep. */
export const sqliteIn = (dataDir: string): SqliteStore =>
  new SqliteStore(openDatabase({ dataDir, durability: 'normal' }));
