/**
 * CSV as spreadsheets read it (RFC 4180: quoted cells, doubled quotes, CRLF), for every export
 * of the server.
 */

export type CsvValue = string | number | boolean | undefined;

/** A column: its header and how a row gives its value. */
export type CsvColumn<T> = readonly [header: string, value: (row: T) => CsvValue];

/**
 * A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. Text that a
 * spreadsheet would take for a formula (a name typed on a tablet could start with "=") is
 * prefixed with an apostrophe, so opening the export runs nothing.
 */
export const csvCell = (value: CsvValue): string => {
  if (value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A header row, then one row per item, each line ended by CRLF. */
export const csvTable = <T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string => {
  const lines = [columns.map(([header]) => csvCell(header)).join(',')];
  for (const row of rows) lines.push(columns.map(([, value]) => csvCell(value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
};

/** An instant as an ISO 8601 date in UTC, for people and spreadsheets. */
export const isoOf = (instant: number | undefined): string | undefined =>
  instant === undefined ? undefined : new Date(instant).toISOString();
