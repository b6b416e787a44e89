import { z } from 'zod';
import { CATEGORIES, isStateCategory } from '../categories';
import { LIMITS } from './limits';

/** Identifiers in agendas and rosters: short, lower-case, URL-safe slugs. */
export const Id = z
  .string()
  .min(1)
  .max(LIMITS.idChars)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');

/** Identifiers the server makes (meetings, turns, requests): letters, digits, hyphens. */
export const ServerId = z
  .string()
  .min(1)
  .max(LIMITS.idChars)
  .regex(/^[A-Za-z0-9-]+$/, 'not an identifier');

/** A person's or delegation's name: trimmed, non-empty, without control characters. */
export const Name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.nameChars, `at most ${LIMITS.nameChars} characters`)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

export const Note = z
  .string()
  .trim()
  .max(LIMITS.noteChars, `at most ${LIMITS.noteChars} characters`)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

export const Title = Name.max(LIMITS.titleChars, `at most ${LIMITS.titleChars} characters`);

/** An instant: integer milliseconds since the epoch on the server's clock. */
export const Instant = z.number().int().nonnegative().max(8.64e15);
/**
 * A duration: integer milliseconds. Bounded by a year: a clock left running over a weekend must
 * still fit; allowances have their own, tighter bound.
 */
export const Duration = z
  .number()
  .int()
  .nonnegative()
  .max(366 * 24 * 60 * 60 * 1000);

export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;
export { isStateCategory };

export const Sex = z.enum(['female', 'male', 'other']);
export type Sex = z.infer<typeof Sex>;

export const Role = z.enum(['chair', 'moderator', 'display', 'delegate']);
export type Role = z.infer<typeof Role>;

export const Segment = z.enum(['floor', 'panel']);
export type Segment = z.infer<typeof Segment>;

export const QueuePolicy = z.enum(['states-first', 'arrival']);
export type QueuePolicy = z.infer<typeof QueuePolicy>;
