import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { AdminToken } from './access/adminToken';
import { csvTable } from './http/csv';
import type { MeetingRegistry } from './meetings/registry';
import { IN_MEMORY } from './store/database';
import { writePrivateFile } from './store/privateFiles';

/** Where the start-up summary is kept, in DATA_DIR, readable by the server's user alone. */
export const SUMMARY_FILE = 'operator-summary.txt';

/** The address to print in join links: HOST itself, or this machine's address on the room's network. */
export const publicHost = (host: string): string => {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  for (const addresses of Object.values(networkInterfaces())) {
    const lan = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (lan) return lan.address;
  }
  return 'localhost';
};

export const joinUrl = (origin: string, meetingId: string, code: string): string =>
  `${origin}/m/${encodeURIComponent(meetingId)}/join?code=${code}`;

/** Writes DATA_DIR/<meetingId>-delegation-codes.csv (owner-readable only): one join card a row. */
export const writeDelegationCodes = async (
  registry: MeetingRegistry,
  dataDir: string,
  meetingId: string,
  origin: string,
): Promise<string> => {
  const codes = (await registry.codes(meetingId)).delegations;
  const cards = (await registry.rosterOf(meetingId)).flatMap((d) => {
    const code = codes[d.id];
    return code === undefined ? [] : [{ ...d, code, url: joinUrl(origin, meetingId, code) }];
  });
  const table = csvTable<(typeof cards)[number]>(
    [
      ['delegationId', (c) => c.id],
      ['name', (c) => c.name],
      ['category', (c) => c.category],
      ['code', (c) => c.code],
      ['joinUrl', (c) => c.url],
    ],
    cards,
  );
  const file = join(dataDir, `${meetingId}-delegation-codes.csv`);
  writePrivateFile(file, table);
  return file;
};

/**
 * What the operator reads in the terminal: the operator token (when it was just made), and for
 * each meeting the chair, moderator and display links with their codes, and where the
 * delegations' codes are.
 */
export const operatorSummary = async (options: {
  registry: MeetingRegistry;
  adminToken: AdminToken;
  dataDir: string;
  origin: string;
}): Promise<string> => {
  const { registry, adminToken, dataDir, origin } = options;
  const lines: string[] = [''];
  if (adminToken.origin === 'generated') {
    lines.push(`Operator token (new, kept in ${adminToken.file}):`, `  ${adminToken.value}`);
  } else if (adminToken.origin === 'file') {
    lines.push(`Operator token: in ${adminToken.file}`);
  } else {
    lines.push('Operator token: from ADMIN_TOKEN');
  }
  for (const { meetingId, title } of await registry.listAll()) {
    const codes = await registry.codes(meetingId);
    let where: string;
    try {
      where = `in ${await writeDelegationCodes(registry, dataDir, meetingId, origin)}`;
    } catch (error) {
      // The codes are in the database and at the endpoint; a file we cannot write is no reason to stop.
      where = `(could not write the file: ${error instanceof Error ? error.message : String(error)})`;
    }
    lines.push(
      '',
      `Meeting ${meetingId}: ${title}`,
      ...(['chair', 'moderator', 'display'] as const).map(
        (role) =>
          `  ${role.padEnd(10)} code ${codes[role]}   ${joinUrl(origin, meetingId, codes[role])}`,
      ),
      `  delegations: ${Object.keys(codes.delegations).length} codes ${where}`,
      `               and at GET ${origin}/api/meetings/${meetingId}/codes (operator token)`,
    );
  }
  lines.push('');
  return lines.join('\n');
};

/**
 * What start-up prints. On a terminal, the summary itself, for the operator in front of it. When
 * stdout is not a terminal it is a log (a service manager's journal, a file, CI), read by more
 * people and kept longer than the codes should be: the summary goes to DATA_DIR/operator-summary.txt
 * (its user's alone) and stdout says only where it is. The file is written on every start.
 */
export const startupOutput = (
  summary: string,
  dataDir: string,
  isTerminal: boolean,
): { printed: string; file: string | undefined } => {
  let file: string | undefined;
  let problem: string | undefined;
  if (dataDir !== IN_MEMORY) {
    try {
      file = join(dataDir, SUMMARY_FILE);
      writePrivateFile(file, summary.trimStart());
    } catch (error) {
      file = undefined;
      problem = error instanceof Error ? error.message : String(error);
    }
  }
  if (isTerminal) return { printed: summary, file };
  const where = file
    ? `in ${file} (readable by this user only)`
    : `not written (${problem ?? 'no DATA_DIR'}): read them at GET /api/meetings/:id/codes with the operator token`;
  return { printed: `\nAccess codes, join links and the operator token: ${where}\n`, file };
};
