import { describe, expect, it } from 'vitest';
import type { NameOf } from '../../../client/i18n/names';
import { refusalWordsIn, type ShownRefusal } from '../../../client/live/refusalWords';
import { DEFAULT_GROUPS } from '../../../shared/defaults/groups';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import type { Names } from '../../../shared/protocol/agenda';
import type { Lang } from '../../../shared/protocol/langs';
import { CHAIR, delegate, EngineHarness, MODERATOR, smallAgenda } from '../../support/engine';
import { i18nsOf } from '../../support/i18n';

/**
 * A refusal as a screen says it (client/live/refusalWords.ts), rendered in Node from the compiled
 * catalogues the screen loads (`refusals`, and `common` for its own words and the categories),
 * with the default roster's names as `useNames` gives them.
 */
const I18NS = await i18nsOf(['refusals', 'common']);
const wordsIn = (lang: Lang) => {
  const i18n = I18NS[lang];
  const pick = (names: Names | undefined, english: string) =>
    (lang !== 'en' && names?.[lang]) || english;
  const delegations = new Map(DEFAULT_ROSTER.map((d) => [d.id, d.names]));
  const groups = new Map(DEFAULT_GROUPS.map((g) => [g.id, g.names]));
  const names: NameOf = {
    delegation: (id, english) => pick(delegations.get(id), english),
    group: (id, english) => pick(groups.get(id), english),
  };
  return refusalWordsIn({
    t: i18n._.bind(i18n),
    known: (id) => i18n.messages[id] !== undefined,
    names,
    lang,
  });
};

const MEXICO = delegate('mexico');

/** Mexico waits already, in the first panel's discussion: its second request's refusal. */
const alreadyWaiting = (): ShownRefusal => {
  const h = EngineHarness.at('panel-1', 'discussion');
  h.request('mexico');
  return h.refused({ type: 'floor.request' }, MEXICO);
};

describe('a refusal in the screen’s language', () => {
  it('in English, says what the server says', () => {
    const refusal = alreadyWaiting();
    expect(wordsIn('en')(refusal)).toBe(refusal.message);
    expect(wordsIn('en')(refusal)).toBe('Mexico is already waiting for the floor.');
  });

  it('names the delegation and the group in the language of the page', () => {
    expect(wordsIn('es')(alreadyWaiting())).toBe('México ya está esperando el uso de la palabra.');
    const h = EngineHarness.at('panel-1', 'discussion');
    const notMember = h.refused({ type: 'floor.request', onBehalfOf: 'african-group' }, MEXICO);
    expect(wordsIn('fr')(notMember)).toBe(
      "Mexique ne fait pas partie du groupe suivant : Groupe des États d'Afrique.",
    );
  });

  it('keeps a name and a code in their own direction on an Arabic page', () => {
    expect(wordsIn('ar')(alreadyWaiting())).toBe('وفد \u2068المكسيك\u2069 ينتظر الكلمة بالفعل.');
    const unknown = EngineHarness.at('welcome').refused(
      { type: 'agenda.goto', itemId: 'panel-9' },
      CHAIR,
    );
    expect(wordsIn('ar')(unknown)).toBe('لا يوجد بند جدول أعمال "\u2068panel-9\u2069".');
  });

  it('says a person who speaks by name as named, and a delegation by its name in the language', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.request('kenya', { speakerName: 'Ms. Wanjiru Kamau' });
    h.ok({ type: 'floor.next' }, MODERATOR);
    const mexicoSpeaks = h.refused({ type: 'turn.end', turnId: 'T-gone' }, MODERATOR);
    expect(wordsIn('fr')(mexicoSpeaks)).toBe(
      'Ce tour de parole est terminé : Mexique a maintenant la parole.',
    );
    h.ok({ type: 'floor.next' }, MODERATOR);
    const personSpeaks = h.refused({ type: 'turn.end', turnId: 'T-gone' }, MODERATOR);
    expect(wordsIn('fr')(personSpeaks)).toBe(
      'Ce tour de parole est terminé : Ms. Wanjiru Kamau a maintenant la parole.',
    );
  });

  it('lists the categories a step is open to in the room’s words, as the language lists', () => {
    const h = new EngineHarness({ agenda: smallAgenda({ openTo: ['member-state', 'un-system'] }) });
    h.ok({ type: 'agenda.goto', itemId: 'debate', stepId: 'floor' });
    const refusal = h.refused({ type: 'floor.request' }, delegate('ituc'));
    expect(wordsIn('en')(refusal)).toBe(
      'In this step the floor is open to Member State, UN system only.',
    );
    expect(wordsIn('fr')(refusal)).toBe(
      'À cette étape, la parole est réservée aux catégories suivantes : État Membre et Système des Nations Unies.',
    );
    expect(wordsIn('zh')(refusal)).toBe('本环节仅限以下类别发言：会员国和联合国系统。');
  });

  it('counts in each language’s plural forms', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    for (let n = 1; n <= 2; n++) {
      h.ok({ type: 'floor.request', kind: 'reply' }, MEXICO);
      h.ok({ type: 'floor.grant', requestId: h.requestOf('mexico') }, MODERATOR);
      h.ok({ type: 'turn.end', turnId: h.turn().id }, MODERATOR);
    }
    const refusal = h.refused({ type: 'floor.request', kind: 'reply' }, MEXICO);
    expect(wordsIn('ru')(refusal)).toBe(
      'Мексика: право на ответ по этому пункту уже использовано 2 раза, больше нельзя.',
    );
    expect(wordsIn('es')(refusal)).toBe(
      'México ya ha ejercido sus 2 derechos de respuesta en este tema.',
    );
  });

  it('says the screen’s own refusals from the common catalogue', () => {
    const loading: ShownRefusal = { code: 'unavailable', reason: { id: 'live.groups-loading' } };
    expect(wordsIn('en')(loading)).toBe('The list of groups is still loading.');
    expect(wordsIn('es')(loading)).not.toBe('The list of groups is still loading.');
  });

  it('says a refusal without a reason (an older server), or with one it does not know, in the server’s words', () => {
    const older: ShownRefusal = { code: 'not_now', message: 'The list of speakers is closed.' };
    expect(wordsIn('fr')(older)).toBe('The list of speakers is closed.');
    const newer: ShownRefusal = {
      code: 'not_now',
      message: 'A rule of a newer server.',
      reason: { id: 'refusal.from-a-newer-server' },
    };
    expect(wordsIn('fr')(newer)).toBe('A rule of a newer server.');
    expect(wordsIn('fr')({ code: 'not_now', message: '' })).toBe('Le serveur a refusé.');
  });
});
