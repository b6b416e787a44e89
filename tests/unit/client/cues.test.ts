import { describe, expect, it } from 'vitest';
import { mayPressIn } from '../../../client/live/mayPress';
import { CLEAR_CUE, CUE_PRESETS, cueText, cueTextProblem } from '../../../client/officers/cues';
import { nextSpeakerOf } from '../../../client/officers/presses';
import { Command } from '../../../shared/protocol/commands';
import { LANGS } from '../../../shared/protocol/langs';
import { EngineHarness, MODERATOR } from '../../support/engine';
import { i18nsOf } from '../../support/i18n';
import { inEnglish } from '../../support/refusals';

const CONSOLES = await i18nsOf(['consoles']);
const english = CONSOLES.en;

describe('cues to the speaker, as the consoles send them', () => {
  it('sends every preset, in each of the six languages, as a cue the engine takes while someone has the floor', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    const press = nextSpeakerOf(h.view());
    if (!press) throw new Error('no step under way');
    h.ok(press.command, MODERATOR);
    for (const lang of LANGS) {
      const room = CONSOLES[lang];
      for (const preset of CUE_PRESETS) {
        // What the console sends when the room display speaks `lang`, checked as the server does.
        const text = room._(preset.id);
        expect(cueTextProblem(text), `${lang} ${preset.id}`).toBeNull();
        const command = Command.parse({ type: 'cue.send', text, flash: true });
        h.ok(command, MODERATOR);
        expect(h.view().cue).toMatchObject({ text, flash: true });
      }
    }
    expect(CUE_PRESETS.map((p) => english._(p.id))).toEqual([
      'Please conclude',
      '30 seconds left',
      'Please slow down for the interpreters',
      'Time is up',
    ]);
    expect(CUE_PRESETS.filter((p) => p.alwaysFlashes).map((p) => english._(p.id))).toEqual([
      'Time is up',
    ]);
    expect(CONSOLES.fr._('consoles.cue-please-conclude')).toBe('Veuillez conclure');
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

  it('says why the engine would refuse a typed cue: in English, the engine’s own words', () => {
    expect(cueTextProblem('')).toBeNull();
    expect(cueTextProblem('   ')).toBeNull();
    expect(cueTextProblem('Please answer the question from Chile')).toBeNull();
    expect(cueTextProblem(`  ${'a'.repeat(80)}  `)).toBeNull();
    expect(cueTextProblem('a'.repeat(81))).toEqual({
      id: 'consoles.cue-too-long',
      values: { max: 80 },
    });
    /** What the server's schema says of a cue, as the console's sentence says it. */
    const schemaSays = (text: string): string | null => {
      const parsed = Command.safeParse({ type: 'cue.send', text });
      if (parsed.success) return null;
      const problem = parsed.error.issues[0]?.message ?? '';
      return `Not accepted: the cue ${problem.startsWith('at most') ? `must have ${problem}` : problem}.`;
    };
    // One text breaking each of the schema's rules, and texts it takes.
    const texts = [
      'a'.repeat(81),
      'Please\u200bconclude',
      'Please\u202econclude',
      'Please\u0007conclude',
      'Please\u2028conclude',
      'Please \ud800 conclude',
      'Please \ue000 conclude',
      '!!! ...',
      `Zalgo${'\u0301'.repeat(5)}`,
      `Voilà${'\u0301'.repeat(4)}`,
      'Fine',
      'انتهى الوقت',
    ];
    for (const text of texts) {
      const problem = cueTextProblem(text);
      expect(problem && english._(problem), JSON.stringify(text)).toBe(schemaSays(text));
      expect(problem?.id).not.toBe('consoles.cue-refused');
    }
    expect(english._({ id: 'consoles.cue-refused' })).toMatch(/^Not accepted: /);
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
