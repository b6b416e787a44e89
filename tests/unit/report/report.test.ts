import { describe, expect, it } from 'vitest';
import type { RequestRecord, TurnRecord } from '../../../shared/protocol/view';
import { buildReport, median, sectionOf } from '../../../shared/report/report';
import { NOTE_AGENDA } from '../../support/agenda';

const MIN = 60_000;
const T0 = Date.UTC(2017, 6, 24, 14, 0);

let n = 0;
/** A turn of the record, written by hand: only what the figures read is given. */
const turn = (over: Partial<TurnRecord> & Pick<TurnRecord, 'spokenMs'>): TurnRecord => {
  n += 1;
  const limitMs = over.limitMs ?? 3 * MIN;
  return {
    id: `T${n}`,
    itemId: 'panel-1',
    stepId: 'discussion',
    itemTitle: 'Expert panel 1',
    stepTitle: 'Interactive discussion',
    speakerName: 'Speaker',
    kind: 'statement',
    limitMs,
    warnAtMs: limitMs - 30_000,
    startedAt: T0,
    endedAt: T0 + over.spokenMs,
    overtimeMs: Math.max(0, over.spokenMs - limitMs),
    ...over,
  };
};

const request = (over: Partial<RequestRecord> & Pick<RequestRecord, 'outcome'>): RequestRecord => {
  n += 1;
  return {
    id: `R${n}`,
    itemId: 'panel-1',
    stepId: 'discussion',
    delegationId: 'mexico',
    delegationName: 'Mexico',
    category: 'member-state',
    kind: 'statement',
    madeBy: 'delegate',
    requestedAt: T0,
    endedAt: T0 + MIN,
    waitingAtClose: false,
    ...over,
  };
};

const mexico = {
  delegationId: 'mexico',
  delegationName: 'Mexico',
  category: 'member-state',
} as const;
const morocco = {
  delegationId: 'morocco',
  delegationName: 'Morocco',
  category: 'member-state',
} as const;
const holySee = {
  delegationId: 'holy-see',
  delegationName: 'Holy See',
  category: 'observer',
} as const;
const iom = {
  delegationId: 'iom',
  delegationName: 'International Organization for Migration (IOM)',
  category: 'un-system',
} as const;

describe('the report', () => {
  const turns: TurnRecord[] = [
    turn({
      itemId: 'panel-1',
      stepId: 'opening',
      speakerName: 'Moderator of panel 1',
      limitMs: 7 * MIN,
      spokenMs: 6 * MIN,
    }),
    turn({ ...mexico, sex: 'female', spokenMs: 3 * MIN + 20_000 }), // 20 s over
    turn({ ...morocco, sex: 'male', spokenMs: 2 * MIN }),
    turn({ ...mexico, sex: 'female', spokenMs: 3 * MIN + 50_000 }), // 50 s over
    turn({ ...holySee, spokenMs: 3 * MIN + 5_000 }), // 5 s over, sex not given
    turn({ ...iom, sex: 'other', spokenMs: MIN }),
    turn({
      itemId: 'panel-2',
      ...morocco,
      itemTitle: 'Expert panel 2',
      sex: 'female',
      spokenMs: 90_000,
    }),
  ];
  const requests: RequestRecord[] = [
    request({ outcome: 'granted' }),
    request({ outcome: 'granted', delegationId: 'morocco' }),
    request({ outcome: 'withdrawn', delegationId: 'chile', waitingAtClose: true }),
    request({ outcome: 'removed', delegationId: 'peru' }),
    request({ outcome: 'unheard', delegationId: 'fiji', waitingAtClose: true }),
    request({ outcome: 'granted', itemId: 'panel-2' }),
  ];
  const report = buildReport({
    agenda: NOTE_AGENDA,
    turns,
    requests,
    waiting: [],
    steps: [],
    current: null,
    now: T0,
  });

  it('adds up every turn of the meeting', () => {
    expect(report.meeting.turns).toBe(7);
    expect(report.meeting.spokenMs).toBe(
      6 * MIN + 200_000 + 120_000 + 230_000 + 185_000 + 60_000 + 90_000,
    );
  });

  it('counts interventions and speaking time by category, scheduled speakers apart', () => {
    const c = report.meeting.byCategory;
    expect(c['member-state']).toEqual({ turns: 4, spokenMs: 200_000 + 120_000 + 230_000 + 90_000 });
    expect(c.observer).toEqual({ turns: 1, spokenMs: 185_000 });
    expect(c['un-system']).toEqual({ turns: 1, spokenMs: 60_000 });
    expect(c.stakeholder).toEqual({ turns: 0, spokenMs: 0 });
    expect(c.none).toEqual({ turns: 1, spokenMs: 6 * MIN });
  });

  it('counts by the speaker’s sex where given, and how many did not give it', () => {
    const s = report.meeting.bySex;
    expect(s.female).toEqual({ turns: 3, spokenMs: 200_000 + 230_000 + 90_000 });
    expect(s.male).toEqual({ turns: 1, spokenMs: 120_000 });
    expect(s.other).toEqual({ turns: 1, spokenMs: 60_000 });
    expect(s['not-given']).toEqual({ turns: 2, spokenMs: 185_000 + 6 * MIN });
  });

  it('lists delegations by time spoken, most first', () => {
    expect(report.meeting.byDelegation.map((d) => [d.name, d.turns, d.spokenMs])).toEqual([
      ['Mexico', 2, 430_000],
      ['Morocco', 2, 210_000],
      ['Holy See', 1, 185_000],
      ['International Organization for Migration (IOM)', 1, 60_000],
    ]);
  });

  it('sums up overtime: how many, the median and the longest', () => {
    expect(report.meeting.overtime).toEqual({
      count: 3,
      medianMs: 20_000,
      longestMs: 50_000,
      longest: { speakerName: 'Speaker', delegationName: 'Mexico', itemTitle: 'Expert panel 1' },
    });
  });

  it('says what became of the requests', () => {
    expect(report.meeting.requests).toEqual({
      made: 6,
      granted: 3,
      withdrawn: 1,
      removed: 1,
      unheard: 1,
      waitingAtClose: 2,
    });
  });

  it('gives each agenda item its own figures', () => {
    const panel1 = report.items.find((i) => i.itemId === 'panel-1')?.section;
    const panel2 = report.items.find((i) => i.itemId === 'panel-2')?.section;
    const welcome = report.items.find((i) => i.itemId === 'welcome')?.section;
    expect(panel1?.turns).toBe(6);
    expect(panel1?.requests.made).toBe(5);
    expect(panel2?.turns).toBe(1);
    expect(panel2?.requests.granted).toBe(1);
    expect(welcome?.turns).toBe(0);
    expect(welcome?.overtime).toEqual({ count: 0, medianMs: 0, longestMs: 0, longest: null });
  });

  it('carries the schedule of every item', () => {
    expect(report.schedule.map((s) => s.itemId)).toEqual(NOTE_AGENDA.items.map((i) => i.id));
  });
});

describe('the median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBe(0);
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(3);
  });

  it('of an empty record is all zeros', () => {
    expect(sectionOf([], []).turns).toBe(0);
  });
});

describe('who was left waiting', () => {
  const unheard = request({
    outcome: 'unheard',
    delegationId: 'fiji',
    delegationName: 'Fiji',
    speakerName: 'Mr. Ratu Epeli',
    itemId: 'panel-2',
    endedAt: T0 + 40 * MIN,
    waitingAtClose: true,
  });
  const waitingNow = {
    id: 'R900',
    itemId: 'summary',
    stepId: 'reactions',
    delegationId: 'chile',
    delegationName: 'Chile',
    requestedAt: T0 + 90 * MIN,
    waitingAtClose: true,
  };
  const report = buildReport({
    agenda: NOTE_AGENDA,
    turns: [],
    requests: [request({ outcome: 'granted' }), unheard],
    waiting: [waitingNow],
    steps: [],
    current: { itemId: 'summary', stepId: 'reactions', startedAt: T0 + 80 * MIN },
    now: T0 + 95 * MIN,
  });

  it('names the requests still waiting now and those left unheard, with their step', () => {
    expect(report.leftWaiting).toEqual({
      now: [
        {
          id: 'R900',
          delegationId: 'chile',
          delegationName: 'Chile',
          requestedAt: T0 + 90 * MIN,
          itemId: 'summary',
          itemTitle: 'Summary panel',
          stepId: 'reactions',
          stepTitle: 'Reactions, questions and recommendations from Member States',
          waitingAtClose: true,
        },
      ],
      unheard: [
        {
          id: unheard.id,
          delegationId: 'fiji',
          delegationName: 'Fiji',
          speakerName: 'Mr. Ratu Epeli',
          requestedAt: T0,
          itemId: 'panel-2',
          itemTitle: 'Expert panel 2',
          stepId: 'discussion',
          stepTitle: 'Interactive discussion',
          endedAt: T0 + 40 * MIN,
          waitingAtClose: true,
        },
      ],
    });
  });

  it('counts a request still waiting behind a closed list as waiting when it closed', () => {
    expect(report.meeting.requests.waitingAtClose).toBe(2);
    const summary = report.items.find((i) => i.itemId === 'summary')?.section;
    expect(summary?.requests.waitingAtClose).toBe(1);
    // It is in no outcome yet: made counts the requests that left a queue.
    expect(summary?.requests.made).toBe(0);
  });
});
