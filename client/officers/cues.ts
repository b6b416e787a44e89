import type { MessageDescriptor } from '@lingui/core';
import type { Command } from '../../shared/protocol/commands';
import { LIMITS } from '../../shared/protocol/limits';
import { keptText, MAX_COMBINING_MARKS, nameProblem } from '../../shared/protocol/names';

/**
 * Cues to the speaker (contract version 2, "Speaker cues and room outputs"): the ones the
 * consoles send in one press, and what the engine would say of a cue typed by hand.
 */

export interface CuePreset {
  /**
   * Its words (catalogue area `consoles`): the console shows them in its own language, and sends
   * them in the room display's, which the podium speaks (`display.lang`).
   */
  id: string;
  /**
   * Whether it flashes on the podium whatever the console's "Flash" choice: "Time is up" is the
   * last thing a chair says before cutting a speaker short, and it must not go unnoticed; the
   * others are discreet by default, as a cue in an informal session should be.
   */
  alwaysFlashes: boolean;
}

/** The room's usual cues, in the order a speaker meets them. */
export const CUE_PRESETS: readonly CuePreset[] = [
  { id: 'consoles.cue-please-conclude', alwaysFlashes: false },
  { id: 'consoles.cue-30-seconds-left', alwaysFlashes: false },
  { id: 'consoles.cue-slow-down', alwaysFlashes: false },
  { id: 'consoles.cue-time-is-up', alwaysFlashes: true },
];

/** What "Clear the cue" and the C key send; the chart refuses it when there is no cue. */
export const CLEAR_CUE: Command = { type: 'cue.clear' };

export const CUE_MAX_CHARS = LIMITS.cueChars;

/** The text as the engine keeps it: trimmed, in NFC (the schema's own `displayName` rules). */
export const cueText = keptText;

/**
 * Which of the schema's rules a refused text breaks, first to last as the schema checks them,
 * each with the console's words for it. Whether a text is refused is the schema's to say
 * (`cueTextProblem` asks it); these only choose the words, and tests/unit/client/cues.test.ts
 * checks that the English says what the schema says.
 */
const BROKEN_RULES: readonly [(text: string) => boolean, MessageDescriptor][] = [
  [
    (text) => text.length > CUE_MAX_CHARS,
    { id: 'consoles.cue-too-long', values: { max: CUE_MAX_CHARS } },
  ],
  [(text) => /[\p{Cc}\p{Zl}\p{Zp}]/u.test(text), { id: 'consoles.cue-control-characters' }],
  [
    (text) => /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(text),
    { id: 'consoles.cue-invisible-characters' },
  ],
  [(text) => /\p{Cs}/u.test(text), { id: 'consoles.cue-unpaired-surrogates' }],
  [(text) => /\p{Co}/u.test(text), { id: 'consoles.cue-private-use' }],
  [(text) => !/[\p{L}\p{N}]/u.test(text), { id: 'consoles.cue-needs-letter' }],
  [
    (text) => new RegExp(`\\p{M}{${MAX_COMBINING_MARKS + 1},}`, 'u').test(text),
    { id: 'consoles.cue-stacked-marks', values: { max: MAX_COMBINING_MARKS } },
  ],
];

/**
 * Why the engine would refuse this text as a cue (`cue.send`'s own schema: at most 80
 * characters, no control or invisible characters, a letter or a digit), as a message of the
 * console's; null when it would take it. An empty field is no problem to show: there is nothing
 * to send yet. Whether it is refused is the schema's rules (shared/protocol/names.ts), read
 * without loading zod.
 */
export const cueTextProblem = (typed: string): MessageDescriptor | null => {
  const text = cueText(typed);
  if (text === '' || nameProblem(typed, { maxChars: CUE_MAX_CHARS }) === null) return null;
  return BROKEN_RULES.find(([broken]) => broken(text))?.[1] ?? { id: 'consoles.cue-refused' };
};
