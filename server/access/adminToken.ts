import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivate, privateDir, writePrivateFile } from '../store/privateFiles';
import { newToken } from './tokens';

export const ADMIN_TOKEN_FILE = 'admin-token';

export interface AdminToken {
  value: string;
  /** Where it came from: the environment, the file in DATA_DIR, or made just now (and stored there). */
  origin: 'environment' | 'file' | 'generated';
  /** The file that holds it, unless it came from the environment. */
  file?: string;
}

/**
 * The operator's bearer token: ADMIN_TOKEN when set; otherwise the one stored in DATA_DIR, made
 * (and stored, readable by the owner only) on the first start.
 */
export const resolveAdminToken = (dataDir: string, fromEnv: string | undefined): AdminToken => {
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return { value: fromEnv.trim(), origin: 'environment' };
  }
  const file = join(dataDir, ADMIN_TOKEN_FILE);
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored !== '') {
      // A file left readable by an older start (or by hand) is made its user's alone.
      makePrivate(file);
      return { value: stored, origin: 'file', file };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  privateDir(dataDir);
  const value = newToken();
  writePrivateFile(file, `${value}\n`);
  return { value, origin: 'generated', file };
};
