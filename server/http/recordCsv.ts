import type { TurnRecord } from '../../shared/protocol/view';

type Column = [header: string, value: (t: TurnRecord) => string | number | undefined];

const iso = (instant: number) => new Date(instant).toISOString();

/** The columns of the record's CSV: every field of a turn, and its instants as UTC dates too. */
const COLUMNS: Column[] = [
  ['id', (t) => t.id],
  ['itemId', (t) => t.itemId],
  ['itemTitle', (t) => t.itemTitle],
  ['stepId', (t) => t.stepId],
  ['stepTitle', (t) => t.stepTitle],
  ['segment', (t) => t.segment],
  ['speakerName', (t) => t.speakerName],
  ['speakerId', (t) => t.speakerId],
  ['delegationId', (t) => t.delegationId],
  ['delegationName', (t) => t.delegationName],
  ['category', (t) => t.category],
  ['sex', (t) => t.sex],
  ['requestId', (t) => t.requestId],
  ['limitMs', (t) => t.limitMs],
  ['warnAtMs', (t) => t.warnAtMs],
  ['startedAt', (t) => t.startedAt],
  ['endedAt', (t) => t.endedAt],
  ['spokenMs', (t) => t.spokenMs],
  ['overtimeMs', (t) => t.overtimeMs],
  ['startedAtUtc', (t) => iso(t.startedAt)],
  ['endedAtUtc', (t) => iso(t.endedAt)],
];

/**
 * A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. Text that a
 * spreadsheet would take for a formula (a name typed on a tablet could start with "=") is
 * prefixed with an apostrophe, so opening the export runs nothing.
 */
const cell = (value: string | number | undefined): string => {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const turnsCsv = (turns: readonly TurnRecord[]): string => {
  const rows = [COLUMNS.map(([header]) => header).join(',')];
  for (const turn of turns) rows.push(COLUMNS.map(([, value]) => cell(value(turn))).join(','));
  return `${rows.join('\r\n')}\r\n`;
};
