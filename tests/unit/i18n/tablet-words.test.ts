import { describe, expect, it } from 'vitest';
import { timeInWords } from '../../../client/components/PhaseWatch';
import { tabletNews } from '../../../client/delegate/placeNews';
import type { NameOf } from '../../../client/i18n/names';
import { whatLeavingEnds } from '../../../client/meeting/leavingStep';
import { delegate, EngineHarness, MODERATOR } from '../../support/engine';
import { i18nIn, wordsIn } from '../../support/i18n';

/**
 * The tablet's and the shared words in other languages than English, from the catalogues as the
 * browser gets them (compiled by Lingui's Vite plugin): each count in its language's plural form,
 * names in the page's language, the digits of Arabic pages 0-9.
 */
const ru = await i18nIn('ru');
const ar = await i18nIn('ar');

describe('how many requests are ahead, in the plural forms of each language', () => {
  it('Russian: one, few, many', () => {
    const ahead = (count: number) => ru._('tablet.requests-ahead', { count });
    expect([1, 2, 5, 11, 21, 22].map(ahead)).toEqual([
      'Перед вами 1 просьба',
      'Перед вами 2 просьбы',
      'Перед вами 5 просьб',
      'Перед вами 11 просьб',
      'Перед вами 21 просьба',
      'Перед вами 22 просьбы',
    ]);
    expect(ahead(0)).toBe('Перед вами нет просьб');
  });

  it('Arabic: one, two, few, many, other, with the digits 0-9', () => {
    const ahead = (count: number) => ar._('tablet.requests-ahead', { count });
    expect([1, 2, 5, 11, 100].map(ahead)).toEqual([
      'طلب واحد قبل طلبك',
      'طلبان قبل طلبك',
      '5 طلبات قبل طلبك',
      '11 طلبًا قبل طلبك',
      '100 طلب قبل طلبك',
    ]);
    expect(ahead(0)).toBe('لا طلبات قبل طلبك');
  });

  it('the time left as a screen reader says it: Russian and Arabic forms', () => {
    const t = ru._.bind(ru);
    expect(timeInWords(t, 90_000)).toBe('1 минута 30 секунд');
    expect(timeInWords(t, 122_000)).toBe('2 минуты 2 секунды');
    expect(timeInWords(t, 21_000)).toBe('21 секунда');
    const a = ar._.bind(ar);
    expect(timeInWords(a, 120_000)).toBe('دقيقتان');
    expect(timeInWords(a, 11_000)).toBe('11 ثانية');
    expect(timeInWords(a, 65_000)).toBe('دقيقة واحدة و5 ثوانٍ');
  });
});

describe('names in the page’s language', () => {
  /** The roster's and the groups' names in French, as the names part gives them. */
  const french: NameOf = {
    delegation: (id, english) => (id === 'egypt' ? 'Égypte' : english),
    group: (id, english) => (id === 'african-group' ? 'Groupe des États d’Afrique' : english),
  };
  const AFRICAN_GROUP = { id: 'african-group', name: 'African Group' };

  it('a delegation speaking for a group, and a person speaking for a delegation', async () => {
    const fr = await wordsIn('fr', french);
    const egypt = {
      name: 'Egypt',
      delegationId: 'egypt',
      delegationName: 'Egypt',
      onBehalfOf: AFRICAN_GROUP,
    };
    expect(fr.roomName(egypt)).toBe('Égypte, au nom du Groupe des États d’Afrique');
    expect(fr.behalfLine(AFRICAN_GROUP)).toBe('au nom du Groupe des États d’Afrique');
    expect(fr.whoSpeaks({ ...egypt, name: 'Mme Ana Pérez' })).toBe(
      'Mme Ana Pérez (Égypte, au nom du Groupe des États d’Afrique)',
    );
    expect(fr.kindNote('point-of-order')).toBe('Motion d’ordre');
    expect(fr.kindNote('statement')).toBeNull();
    expect(fr.list(['Experte 1', 'Expert 2', 'Expert 3'])).toBe('Experte 1, Expert 2 et Expert 3');
  });

  it('what leaving a step ends, in Chinese, with the count in its one form', async () => {
    const zh = await wordsIn('zh');
    const h = EngineHarness.at('panel-1', 'discussion');
    for (const id of ['mexico', 'morocco', 'iom']) h.ok({ type: 'floor.request' }, delegate(id));
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(whatLeavingEnds(zh, h.view())).toBe(
      'Mexico的发言将结束，将有 2 项发言请求得不到发言机会。',
    );
  });
});

describe("the tablet's news in Russian", () => {
  it('says the place, and why it moved back, in the page’s language', async () => {
    const words = await wordsIn('ru');
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.request' }, delegate('iom'));
    const before = h.view();
    h.wait(1_000).ok({ type: 'floor.request' }, delegate('mexico'));
    expect(tabletNews(words, before, h.view(), 'iom')).toEqual([
      'Вы — теперь № 2 в очереди: В этом обсуждении первыми выступают государства.',
    ]);
    const waiting = h.view();
    h.ok({ type: 'floor.request', kind: 'reply' }, delegate('iom'));
    // With two requests waiting, each is named by its kind; the statement kept its place.
    expect(tabletNews(words, waiting, h.view(), 'iom')).toEqual([
      'Ваше право на ответ — № 3 в очереди.',
    ]);
  });
});
