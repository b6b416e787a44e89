import type { Command } from '../../shared/protocol/commands';
import { LIMITS } from '../../shared/protocol/limits';
import { keptText, nameProblem } from '../../shared/protocol/names';

/**
 * Cues to the speaker (contract version 2, "Speaker cues and room outputs"): the ones the
 * consoles send in one press, and what the engine would say of a cue typed by hand.
 */

export interface CuePreset {
  text: string;
  /**
   * Whether it flashes on the podium whatever the console's "Flash" choice: "Time is up" is the
   * last thing a chair says before cutting a speaker short, and it must not go unnoticed; the
   * others are discreet by default, as a cue in an informal session should be.
   */
  alwaysFlashes: boolean;
}

/** The room's usual cues, in the order a speaker meets them. */
export const CUE_PRESETS: readonly CuePreset[] = [
  { text: 'Please conclude', alwaysFlashes: false },
  { text: '30 seconds left', alwaysFlashes: false },
  { text: 'Please slow down for the interpreters', alwaysFlashes: false },
  { text: 'Time is up', alwaysFlashes: true },
];

/** What "Clear the cue" and the C key send; the chart refuses it when there is no cue. */
export const CLEAR_CUE: Command = { type: 'cue.clear' };

export const CUE_MAX_CHARS = LIMITS.cueChars;

/** The text as the engine keeps it: trimmed, in NFC (the schema's own `displayName` rules). */
export const cueText = keptText;

/**
 * Why the engine would refuse this text as a cue (`cue.send`'s own schema: at most 80
 * characters, no control or invisible characters, a letter or a digit), in its words; null when
 * it would take it. An empty field is no problem to show: there is nothing to send yet. The
 * rules are the schema's own (shared/protocol/names.ts), read without loading zod.
 */
export const cueTextProblem = (typed: string): string | null => {
  if (cueText(typed) === '') return null;
  return nameProblem(typed, { maxChars: CUE_MAX_CHARS });
};
