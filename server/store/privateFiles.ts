import { chmodSync, closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';

/**
 * Everything the server writes holds secrets (codes in clear, token hashes, the operator token):
 * files are its user's alone (0600), directories too (0700). Modes given at creation are cut by
 * the umask, and an existing file or directory keeps its mode, so each is set explicitly.
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Makes the directory (and its parents) if need be; the directory itself becomes 0700. */
export const privateDir = (dir: string): void => {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodSync(dir, PRIVATE_DIR);
};

/** Writes (or overwrites) a file that only the server's user may read. */
export const writePrivateFile = (file: string, content: string): void => {
  writeFileSync(file, content, { mode: PRIVATE_FILE });
  chmodSync(file, PRIVATE_FILE);
};

/**
 * Creates the file empty if it is not there, and makes it 0600, before anyone else (SQLite)
 * opens it: SQLite gives its -wal and -shm files the mode of the database file.
 */
export const privateFile = (file: string): void => {
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  chmodSync(file, PRIVATE_FILE);
};

/** Makes these files 0600 where they exist (a database's -wal and -shm from an older start). */
export const makePrivate = (...files: string[]): void => {
  for (const file of files) if (existsSync(file)) chmodSync(file, PRIVATE_FILE);
};
