import { SAFE_LOGGING } from '../../server/app';

/** One line of the server's pino log, parsed. */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

export interface CapturedLogs {
  /** For `startServer({ logger })`: the server's own logging options (redaction included). */
  logger: { level: string; stream: { write: (line: string) => void } } & typeof SAFE_LOGGING;
  /** Everything written so far, as the operator's terminal would get it. */
  text: () => string;
  lines: () => LogLine[];
}

/** Captures what the server logs, with the same redaction as `npm start` (server/main.ts). */
export const captureLogs = (level = 'info'): CapturedLogs => {
  const chunks: string[] = [];
  const text = () => chunks.join('');
  return {
    logger: { level, ...SAFE_LOGGING, stream: { write: (line: string) => chunks.push(line) } },
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as LogLine),
  };
};
