import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    if (stored !== '') return { value: stored, origin: 'file', file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const value = newToken();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return { value, origin: 'generated', file };
};
