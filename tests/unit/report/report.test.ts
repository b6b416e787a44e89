import { describe, expect, it } from 'vitest';
import type { RequestRecord, TurnRecord } from '../../../shared/protocol/view';
import {
  buildReport,
  interruptedTurns,
  median,
  sectionOf,
  turnKindOf,
} from '../../../shared/report/report';
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
      longest: {
        speakerName: 'Speaker',
        delegationId: 'mexico',
        delegationName: 'Mexico',
        itemTitle: 'Expert panel 1',
      },
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
    kind: 'reply' as const,
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
          kind: 'reply',
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
          kind: 'statement',
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

const egypt = { delegationId: 'egypt', delegationName: 'Egypt', category: 'member-state' } as const;
const europeanUnion = {
  delegationId: 'european-union',
  delegationName: 'European Union',
  category: 'igo',
} as const;
const africanGroup = { id: 'african-group', name: 'African Group' };
const grulac = { id: 'grulac', name: 'Group of Latin American and Caribbean States' };

/** A turn that starts `at` minutes after T0 and ends `ends` minutes after T0. */
const span = (at: number, ends: number) => ({ startedAt: T0 + at * MIN, endedAt: T0 + ends * MIN });

describe('the report of groups, replies and points of order', () => {
  /**
   * A discussion as the record keeps it, in the order the turns ended: a point of order during
   * Egypt's statement for the African Group is recorded before it (Egypt's turn was kept paused
   * and ended after), and one raised while nobody spoke interrupts nothing.
   */
  const turns: TurnRecord[] = [
    turn({
      stepId: 'presentations',
      speakerId: 'expert-1',
      speakerName: 'Expert 1',
      spokenMs: 6 * MIN,
      ...span(0, 7),
    }),
    turn({ ...egypt, sex: 'male', spokenMs: 2 * MIN, ...span(8, 10) }),
    turn({ ...holySee, kind: 'point-of-order', spokenMs: MIN, ...span(11, 12) }),
    turn({ ...egypt, sex: 'male', onBehalfOf: africanGroup, spokenMs: 4 * MIN, ...span(10, 15) }),
    turn({
      ...morocco,
      sex: 'female',
      onBehalfOf: africanGroup,
      spokenMs: 3 * MIN,
      ...span(15, 18),
    }),
    turn({ ...mexico, onBehalfOf: grulac, spokenMs: 5 * MIN, ...span(18, 23) }),
    turn({ ...europeanUnion, spokenMs: 3 * MIN, ...span(23, 26) }),
    turn({ ...iom, kind: 'point-of-order', spokenMs: 30_000, ...span(26, 26.5) }),
    turn({ ...mexico, kind: 'reply', spokenMs: 2 * MIN, ...span(27, 29) }),
    turn({ ...morocco, kind: 'reply', spokenMs: 30_000, ...span(29, 29.5) }),
    turn({ ...mexico, kind: 'reply', spokenMs: MIN, ...span(30, 31) }),
  ];
  const section = sectionOf(turns, []);

  it('counts a group statement for the group, never as the delegation’s own time', () => {
    const own = Object.fromEntries(section.byDelegation.map((d) => [d.delegationId, d]));
    // Egypt spoke 2 minutes for itself and 4 for the African Group: 2 are Egypt's.
    expect(own.egypt).toMatchObject({ turns: 1, spokenMs: 2 * MIN });
    // Morocco's and Mexico's own time is their replies only.
    expect(own.morocco).toMatchObject({ turns: 1, spokenMs: 30_000 });
    expect(own.mexico).toMatchObject({ turns: 2, spokenMs: 3 * MIN });
    expect(section.byGroup).toEqual([
      {
        groupId: 'african-group',
        name: 'African Group',
        turns: 2,
        spokenMs: 7 * MIN,
        speakers: [
          {
            delegationId: 'egypt',
            name: 'Egypt',
            category: 'member-state',
            turns: 1,
            spokenMs: 4 * MIN,
          },
          {
            delegationId: 'morocco',
            name: 'Morocco',
            category: 'member-state',
            turns: 1,
            spokenMs: 3 * MIN,
          },
        ],
      },
      {
        groupId: 'grulac',
        name: 'Group of Latin American and Caribbean States',
        turns: 1,
        spokenMs: 5 * MIN,
        speakers: [
          {
            delegationId: 'mexico',
            name: 'Mexico',
            category: 'member-state',
            turns: 1,
            spokenMs: 5 * MIN,
          },
        ],
      },
    ]);
  });

  it('puts group statements under their own category, and the European Union under igo', () => {
    const c = section.byCategory;
    expect(c.group).toEqual({ turns: 3, spokenMs: 12 * MIN });
    // Egypt's own statement and the three replies of Member States; no group statement.
    expect(c['member-state']).toEqual({ turns: 4, spokenMs: 2 * MIN + 3 * MIN + 30_000 });
    expect(c.igo).toEqual({ turns: 1, spokenMs: 3 * MIN });
    expect(c.observer).toEqual({ turns: 1, spokenMs: MIN });
    expect(c['un-system']).toEqual({ turns: 1, spokenMs: 30_000 });
    expect(c.none).toEqual({ turns: 1, spokenMs: 6 * MIN });
    // Every turn is in exactly one category.
    const sum = Object.values(c).reduce((t, x) => t + x.spokenMs, 0);
    expect(sum).toBe(section.spokenMs);
    expect(Object.values(c).reduce((t, x) => t + x.turns, 0)).toBe(turns.length);
  });

  it('tells the kinds apart: scheduled speakers, statements, group statements, replies, points of order', () => {
    expect(section.byKind).toEqual({
      speaker: { turns: 1, spokenMs: 6 * MIN },
      statement: { turns: 2, spokenMs: 5 * MIN },
      'group-statement': { turns: 3, spokenMs: 12 * MIN },
      reply: { turns: 3, spokenMs: 3 * MIN + 30_000 },
      'point-of-order': { turns: 2, spokenMs: MIN + 30_000 },
    });
    expect(turns.map(turnKindOf)).toEqual([
      'speaker',
      'statement',
      'point-of-order',
      'group-statement',
      'group-statement',
      'group-statement',
      'statement',
      'point-of-order',
      'reply',
      'reply',
      'reply',
    ]);
  });

  it('counts the rights of reply by delegation, apart from the statements', () => {
    expect(section.replies).toEqual({
      turns: 3,
      spokenMs: 3 * MIN + 30_000,
      byDelegation: [
        {
          delegationId: 'mexico',
          name: 'Mexico',
          category: 'member-state',
          turns: 2,
          spokenMs: 3 * MIN,
        },
        {
          delegationId: 'morocco',
          name: 'Morocco',
          category: 'member-state',
          turns: 1,
          spokenMs: 30_000,
        },
      ],
    });
  });

  it('lists the points of order: who, when, how long, and whose turn each interrupted', () => {
    const [first, second] = turns.filter((t) => t.kind === 'point-of-order');
    const egyptForGroup = turns[3];
    expect(section.pointsOfOrder).toEqual({
      turns: 2,
      spokenMs: MIN + 30_000,
      list: [
        {
          turnId: first?.id,
          delegationId: 'holy-see',
          delegationName: 'Holy See',
          speakerName: 'Speaker',
          itemId: 'panel-1',
          itemTitle: 'Expert panel 1',
          stepTitle: 'Interactive discussion',
          startedAt: T0 + 11 * MIN,
          spokenMs: MIN,
          interrupted: {
            turnId: egyptForGroup?.id,
            speakerName: 'Speaker',
            delegationId: 'egypt',
            delegationName: 'Egypt',
            onBehalfOf: africanGroup,
            kind: 'statement',
          },
        },
        expect.objectContaining({
          turnId: second?.id,
          delegationName: 'International Organization for Migration (IOM)',
          // Nobody spoke when IOM raised it: the EU had finished, Mexico not begun.
          interrupted: null,
        }),
      ],
    });
  });

  it('keeps every turn in the totals, by sex too: the speaker spoke, for whomever', () => {
    expect(section.turns).toBe(turns.length);
    expect(section.spokenMs).toBe(turns.reduce((t, x) => t + x.spokenMs, 0));
    expect(section.bySex.male).toEqual({ turns: 2, spokenMs: 6 * MIN });
    expect(section.bySex.female).toEqual({ turns: 1, spokenMs: 3 * MIN });
  });
});

describe('the turn a point of order interrupted', () => {
  it('is the turn kept while it spoke, also through a second point of order that ended it', () => {
    // A panelist presents from minute 0; a point of order at 2 is cut short by another at 3;
    // the panelist resumes at 4 and finishes at 9.
    const panelist = turn({
      stepId: 'presentations',
      speakerId: 'expert-1',
      spokenMs: 7 * MIN,
      ...span(0, 9),
    });
    const first = turn({
      ...mexico,
      stepId: 'presentations',
      kind: 'point-of-order',
      spokenMs: MIN,
      ...span(2, 3),
    });
    const second = turn({
      ...morocco,
      stepId: 'presentations',
      kind: 'point-of-order',
      spokenMs: MIN,
      ...span(3, 4),
    });
    const found = interruptedTurns([first, second, panelist]);
    expect(found.get(first.id)?.id).toBe(panelist.id);
    expect(found.get(second.id)?.id).toBe(panelist.id);
  });

  it('is not a turn that had ended before, nor one of another step', () => {
    const before = turn({ ...mexico, spokenMs: MIN, ...span(0, 1) });
    const point = turn({ ...morocco, kind: 'point-of-order', spokenMs: MIN, ...span(1, 2) });
    const elsewhere = turn({ ...mexico, stepId: 'presentations', spokenMs: MIN, ...span(0, 3) });
    const after = turn({ ...egypt, spokenMs: MIN, ...span(2, 3) });
    expect(interruptedTurns([before, point, elsewhere, after]).size).toBe(0);
  });
});
