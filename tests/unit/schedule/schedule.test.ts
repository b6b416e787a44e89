import { describe, expect, it } from 'vitest';
import { plannedItems, type ScheduleInput, scheduleAt } from '../../../shared/schedule/schedule';
import { clockTimeOf, instantOf } from '../../../shared/schedule/zonedTime';
import { NOTE_AGENDA } from '../../support/agenda';
import { EngineHarness, MODERATOR } from '../../support/engine';

const MIN = 60_000;
const NY = 'America/New_York';
const at = (date: string, time: string) => instantOf(date, time, NY);
const DAY1 = '2017-07-24';

/** The schedule of a harness's meeting now. */
const scheduleOf = (h: EngineHarness, turnRemainingMs?: number): ReturnType<typeof scheduleAt> => {
  const view = h.view();
  const input: ScheduleInput = {
    agenda: view.agenda,
    held: h.record.steps,
    current: view.current,
    now: h.now,
    ...(turnRemainingMs !== undefined && { turnRemainingMs }),
  };
  return scheduleAt(input);
};

describe('wall-clock times in the meeting time zone', () => {
  it('reads 10:00 in New York in July 2017 as 14:00 UTC (daylight saving time)', () => {
    expect(at(DAY1, '10:00')).toBe(Date.UTC(2017, 6, 24, 14, 0));
    expect(clockTimeOf(Date.UTC(2017, 6, 24, 14, 0), NY)).toBe('10:00');
  });

  it('reads a winter time with the standard offset', () => {
    expect(instantOf('2017-01-10', '10:00', NY)).toBe(Date.UTC(2017, 0, 10, 15, 0));
  });

  it('resolves a local time inside the spring-forward gap to a real instant', () => {
    const instant = instantOf('2017-03-12', '02:30', NY);
    expect(clockTimeOf(instant, NY)).toBe('03:30');
  });

  it('reads a local time that happens twice as the first of the two', () => {
    expect(instantOf('2017-11-05', '01:30', NY)).toBe(Date.UTC(2017, 10, 5, 5, 30));
  });
});

describe('the schedule as planned', () => {
  it('takes the procedural note times of the default agenda', () => {
    const planned = plannedItems(NOTE_AGENDA);
    const times = planned.map((p) => [
      p.itemId,
      p.start === null ? null : clockTimeOf(p.start, NY),
      p.end === null ? null : clockTimeOf(p.end, NY),
    ]);
    expect(times).toEqual([
      ['welcome', '10:00', '10:10'],
      ['issue-brief', '10:10', '10:20'],
      ['panel-1', '10:20', '13:00'],
      ['panel-2', '15:00', '18:00'],
      ['panel-3', '10:00', '13:00'],
      ['summary', '15:00', '17:50'],
      ['closing', '17:50', '18:00'],
    ]);
  });

  it('derives unstated times from the sitting and the allowances, a discussion filling the rest', () => {
    const agenda = structuredClone(NOTE_AGENDA);
    for (const item of agenda.items) {
      delete item.plannedStart;
      delete item.plannedEnd;
    }
    const planned = plannedItems(agenda);
    const byId = Object.fromEntries(planned.map((p) => [p.itemId, p]));
    expect(byId.welcome?.start).toBe(at(DAY1, '10:00'));
    expect(byId.welcome?.end).toBe(at(DAY1, '10:10'));
    expect(byId['issue-brief']?.end).toBe(at(DAY1, '10:20'));
    // Panel 1 has an open discussion: it runs to the end of the morning sitting.
    expect(byId['panel-1']?.end).toBe(at(DAY1, '13:00'));
  });
});

describe('the schedule as held', () => {
  it('is on time when the session starts on time', () => {
    const h = new EngineHarness({ start: at(DAY1, '10:00') });
    h.ok({ type: 'agenda.start' });
    const s = scheduleOf(h);
    expect(s.current?.driftMs).toBe(0);
    expect(s.current?.projectedSittingEnd).toBe(at(DAY1, '13:00'));
    expect(s.items[0]?.startDriftMs).toBe(0);
  });

  it('counts an item that overruns as lateness for the rest of its sitting', () => {
    const h = new EngineHarness({ start: at(DAY1, '10:03') });
    h.ok({ type: 'agenda.start' });
    h.ok({ type: 'turn.start' }, MODERATOR);
    h.wait(12 * MIN); // welcome planned 10:00-10:10, still speaking at 10:15
    const s = scheduleOf(h);
    expect(s.items[0]?.startDriftMs).toBe(3 * MIN);
    expect(s.current?.projectedItemEnd).toBe(at(DAY1, '10:15'));
    expect(s.current?.driftMs).toBe(5 * MIN);
    expect(s.current?.projectedSittingEnd).toBe(at(DAY1, '13:05'));
  });

  it('counts a suspension in the middle of an item as time lost', () => {
    const h = new EngineHarness({ start: at(DAY1, '10:00') });
    h.ok({ type: 'agenda.start' });
    h.wait(2 * MIN).ok({ type: 'session.suspend', note: 'Technical break' });
    h.wait(20 * MIN).ok({ type: 'session.resume' });
    const s = scheduleOf(h);
    // 22 minutes into a 10-minute item: it cannot end before now.
    expect(s.current?.driftMs).toBe(12 * MIN);
  });

  it('leaves an item skipped with agenda.goto without an actual time', () => {
    const h = new EngineHarness({ start: at(DAY1, '10:00') });
    h.ok({ type: 'agenda.start' });
    h.wait(8 * MIN).ok({ type: 'agenda.goto', itemId: 'panel-1' });
    const s = scheduleOf(h);
    const [welcome, brief, panel] = s.items;
    expect(welcome?.actualEnd).toBe(at(DAY1, '10:08'));
    expect(brief?.actualStart).toBeNull();
    expect(brief?.actualEnd).toBeNull();
    expect(panel?.actualStart).toBe(at(DAY1, '10:08'));
    expect(panel?.startDriftMs).toBe(-12 * MIN);
  });

  it('says how many interventions of 3:00 still fit in a discussion', () => {
    const h = new EngineHarness({ start: at(DAY1, '10:20') });
    h.ok({ type: 'agenda.goto', itemId: 'panel-1', stepId: 'discussion' });
    h.now = at(DAY1, '12:30');
    // The concluding remarks (7 min) must fit before 13:00: the discussion ends at 12:53.
    let d = scheduleOf(h).discussion;
    expect(d?.deadline).toBe(at(DAY1, '12:53'));
    expect(d?.timeLeftMs).toBe(23 * MIN);
    expect(d?.interventionsThatFit).toBe(7);
    // With a turn that still has 2:30 to run, one fewer fits.
    d = scheduleOf(h, 150_000).discussion;
    expect(d?.interventionsThatFit).toBe(6);
    h.now = at(DAY1, '12:55');
    d = scheduleOf(h).discussion;
    expect(d?.interventionsThatFit).toBe(0);
    expect(d?.timeLeftMs).toBe(-2 * MIN);
  });

  it('knows nothing of a meeting that has not started', () => {
    const h = new EngineHarness();
    const s = scheduleOf(h);
    expect(s.current).toBeNull();
    expect(s.discussion).toBeNull();
    expect(s.items.every((i) => i.actualStart === null)).toBe(true);
  });
});

describe('the schedule at its edges', () => {
  it('moves the end of a sitting whose last item runs past it', () => {
    const h = new EngineHarness({ start: at(DAY1, '10:20') });
    h.ok({ type: 'agenda.goto', itemId: 'panel-1' });
    h.now = at(DAY1, '12:55');
    h.ok({ type: 'agenda.goto', itemId: 'panel-1', stepId: 'concluding' });
    h.ok({ type: 'turn.start' }, MODERATOR);
    h.now = at(DAY1, '13:08'); // concluding remarks planned 12:53-13:00, still speaking
    const s = scheduleOf(h);
    expect(s.current?.projectedItemEnd).toBe(at(DAY1, '13:08'));
    expect(s.current?.driftMs).toBe(8 * MIN);
    expect(s.current?.sittingPlannedEnd).toBe(at(DAY1, '13:00'));
    expect(s.current?.projectedSittingEnd).toBe(at(DAY1, '13:08'));
    // The item is not over: it has a start and no end yet.
    expect(s.items[2]?.actualStart).toBe(at(DAY1, '10:20'));
    expect(s.items[2]?.actualEnd).toBeNull();
  });

  it('counts a lunch that runs long as lateness for the afternoon sitting', () => {
    const h = new EngineHarness({ start: at(DAY1, '10:20') });
    h.ok({ type: 'agenda.goto', itemId: 'panel-1', stepId: 'concluding' });
    h.now = at(DAY1, '13:00');
    h.ok({ type: 'session.suspend', note: 'Lunch' });
    h.now = at(DAY1, '15:20');
    h.ok({ type: 'session.resume' });
    h.ok({ type: 'agenda.next' });
    const s = scheduleOf(h);
    expect(s.items[2]?.actualEnd).toBe(at(DAY1, '15:20'));
    expect(s.items[3]?.startDriftMs).toBe(20 * MIN);
    expect(s.current?.itemId).toBe('panel-2');
    expect(s.current?.driftMs).toBe(20 * MIN);
    expect(s.current?.projectedSittingEnd).toBe(at(DAY1, '18:20'));
  });

  it('keeps counting while suspended: the time stands still for nobody', () => {
    const h = new EngineHarness({ start: at(DAY1, '10:00') });
    h.ok({ type: 'agenda.start' });
    h.wait(5 * MIN).ok({ type: 'session.suspend' });
    h.wait(15 * MIN); // still suspended at 10:20: the 10-minute item cannot end before now
    expect(scheduleOf(h).current?.driftMs).toBe(10 * MIN);
    h.wait(5 * MIN);
    expect(scheduleOf(h).current?.driftMs).toBe(15 * MIN);
  });

  it('puts the room ahead when an item is skipped, and back when it is taken up later', () => {
    const h = new EngineHarness({ start: at(DAY1, '10:00') });
    h.ok({ type: 'agenda.start' });
    h.now = at(DAY1, '10:08');
    h.ok({ type: 'agenda.goto', itemId: 'panel-1' });
    let s = scheduleOf(h);
    expect(s.current?.driftMs).toBe(-12 * MIN);
    expect(s.current?.projectedSittingEnd).toBe(at(DAY1, '12:48'));
    // The issue brief is taken up after the panel: it starts late, the panel keeps its times.
    h.now = at(DAY1, '13:00');
    h.ok({ type: 'agenda.goto', itemId: 'issue-brief' });
    s = scheduleOf(h);
    const [, brief, panel] = s.items;
    expect(panel?.actualStart).toBe(at(DAY1, '10:08'));
    expect(panel?.actualEnd).toBe(at(DAY1, '13:00'));
    expect(brief?.actualStart).toBe(at(DAY1, '13:00'));
    expect(brief?.startDriftMs).toBe(170 * MIN);
    expect(s.current?.driftMs).toBe(170 * MIN);
  });

  it('plans on the new date once the chair moves a sitting', () => {
    const h = new EngineHarness({ start: at(DAY1, '09:00') });
    h.ok({
      type: 'agenda.edit',
      change: { target: 'sitting', sittingId: 'day-1-morning', date: '2026-03-02' },
    });
    const planned = plannedItems(h.view().agenda);
    expect(planned[0]?.start).toBe(instantOf('2026-03-02', '10:00', NY));
    expect(planned[2]?.end).toBe(instantOf('2026-03-02', '13:00', NY));
    // The afternoon sitting keeps its own date.
    expect(planned[3]?.start).toBe(at(DAY1, '15:00'));
  });
});
