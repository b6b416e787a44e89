import type { I18n, MessageDescriptor } from '@lingui/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetingTimes } from '../../../client/chair/meetingTimes';
import {
  delayMessage,
  discussionMessages,
  driftMessage,
  scheduleSummary,
} from '../../../client/chair/schedule/scheduleWords';
import { LANGS, type Lang } from '../../../shared/protocol/langs';
import type { MeetingView } from '../../../shared/protocol/view';
import { scheduleAt } from '../../../shared/schedule/schedule';
import { instantOf } from '../../../shared/schedule/zonedTime';
import { EngineHarness } from '../../support/engine';
import { i18nIn } from '../../support/i18n';

const MIN = 60_000;
const NY = 'America/New_York';
const at = (time: string) => instantOf('2017-07-24', time, NY);

/** The chair's catalogue in each language, as the console has it. */
const i18n = {} as Record<Lang, I18n>;
beforeAll(async () => {
  for (const lang of LANGS) i18n[lang] = await i18nIn(lang, ['chair']);
});
const say = (lang: Lang, message: MessageDescriptor | null | undefined) =>
  message ? i18n[lang]._(message) : null;

describe('the meeting’s times on the chair’s pages', () => {
  it('are the 24-hour clock of the meeting’s time zone, in every language, with the digits 0-9', () => {
    const instant = Date.UTC(2017, 6, 24, 17, 5, 9); // 13:05:09 in New York
    for (const lang of LANGS) {
      const times = meetingTimes(lang, NY);
      expect(times.time(instant), lang).toBe('13:05');
      expect(times.timeWithSeconds(instant), lang).toBe('13:05:09');
      expect(times.date(instant), lang).toBe('2017-07-24');
    }
    // The same instant in Geneva is six hours later: the zone is the agenda's, not the device's.
    expect(meetingTimes('fr', 'Europe/Zurich').time(instant)).toBe('19:05');
  });
});

describe('the delay and the drift in words', () => {
  it('in English, as before: on time within a minute, whole minutes late or ahead', () => {
    expect(say('en', delayMessage(0))).toBe('On time');
    expect(say('en', delayMessage(59_999))).toBe('On time');
    expect(say('en', delayMessage(-59_999))).toBe('On time');
    expect(say('en', delayMessage(MIN))).toBe('Running 1 min late');
    expect(say('en', delayMessage(12 * MIN + 59_000))).toBe('Running 12 min late');
    expect(say('en', delayMessage(-5 * MIN))).toBe('5 min ahead');
    expect(say('en', driftMessage(12 * MIN))).toBe('+12 min');
    expect(say('en', driftMessage(-5 * MIN))).toBe('−5 min');
    expect(say('en', driftMessage(30_000))).toBe('on time');
    expect(say('en', driftMessage(3 * 24 * 60 * MIN))).toBe('another day');
  });

  it('in Arabic with each of its plural forms, and in the five other languages', () => {
    const late = (lang: Lang, minutes: number) => say(lang, delayMessage(minutes * MIN));
    expect([1, 2, 5, 11, 100].map((n) => late('ar', n))).toEqual([
      'التأخير: دقيقة واحدة',
      'التأخير: دقيقتان',
      'التأخير: 5 دقائق',
      'التأخير: 11 دقيقة',
      'التأخير: 100 دقيقة',
    ]);
    expect(late('fr', 12)).toBe('Retard : 12 min');
    expect(late('es', 12)).toBe('Retraso: 12 min');
    expect(late('ru', 12)).toBe('Отставание: 12 мин');
    expect(late('zh', 12)).toBe('落后 12 分钟');
  });
});

describe('the chair’s header', () => {
  const summaryIn = (lang: Lang, h: EngineHarness) => {
    const view: MeetingView = { ...h.view(), display: { ...h.view().display, showDelay: true } };
    const schedule = scheduleAt({
      agenda: view.agenda,
      held: h.record.steps,
      current: view.current,
      now: h.now,
    });
    const summary = scheduleSummary(view, schedule, h.now, meetingTimes(lang, NY));
    return (
      summary && {
        delay: say(lang, summary.delay),
        late: summary.late,
        sittingEnd: say(lang, summary.sittingEnd),
      }
    );
  };

  it('before the start: the planned start, then lateness once it has passed', () => {
    const h = new EngineHarness({ start: at('09:50') });
    expect(summaryIn('en', h)).toEqual({
      delay: 'Starts 10:00',
      late: false,
      sittingEnd: 'Sitting ends about 13:00',
    });
    h.now = at('10:07');
    expect(summaryIn('en', h)).toEqual({
      delay: 'Running 7 min late',
      late: true,
      sittingEnd: 'Sitting ends about 13:07',
    });
    expect(summaryIn('ru', h)).toEqual({
      delay: 'Отставание: 7 мин',
      late: true,
      sittingEnd: 'Блок заканчивается около 13:07',
    });
  });

  it('during the session: the drift and the projected end of the sitting', () => {
    const h = new EngineHarness({ start: at('10:03') });
    h.ok({ type: 'agenda.start' });
    h.ok({ type: 'turn.start' });
    h.wait(12 * MIN);
    expect(summaryIn('en', h)).toEqual({
      delay: 'Running 5 min late',
      late: true,
      sittingEnd: 'Sitting ends about 13:05',
    });
    expect(summaryIn('zh', h)?.sittingEnd).toBe('本时段约于 13:05 结束');
  });

  it('says so when the sittings are planned for another day, with the date as a figure', () => {
    const h = new EngineHarness({ start: Date.UTC(2026, 2, 2, 15, 0) });
    expect(summaryIn('en', h)).toEqual({
      delay: 'Sittings planned for 2017-07-24',
      late: false,
      sittingEnd: null,
    });
    h.ok({ type: 'agenda.start' });
    expect(summaryIn('en', h)?.delay).toBe('Sittings planned for 2017-07-24');
    expect(summaryIn('es', h)?.delay).toBe('Franjas horarias previstas para el 2017-07-24');
  });

  it('says nothing once the meeting is closed', () => {
    const h = new EngineHarness({ start: at('10:00') });
    h.ok({ type: 'agenda.start' });
    h.ok({ type: 'session.close' });
    expect(summaryIn('en', h)).toBeNull();
  });
});

describe('a discussion in words', () => {
  const words = (lang: Lang, timeLeftMs: number, interventionsThatFit: number) => {
    const { timeLeft, fit } = discussionMessages(
      { deadline: at('12:53'), timeLeftMs, allowanceMs: 3 * MIN, interventionsThatFit },
      meetingTimes(lang, NY),
    );
    return { timeLeft: say(lang, timeLeft), fit: say(lang, fit) };
  };

  it('says the time left and how many interventions fit', () => {
    expect(words('en', 23 * MIN, 7)).toEqual({
      timeLeft: '23 min left for the discussion, until 12:53',
      fit: 'About 7 more interventions of 3:00 fit before 12:53',
    });
    expect(words('en', 3 * MIN, 1).fit).toBe('About 1 more intervention of 3:00 fit before 12:53');
    expect(words('en', 30_000, 0).timeLeft).toBe(
      'Less than a minute left for the discussion, until 12:53',
    );
  });

  it('says when the discussion has run past its end', () => {
    expect(words('en', -2 * MIN, 0)).toEqual({
      timeLeft: 'The discussion is 2 min past 12:53, the end planned for it',
      fit: 'No more interventions of 3:00 fit before 12:53',
    });
  });

  it('counts interventions with each language’s plural forms', () => {
    const fitting = (lang: Lang, n: number) => words(lang, 60 * MIN, n).fit;
    expect([1, 3, 5, 21].map((n) => fitting('ru', n))).toEqual([
      'До 12:53 уложится еще примерно 1 выступление продолжительностью 3:00',
      'До 12:53 уложатся еще примерно 3 выступления продолжительностью 3:00',
      'До 12:53 уложатся еще примерно 5 выступлений продолжительностью 3:00',
      'До 12:53 уложится еще примерно 21 выступление продолжительностью 3:00',
    ]);
    expect(fitting('ar', 2)).toBe(
      'يتسع الوقت قبل الساعة 12:53 لنحو مداخلتين أخريين مدة كل منهما 3:00',
    );
    expect(fitting('fr', 2)).toBe('Environ 2 interventions de 3:00 tiennent encore avant 12:53');
  });
});
