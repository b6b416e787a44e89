import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../shared/permissions';
import { COMMAND_TYPES, type Command } from '../../shared/protocol/commands';
import type { CommandAck } from '../../shared/protocol/errors';
import { CreateMeetingResponse, GroupsResponse, RecordResponse } from '../../shared/protocol/http';
import { csvObjects } from '../support/csv';
import { withRoom } from '../support/meeting';
import {
  ADMIN_TOKEN,
  type Client,
  connect,
  http,
  join,
  ok,
  stateAt,
  TEST_AGENDA_INPUT,
  TEST_ROSTER,
} from '../support/server';

/**
 * One well-formed example of each command. Typed loosely on purpose: a command added to the
 * protocol without an example here fails the first test below, by name.
 */
const EXAMPLES: Record<string, Record<string, unknown>> = {
  'agenda.start': { type: 'agenda.start' },
  'agenda.next': { type: 'agenda.next' },
  'agenda.goto': { type: 'agenda.goto', itemId: 'panel', stepId: 'discussion' },
  'agenda.edit': { type: 'agenda.edit', change: { target: 'meeting', title: 'Renamed session' } },
  'display.configure': { type: 'display.configure', showDelay: true },
  'cue.send': { type: 'cue.send', text: 'Please conclude' },
  'cue.clear': { type: 'cue.clear' },
  'session.suspend': { type: 'session.suspend', note: 'Lunch' },
  'session.resume': { type: 'session.resume' },
  'session.close': { type: 'session.close' },
  'session.reopen': { type: 'session.reopen' },
  'turn.start': { type: 'turn.start' },
  'turn.pause': { type: 'turn.pause' },
  'turn.resume': { type: 'turn.resume' },
  'turn.end': { type: 'turn.end' },
  'turn.adjust': { type: 'turn.adjust', deltaMs: 30_000 },
  'floor.request': { type: 'floor.request' },
  'floor.withdraw': { type: 'floor.withdraw' },
  'floor.add': { type: 'floor.add', delegationId: 'morocco' },
  'floor.remove': { type: 'floor.remove', requestId: 'R1' },
  'floor.move': { type: 'floor.move', requestId: 'R1', position: 0 },
  'floor.grant': { type: 'floor.grant', requestId: 'R1' },
  'floor.next': { type: 'floor.next' },
  'floor.close': { type: 'floor.close' },
  'floor.open': { type: 'floor.open' },
  'floor.segment': { type: 'floor.segment', segment: 'panel' },
};

const refusal = (ack: CommandAck): string => (ack.ok ? 'accepted' : ack.error.code);

describe('commands over socket.io', () => {
  const live = withRoom('test');

  it('lets each role send exactly the commands of the permission table', async () => {
    const { codes, meetingId } = live.room;
    const roles = {
      chair: codes.chair,
      moderator: codes.moderator,
      display: codes.display,
      delegate: codes.delegations.mexico ?? '',
    };
    // A discussion under way, so that most commands could act.
    const version = await ok(live.room.chair, {
      type: 'agenda.goto',
      itemId: 'panel',
      stepId: 'discussion',
    });
    let cells = 0;
    for (const type of COMMAND_TYPES) {
      for (const [role, code] of Object.entries(roles)) {
        const allowed = (PERMISSIONS[type] as readonly string[]).includes(role);
        // Each cell from a new device joined with the role's code: command limits belong to a
        // token, across its sockets, so a token of its own keeps them out of the way. A
        // forbidden command changes nothing; an allowed one carries a wrong expectedVersion, so
        // it is refused for that, after the permission check, and changes nothing either.
        const example = EXAMPLES[type];
        expect(example, `an example of ${type}`).toBeDefined();
        const { token } = await join(live.server.url, meetingId, code);
        const client = await connect(live.server.url, token);
        const ack = await client.send({ ...example, expectedVersion: version + 1000 });
        client.close();
        expect(refusal(ack), `${role} sends ${type}`).toBe(allowed ? 'conflict' : 'forbidden');
        cells++;
      }
    }
    // Nothing changed.
    expect(await ok(live.room.chair, { type: 'floor.close' })).toBe(version + 1);
    expect(cells).toBe(COMMAND_TYPES.length * 4);
  });

  it('runs a panel from start to close with every command of the contract', async () => {
    const { chair, moderator, mexico, morocco, iom, display } = live.room;
    /** Sends a command that must be accepted and answers what the display shows after it. */
    const shown = async (client: Client, command: Command) =>
      stateAt(display, await ok(client, command));

    let view = await shown(chair, { type: 'agenda.start' });
    expect(view.status).toBe('running');
    expect(view.current).toMatchObject({ itemId: 'panel', stepId: 'opening' });

    // The speakers step: scheduled speakers in order, the clock paused, resumed, adjusted, ended.
    view = await shown(moderator, { type: 'turn.start' });
    expect(view.turn).toMatchObject({
      speaker: { name: 'The moderator' },
      status: 'running',
      limitMs: 420_000,
      warnAtMs: 300_000,
      elapsedMs: 0,
    });
    const firstTurn = view.turn?.id ?? '';
    view = await shown(moderator, { type: 'turn.pause', turnId: firstTurn });
    expect(view.turn).toMatchObject({ status: 'paused', startedAt: null });
    view = await shown(chair, { type: 'turn.resume', turnId: firstTurn });
    expect(view.turn?.status).toBe('running');
    view = await shown(moderator, { type: 'turn.adjust', deltaMs: 60_000, turnId: firstTurn });
    expect(view.turn).toMatchObject({ limitMs: 480_000, warnAtMs: 360_000 });
    view = await shown(moderator, { type: 'turn.start' });
    expect(view.turn?.speaker.name).toBe('The expert');
    view = await shown(moderator, { type: 'turn.end' });
    expect(view.turn).toBeNull();

    // The discussion: requests, the queue policy, moves, grants, the list closed and reopened.
    view = await shown(chair, { type: 'agenda.next', fromStepId: 'opening' });
    expect(view.current?.stepId).toBe('discussion');
    await ok(iom, { type: 'floor.request', speakerName: 'Director General' });
    view = await shown(mexico, {
      type: 'floor.request',
      speakerName: 'H.E. Ms. Ana Pérez',
      sex: 'female',
    });
    // States first: Mexico goes before IOM, who asked earlier.
    expect(view.floor.queue.map((r) => r.delegationId)).toEqual(['mexico', 'iom']);
    view = await shown(moderator, {
      type: 'floor.add',
      delegationId: 'morocco',
      speakerName: 'The Ambassador',
    });
    expect(view.floor.queue.map((r) => r.delegationId)).toEqual(['mexico', 'morocco', 'iom']);
    const iomRequest = view.floor.queue[2]?.id ?? '';
    view = await shown(moderator, { type: 'floor.move', requestId: iomRequest, position: 0 });
    expect(view.floor.queue.map((r) => r.delegationId)).toEqual(['iom', 'mexico', 'morocco']);
    view = await shown(morocco, { type: 'floor.withdraw' });
    expect(view.floor.queue.map((r) => r.delegationId)).toEqual(['iom', 'mexico']);
    view = await shown(moderator, { type: 'floor.close' });
    expect(view.floor.open).toBe(false);
    view = await shown(moderator, { type: 'floor.open' });
    expect(view.floor.open).toBe(true);
    view = await shown(moderator, { type: 'floor.grant', requestId: iomRequest });
    expect(view.turn).toMatchObject({
      requestId: iomRequest,
      segment: 'floor',
      limitMs: 180_000,
      speaker: { name: 'Director General', delegationId: 'iom', category: 'un-system' },
    });
    view = await shown(moderator, { type: 'floor.next' });
    expect(view.turn?.speaker.delegationId).toBe('mexico');
    expect(view.floor.queue).toHaveLength(0);
    view = await shown(moderator, { type: 'floor.add', delegationId: 'holy-see' });
    view = await shown(moderator, {
      type: 'floor.remove',
      requestId: view.floor.queue[0]?.id ?? '',
    });
    expect(view.floor.queue).toHaveLength(0);
    view = await shown(moderator, { type: 'floor.segment', segment: 'panel' });
    expect(view.floor.segment).toBe('panel');
    view = await shown(moderator, { type: 'turn.start', speakerId: 'expert' });
    expect(view.turn).toMatchObject({ speaker: { name: 'The expert' }, segment: 'panel' });
    view = await shown(moderator, {
      type: 'turn.start',
      speaker: { name: 'Ms. Jane Doe', delegationId: 'ituc' },
    });
    expect(view.turn?.speaker).toMatchObject({ name: 'Ms. Jane Doe', delegationId: 'ituc' });
    view = await shown(moderator, { type: 'floor.segment', segment: 'floor' });
    expect(view.floor.segment).toBe('floor');

    // Suspension and the rest of the agenda.
    view = await shown(chair, { type: 'session.suspend', note: 'Lunch break' });
    expect(view.status).toBe('suspended');
    expect(view.suspension?.note).toBe('Lunch break');
    expect(view.turn?.status).toBe('paused');
    view = await shown(chair, { type: 'session.resume' });
    expect(view.status).toBe('running');
    view = await shown(chair, { type: 'agenda.goto', itemId: 'strict' });
    expect(view.current?.itemId).toBe('strict');
    view = await shown(chair, { type: 'agenda.next' });
    expect(view.status).toBe('closed');
    expect(view.current).toBeNull();

    // The record holds every turn, and agrees as JSON and as CSV.
    const record = await http<{
      turns: { speakerName: string; sex?: string; delegationId?: string }[];
      requests: { outcome: string }[];
    }>(live.server.url, `/api/meetings/${live.room.meetingId}/record`, {
      token: live.room.tokens.chair,
    });
    expect(record.body.turns.map((t) => t.speakerName)).toEqual([
      'The moderator',
      'The expert',
      'Director General',
      'H.E. Ms. Ana Pérez',
      'The expert',
      'Ms. Jane Doe',
    ]);
    expect(record.body.turns[3]).toMatchObject({ delegationId: 'mexico', sex: 'female' });
    expect(record.body.requests.map((r) => r.outcome).sort()).toEqual([
      'granted',
      'granted',
      'removed',
      'withdrawn',
    ]);
    const csv = await http(live.server.url, `/api/meetings/${live.room.meetingId}/record.csv`, {
      token: live.room.tokens.moderator,
    });
    const rows = csvObjects(csv.text);
    const turns = RecordResponse.parse(record.body).turns;
    expect(rows).toHaveLength(turns.length);
    rows.forEach((row, i) => {
      const turn = turns[i];
      if (!turn) throw new Error('a row too many');
      expect(row).toMatchObject({
        id: turn.id,
        itemId: turn.itemId,
        stepTitle: turn.stepTitle,
        speakerName: turn.speakerName,
        delegationId: turn.delegationId ?? '',
        sex: turn.sex ?? '',
        segment: turn.segment ?? '',
        startedAt: String(turn.startedAt),
        endedAt: String(turn.endedAt),
        spokenMs: String(turn.spokenMs),
        overtimeMs: String(turn.overtimeMs),
        limitMs: String(turn.limitMs),
      });
      expect(new Date(row.startedAtUtc ?? '').getTime()).toBe(turn.startedAt);
    });
  });

  it('answers every refusal with its code and changes nothing', async () => {
    const { chair, moderator, mexico, morocco, display } = live.room;
    // A refusal changes nothing: the versions of the accepted commands below run 1, 2, 3... with
    // no gap, whatever was refused between them.
    const refused = async (client: Client, command: unknown, code: string) => {
      const ack = await client.send(command);
      expect(ack.ok, JSON.stringify(command)).toBe(false);
      if (ack.ok) return '';
      expect(ack.error.code, JSON.stringify(command)).toBe(code);
      expect(ack.error.message.length).toBeGreaterThan(5);
      return ack.error.message;
    };
    let accepted = 0;
    const accept = async (client: Client, command: Command) => {
      expect(await ok(client, command)).toBe(++accepted);
    };
    // invalid: fails the schema, with the field named.
    expect(await refused(chair, { type: 'agenda.teleport' }, 'invalid')).toContain('type');
    expect(
      await refused(moderator, { type: 'floor.add', delegationId: 'Not An Id' }, 'invalid'),
    ).toContain('delegationId');
    expect(
      await refused(mexico, { type: 'floor.request', speakerName: 'x'.repeat(201) }, 'invalid'),
    ).toContain('speakerName');
    expect(await refused(chair, { type: 'turn.adjust', deltaMs: 0 }, 'invalid')).toContain(
      'deltaMs',
    );
    expect(await refused(chair, { type: 'agenda.start', extra: true }, 'invalid')).toContain(
      'extra',
    );
    await refused(chair, 'agenda.start', 'invalid');
    await refused(chair, null, 'invalid');
    // forbidden: not for this role; displays send nothing.
    await refused(display, { type: 'agenda.start' }, 'forbidden');
    await refused(mexico, { type: 'agenda.start' }, 'forbidden');
    await refused(moderator, { type: 'agenda.start' }, 'forbidden');
    await refused(chair, { type: 'floor.request' }, 'forbidden');
    // not_now: not possible in this state.
    await refused(chair, { type: 'agenda.next' }, 'not_now');
    await refused(chair, { type: 'session.resume' }, 'not_now');
    await accept(chair, { type: 'agenda.start' });
    await refused(mexico, { type: 'floor.request' }, 'not_now');
    await refused(moderator, { type: 'turn.end' }, 'not_now');
    // not_found
    await refused(chair, { type: 'agenda.goto', itemId: 'no-such-item' }, 'not_found');
    await accept(chair, { type: 'agenda.next', fromStepId: 'opening' });
    await refused(moderator, { type: 'floor.next' }, 'not_found');
    await refused(moderator, { type: 'floor.grant', requestId: 'R999' }, 'not_found');
    await refused(moderator, { type: 'floor.add', delegationId: 'atlantis' }, 'not_found');
    await refused(morocco, { type: 'floor.withdraw' }, 'not_found');
    // conflict: expectedVersion, fromStepId, turnId.
    await refused(chair, { type: 'floor.close', expectedVersion: accepted - 1 }, 'conflict');
    await refused(chair, { type: 'agenda.next', fromStepId: 'opening' }, 'conflict');
    await accept(mexico, { type: 'floor.request' });
    await accept(moderator, { type: 'floor.next' });
    await refused(moderator, { type: 'turn.pause', turnId: 'T1' }, 'conflict');
    // already_queued and list_closed.
    await accept(morocco, { type: 'floor.request' });
    await refused(morocco, { type: 'floor.request' }, 'already_queued');
    await refused(moderator, { type: 'floor.add', delegationId: 'morocco' }, 'already_queued');
    await accept(moderator, { type: 'floor.close' });
    await refused(mexico, { type: 'floor.request' }, 'list_closed');
    const last = await stateAt(display, accepted);
    expect(last.floor.open).toBe(false);
    expect(accepted).toBe(6);
  });

  it('refuses an agenda.edit whose agenda would not hold together, naming the field, and changes nothing', async () => {
    const { chair, display } = live.room;
    // Each change passes `AgendaChange` at the edge; only the agenda it makes, checked whole on
    // the server (the engine the screens load merges it without zod), is wrong.
    const expert = { id: 'expert', name: 'Another expert', role: 'Expert' };
    const incoherent: [unknown, string][] = [
      [
        { target: 'speakers', itemId: 'panel', stepId: 'opening', speakers: [expert, expert] },
        'agenda.items.0.steps.0.speakers.1.id: duplicate speaker id "expert"',
      ],
      [
        { target: 'item', itemId: 'strict', sittingId: 'nowhere' },
        'agenda.items.1.sittingId: no sitting "nowhere"',
      ],
      [
        { target: 'step', itemId: 'panel', stepId: 'discussion', plannedMs: 365 * 86_400_000 },
        'agenda.items.0.steps.1.plannedMs: ',
      ],
    ];
    for (const [change, words] of incoherent) {
      const ack = await chair.send({ type: 'agenda.edit', change });
      expect(ack.ok, JSON.stringify(change)).toBe(false);
      if (ack.ok) continue;
      expect(ack.error.code).toBe('invalid');
      expect(ack.error.message).toContain(words);
    }
    // Nothing was kept: the next edit is the meeting's first change, on the agenda as it was.
    expect(
      await ok(chair, {
        type: 'agenda.edit',
        change: { target: 'item', itemId: 'panel', title: '  Panel one  ' },
      }),
    ).toBe(1);
    const { agenda } = await stateAt(display, 1);
    expect(agenda.items.map((item) => [item.title, item.sittingId])).toEqual([
      ['Panel one', undefined],
      ['Strict timing', undefined],
    ]);
    const opening = agenda.items[0]?.steps[0];
    expect(opening?.kind === 'speakers' && opening.speakers.map((s) => s.id)).toEqual([
      'moderator',
      'expert',
    ]);
    expect(agenda.items[0]?.steps[1]).not.toHaveProperty('plannedMs');
  });

  it('ignores a command sent without an ack callback', async () => {
    live.room.chair.socket.emit('command', { type: 'agenda.start' });
    const ack = await live.room.chair.send({ type: 'floor.close' });
    expect(ack.ok).toBe(false);
    // The earlier command did nothing: the meeting is still pending.
    const again = await live.room.chair.send({ type: 'agenda.start' });
    expect(again).toEqual({ ok: true, version: 1 });
  });
});

describe('the procedure of contract version 2 over socket.io', () => {
  const live = withRoom('block');
  /** A group of the test roster: Mexico and Morocco, as a regional group would hold them. */
  const GROUPS = [
    { id: 'friends', name: 'Group of Friends of Migration', members: ['mexico', 'morocco'] },
  ];

  it('takes groups with the meeting and runs group statements, replies and a point of order', async () => {
    const { url } = live.server;
    const made = await http(url, '/api/meetings', {
      token: ADMIN_TOKEN,
      body: {
        // The discussion takes early requests, so Morocco asks during the opening.
        agenda: {
          ...TEST_AGENDA_INPUT,
          items: TEST_AGENDA_INPUT.items.map((item) => ({
            ...item,
            steps: item.steps.map((step) =>
              step.kind === 'floor' ? { ...step, requestsFrom: 'item' } : step,
            ),
          })),
        },
        roster: TEST_ROSTER,
        groups: GROUPS,
      },
    });
    expect(made.status).toBe(201);
    const { meetingId, codes } = CreateMeetingResponse.parse(made.body);
    // Anyone may read the groups, as the tablets do.
    const groups = await http(url, `/api/meetings/${meetingId}/groups`);
    expect(GroupsResponse.parse(groups.body)).toEqual(GROUPS);
    const client = async (code: string | undefined) =>
      connect(url, (await join(url, meetingId, code ?? '')).token);
    const chair = await client(codes.chair);
    const moderator = await client(codes.moderator);
    const mexico = await client(codes.delegations.mexico);
    const morocco = await client(codes.delegations.morocco);
    const iom = await client(codes.delegations.iom);
    const refused = async (c: Client, command: unknown) => {
      const ack = await c.send(command);
      return ack.ok ? 'accepted' : ack.error.code;
    };
    try {
      await ok(chair, { type: 'agenda.start' });
      const speaking = await stateAt(chair, await ok(chair, { type: 'turn.start' }));
      // During the opening: an early statement on behalf of the group, a point of order.
      await ok(morocco, { type: 'floor.request', onBehalfOf: 'friends' });
      expect(await refused(iom, { type: 'floor.request', onBehalfOf: 'friends' })).toBe(
        'forbidden',
      );
      expect(await refused(mexico, { type: 'floor.request', onBehalfOf: 'g77' })).toBe('not_found');
      expect(await refused(mexico, { type: 'floor.request', kind: 'reply' })).toBe('not_now');
      expect(
        await refused(mexico, { type: 'floor.request', kind: 'reply', onBehalfOf: 'friends' }),
      ).toBe('invalid');
      await ok(mexico, { type: 'floor.request', kind: 'point-of-order' });
      let view = await stateAt(chair, await ok(moderator, { type: 'floor.next' }));
      expect(view.floor.forStep).toEqual({ stepId: 'discussion', early: true });
      expect(view.turn?.speaker).toMatchObject({ delegationId: 'mexico', kind: 'point-of-order' });
      expect(view.interrupted).toMatchObject({ id: speaking.turn?.id, status: 'paused' });
      view = await stateAt(chair, await ok(moderator, { type: 'turn.end' }));
      expect(view.turn).toMatchObject({ id: speaking.turn?.id, status: 'paused' });
      expect(view.interrupted).toBeNull();

      // The discussion: the group statement carried in, a reply after the list closed.
      view = await stateAt(chair, await ok(chair, { type: 'agenda.next' }));
      expect(view.floor.queue).toMatchObject([
        {
          delegationId: 'morocco',
          kind: 'statement',
          onBehalfOf: { id: 'friends', name: 'Group of Friends of Migration' },
        },
      ]);
      await ok(iom, { type: 'floor.request' });
      await ok(moderator, { type: 'floor.close' });
      expect(await refused(mexico, { type: 'floor.request' })).toBe('list_closed');
      await ok(mexico, { type: 'floor.request', kind: 'reply' });
      // Mexico thinks better of its point of order, and keeps its reply.
      const point = await ok(mexico, { type: 'floor.request', kind: 'point-of-order' });
      const withdrawn = await ok(mexico, { type: 'floor.withdraw', requestId: `R${point}` });
      view = await stateAt(chair, withdrawn);
      expect(view.floor.queue.map((r) => `${r.delegationId}:${r.kind}`)).toEqual([
        'morocco:statement',
        'iom:statement',
        'mexico:reply',
      ]);
      view = await stateAt(chair, await ok(moderator, { type: 'floor.next' }));
      expect(view.turn).toMatchObject({
        limitMs: 300_000,
        speaker: { delegationId: 'morocco', onBehalfOf: { id: 'friends' } },
      });
      await ok(moderator, { type: 'floor.next' });
      view = await stateAt(chair, await ok(moderator, { type: 'floor.next' }));
      expect(view.turn).toMatchObject({ limitMs: 600_000, speaker: { kind: 'reply' } });
      expect(view.current?.replies).toEqual({ mexico: 1 });
      expect(view.floor).toMatchObject({ sincePanel: 2, statesSinceOther: 1 });
      await ok(moderator, { type: 'turn.end' });

      const record = RecordResponse.parse(
        (
          await http(url, `/api/meetings/${meetingId}/record`, {
            token: (await join(url, meetingId, codes.chair)).token,
          })
        ).body,
      );
      expect(record.turns.map((t) => [t.delegationId, t.kind, t.onBehalfOf?.id])).toEqual([
        ['mexico', 'point-of-order', undefined],
        [undefined, 'statement', undefined],
        ['morocco', 'statement', 'friends'],
        ['iom', 'statement', undefined],
        ['mexico', 'reply', undefined],
      ]);
    } finally {
      for (const c of [chair, moderator, mexico, morocco, iom]) c.close();
    }
  });
});
