import { z } from 'zod';
import { CATEGORIES, isStateCategory } from '../categories';
import { LANGS, QUEUE_POLICIES, REQUEST_KINDS, ROLES, SEGMENTS, SEXES } from './enums';
import { LIMITS } from './limits';
import { contentProblem, type NameRules, tooLong } from './names';

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
  .max(LIMITS.nameChars, tooLong(LIMITS.nameChars))
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

export const Note = z
  .string()
  .trim()
  .max(LIMITS.noteChars, tooLong(LIMITS.noteChars))
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

export const Title = Name.max(LIMITS.titleChars, tooLong(LIMITS.titleChars));

/**
 * A name, title or note that people type and the room reads (speaker and delegation names,
 * titles of agendas, items, steps and sittings, notes): trimmed, normalised to NFC (so the same
 * name is the same string however it was typed), at most `maxChars` characters, with at least
 * one letter or digit and none of the characters ./names.ts refuses, and at most four combining
 * marks in a row. The issue's path names the field (`speaker.name: must contain a letter or a
 * digit`, as `describeZodError` words it). One helper for every such field of commands, agendas
 * and rosters; the rules themselves are ./names.ts's, which the screens read without zod.
 */
export const displayName = ({ maxChars = LIMITS.nameChars, allowEmpty = false }: NameRules = {}) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .max(maxChars, tooLong(maxChars))
    .superRefine((text, ctx) => {
      const problem = contentProblem(text, allowEmpty);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    });

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

export const Sex = z.enum(SEXES);
export type Sex = z.infer<typeof Sex>;

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Segment = z.enum(SEGMENTS);
export type Segment = z.infer<typeof Segment>;

/** What a request asks for (contract version 2, "Kinds of request"): see ./enums.ts. */
export const RequestKind = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof RequestKind>;

/** The order of the queue's statements (contract version 2, "Queue order"): see ./enums.ts. */
export const QueuePolicy = z.enum(QUEUE_POLICIES);
export type QueuePolicy = z.infer<typeof QueuePolicy>;

/** The six languages of the United Nations (contract version 2, "Languages"): see ./enums.ts. */
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

// The zod-free facts the schemas above are built from, where the server and the tests read them.
export { LANGS, REQUEST_KINDS } from './enums';
export { MAX_COMBINING_MARKS } from './names';
