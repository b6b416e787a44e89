import { randomInt } from 'node:crypto';
import { LIMITS } from '../../shared/protocol/limits';

/** Crockford's base32: digits and letters without I, L, O and U, so no symbol looks like another. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new access code: 10 symbols from crypto.randomInt, 50 bits. */
export const newAccessCode = (): string => {
  let code = '';
  for (let i = 0; i < LIMITS.accessCodeLength; i++) {
    code += CROCKFORD_ALPHABET[randomInt(CROCKFORD_ALPHABET.length)];
  }
  return code;
};

/**
 * An access code as typed, in canonical form: case does not matter, spaces and hyphens are
 * ignored, I and L read as 1 and O as 0 (as Crockford intends). Null when it cannot be a code.
 */
export const canonicalCode = (typed: string): string | null => {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== LIMITS.accessCodeLength) return null;
  for (const symbol of code) {
    if (!CROCKFORD_ALPHABET.includes(symbol)) return null;
  }
  return code;
};
