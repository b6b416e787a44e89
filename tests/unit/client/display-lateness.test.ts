import { describe, expect, it } from 'vitest';
import { minutesLate } from '../../../client/display/lateness';
import type { MeetingView } from '../../../shared/protocol/view';
import { instantOf } from '../../../shared/schedule/zonedTime';
import { EngineHarness } from '../../support/engine';

/**
 * The room display's "Running 12 min late" (client/display/lateness.ts): how many whole minutes
 * late the room is, from the view alone; the words are the display's own message.
 */
const MIN = 60_000;
const at = (time: string) => instantOf('2017-07-24', time, 'America/New_York');

/** The view of a default meeting, as a screen has it, with the delay shown or not. */
const viewAt = (h: EngineHarness, showDelay = true): MeetingView => ({
  ...h.view(),
  display: { ...h.view().display, showDelay },
});

describe('the room display’s delay', () => {
  const lateBy = (ms: number, showDelay = true) => {
    const h = new EngineHarness({ start: at('10:00') + ms });
    h.ok({ type: 'agenda.start' });
    return minutesLate(viewAt(h, showDelay), h.now);
  };

  it('counts the whole minutes the room runs late, from the view alone', () => {
    expect(lateBy(12 * MIN)).toBe(12);
    expect(lateBy(12 * MIN + 59_000)).toBe(12);
    expect(lateBy(MIN)).toBe(1);
  });

  it('says nothing under a minute late, ahead, or when the chair hides it', () => {
    expect(lateBy(59_000)).toBeNull();
    expect(lateBy(-5 * MIN)).toBeNull();
    expect(lateBy(12 * MIN, false)).toBeNull();
  });

  it('says nothing before the start, nor when the sittings are on another day', () => {
    const h = new EngineHarness({ start: at('10:30') });
    expect(minutesLate(viewAt(h), h.now)).toBeNull();
    h.ok({ type: 'agenda.start' });
    expect(minutesLate(viewAt(h), h.now + 3 * 24 * 60 * MIN)).toBeNull();
  });

  it('goes on counting during a suspension', () => {
    const h = new EngineHarness({ start: at('10:00') });
    h.ok({ type: 'agenda.start' });
    h.wait(2 * MIN).ok({ type: 'session.suspend' });
    h.wait(20 * MIN);
    expect(minutesLate(viewAt(h), h.now)).toBe(12);
  });

  it('stops once the meeting is closed', () => {
    const h = new EngineHarness({ start: at('10:20') });
    h.ok({ type: 'agenda.start' });
    h.ok({ type: 'session.close' });
    expect(minutesLate(viewAt(h), h.now)).toBeNull();
  });
});
