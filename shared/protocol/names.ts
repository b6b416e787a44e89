import { LIMITS } from './limits';

/**
 * The rules of a name, title or note that people type and the room reads, without zod: the
 * schemas apply them (`displayName` in common.ts) and a console checks a cue with them before
 * sending it (client/officers/cues.ts), with the same words, and without loading the schemas.
 */

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

/** The text as the room keeps it: trimmed, and in NFC, so one name is one string however typed. */
export const keptText = (typed: string): string => typed.trim().normalize('NFC');

/**
 * A text's length as the schemas count it: in Unicode code points (zod's `max` on a string
 * counts so), not UTF-16 units: "𐀀" or an emoji outside the first plane is one character.
 */
export const lengthOf = (text: string): number => [...text].length;

/** The words of a text over its length. */
export const tooLong = (maxChars: number): string => `at most ${maxChars} characters`;

/**
 * What is wrong with a kept text (`keptText`) besides its length: empty (unless `allowEmpty`),
 * a refused character, nothing visible, too many combining marks in a row; null when nothing is.
 */
export const contentProblem = (text: string, allowEmpty = false): string | null => {
  if (text === '') return allowEmpty ? null : 'must not be empty';
  const refused = REFUSED_CHARACTERS.find(([pattern]) => pattern.test(text));
  if (refused) return refused[1];
  if (!VISIBLE.test(text)) return 'must contain a letter or a digit';
  if (STACKED_MARKS.test(text)) return `at most ${MAX_COMBINING_MARKS} combining marks in a row`;
  return null;
};

export interface NameRules {
  /** At most this many characters, once kept, counted as `lengthOf` counts them. */
  maxChars?: number;
  allowEmpty?: boolean;
}

/**
 * The first thing wrong with a typed name, as the schema says it first (its length, then what
 * `contentProblem` finds); null when the room would take it.
 */
export const nameProblem = (
  typed: string,
  { maxChars = LIMITS.nameChars, allowEmpty = false }: NameRules = {},
): string | null => {
  const text = keptText(typed);
  if (lengthOf(text) > maxChars) return tooLong(maxChars);
  return contentProblem(text, allowEmpty);
};
