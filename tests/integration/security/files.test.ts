import { chmod, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_FILE } from '../../../server/access/adminToken';
import { SUMMARY_FILE } from '../../../server/operatorSummary';
import { DATABASE_FILE } from '../../../server/store/database';
import { freePort, type ServerProcess, spawnServer } from '../../support/process';
import { tempDir } from '../../support/server';

const modeOf = async (path: string): Promise<string> =>
  ((await stat(path)).mode & 0o777).toString(8);

/** Every file in DATA_DIR with its mode, as `ls` would show them: { name: '600' }. */
const modes = async (dir: string): Promise<Record<string, string>> => {
  const entries: Record<string, string> = {};
  for (const name of await readdir(dir)) entries[name] = await modeOf(joinPath(dir, name));
  return entries;
};

describe('the files the server writes', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it("are its user's alone, whatever the umask, in a DATA_DIR that existed already", async () => {
    const dataDir = await tempDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    await chmod(dataDir, 0o755);
    const port = await freePort();
    // No ADMIN_TOKEN: the server makes one and keeps it in DATA_DIR. A umask that takes nothing.
    let server: ServerProcess = await spawnServer({
      dataDir,
      port,
      umask: '000',
      env: { ADMIN_TOKEN: '' },
    });
    cleanup.push(() => server.child.kill('SIGKILL'));

    const files = await modes(dataDir);
    const names = Object.keys(files);
    expect(names).toEqual(
      expect.arrayContaining([
        DATABASE_FILE,
        `${DATABASE_FILE}-wal`,
        `${DATABASE_FILE}-shm`,
        ADMIN_TOKEN_FILE,
        SUMMARY_FILE,
      ]),
    );
    expect(names.some((n) => n.endsWith('-delegation-codes.csv'))).toBe(true);
    for (const [name, mode] of Object.entries(files)) expect(`${name} ${mode}`).toBe(`${name} 600`);
    expect(await modeOf(dataDir)).toBe('700');

    // stdout is piped (not a terminal): it says where the codes are, and holds none of them.
    const token = (await readFile(joinPath(dataDir, ADMIN_TOKEN_FILE), 'utf8')).trim();
    expect(server.summary()).toContain(token);
    expect(server.output()).not.toContain(token);
    expect(server.output()).toContain(joinPath(dataDir, SUMMARY_FILE));
    expect(server.output()).not.toMatch(/join\?code=/);

    // Files left readable by an older version are made private on the next start.
    server.child.kill('SIGTERM');
    await server.exited;
    for (const name of await readdir(dataDir)) await chmod(joinPath(dataDir, name), 0o644);
    await chmod(dataDir, 0o755);
    server = await spawnServer({ dataDir, port, umask: '022', env: { ADMIN_TOKEN: '' } });
    for (const [name, mode] of Object.entries(await modes(dataDir))) {
      expect(`${name} ${mode}`).toBe(`${name} 600`);
    }
    expect(await modeOf(dataDir)).toBe('700');
    server.child.kill('SIGTERM');
    await server.exited;
  }, 60_000);
});
