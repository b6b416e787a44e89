import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaInput } from '../../shared/protocol/agenda';
import type { Command } from '../../shared/protocol/commands';
import type { MeetingCodes } from '../../shared/protocol/http';
import { RecordResponse, type ReportResponse } from '../../shared/protocol/record';
import type { TurnRecord } from '../../shared/protocol/view';
import { ManualClock } from '../support/clock';
import { csvObjects } from '../support/csv';
import { withRoom } from '../support/meeting';
import {
  ADMIN_TOKEN,
  type Client,
  connect,
  createMeeting,
  http,
  join,
  ok,
  startServer,
  stateAt,
  TEST_AGENDA_INPUT,
  TEST_ROSTER,
  type TestServer,
} from '../support/server';
import { sittingAround } from '../support/sitting';

const MINUTE = 60_000;

/** The test agenda in a sitting that began half an hour before `now`, so the schedule has times. */
const lateAgenda = (now: number): { agenda: AgendaInput; plannedStart: number } => {
  const { timeZone, sitting, start } = sittingAround(now, {
    startedMinutesAgo: 30,
    minutes: 120,
  });
  return {
    plannedStart: start,
    agenda: {
      ...TEST_AGENDA_INPUT,
      timeZone,
      sittings: [sitting],
      items: TEST_AGENDA_INPUT.items.map((item) => ({ ...item, sittingId: sitting.id })),
    },
  };
};

const sum = (turns: readonly TurnRecord[]) => turns.reduce((s, t) => s + t.spokenMs, 0);

describe('the record and the report of a panel driven through real sockets', () => {
  /** The server's time, which passes only when the test says so: every duration is exact. */
  const clock = new ManualClock();
  let server: TestServer;
  let meetingId: string;
  let plannedStart: number;
  let chair: Client;
  let moderator: Client;
  let mexico: Client;
  let morocco: Client;
  let iom: Client;
  let chairToken: string;
  /** When the meeting entered the panel, as the room saw it. */
  let itemStartedAt: number;

  const get = <T>(path: string) =>
    http<T>(server.url, `/api/meetings/${meetingId}/${path}`, { token: chairToken });

  beforeAll(async () => {
    server = await startServer({ clock });
    const late = lateAgenda(clock.now());
    plannedStart = late.plannedStart;
    const created = await createMeeting(server.url, { agenda: late.agenda, roster: TEST_ROSTER });
    meetingId = created.meetingId;
    const tokenOf = async (code: string | undefined) =>
      (await join(server.url, meetingId, code ?? '')).token;
    chairToken = await tokenOf(created.codes.chair);
    chair = await connect(server.url, chairToken);
    moderator = await connect(server.url, await tokenOf(created.codes.moderator));
    mexico = await connect(server.url, await tokenOf(created.codes.delegations.mexico));
    morocco = await connect(server.url, await tokenOf(created.codes.delegations.morocco));
    iom = await connect(server.url, await tokenOf(created.codes.delegations.iom));
  });

  afterAll(async () => {
    for (const client of [chair, moderator, mexico, morocco, iom]) client?.close();
    await server?.close();
  });

  it('drives the panel: two scheduled speakers, then a discussion', async () => {
    await ok(chair, { type: 'agenda.start' });
    // The moderator opens on time; the expert runs over a limit cut to half a second.
    await ok(moderator, { type: 'turn.start' });
    clock.advance(50);
    await ok(moderator, { type: 'turn.start' });
    await ok(moderator, { type: 'turn.adjust', deltaMs: -419_500 });
    clock.advance(700);
    await ok(moderator, { type: 'agenda.next' });

    // Requests: Mexico (named, female), Morocco, IOM, and ITUC entered by the moderator.
    await ok(mexico, { type: 'floor.request', speakerName: '=SUM(A1)', sex: 'female' });
    await ok(morocco, { type: 'floor.request' });
    await ok(iom, { type: 'floor.request' });
    await ok(moderator, { type: 'floor.add', delegationId: 'ituc' });
    await ok(moderator, { type: 'floor.next' }); // Mexico
    clock.advance(50);
    await ok(moderator, { type: 'turn.end' });
    await ok(morocco, { type: 'floor.withdraw' });
    await ok(moderator, { type: 'floor.close' }); // IOM and ITUC wait as the list closes
    const ituc = moderator.latest().floor.queue.find((r) => r.delegationId === 'ituc');
    await ok(moderator, { type: 'floor.remove', requestId: ituc?.id ?? '' });
    await ok(moderator, { type: 'floor.next' }); // IOM, over its limit
    await ok(moderator, { type: 'turn.adjust', deltaMs: -179_700 });
    clock.advance(500);
    await ok(moderator, { type: 'turn.end' });
    await ok(moderator, { type: 'floor.open' });
    await ok(mexico, { type: 'floor.request' }); // still waiting at the end
    const view = moderator.latest();
    itemStartedAt = view.current?.itemStartedAt ?? 0;
    expect(view.current?.stepId).toBe('discussion');
  });

  it('reports exactly what was driven', async () => {
    const record = RecordResponse.parse((await get('record')).body);
    const answer = await get<ReportResponse>('report');
    expect(answer.status).toBe(200);
    const report = answer.body;
    const { turns } = record;
    expect(turns.map((t) => t.speakerName)).toEqual([
      'The moderator',
      'The expert',
      '=SUM(A1)',
      'International Organization for Migration',
    ]);
    const [opening, expert, mexicoTurn, iomTurn] = turns as [
      TurnRecord,
      TurnRecord,
      TurnRecord,
      TurnRecord,
    ];

    const m = report.meeting;
    expect(m.turns).toBe(4);
    expect(m.spokenMs).toBe(sum(turns));
    expect(m.byCategory).toEqual({
      'member-state': { turns: 1, spokenMs: mexicoTurn.spokenMs },
      observer: { turns: 0, spokenMs: 0 },
      igo: { turns: 0, spokenMs: 0 },
      'un-system': { turns: 1, spokenMs: iomTurn.spokenMs },
      stakeholder: { turns: 0, spokenMs: 0 },
      group: { turns: 0, spokenMs: 0 },
      none: { turns: 2, spokenMs: opening.spokenMs + expert.spokenMs },
    });
    expect(m.bySex).toEqual({
      female: { turns: 1, spokenMs: mexicoTurn.spokenMs },
      male: { turns: 0, spokenMs: 0 },
      other: { turns: 0, spokenMs: 0 },
      'not-given': { turns: 3, spokenMs: sum([opening, expert, iomTurn]) },
    });
    expect(m.byDelegation.map((d) => [d.delegationId, d.turns, d.spokenMs]).sort()).toEqual(
      [
        ['iom', 1, iomTurn.spokenMs],
        ['mexico', 1, mexicoTurn.spokenMs],
      ].sort(),
    );

    // The expert spoke 700 ms on a 500 ms limit, IOM 500 ms on 300 ms: two over, both recorded.
    expect(turns.map((t) => t.spokenMs)).toEqual([50, 700, 50, 500]);
    expect(expert.limitMs).toBe(500);
    expect(expert.overtimeMs).toBe(200);
    expect(iomTurn.limitMs).toBe(300);
    expect(iomTurn.overtimeMs).toBe(200);
    const longest = expert.overtimeMs >= iomTurn.overtimeMs ? expert : iomTurn;
    expect(m.overtime).toEqual({
      count: 2,
      medianMs: Math.round((expert.overtimeMs + iomTurn.overtimeMs) / 2),
      longestMs: longest.overtimeMs,
      longest: {
        speakerName: longest.speakerName,
        delegationId: longest.delegationId ?? null,
        delegationName: longest.delegationName ?? null,
        itemTitle: 'Panel',
      },
    });
    expect(m.requests).toEqual({
      made: 4,
      granted: 2,
      withdrawn: 1,
      removed: 1,
      unheard: 0,
      waitingAtClose: 2,
    });
    expect(report.waitingNow).toEqual({ itemId: 'panel', stepId: 'discussion', count: 1 });

    const [panel, strict] = report.items;
    expect(panel?.section.turns).toBe(4);
    expect(panel?.section.requests.made).toBe(4);
    expect(strict?.section.turns).toBe(0);

    // The schedule: the panel began when the chair started it, half an hour after its plan.
    const [panelPlan, strictPlan] = report.schedule;
    expect(panelPlan?.start).toBe(plannedStart);
    expect(panelPlan?.actualStart).toBe(itemStartedAt);
    expect(panelPlan?.startDriftMs).toBe(itemStartedAt - plannedStart);
    expect(panelPlan?.startDriftMs).toBeGreaterThanOrEqual(30 * MINUTE);
    expect(strictPlan?.actualStart).toBeNull();
    expect(report.generatedAt).toBeGreaterThanOrEqual(itemStartedAt);
    expect(report.title).toBe('Test session');
  });

  it('keeps the requests with their outcome, their titles and the one waiting now', async () => {
    const record = RecordResponse.parse((await get('record')).body);
    expect(record.requests.map((r) => [r.delegationId, r.outcome, r.waitingAtClose])).toEqual([
      ['mexico', 'granted', false],
      ['morocco', 'withdrawn', false],
      ['ituc', 'removed', true],
      ['iom', 'granted', true],
    ]);
    for (const r of record.requests) {
      expect(r).toMatchObject({ itemTitle: 'Panel', stepTitle: 'Interactive discussion' });
      expect(r.endedAt).toBeGreaterThanOrEqual(r.requestedAt);
    }
    const granted = record.requests.filter((r) => r.outcome === 'granted');
    expect(granted.map((r) => r.turnId)).toEqual([record.turns[2]?.id, record.turns[3]?.id]);
    expect(record.requests[3]?.madeBy).toBe('delegate');
    expect(record.requests[2]?.madeBy).toBe('officer');
    expect(record.requests[0]?.sex).toBe('female');
    expect(record.waiting).toEqual([
      expect.objectContaining({
        delegationId: 'mexico',
        position: 1,
        itemTitle: 'Panel',
        stepTitle: 'Interactive discussion',
        madeBy: 'delegate',
        waitingAtClose: false,
      }),
    ]);
    expect(record.steps.map((s) => [s.itemId, s.stepId, s.stepTitle])).toEqual([
      ['panel', 'opening', 'Opening'],
    ]);
    const steps = await get<{ steps: unknown[] }>('steps');
    expect(steps.body.steps).toEqual(record.steps);
  });

  it('writes record.csv with one row per turn, as the JSON says', async () => {
    const record = RecordResponse.parse((await get('record')).body);
    const csv = await get<string>('record.csv');
    expect(csv.headers.get('content-disposition')).toContain(`${meetingId}-record.csv`);
    const rows = csvObjects(csv.text);
    expect(rows).toHaveLength(record.turns.length);
    rows.forEach((row, i) => {
      const turn = record.turns[i] as TurnRecord;
      const text = (v: string | number | undefined) => (v === undefined ? '' : String(v));
      expect(row).toEqual({
        id: turn.id,
        itemId: turn.itemId,
        itemTitle: turn.itemTitle,
        stepId: turn.stepId,
        stepTitle: turn.stepTitle,
        segment: text(turn.segment),
        // A name a spreadsheet would run as a formula is written as text.
        speakerName: turn.speakerName.startsWith('=') ? `'${turn.speakerName}` : turn.speakerName,
        speakerId: text(turn.speakerId),
        delegationId: text(turn.delegationId),
        delegationName: text(turn.delegationName),
        category: text(turn.category),
        sex: text(turn.sex),
        kind: 'statement',
        onBehalfOfId: '',
        onBehalfOfName: '',
        addressedTo: '',
        addressedToNames: '',
        requestId: text(turn.requestId),
        limitMs: text(turn.limitMs),
        warnAtMs: text(turn.warnAtMs),
        startedAt: text(turn.startedAt),
        endedAt: text(turn.endedAt),
        spokenMs: text(turn.spokenMs),
        overtimeMs: text(turn.overtimeMs),
        startedAtUtc: new Date(turn.startedAt).toISOString(),
        endedAtUtc: new Date(turn.endedAt).toISOString(),
      });
    });
  });

  it('writes requests.csv with one row per request, the waiting ones last', async () => {
    const record = RecordResponse.parse((await get('record')).body);
    const csv = await get<string>('requests.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = csvObjects(csv.text);
    expect(rows).toHaveLength(record.requests.length + record.waiting.length);
    record.requests.forEach((r, i) => {
      expect(rows[i]).toEqual({
        id: r.id,
        itemId: r.itemId,
        itemTitle: r.itemTitle,
        stepId: r.stepId,
        stepTitle: r.stepTitle,
        delegationId: r.delegationId,
        delegationName: r.delegationName,
        category: r.category,
        speakerName: r.speakerName === undefined ? '' : `'${r.speakerName}`,
        sex: r.sex ?? '',
        kind: 'statement',
        onBehalfOfId: '',
        onBehalfOfName: '',
        addressedTo: '',
        addressedToNames: '',
        madeBy: r.madeBy,
        outcome: r.outcome,
        waitingAtClose: String(r.waitingAtClose),
        position: '',
        turnId: r.turnId ?? '',
        requestedAt: String(r.requestedAt),
        endedAt: String(r.endedAt),
        requestedAtUtc: new Date(r.requestedAt).toISOString(),
        endedAtUtc: new Date(r.endedAt).toISOString(),
      });
    });
    const waiting = rows[record.requests.length];
    const w = record.waiting[0];
    expect(waiting).toMatchObject({
      id: w?.id,
      delegationId: 'mexico',
      outcome: 'waiting',
      position: '1',
      endedAt: '',
      endedAtUtc: '',
      requestedAtUtc: new Date(w?.requestedAt ?? 0).toISOString(),
    });
  });

  it('names the request still waiting now: delegation, when it asked, which step', async () => {
    const report = (await get<ReportResponse>('report')).body;
    expect(report.leftWaiting.unheard).toEqual([]);
    expect(report.leftWaiting.now).toEqual([
      {
        id: expect.any(String),
        delegationId: 'mexico',
        delegationName: 'Mexico',
        kind: 'statement',
        requestedAt: expect.any(Number),
        itemId: 'panel',
        itemTitle: 'Panel',
        stepId: 'discussion',
        stepTitle: 'Interactive discussion',
        waitingAtClose: false,
      },
    ]);
  });

  it('counts the request left in the queue as unheard once the step ends', async () => {
    const waiting = (await get<ReportResponse>('report')).body.leftWaiting.now[0];
    clock.advance(MINUTE);
    await ok(chair, { type: 'agenda.next' });
    const report = (await get<ReportResponse>('report')).body;
    expect(report.leftWaiting.now).toEqual([]);
    expect(report.leftWaiting.unheard).toEqual([{ ...waiting, endedAt: expect.any(Number) }]);
    expect(report.leftWaiting.unheard[0]?.endedAt).toBe((waiting?.requestedAt ?? 0) + MINUTE);
    expect(report.meeting.requests.unheard).toBe(1);
    expect(report.meeting.requests.made).toBe(5);
    expect(report.waitingNow).toEqual({ itemId: 'strict', stepId: 'short', count: 0 });
    const rows = csvObjects((await get<string>('requests.csv')).text);
    expect(rows.map((r) => r.outcome)).toEqual([
      'granted',
      'withdrawn',
      'removed',
      'granted',
      'unheard',
    ]);
  });

  it('shows the report to chairs and moderators only', async () => {
    const operator = await http(server.url, `/api/meetings/${meetingId}/report`, {
      token: ADMIN_TOKEN,
    });
    expect(operator.status).toBe(401);
    const unknown = await http(server.url, '/api/meetings/nosuchmeeting/report', {
      token: chairToken,
    });
    expect(unknown.status).toBe(404);
    const malformed = await http(server.url, '/api/meetings/not%20an%20id/report', {
      token: chairToken,
    });
    expect(malformed.status).toBe(404);
  });
});

describe('the record and the report of a group statement, a reply and a point of order', () => {
  const clock = new ManualClock();
  let server: TestServer;
  let meetingId: string;
  let chairToken: string;
  const clients: Client[] = [];
  let chair: Client;
  let moderator: Client;
  let mexico: Client;
  let morocco: Client;
  let egypt: Client;
  let iom: Client;

  const get = <T>(path: string) =>
    http<T>(server.url, `/api/meetings/${meetingId}/${path}`, { token: chairToken });
  /** A delegation asks for the floor: the id of its request, once the moderator sees it. */
  const ask = async (
    client: Client,
    delegationId: string,
    command: Extract<Command, { type: 'floor.request' }>,
  ): Promise<string> => {
    const view = await stateAt(moderator, await ok(client, command));
    const kind = command.kind ?? 'statement';
    const id = view.floor.queue.find((r) => r.delegationId === delegationId && r.kind === kind)?.id;
    if (id === undefined) throw new Error(`no ${kind} of ${delegationId} in the queue`);
    return id;
  };

  beforeAll(async () => {
    server = await startServer({ clock });
    // The test roster with Egypt, and an African Group of two: groups come with the meeting.
    const created = await http<{ meetingId: string; codes: MeetingCodes }>(
      server.url,
      '/api/meetings',
      {
        token: ADMIN_TOKEN,
        body: {
          agenda: TEST_AGENDA_INPUT,
          roster: [...TEST_ROSTER, { id: 'egypt', name: 'Egypt', category: 'member-state' }],
          groups: [{ id: 'african-group', name: 'African Group', members: ['egypt', 'morocco'] }],
        },
      },
    );
    expect(created.status).toBe(201);
    meetingId = created.body.meetingId;
    const { codes } = created.body;
    const open = async (code: string | undefined) => {
      const token = (await join(server.url, meetingId, code ?? '')).token;
      const client = await connect(server.url, token);
      clients.push(client);
      return { client, token };
    };
    const chairSide = await open(codes.chair);
    chair = chairSide.client;
    chairToken = chairSide.token;
    moderator = (await open(codes.moderator)).client;
    mexico = (await open(codes.delegations.mexico)).client;
    morocco = (await open(codes.delegations.morocco)).client;
    egypt = (await open(codes.delegations.egypt)).client;
    iom = (await open(codes.delegations.iom)).client;
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
  });

  it('drives it: a point of order interrupts the moderator, then a group statement, a question and a reply', async () => {
    await ok(chair, { type: 'agenda.start' });
    await ok(moderator, { type: 'turn.start' }); // the moderator opens the panel
    clock.advance(1_000);
    // Mexico rises to a point of order in the middle of the opening remarks.
    await ok(mexico, { type: 'floor.request', kind: 'point-of-order' });
    const granted = await stateAt(moderator, await ok(moderator, { type: 'floor.next' }));
    expect(granted.interrupted?.speaker.name).toBe('The moderator');
    clock.advance(300);
    await ok(moderator, { type: 'turn.end' }); // the moderator has the floor back, paused
    await ok(moderator, { type: 'turn.resume' });
    clock.advance(500);
    await ok(moderator, { type: 'agenda.next' });

    // Egypt for itself, Morocco on behalf of the African Group (heard first), IOM questions the
    // expert and the moderator.
    const egyptOwn = await ask(egypt, 'egypt', { type: 'floor.request' });
    const forGroup = await ask(morocco, 'morocco', {
      type: 'floor.request',
      onBehalfOf: 'african-group',
      sex: 'female',
    });
    const question = await ask(iom, 'iom', {
      type: 'floor.request',
      addressedTo: ['expert', 'moderator'],
    });
    expect(moderator.latest().floor.queue.map((r) => r.id)).toEqual([forGroup, egyptOwn, question]);
    for (const [requestId, ms] of [
      [forGroup, 2_000],
      [egyptOwn, 1_000],
      [question, 400],
    ] as const) {
      await ok(moderator, { type: 'floor.next', requestId });
      clock.advance(ms);
      await ok(moderator, { type: 'turn.end' });
    }
    // The list closes; Egypt still replies to IOM, behind every statement.
    await ok(moderator, { type: 'floor.close' });
    const reply = await ask(egypt, 'egypt', { type: 'floor.request', kind: 'reply' });
    await ok(moderator, { type: 'floor.next', requestId: reply });
    clock.advance(700);
    await ok(moderator, { type: 'turn.end' });
    // A second reply from Egypt waits as the report is read.
    await ok(egypt, { type: 'floor.request', kind: 'reply' });
  });

  it('writes the kind, the group and the panelists addressed in record.csv', async () => {
    const record = RecordResponse.parse((await get('record')).body);
    const rows = csvObjects((await get<string>('record.csv')).text);
    const pick = ({
      speakerName,
      delegationId,
      kind,
      onBehalfOfId,
      onBehalfOfName,
      addressedTo,
      addressedToNames,
      spokenMs,
    }: Record<string, string>) => ({
      speakerName,
      delegationId,
      kind,
      onBehalfOfId,
      onBehalfOfName,
      addressedTo,
      addressedToNames,
      spokenMs,
    });
    const none = { onBehalfOfId: '', onBehalfOfName: '', addressedTo: '', addressedToNames: '' };
    // In the order the turns ended: the point of order before the turn it interrupted.
    expect(rows.map(pick)).toEqual([
      {
        speakerName: 'Mexico',
        delegationId: 'mexico',
        kind: 'point-of-order',
        ...none,
        spokenMs: '300',
      },
      {
        speakerName: 'The moderator',
        delegationId: '',
        kind: 'statement',
        ...none,
        spokenMs: '1500',
      },
      {
        speakerName: 'Morocco',
        delegationId: 'morocco',
        kind: 'statement',
        ...none,
        onBehalfOfId: 'african-group',
        onBehalfOfName: 'African Group',
        spokenMs: '2000',
      },
      { speakerName: 'Egypt', delegationId: 'egypt', kind: 'statement', ...none, spokenMs: '1000' },
      {
        speakerName: 'International Organization for Migration',
        delegationId: 'iom',
        kind: 'statement',
        ...none,
        addressedTo: 'expert; moderator',
        addressedToNames: 'The expert; The moderator',
        spokenMs: '400',
      },
      { speakerName: 'Egypt', delegationId: 'egypt', kind: 'reply', ...none, spokenMs: '700' },
    ]);
    // The JSON says the same.
    expect(record.turns.map((t) => [t.kind, t.onBehalfOf?.id, t.addressedTo])).toEqual([
      ['point-of-order', undefined, undefined],
      ['statement', undefined, undefined],
      ['statement', 'african-group', undefined],
      ['statement', undefined, undefined],
      ['statement', undefined, ['expert', 'moderator']],
      ['reply', undefined, undefined],
    ]);
  });

  it('writes them in requests.csv too, the reply waiting now last', async () => {
    const rows = csvObjects((await get<string>('requests.csv')).text);
    expect(
      rows.map((r) => [
        r.delegationId,
        r.kind,
        r.onBehalfOfId,
        r.onBehalfOfName,
        r.addressedToNames,
        r.outcome,
      ]),
    ).toEqual([
      ['mexico', 'point-of-order', '', '', '', 'granted'],
      ['morocco', 'statement', 'african-group', 'African Group', '', 'granted'],
      ['egypt', 'statement', '', '', '', 'granted'],
      ['iom', 'statement', '', '', 'The expert; The moderator', 'granted'],
      ['egypt', 'reply', '', '', '', 'granted'],
      ['egypt', 'reply', '', '', '', 'waiting'],
    ]);
  });

  it('reports the group statement for the group, the reply and the point of order apart', async () => {
    const report = (await get<ReportResponse>('report')).body;
    const m = report.meeting;
    expect(m.turns).toBe(6);
    expect(m.spokenMs).toBe(300 + 1_500 + 2_000 + 1_000 + 400 + 700);
    // Morocco spoke only for the African Group: it has no time of its own.
    expect(m.byDelegation.map((d) => [d.delegationId, d.turns, d.spokenMs])).toEqual([
      ['egypt', 2, 1_700],
      ['iom', 1, 400],
      ['mexico', 1, 300],
    ]);
    expect(m.byGroup).toEqual([
      {
        groupId: 'african-group',
        name: 'African Group',
        turns: 1,
        spokenMs: 2_000,
        speakers: [
          {
            delegationId: 'morocco',
            name: 'Morocco',
            category: 'member-state',
            turns: 1,
            spokenMs: 2_000,
          },
        ],
      },
    ]);
    expect(m.byCategory.group).toEqual({ turns: 1, spokenMs: 2_000 });
    expect(m.byCategory['member-state']).toEqual({ turns: 3, spokenMs: 300 + 1_000 + 700 });
    expect(m.bySex.female).toEqual({ turns: 1, spokenMs: 2_000 });
    expect(m.byKind).toEqual({
      speaker: { turns: 1, spokenMs: 1_500 },
      statement: { turns: 2, spokenMs: 1_400 },
      'group-statement': { turns: 1, spokenMs: 2_000 },
      reply: { turns: 1, spokenMs: 700 },
      'point-of-order': { turns: 1, spokenMs: 300 },
    });
    expect(m.replies).toEqual({
      turns: 1,
      spokenMs: 700,
      byDelegation: [
        { delegationId: 'egypt', name: 'Egypt', category: 'member-state', turns: 1, spokenMs: 700 },
      ],
    });
    expect(m.pointsOfOrder).toMatchObject({
      turns: 1,
      spokenMs: 300,
      list: [
        {
          delegationName: 'Mexico',
          stepTitle: 'Opening',
          spokenMs: 300,
          interrupted: { speakerName: 'The moderator', kind: 'statement' },
        },
      ],
    });
    // The reply waiting now is named with its kind.
    expect(report.leftWaiting.now).toMatchObject([{ delegationName: 'Egypt', kind: 'reply' }]);
    expect(report.items.find((i) => i.itemId === 'panel')?.section.byGroup).toEqual(m.byGroup);
  });
});

describe('the report of a list closed while a request waits', () => {
  const live = withRoom('block');

  it('counts the request still waiting behind the closed list as waiting when it closed', async () => {
    const { chair, mexico, moderator } = live.room;
    await ok(chair, { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' });
    await ok(mexico, { type: 'floor.request', speakerName: 'H.E. Ms. Ana Pérez' });
    await ok(moderator, { type: 'floor.close' });
    const report = (
      await http<ReportResponse>(live.server.url, `/api/meetings/${live.room.meetingId}/report`, {
        token: live.room.tokens.chair,
      })
    ).body;
    expect(report.meeting.requests.waitingAtClose).toBe(1);
    expect(report.items.find((i) => i.itemId === 'panel')?.section.requests.waitingAtClose).toBe(1);
    expect(report.leftWaiting.now).toMatchObject([
      { delegationName: 'Mexico', speakerName: 'H.E. Ms. Ana Pérez', waitingAtClose: true },
    ]);
  });
});

describe('an agenda file', () => {
  let server: TestServer;
  const example = JSON.parse(readFileSync('docs/examples/agenda.json', 'utf8')) as AgendaInput;

  beforeAll(async () => {
    server = await startServer({ createDefaultMeeting: false });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('docs/examples/agenda.json makes a meeting', async () => {
    const created = await createMeeting(server.url, { agenda: example });
    const list = await http<{ meetingId: string; title: string }[]>(server.url, '/api/meetings');
    expect(list.body).toContainEqual({
      meetingId: created.meetingId,
      title: 'Informal dialogue on migrant children and youth',
    });
    const chair = await join(server.url, created.meetingId, created.codes.chair);
    const client = await connect(server.url, chair.token);
    const { agenda } = client.latest();
    client.close();
    expect(agenda.timeZone).toBe('Europe/Zurich');
    expect(agenda.items.map((i) => i.id)).toEqual([
      'opening',
      'roundtable-1',
      'roundtable-2',
      'closing',
    ]);
    // The default roster stands in for the absent one.
    expect(Object.keys(created.codes.delegations)).toContain('mexico');
  });

  it('a broken copy is refused, naming the field at fault', async () => {
    const broken = structuredClone(example);
    const discussion = broken.items[1]?.steps[1];
    if (!discussion) throw new Error('the example has changed');
    discussion.allowance = { limitMs: 180_000, warnAtMs: 200_000 };
    const answer = await http<{ error: { code: string; message: string } }>(
      server.url,
      '/api/meetings',
      { body: { agenda: broken }, token: ADMIN_TOKEN },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid');
    expect(answer.body.error.message).toContain('agenda.items.1.steps.1.allowance.warnAtMs');

    const noSitting = structuredClone(example);
    const closing = noSitting.items[3];
    if (closing) closing.sittingId = 'evening';
    const refused = await http<{ error: { message: string } }>(server.url, '/api/meetings', {
      body: { agenda: noSitting },
      token: ADMIN_TOKEN,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('agenda.items.3.sittingId: no sitting "evening"');
  });
});
