import type { I18n } from '@lingui/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newSpeakerId } from '../../../client/chair/agenda/speakerIds';
import { draftOfStep, type StepDraft, stepChangeOf } from '../../../client/chair/agenda/stepDraft';
import { minutesSeconds, parseMinutesSeconds } from '../../../client/meeting/duration';
import { editAgenda } from '../../../shared/engine/agendaEdit';
import { Agenda, FloorStep, SpeakersStep, type Step } from '../../../shared/protocol/agenda';
import { AgendaChange } from '../../../shared/protocol/commands';
import { i18nIn } from '../../support/i18n';

/** An agenda of one item with the one step, for the engine's own edit. */
const agendaWith = (step: Step): Agenda =>
  Agenda.parse({
    title: 'Test',
    items: [{ id: 'panel-1', title: 'Panel', kind: 'panel', steps: [step] }],
  });

describe('allowances typed as minutes and seconds', () => {
  it('reads M:SS and whole minutes', () => {
    expect(parseMinutesSeconds('3:00')).toBe(180_000);
    expect(parseMinutesSeconds(' 4:30 ')).toBe(270_000);
    expect(parseMinutesSeconds('7')).toBe(420_000);
    expect(parseMinutesSeconds('75:05')).toBe(4_505_000);
  });

  it('refuses what is not written so', () => {
    for (const text of ['', '3:60', '3:5', 'three', '-1:00', '1:00:00', '3.5']) {
      expect(parseMinutesSeconds(text)).toBeNull();
    }
  });

  it('writes an allowance back as the inputs show it', () => {
    expect(minutesSeconds(180_000)).toBe('3:00');
    expect(minutesSeconds(150_000)).toBe('2:30');
    expect(minutesSeconds(4_500_000)).toBe('75:00');
  });
});

describe('a new scheduled speaker’s id', () => {
  it('is made from the name, used by nobody else in the item', () => {
    expect(newSpeakerId('Ms. Ana Pérez', new Set())).toBe('ms-ana-perez');
    expect(newSpeakerId('Expert', new Set(['expert', 'expert-2']))).toBe('expert-3');
    expect(newSpeakerId('', new Set())).toBe('speaker');
    expect(newSpeakerId('!!!', new Set(['speaker']))).toBe('speaker-2');
  });
});

describe('a step’s rules of procedure in the editor', () => {
  const discussion = FloorStep.parse({
    id: 'discussion',
    kind: 'floor',
    title: 'Interactive discussion',
    allowance: { limitMs: 180_000, warnAtMs: 150_000 },
  });
  const presentations = SpeakersStep.parse({
    id: 'presentations',
    kind: 'speakers',
    title: 'Presentations by the experts',
    speakers: [],
    allowance: { limitMs: 420_000, warnAtMs: 300_000, endAtLimit: true },
  });
  /** The change a save sends, or the test fails saying why there is none. */
  const changeOf = (step: Step, edit: Partial<StepDraft> = {}) => {
    const made = stepChangeOf('panel-1', step, { ...draftOfStep(step), ...edit });
    if (!('change' in made)) throw new Error(made.problem.id);
    return made.change;
  };

  it('shows the defaults where a discussion sets none', () => {
    expect(draftOfStep(discussion)).toEqual({
      title: 'Interactive discussion',
      limit: '3:00',
      warning: '2:30',
      pointOfOrderLimit: '2:00',
      pointOfOrderWarning: '1:30',
      queuePolicy: 'states-first',
      interleaveEvery: '3',
      requestsFrom: 'step',
      groupLimit: '5:00',
      groupWarning: '4:00',
      firstReplyLimit: '10:00',
      firstReplyWarning: '9:00',
      secondReplyLimit: '5:00',
      secondReplyWarning: '4:00',
    });
  });

  it('shows what the step sets where it sets it', () => {
    const set = FloorStep.parse({
      ...discussion,
      queuePolicy: 'interleave',
      interleaveEvery: 2,
      requestsFrom: 'item',
      groupAllowance: { limitMs: 420_000, warnAtMs: 360_000 },
      replyAllowances: [
        { limitMs: 300_000, warnAtMs: 240_000 },
        { limitMs: 180_000, warnAtMs: 150_000 },
      ],
      pointOfOrderAllowance: { limitMs: 60_000, warnAtMs: 45_000 },
    });
    expect(draftOfStep(set)).toMatchObject({
      queuePolicy: 'interleave',
      interleaveEvery: '2',
      requestsFrom: 'item',
      groupLimit: '7:00',
      groupWarning: '6:00',
      firstReplyLimit: '5:00',
      secondReplyWarning: '2:30',
      pointOfOrderLimit: '1:00',
      pointOfOrderWarning: '0:45',
    });
  });

  it('sends the title and the allowance only, when no rule was touched', () => {
    expect(changeOf(discussion)).toEqual({
      target: 'step',
      itemId: 'panel-1',
      stepId: 'discussion',
      title: 'Interactive discussion',
      allowance: { limitMs: 180_000, warnAtMs: 150_000 },
    });
  });

  it('sends each rule changed, in one step change the command takes', () => {
    const change = changeOf(discussion, {
      queuePolicy: 'interleave',
      interleaveEvery: '4',
      requestsFrom: 'item',
      groupLimit: '6:00',
      secondReplyLimit: '3:00',
      secondReplyWarning: '2:00',
      pointOfOrderWarning: '1:00',
    });
    expect(change).toEqual({
      target: 'step',
      itemId: 'panel-1',
      stepId: 'discussion',
      title: 'Interactive discussion',
      allowance: { limitMs: 180_000, warnAtMs: 150_000 },
      queuePolicy: 'interleave',
      interleaveEvery: 4,
      requestsFrom: 'item',
      groupAllowance: { limitMs: 360_000, warnAtMs: 240_000 },
      // The replies go as the pair the agenda keeps: the first as shown, the second as typed.
      replyAllowances: [
        { limitMs: 600_000, warnAtMs: 540_000 },
        { limitMs: 180_000, warnAtMs: 120_000 },
      ],
      pointOfOrderAllowance: { limitMs: 120_000, warnAtMs: 60_000 },
    });
    expect(AgendaChange.safeParse(change).success).toBe(true);
    // The engine takes it: the discussion now has the rules typed.
    const edited = editAgenda(agendaWith(discussion), change);
    if (!edited.ok) throw new Error(JSON.stringify(edited.error));
    expect(edited.agenda.items[0]?.steps[0]).toMatchObject({
      queuePolicy: 'interleave',
      interleaveEvery: 4,
      requestsFrom: 'item',
      groupAllowance: { limitMs: 360_000, warnAtMs: 240_000 },
    });
  });

  /** What the form says of a draft it cannot send, in English or Russian, as the page shows it. */
  let en: I18n;
  let ru: I18n;
  beforeAll(async () => {
    en = await i18nIn('en', ['chair']);
    ru = await i18nIn('ru', ['chair']);
  });
  const problemIn = (i18n: I18n, step: Step, edit: Partial<StepDraft>): string | null => {
    const made = stepChangeOf('panel-1', step, { ...draftOfStep(step), ...edit });
    return 'problem' in made ? i18n._(made.problem) : null;
  };

  it('reads the number of States only under interleave, and only from 1 to 20', () => {
    expect(changeOf(discussion, { interleaveEvery: 'many' })).not.toHaveProperty('interleaveEvery');
    // Interleave every 3 is the default: choosing the policy sends the policy alone.
    expect(changeOf(discussion, { queuePolicy: 'interleave' })).not.toHaveProperty(
      'interleaveEvery',
    );
    for (const typed of ['0', '21', 'many', '2.5', '']) {
      expect(
        stepChangeOf('panel-1', discussion, {
          ...draftOfStep(discussion),
          queuePolicy: 'interleave',
          interleaveEvery: typed,
        }),
      ).toEqual({ problem: { id: 'chair.problem-interleave-every' } });
      expect(problemIn(en, discussion, { queuePolicy: 'interleave', interleaveEvery: typed })).toBe(
        'States before one of the others: write a whole number from 1 to 20.',
      );
    }
    expect(
      changeOf(discussion, { queuePolicy: 'interleave', interleaveEvery: ' 20 ' }),
    ).toMatchObject({ interleaveEvery: 20 });
  });

  it('says which clock is written wrong', () => {
    const problem = (edit: Partial<StepDraft>) => problemIn(en, discussion, edit);
    expect(problem({ groupWarning: 'soon' })).toBe(
      'Group statement warning: write minutes:seconds, such as 2:30.',
    );
    expect(problem({ firstReplyLimit: '10' })).toBeNull();
    expect(problem({ secondReplyLimit: '5:5' })).toBe(
      'Second reply limit: write minutes:seconds, such as 3:00.',
    );
    expect(problem({ warning: 'soon' })).toBe('Warning at: write minutes:seconds, such as 2:30.');
    expect(problem({ pointOfOrderLimit: '2 min' })).toBe(
      'Point of order limit: write minutes:seconds, such as 3:00.',
    );
  });

  it('says it in the page’s language: a field error in Russian', () => {
    expect(problemIn(ru, discussion, { groupWarning: 'soon' })).toBe(
      'Предупреждение для заявления группы: укажите минуты:секунды, например 2:30.',
    );
    expect(problemIn(ru, presentations, { limit: 'семь' })).toBe(
      'Регламент: укажите минуты:секунды, например 3:00.',
    );
  });

  it('gives a speakers step its point of order, and nothing of a discussion', () => {
    const change = changeOf(presentations, {
      queuePolicy: 'arrival',
      groupLimit: '9:00',
      pointOfOrderLimit: '3:00',
    });
    expect(change).toEqual({
      target: 'step',
      itemId: 'panel-1',
      stepId: 'presentations',
      title: 'Presentations by the experts',
      // The step's own flag is kept.
      allowance: { limitMs: 420_000, warnAtMs: 300_000, endAtLimit: true },
      pointOfOrderAllowance: { limitMs: 180_000, warnAtMs: 90_000 },
    });
    expect(editAgenda(agendaWith(presentations), change).ok).toBe(true);
  });
});
