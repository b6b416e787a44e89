import { z } from 'zod';
import { CATEGORIES, isStateCategory } from '../categories';
import { LANGS } from './langs';
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

/**
 * The characters a name shown to the room may not hold, each with the words of its refusal:
 * control characters and line breaks (C0, C1, U+2028/9), format characters (bidirectional
 * overrides and isolates such as U+202E, which show "Alice U+202E exe.live" reversed on the
 * room display; zero-width joiners and spaces; soft hyphens), unpaired surrogates, and private
 * use characters (which every device draws differently, or not at all).
 */
const REFUSED_CHARACTERS: readonly [RegExp, string][] = [
  [/[\p{Cc}\p{Zl}\p{Zp}]/u, 'must not contain control characters or line breaks'],
  [
    // Format characters, and the other characters Unicode says draw nothing (Hangul fillers,
    // variation selectors), which make a name that looks empty or like another.
    /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u,
    'must not contain invisible or formatting characters (bidirectional overrides, zero-width characters)',
  ],
  [/\p{Cs}/u, 'must not contain unpaired surrogates'],
  [/\p{Co}/u, 'must not contain private-use characters'],
];
/** Text is shown, so it needs something to show: a letter or a digit, in any script. */
const VISIBLE = /[\p{L}\p{N}]/u;
/**
 * Combining marks in a row. Real writing stacks a few (Vietnamese two, Devanagari or Thai up to
 * three in NFC); hundreds of them draw a smear over the lines above and below ("Zalgo" text).
 */
export const MAX_COMBINING_MARKS = 4;
const STACKED_MARKS = new RegExp(`\\p{M}{${MAX_COMBINING_MARKS + 1},}`, 'u');

/**
 * A name, title or note that people type and the room reads (speaker and delegation names,
 * titles of agendas, items, steps and sittings, notes): trimmed, normalised to NFC (so the same
 * name is the same string however it was typed), at most `maxChars` characters, with at least
 * one letter or digit and none of the characters above, and at most four combining marks in a
 * row. The issue's path names the field (`speaker.name: must contain a letter or a digit`, as
 * `describeZodError` words it). One helper for every such field of commands, agendas and rosters.
 */
export const displayName = ({
  maxChars = LIMITS.nameChars,
  allowEmpty = false,
}: {
  maxChars?: number;
  allowEmpty?: boolean;
} = {}) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .max(maxChars, `at most ${maxChars} characters`)
    .superRefine((text, ctx) => {
      if (text === '') {
        if (!allowEmpty) ctx.addIssue({ code: 'custom', message: 'must not be empty' });
        return;
      }
      const refused = REFUSED_CHARACTERS.find(([pattern]) => pattern.test(text));
      if (refused) {
        ctx.addIssue({ code: 'custom', message: refused[1] });
        return;
      }
      if (!VISIBLE.test(text)) {
        ctx.addIssue({ code: 'custom', message: 'must contain a letter or a digit' });
        return;
      }
      if (STACKED_MARKS.test(text)) {
        ctx.addIssue({
          code: 'custom',
          message: `at most ${MAX_COMBINING_MARKS} combining marks in a row`,
        });
      }
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

export const Sex = z.enum(['female', 'male', 'other']);
export type Sex = z.infer<typeof Sex>;

export const Role = z.enum(['chair', 'moderator', 'display', 'delegate']);
export type Role = z.infer<typeof Role>;

export const Segment = z.enum(['floor', 'panel']);
export type Segment = z.infer<typeof Segment>;

/**
 * What a request asks for (contract version 2, "Kinds of request"): a statement; a right of
 * reply, heard behind every statement, at most two per delegation and item; or a point of order,
 * which goes ahead of everything and interrupts the turn being spoken.
 */
export const REQUEST_KINDS = ['statement', 'reply', 'point-of-order'] as const;
export const RequestKind = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof RequestKind>;

/**
 * The order of the queue's statements (contract version 2, "Queue order"): States first, arrival
 * order, or `interleave`: one of the others after every `interleaveEvery` States.
 */
export const QueuePolicy = z.enum(['states-first', 'arrival', 'interleave']);
export type QueuePolicy = z.infer<typeof QueuePolicy>;

/** The six languages of the United Nations (contract version 2, "Languages"). */
export { LANGS } from './langs';
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;
