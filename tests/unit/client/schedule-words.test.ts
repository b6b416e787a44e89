import { describe, expect, it } from 'vitest';
import {
  delayWords,
  discussionWords,
  driftShort,
  roomDelay,
  scheduleSummary,
} from '../../../client/meeting/schedule';
import type { MeetingView } from '../../../shared/protocol/view';
import { scheduleAt } from '../../../shared/schedule/schedule';
import { instantOf } from '../../../shared/schedule/zonedTime';
import { EngineHarness } from '../../support/engine';
import { i18nIn } from '../../support/words';

const en = await i18nIn('en');
const t = en._.bind(en);

const MIN = 60_000;
const NY = 'America/New_York';
const at = (time: string) => instantOf('2017-07-24', time, NY);

/** The view of a default meeting, as a screen has it, with the delay shown or not. */
const viewAt = (h: EngineHarness, showDelay = true): MeetingView => ({
  ...h.view(),
  display: { ...h.view().display, showDelay },
});

describe('the delay in words', () => {
  it('is on time within a minute either way', () => {
    expect(delayWords(t, 0)).toBe('On time');
    expect(delayWords(t, 59_999)).toBe('On time');
    expect(delayWords(t, -59_999)).toBe('On time');
  });

  it('counts whole minutes late or ahead', () => {
    expect(delayWords(t, MIN)).toBe('Running 1 min late');
    expect(delayWords(t, 12 * MIN + 59_000)).toBe('Running 12 min late');
    expect(delayWords(t, -5 * MIN)).toBe('5 min ahead');
    expect(driftShort(t, 12 * MIN)).toBe('+12 min');
    expect(driftShort(t, -5 * MIN)).toBe('−5 min');
    expect(driftShort(t, 30_000)).toBe('on time');
    expect(driftShort(t, 3 * 24 * 60 * MIN)).toBe('another day');
  });
});

describe('the room display’s delay', () => {
  const lateBy = (ms: number, showDelay = true) => {
    const h = new EngineHarness({ start: at('10:00') + ms });
    h.ok({ type: 'agenda.start' });
    return roomDelay(t, viewAt(h, showDelay), h.now);
  };

  it('says how late the room runs, from the view alone', () => {
    expect(lateBy(12 * MIN)).toBe('Running 12 min late');
    expect(lateBy(MIN)).toBe('Running 1 min late');
  });

  it('says nothing under a minute late, ahead, or when the chair hides it', () => {
    expect(lateBy(59_000)).toBeNull();
    expect(lateBy(-5 * MIN)).toBeNull();
    expect(lateBy(12 * MIN, false)).toBeNull();
  });

  it('says nothing before the start, nor when the sittings are on another day', () => {
    const h = new EngineHarness({ start: at('10:30') });
    expect(roomDelay(t, viewAt(h), h.now)).toBeNull();
    h.ok({ type: 'agenda.start' });
    expect(roomDelay(t, viewAt(h), h.now + 3 * 24 * 60 * MIN)).toBeNull();
  });

  it('goes on counting during a suspension', () => {
    const h = new EngineHarness({ start: at('10:00') });
    h.ok({ type: 'agenda.start' });
    h.wait(2 * MIN).ok({ type: 'session.suspend' });
    h.wait(20 * MIN);
    expect(roomDelay(t, viewAt(h), h.now)).toBe('Running 12 min late');
  });
});

describe('the chair’s header', () => {
  const summaryOf = (h: EngineHarness) => {
    const view = viewAt(h);
    const schedule = scheduleAt({
      agenda: view.agenda,
      held: h.record.steps,
      current: view.current,
      now: h.now,
    });
    return scheduleSummary(t, view, schedule, h.now);
  };

  it('before the start: the planned start, then lateness once it has passed', () => {
    const h = new EngineHarness({ start: at('09:50') });
    expect(summaryOf(h)).toEqual({
      delay: 'Starts 10:00',
      late: false,
      sittingEnd: 'Sitting ends about 13:00',
    });
    h.now = at('10:07');
    expect(summaryOf(h)).toEqual({
      delay: 'Running 7 min late',
      late: true,
      sittingEnd: 'Sitting ends about 13:07',
    });
  });

  it('during the session: the drift and the projected end of the sitting', () => {
    const h = new EngineHarness({ start: at('10:03') });
    h.ok({ type: 'agenda.start' });
    h.ok({ type: 'turn.start' });
    h.wait(12 * MIN);
    expect(summaryOf(h)).toEqual({
      delay: 'Running 5 min late',
      late: true,
      sittingEnd: 'Sitting ends about 13:05',
    });
  });

  it('says so when the sittings are planned for another day', () => {
    const h = new EngineHarness({ start: Date.UTC(2026, 2, 2, 15, 0) });
    expect(summaryOf(h)).toEqual({
      delay: 'Sittings planned for 2017-07-24',
      late: false,
      sittingEnd: null,
    });
    h.ok({ type: 'agenda.start' });
    expect(summaryOf(h)?.delay).toBe('Sittings planned for 2017-07-24');
  });

  it('says nothing once the meeting is closed', () => {
    const h = new EngineHarness({ start: at('10:00') });
    h.ok({ type: 'agenda.start' });
    h.ok({ type: 'session.close' });
    expect(summaryOf(h)).toBeNull();
  });
});

describe('a discussion in words', () => {
  it('says the time left and how many interventions fit', () => {
    expect(
      discussionWords(
        t,
        {
          deadline: at('12:53'),
          timeLeftMs: 23 * MIN,
          allowanceMs: 3 * MIN,
          interventionsThatFit: 7,
        },
        NY,
      ),
    ).toEqual({
      timeLeft: '23 min left for the discussion, until 12:53',
      fit: 'About 7 more interventions of 3:00 fit before 12:53',
    });
    expect(
      discussionWords(
        t,
        {
          deadline: at('12:53'),
          timeLeftMs: 3 * MIN,
          allowanceMs: 3 * MIN,
          interventionsThatFit: 1,
        },
        NY,
      ).fit,
    ).toBe('About 1 more intervention of 3:00 fit before 12:53');
  });

  it('says when the discussion has run past its end', () => {
    const words = discussionWords(
      t,
      {
        deadline: at('12:53'),
        timeLeftMs: -2 * MIN,
        allowanceMs: 3 * MIN,
        interventionsThatFit: 0,
      },
      NY,
    );
    expect(words.timeLeft).toBe('The discussion is 2 min past 12:53, the end planned for it');
    expect(words.fit).toBe('No more interventions of 3:00 fit before 12:53');
  });
});
