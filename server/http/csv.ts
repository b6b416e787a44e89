/**
 * CSV as spreadsheets read it (RFC 4180: quoted cells, doubled quotes, CRLF), for every export
 * of the server.
 */

export type CsvValue = string | number | boolean | undefined;

/** A column: its header and how a row gives its value. */
export type CsvColumn<T> = readonly [header: string, value: (row: T) => CsvValue];

/** What a spreadsheet may read as the start of a formula (OWASP's list: = + - @ tab CR). */
const FORMULA_START = /[=+\-@\t\r]/;
/** What may end one cell and begin another, depending on the importer's list separator. */
const SEPARATOR = /[;,\t\r\n]/;

/**
 * Text with an apostrophe before every formula start: at the beginning, and wherever a cell may
 * begin under another list separator (after `;`, `,`, a tab or a line break, spaces allowed
 * between), since a spreadsheet set for `;` splits `x;=1+1` into `x` and a formula.
 */
export const neutraliseFormulas = (text: string): string => {
  let out = '';
  let cellStart = true;
  for (const ch of text) {
    if (cellStart && FORMULA_START.test(ch)) out += "'";
    out += ch;
    if (SEPARATOR.test(ch)) cellStart = true;
    else if (ch !== ' ') cellStart = false;
  }
  return out;
};

/**
 * A CSV cell (RFC 4180). Text is always quoted (a quote doubled), so no importer takes a
 * separator inside it for the end of the cell, and formula starts are neutralised (above), so
 * opening the export runs nothing a tablet typed. Numbers and booleans go as they are.
 */
export const csvCell = (value: CsvValue): string => {
  if (value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `"${neutraliseFormulas(value).replace(/"/g, '""')}"`;
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
