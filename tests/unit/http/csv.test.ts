import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvTable, neutraliseFormulas } from '../../../server/http/csv';
import { parseCsv } from '../../support/csv';

/** What a spreadsheet takes for the start of a formula, in a cell however it splits the line. */
const FORMULA = /^[=+\-@]/;
/** The pieces a spreadsheet might make of a cell under any list separator. */
const pieces = (cell: string): string[] => cell.split(/[;,\t\r\n]/).map((p) => p.trimStart());

/** Text with plenty of separators, formula starts, quotes and spaces among ordinary letters. */
const TEXT = fc.string({
  unit: fc.oneof(
    fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ';', ',', '"', ' ', "'"),
    fc.constantFrom('a', 'Z', '1', 'é', '('),
  ),
  maxLength: 30,
});

describe('CSV cells', () => {
  it('quote every text cell, and leave numbers and booleans bare', () => {
    expect(csvCell('Mexico')).toBe('"Mexico"');
    expect(csvCell('')).toBe('""');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(180000)).toBe('180000');
    expect(csvCell(true)).toBe('true');
  });

  it('neutralise a formula after a semicolon or a comma, not only at the start', () => {
    expect(csvCell('x;=1+1')).toBe(`"x;'=1+1"`);
    expect(csvCell('x,=1+1')).toBe(`"x,'=1+1"`);
    expect(csvCell('x; @SUM(A1)')).toBe(`"x; '@SUM(A1)"`);
    expect(csvCell('=SUM(A1)')).toBe(`"'=SUM(A1)"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('+33 1 23')).toBe(`"'+33 1 23"`);
    expect(csvCell('\t=1')).toBe(`"'\t'=1"`);
    expect(csvCell('Line one\n=cmd')).toBe(`"Line one\n'=cmd"`);
    expect(csvCell('=HYPERLINK("http://x", "y")')).toBe(`"'=HYPERLINK(""http://x"", ""y"")"`);
    // What is not at a cell's start stays as typed.
    expect(csvCell('Jean-Pierre Dupont')).toBe('"Jean-Pierre Dupont"');
    expect(csvCell('a=b')).toBe('"a=b"');
  });

  it('parse back to one cell per column, the text as written, with no formula in any piece', () => {
    fc.assert(
      fc.property(fc.array(TEXT, { minLength: 1, maxLength: 5 }), (texts) => {
        const columns = texts.map((_, i) => [`c${i}`, (row: string[]) => row[i]] as const);
        const [header, row, ...rest] = parseCsv(csvTable(columns, [texts]));
        expect(rest).toEqual([]);
        expect(header).toEqual(texts.map((_, i) => `c${i}`));
        expect(row).toEqual(texts.map(neutraliseFormulas));
        for (const cell of row ?? []) {
          for (const piece of pieces(cell)) expect(piece).not.toMatch(FORMULA);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('only ever adds apostrophes', () => {
    fc.assert(
      fc.property(TEXT, (text) => {
        const safe = neutraliseFormulas(text);
        expect(safe.replace(/'/g, '')).toBe(text.replace(/'/g, ''));
        if (!/[=+\-@\t\r]/.test(text)) expect(safe).toBe(text);
      }),
    );
  });
});
