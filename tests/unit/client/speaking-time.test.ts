import { describe, expect, it } from 'vitest';
import {
  type CountedTurn,
  countedFromRecord,
  dayStartOf,
  mergeTurns,
  onTheFloor,
  SPOKEN_SO_FAR,
  type SpeakingRow,
  sortRows,
  speakingTimes,
} from '../../../client/moderator/speakingTime';
import { nextSpeakerOf } from '../../../client/officers/presses';
import { sectionOf } from '../../../shared/report/report';
import { instantOf } from '../../../shared/schedule/zonedTime';
import { EngineHarness, MODERATOR, SECOND } from '../../support/engine';

const NY = 'America/New_York';

/** Gives the floor to whoever heads the queue, as "Next speaker" does. */
const next = (h: EngineHarness) => {
  const press = nextSpeakerOf(h.view());
  if (!press) throw new Error('no step under way');
  h.ok(press.command, MODERATOR);
};
const end = (h: EngineHarness) => h.ok({ type: 'turn.end', turnId: h.turn().id }, MODERATOR);

/**
 * Panel 1's discussion of the default meeting: Egypt for the African Group (40 s), Mexico (10 s,
 * then Kenya's point of order of 5 s, then 20 s more), Egypt in its own name (15 s), and Kenya's
 * statement, still speaking.
 */
const discussion = () => {
  const h = EngineHarness.at('panel-1', 'discussion');
  h.request('egypt', { onBehalfOf: 'african-group' });
  h.request('mexico');
  next(h);
  h.wait(40 * SECOND);
  end(h);
  // Egypt asks again, in its own name, once the group's statement is made.
  h.request('egypt');
  next(h);
  h.wait(10 * SECOND);
  const point = h.request('kenya', { kind: 'point-of-order' });
  h.ok({ type: 'floor.grant', requestId: point, turnId: h.turn().id }, MODERATOR);
  h.wait(5 * SECOND);
  end(h);
  h.ok({ type: 'turn.resume', turnId: h.turn().id }, MODERATOR);
  h.wait(20 * SECOND);
  end(h);
  next(h);
  h.wait(15 * SECOND);
  end(h);
  h.request('kenya');
  next(h);
  h.wait(7 * SECOND + 400);
  return h;
};

/** name → milliseconds, for a list of rows, in one column. */
const timesOf = (rows: readonly SpeakingRow[], column: 'item' | 'today') =>
  Object.fromEntries(rows.map((r) => [r.name, r[column].spokenMs]));

describe('speaking time per delegation and per group', () => {
  it('counts a statement on behalf of a group for the group, as the report does', () => {
    const h = discussion();
    const recorded = h.record.turns.map(countedFromRecord);
    const scope = { itemId: 'panel-1', dayStart: dayStartOf(h.now, NY) };
    const times = speakingTimes(recorded, scope);

    expect(timesOf(times.delegations, 'item')).toEqual({
      Mexico: 30 * SECOND,
      Kenya: 5 * SECOND,
      Egypt: 15 * SECOND,
    });
    expect(timesOf(times.groups, 'item')).toEqual({ 'African Group': 40 * SECOND });
    // The report's own tallies of the same turns: the same numbers, delegation by delegation.
    const report = sectionOf(h.record.turns, []);
    expect(timesOf(times.delegations, 'today')).toEqual(
      Object.fromEntries(report.byDelegation.map((d) => [d.name, d.spokenMs])),
    );
    expect(timesOf(times.groups, 'today')).toEqual(
      Object.fromEntries(report.byGroup.map((g) => [g.name, g.spokenMs])),
    );
    expect(times.delegations.find((r) => r.name === 'Mexico')?.item.turns).toBe(1);
    expect(times.delegations.every((r) => !r.speaking)).toBe(true);
  });

  it('adds the turn on the floor, and the one a point of order interrupted, as they stand', () => {
    const h = discussion();
    const view = h.view();
    const spokenNow = SPOKEN_SO_FAR.valueAt(view.turn, h.now);
    expect(spokenNow).toBe(7 * SECOND);
    const floor = onTheFloor(view, spokenNow);
    const current = floor[0] ?? null;
    const scope = { itemId: 'panel-1', dayStart: dayStartOf(h.now, NY) };
    const times = speakingTimes(
      mergeTurns(h.record.turns.map(countedFromRecord), floor),
      scope,
      current,
    );
    const kenya = times.delegations.find((r) => r.name === 'Kenya');
    expect(kenya).toMatchObject({
      speaking: true,
      item: { turns: 2, spokenMs: 12 * SECOND },
      today: { turns: 2, spokenMs: 12 * SECOND },
    });
    expect(times.delegations.filter((r) => r.speaking)).toHaveLength(1);

    // A point of order now: Kenya's statement waits, paused, and still counts.
    const point = h.request('mexico', { kind: 'point-of-order' });
    h.ok({ type: 'floor.grant', requestId: point, turnId: h.turn().id }, MODERATOR);
    h.wait(3 * SECOND);
    const during = h.view();
    const both = onTheFloor(during, SPOKEN_SO_FAR.valueAt(during.turn, h.now));
    expect(both.map((t) => [t.delegationName, t.spokenMs])).toEqual([
      ['Mexico', 3 * SECOND],
      ['Kenya', 7 * SECOND + 400],
    ]);
    const counted = speakingTimes(
      mergeTurns(h.record.turns.map(countedFromRecord), both),
      scope,
      both[0] ?? null,
    );
    expect(timesOf(counted.delegations, 'item')).toMatchObject({
      Kenya: 12 * SECOND + 400,
      Mexico: 33 * SECOND,
    });
    expect(counted.delegations.filter((r) => r.speaking).map((r) => r.name)).toEqual(['Mexico']);
  });

  it('counts a turn once when the record already has what the view still shows on the floor', () => {
    const turn = (id: string, spokenMs: number): CountedTurn => ({
      id,
      itemId: 'panel-1',
      startedAt: 0,
      delegationId: 'mexico',
      delegationName: 'Mexico',
      spokenMs,
    });
    const merged = mergeTurns([turn('T1', 30_000)], [turn('T1', 30_050), turn('T2', 2_000)]);
    expect(merged.map((t) => [t.id, t.spokenMs])).toEqual([
      ['T1', 30_000],
      ['T2', 2_000],
    ]);
    expect(speakingTimes(merged, { itemId: 'panel-1', dayStart: 0 }).delegations).toEqual([
      {
        id: 'mexico',
        name: 'Mexico',
        item: { turns: 2, spokenMs: 32_000 },
        today: { turns: 2, spokenMs: 32_000 },
        speaking: false,
      },
    ]);
  });

  it('keeps this item and today apart: another item today, this item yesterday', () => {
    const dayStart = instantOf('2017-07-25', '00:00', NY);
    const turn = (id: string, itemId: string, startedAt: number, who: string): CountedTurn => ({
      id,
      itemId,
      startedAt,
      delegationId: who.toLowerCase(),
      delegationName: who,
      spokenMs: 60_000,
    });
    const times = speakingTimes(
      [
        turn('yesterday-here', 'panel-2', instantOf('2017-07-24', '17:50', NY), 'Chile'),
        turn('today-elsewhere', 'panel-1', instantOf('2017-07-25', '10:00', NY), 'Peru'),
        turn('today-here', 'panel-2', instantOf('2017-07-25', '15:00', NY), 'Chile'),
        turn('yesterday-elsewhere', 'panel-1', instantOf('2017-07-24', '11:00', NY), 'Fiji'),
      ],
      { itemId: 'panel-2', dayStart },
    );
    expect(times.delegations.map((r) => [r.name, r.item.spokenMs, r.today.spokenMs])).toEqual([
      ['Chile', 120_000, 60_000],
      ['Peru', 0, 60_000],
    ]);
    // With no step under way, only today counts.
    expect(
      speakingTimes([turn('t', 'panel-1', dayStart + 1, 'Peru')], { itemId: null, dayStart })
        .delegations[0],
    ).toMatchObject({ item: { turns: 0 }, today: { turns: 1 } });
  });

  it('"today" begins at midnight in the meeting’s time zone, not the device’s', () => {
    // 03:30 UTC on 25 July is still 24 July in New York.
    const lateEvening = Date.UTC(2017, 6, 25, 3, 30);
    expect(dayStartOf(lateEvening, NY)).toBe(Date.UTC(2017, 6, 24, 4, 0));
    expect(dayStartOf(lateEvening, 'Europe/Zurich')).toBe(Date.UTC(2017, 6, 24, 22, 0));
  });

  it('sorts by the column chosen, most time first, then by the other, then by name', () => {
    const row = (name: string, item: number, today: number): SpeakingRow => ({
      id: name,
      name,
      item: { turns: 1, spokenMs: item },
      today: { turns: 1, spokenMs: today },
      speaking: false,
    });
    const rows = [
      row('Chile', 10, 90),
      row('Peru', 30, 30),
      row('Fiji', 10, 90),
      row('Iraq', 10, 95),
    ];
    expect(sortRows(rows, 'item').map((r) => r.name)).toEqual(['Peru', 'Iraq', 'Chile', 'Fiji']);
    expect(sortRows(rows, 'today').map((r) => r.name)).toEqual(['Iraq', 'Chile', 'Fiji', 'Peru']);
    expect(rows.map((r) => r.name)).toEqual(['Chile', 'Peru', 'Fiji', 'Iraq']);
  });
});

describe('the current turn’s time, redrawn once a second while its clock runs', () => {
  const h = EngineHarness.at('panel-1', 'discussion');
  h.request('mexico');
  next(h);
  const started = h.now;
  h.wait(2_300);
  const running = h.turn();

  it('is whole seconds spoken', () => {
    expect(SPOKEN_SO_FAR.valueAt(running, started + 2_999)).toBe(2_000);
    expect(SPOKEN_SO_FAR.valueAt(running, started + 3_000)).toBe(3_000);
    expect(SPOKEN_SO_FAR.valueAt(null, started)).toBe(0);
  });

  it('wakes at the next whole second, on this device’s clock', () => {
    // This device's clock is 250 ms behind the server's.
    expect(SPOKEN_SO_FAR.nextRedrawAt(running, 250, started + 2_300 - 250)).toBe(
      started + 3_000 - 250,
    );
    expect(SPOKEN_SO_FAR.nextRedrawAt(running, 0, started + 3_000)).toBe(started + 4_000);
    // Before the turn's start (a device whose estimate runs behind), at its first second.
    expect(SPOKEN_SO_FAR.nextRedrawAt(running, 0, started - 500)).toBe(started + 1_000);
  });

  it('does not wake at all while the clock is paused, or with nobody on the floor', () => {
    h.ok({ type: 'turn.pause', turnId: running.id }, MODERATOR);
    const paused = h.turn();
    expect(SPOKEN_SO_FAR.nextRedrawAt(paused, 0, h.now)).toBeNull();
    expect(SPOKEN_SO_FAR.valueAt(paused, h.now + 60_000)).toBe(2_000);
    expect(SPOKEN_SO_FAR.nextRedrawAt(null, 0, h.now)).toBeNull();
  });
});
