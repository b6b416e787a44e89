import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError } from '../../../server/validation/issues';
import { Agenda, Roster } from '../../../shared/protocol/agenda';
import { Command } from '../../../shared/protocol/commands';
import { displayName, MAX_COMBINING_MARKS } from '../../../shared/protocol/common';
import { LIMITS } from '../../../shared/protocol/limits';
import { nameProblem } from '../../../shared/protocol/names';
import { TEST_AGENDA_INPUT } from '../../support/server';

const speakerName = displayName();
/** A field as commands hold it, so a refusal reads as the server words it, led by the field. */
const request = z.object({ speakerName });

const refusal = (text: string): string | null => {
  const parsed = request.safeParse({ speakerName: text });
  return parsed.success ? null : describeZodError(parsed.error, 'command');
};

/** Letters and digits of several scripts, spaces and punctuation that names really hold. */
const NAME_CHARS = fc.constantFrom(
  ..."AbcXyz019 .-'’(),éñçøßĳ".split(''),
  ...'МоскваΑθήναالقاهرة北京東京서울नईदिल्लीกรุงเทพ'.split(''),
);
const GOOD_NAME = fc
  .string({ unit: NAME_CHARS, minLength: 1, maxLength: 60 })
  .filter((s) => /[\p{L}\p{N}]/u.test(s));

const range = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));
/** Characters that must never reach the room display. */
const REFUSED = fc.oneof(
  range(0x00, 0x1f), // C0 controls (tab and line breaks among them)
  range(0x7f, 0x9f), // DEL and C1 controls
  fc.constantFrom('\u2028', '\u2029'), // line and paragraph separators
  range(0x202a, 0x202e), // bidirectional embeddings and overrides
  range(0x2066, 0x2069), // bidirectional isolates
  fc.constantFrom('\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff', '\u00ad'),
  fc.constantFrom('\u3164', '\u115f', '\ufe0f'), // a Hangul filler, a variation selector
  range(0xd800, 0xdfff), // a lone surrogate
  range(0xe000, 0xf8ff), // private use
);

describe('names, titles and notes shown to the room', () => {
  it('refuse the named attacks, each with the field in the message', () => {
    expect(refusal('Alice \u202Eexe.live')).toMatch(/^speakerName: .*bidirectional/);
    expect(refusal('Alice\u2067evil\u2069')).toMatch(/^speakerName: /);
    expect(refusal('Mexico\u0085')).toBe(
      'speakerName: must not contain control characters or line breaks',
    );
    expect(refusal('\u200b\u200b\u200b')).toMatch(/^speakerName: .*invisible/);
    expect(refusal('\u3164')).toMatch(/^speakerName: .*invisible/);
    expect(refusal('   ')).toBe('speakerName: must not be empty');
    expect(refusal('...')).toBe('speakerName: must contain a letter or a digit');
    expect(refusal('\ue000 x')).toBe('speakerName: must not contain private-use characters');
    expect(refusal('x\ud800')).toBe('speakerName: must not contain unpaired surrogates');
    expect(refusal(`Z${'\u0301\u0302\u0303\u0304\u0306'.repeat(30)}`)).toBe(
      `speakerName: at most ${MAX_COMBINING_MARKS} combining marks in a row`,
    );
    expect(refusal('x'.repeat(LIMITS.nameChars + 1))).toBe(
      `speakerName: at most ${LIMITS.nameChars} characters`,
    );
  });

  it('accept real names of every script, normalised to NFC and trimmed', () => {
    for (const name of [
      'H.E. Ms. Ana María Pérez',
      'Ngô Bảo Châu',
      'محمد بن سلمان',
      '习近平',
      'Сергей Лавров',
      'नरेन्द्र मोदी',
      'ประยุทธ์ จันทร์โอชา',
      "Côte d'Ivoire",
      'G77 + China',
    ]) {
      expect(speakerName.parse(` ${name} `)).toBe(name.normalize('NFC'));
    }
    // Decomposed as macOS types it, composed as stored: one name, one string.
    expect(speakerName.parse('Jose\u0301')).toBe('José');
    expect(speakerName.parse(`e${'\u0301'.repeat(MAX_COMBINING_MARKS + 1)}`)).toBe(
      `é${'\u0301'.repeat(MAX_COMBINING_MARKS)}`,
    );
  });

  it('accept any name of letters, digits and punctuation, as typed in NFC', () => {
    fc.assert(
      fc.property(GOOD_NAME, (name) => {
        expect(speakerName.parse(name)).toBe(name.trim().normalize('NFC'));
      }),
    );
  });

  it('refuse a name with any control, format, surrogate or private-use character anywhere', () => {
    fc.assert(
      fc.property(GOOD_NAME, REFUSED, fc.nat(), (name, bad, at) => {
        const i = at % (name.length + 1);
        const text = `${name.slice(0, i)}${bad}${name.slice(i)}`;
        // A tab or a line break at either end is trimmed away, as spaces are.
        fc.pre(text.trim() === text || !/^\s$/u.test(bad));
        expect(refusal(text)).toMatch(/^speakerName: /);
      }),
      { numRuns: 2000 },
    );
  });

  it('give only what the room can read: NFC, trimmed, visible, bounded', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const parsed = speakerName.safeParse(text);
        if (!parsed.success) return;
        const name = parsed.data;
        expect(name).toBe(name.normalize('NFC'));
        expect(name).toBe(name.trim());
        expect(name).toMatch(/[\p{L}\p{N}]/u);
        expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u);
        expect(name).not.toMatch(/\p{M}{5}/u);
      }),
      { numRuns: 2000 },
    );
  });

  it('are refused in the same words without zod, as a console checks a cue before sending it', () => {
    // shared/protocol/names.ts holds the rules; the schema applies them after its length, and
    // `nameProblem` says first what the schema's first issue says.
    const typed = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: NAME_CHARS, maxLength: 260 }),
      fc.tuple(GOOD_NAME, REFUSED).map(([name, bad]) => `${name}${bad}`),
      fc.constantFrom('', '   ', '...', `Z${'\u0301'.repeat(5)}`, 'Pre\u0301sident'),
    );
    fc.assert(
      fc.property(
        typed,
        fc.integer({ min: 1, max: 250 }),
        fc.boolean(),
        (text, maxChars, allowEmpty) => {
          const parsed = displayName({ maxChars, allowEmpty }).safeParse(text);
          const words = parsed.success ? null : (parsed.error.issues[0]?.message ?? '');
          expect(nameProblem(text, { maxChars, allowEmpty })).toBe(words);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('guard every such field of commands, agendas and rosters', () => {
    const BIDI = 'Alice \u202Eexe.live';
    const fieldOf = (result: {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    }) =>
      result.success ? null : result.error?.issues.map((i) => `${i.path.join('.')}=${i.message}`);
    expect(fieldOf(Command.safeParse({ type: 'floor.request', speakerName: BIDI }))).toEqual([
      expect.stringMatching(/^speakerName=/),
    ]);
    expect(
      fieldOf(Command.safeParse({ type: 'floor.add', delegationId: 'mexico', speakerName: BIDI })),
    ).toEqual([expect.stringMatching(/^speakerName=/)]);
    expect(fieldOf(Command.safeParse({ type: 'turn.start', speaker: { name: BIDI } }))).toEqual([
      expect.stringMatching(/^speaker\.name=/),
    ]);
    expect(fieldOf(Command.safeParse({ type: 'session.suspend', note: 'Lunch\u0085' }))).toEqual([
      expect.stringMatching(/^note=/),
    ]);
    for (const change of [
      { target: 'meeting', title: BIDI },
      { target: 'meeting', venue: BIDI },
      { target: 'meeting', breakNote: BIDI },
      { target: 'sitting', sittingId: 'day-1', title: BIDI },
      { target: 'item', itemId: 'panel', title: BIDI },
      { target: 'step', itemId: 'panel', stepId: 'opening', title: BIDI },
      {
        target: 'speakers',
        itemId: 'panel',
        stepId: 'opening',
        speakers: [{ id: 'x', name: BIDI, role: 'Expert' }],
      },
      {
        target: 'speakers',
        itemId: 'panel',
        stepId: 'opening',
        speakers: [{ id: 'x', name: 'X', role: BIDI }],
      },
    ]) {
      expect(
        Command.safeParse({ type: 'agenda.edit', change }).success,
        JSON.stringify(change),
      ).toBe(false);
    }
    const agenda = (patch: (a: typeof TEST_AGENDA_INPUT) => unknown) =>
      fieldOf(Agenda.safeParse(patch(structuredClone(TEST_AGENDA_INPUT))));
    expect(agenda((a) => ({ ...a, title: BIDI }))).toEqual([expect.stringMatching(/^title=/)]);
    expect(
      agenda((a) => {
        const item = a.items[0];
        if (item) item.kind = '\u200b';
        return a;
      }),
    ).toEqual([expect.stringMatching(/^items\.0\.kind=/)]);
    expect(fieldOf(Roster.safeParse([{ id: 'x', name: '\u3164', category: 'observer' }]))).toEqual([
      expect.stringMatching(/^0\.name=/),
    ]);
  });
});
