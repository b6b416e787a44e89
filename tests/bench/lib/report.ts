/** What each scenario hands back, and how the run prints it. */

export type Cell = string | number;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
}

export interface TargetCheck {
  scenario: string;
  target: string;
  measured: string;
  /** null when the scenario could not measure it (say why in `measured`). */
  met: boolean | null;
}

export interface ScenarioResult {
  name: string;
  title: string;
  seconds: number;
  tables: Table[];
  targets: TargetCheck[];
  notes: string[];
  /** Every figure behind the tables, for the JSON. */
  data: unknown;
}

const cellText = (c: Cell): string => {
  if (typeof c === 'string') return c;
  if (!Number.isFinite(c)) return '-';
  return String(c);
};

export const markdownTable = (t: Table): string => {
  const header = `| ${t.columns.join(' | ')} |`;
  const rule = `| ${t.columns.map(() => '---').join(' | ')} |`;
  const body = t.rows.map((r) => `| ${r.map(cellText).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
};

export const targetsTable = (checks: TargetCheck[]): Table => ({
  title: 'Targets',
  columns: ['scenario', 'target', 'measured', 'met'],
  rows: checks.map((c) => [
    c.scenario,
    c.target,
    c.measured,
    c.met === null ? 'not measured' : c.met ? 'yes' : 'NO',
  ]),
});

export const renderResults = (results: ScenarioResult[]): string => {
  const parts: string[] = [];
  for (const r of results) {
    parts.push(`### ${r.title} (\`${r.name}\`, ${r.seconds.toFixed(0)} s)`);
    for (const t of r.tables) {
      parts.push(`${t.title}\n\n${markdownTable(t)}`);
    }
    for (const n of r.notes) parts.push(`- ${n}`);
  }
  parts.push(`### Targets\n\n${markdownTable(targetsTable(results.flatMap((r) => r.targets)))}`);
  return parts.join('\n\n');
};
