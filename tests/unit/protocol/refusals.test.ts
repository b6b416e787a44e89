import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpErrorResponse } from '../../../shared/protocol/http';
import { httpErrorOf } from '../../../shared/protocol/refusals';

/** What the contract's schema reads of a parsed answer: its error, or null when it is none. */
const bySchema = (json: unknown) => {
  const parsed = HttpErrorResponse.safeParse(json);
  return parsed.success ? parsed.data.error : null;
};

describe("the screens' reading of an HTTP error body, without zod", () => {
  it('reads the contract’s error body, and nothing else, as its schema does', () => {
    expect(httpErrorOf({ error: { code: 'not_found', message: 'No such meeting.' } })).toEqual({
      code: 'not_found',
      message: 'No such meeting.',
    });
    expect(httpErrorOf({ error: { code: 'invalid', message: 'x', at: 3 }, more: 1 })).toEqual({
      code: 'invalid',
      message: 'x',
    });
    for (const json of [
      null,
      'error',
      [],
      { error: null },
      { error: [] },
      { error: 'not_found' },
      { error: { code: 404, message: 'No such meeting.' } },
      { error: { code: 'not_found' } },
      { code: 'not_found', message: 'No such meeting.' },
    ]) {
      expect(httpErrorOf(json), JSON.stringify(json)).toBeNull();
      expect(bySchema(json), JSON.stringify(json)).toBeNull();
    }
  });

  it('agrees with the HttpErrorResponse schema on any JSON at all', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined));
    const nearly = fc.record(
      {
        error: fc.oneof(
          fc.record({ code: field, message: field }, { requiredKeys: [] }),
          fc.dictionary(fc.string(), fc.jsonValue()),
          fc.jsonValue(),
        ),
        other: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearly), (json) => {
        expect(httpErrorOf(json)).toEqual(bySchema(json));
      }),
      { numRuns: 2000 },
    );
  });
});
