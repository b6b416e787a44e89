import { describe, expect, it } from 'vitest';
import { mayPressIn } from '../../../client/live/mayPress';
import { CLEAR_CUE, CUE_PRESETS, cueText, cueTextProblem } from '../../../client/officers/cues';
import { nextSpeakerOf } from '../../../client/officers/presses';
import { Command } from '../../../shared/protocol/commands';
import { EngineHarness, MODERATOR } from '../../support/engine';
import { inEnglish } from '../../support/refusals';

describe('cues to the speaker, as the consoles send them', () => {
  it('sends every preset as a cue the engine takes while someone has the floor', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    const press = nextSpeakerOf(h.view());
    if (!press) throw new Error('no step under way');
    h.ok(press.command, MODERATOR);
    for (const preset of CUE_PRESETS) {
      const command = Command.parse({ type: 'cue.send', text: preset.text, flash: true });
      h.ok(command, MODERATOR);
      expect(h.view().cue).toMatchObject({ text: preset.text, flash: true });
    }
    expect(CUE_PRESETS.filter((p) => p.alwaysFlashes).map((p) => p.text)).toEqual(['Time is up']);
  });

  it('offers "Clear" exactly when there is a cue, as the chart decides', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const mayPress = () => mayPressIn(h.view(), 'none', MODERATOR, () => h.now);
    expect(mayPress()(CLEAR_CUE)?.code).toBe('not_now');
    expect(inEnglish(mayPress()({ type: 'cue.send', text: 'Please conclude' }))?.message).toBe(
      'Nobody has the floor: a cue goes to the speaker.',
    );
    h.request('mexico');
    const press = nextSpeakerOf(h.view());
    if (!press) throw new Error('no step under way');
    h.ok(press.command, MODERATOR);
    expect(mayPress()({ type: 'cue.send', text: 'Please conclude' })).toBeNull();
    expect(mayPress()(CLEAR_CUE)?.code).toBe('not_now');
    h.ok({ type: 'cue.send', text: 'Please conclude' }, MODERATOR);
    expect(mayPress()(CLEAR_CUE)).toBeNull();
    // The turn ends: the engine clears the cue, and "Clear" has nothing left to clear.
    h.ok({ type: 'turn.end', turnId: h.turn().id }, MODERATOR);
    expect(h.view().cue).toBeNull();
    expect(mayPress()(CLEAR_CUE)?.code).toBe('not_now');
  });

  it('says why the engine would refuse a typed cue, in the engine’s words', () => {
    expect(cueTextProblem('')).toBeNull();
    expect(cueTextProblem('   ')).toBeNull();
    expect(cueTextProblem('Please answer the question from Chile')).toBeNull();
    expect(cueTextProblem(`  ${'a'.repeat(80)}  `)).toBeNull();
    expect(cueTextProblem('a'.repeat(81))).toBe('at most 80 characters');
    expect(cueTextProblem('Please\u200bconclude')).toMatch(/^must not contain invisible/);
    expect(cueTextProblem('Please\u0007conclude')).toMatch(/^must not contain control/);
    expect(cueTextProblem('!!! ...')).toBe('must contain a letter or a digit');
    // Whatever the form says, the server's schema says the same.
    for (const text of ['a'.repeat(81), 'Please\u200bconclude', '!!! ...', 'Fine']) {
      const parsed = Command.safeParse({ type: 'cue.send', text });
      expect(parsed.success).toBe(cueTextProblem(text) === null);
    }
  });

  it('counts the characters the engine keeps: trimmed, composed', () => {
    expect(cueText('  Please conclude  ')).toBe('Please conclude');
    // "é" typed as e and a combining accent is one character once composed.
    const typed = 'Merci, Monsieur le Pre\u0301sident';
    expect(typed.length).toBe(29);
    expect(cueText(typed)).toBe('Merci, Monsieur le Président');
    expect(cueText(typed).length).toBe(28);
  });
});
