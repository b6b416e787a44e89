import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new bearer token: 32 random bytes (256 bits), base64url. Only its hash is ever stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** The form a token is stored and looked up in: sha256, hex. */
export const tokenHash = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/** Compares two secrets in constant time (by their hashes, so lengths do not leak either). */
export const sameSecret = (given: string, expected: string): boolean =>
  timingSafeEqual(
    createHash('sha256').update(given, 'utf8').digest(),
    createHash('sha256').update(expected, 'utf8').digest(),
  );

/** The token of an `Authorization: Bearer <token>` header, or null. */
export const bearerToken = (header: string | undefined): string | null => {
  if (header === undefined) return null;
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
};
