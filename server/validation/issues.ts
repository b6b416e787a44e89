import type { z } from 'zod';

const SHOWN = 3;
/** An issue may quote what was sent (an unknown key): each line is cut, so no answer echoes much. */
const LINE_CHARS = 200;

const cut = (line: string): string =>
  line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS - 1)}…` : line;

/**
 * A zod error in plain words, each problem led by the field at fault:
 * `agenda.items.2.steps.0.allowance.warnAtMs: warnAtMs must not be after limitMs`.
 * `whole` names the input itself when the problem is not in one field ("body", "command").
 */
export const describeZodError = (error: z.ZodError, whole: string): string =>
  describeIssues(error.issues, whole);

/** One problem of an input: the path to the field at fault, and what is wrong with it. */
export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** Issues in plain words, as `describeZodError` says them. */
export const describeIssues = (issues: readonly Issue[], whole: string): string => {
  const lines = issues.slice(0, SHOWN).map((issue) => {
    const path = issue.path.map(String).join('.');
    return cut(`${path === '' ? whole : path}: ${issue.message}`);
  });
  const more = issues.length - SHOWN;
  return more > 0 ? `${lines.join('; ')} (and ${more} more)` : lines.join('; ');
};
