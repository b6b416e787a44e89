import type { z } from 'zod';
import type { Role } from '../../shared/protocol/common';

/**
 * What every part of the store shares: rows as SQLite answers them are parsed with zod (a file
 * on disk is an edge too), and JSON columns are parsed with their schema.
 */

/** The JSON in a column, checked against its schema; undefined if it is not JSON or not that. */
export const parseJson = <T>(text: string, schema: z.ZodType<T>): T | undefined => {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** A role and, for a delegate, its delegation, from a row's `role` and nullable `delegation`. */
export const holderOf = (row: {
  role: Role;
  delegation: string | null;
}): { role: Role; delegationId?: string } => ({
  role: row.role,
  ...(row.delegation !== null && { delegationId: row.delegation }),
});
