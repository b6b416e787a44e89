import { describe, expect, it } from 'vitest';
import { HttpErrorResponse } from '../../../shared/protocol/http';
import { withRoom } from '../../support/meeting';
import {
  ADMIN_TOKEN,
  http,
  ok,
  stateAt,
  TEST_AGENDA_INPUT,
  TEST_ROSTER,
} from '../../support/server';

/** The attacks of issue 11: each would have reached every screen of the room. */
const ATTACKS = {
  'a bidirectional override': 'Alice \u202Eexe.live',
  'a C1 control character': 'Alice\u0085',
  'nothing but invisible characters': '\u200b\u2060\u200b',
  'a Hangul filler, a letter that draws nothing': '\u3164',
  'a hundred stacked combining marks': `Z${'\u0301\u0302\u0303\u0304\u0306'.repeat(20)}`,
  'a private-use character': 'Alice \ue000',
};

describe('names shown to the room, over a real socket', () => {
  const live = withRoom('block');

  it('are refused with invalid, naming the field, and change nothing', async () => {
    const { chair, mexico, moderator } = live.room;
    await ok(chair, { type: 'agenda.start' });
    const floor = await ok(chair, { type: 'agenda.next' });
    for (const [what, name] of Object.entries(ATTACKS)) {
      for (const [client, command, field] of [
        [mexico, { type: 'floor.request', speakerName: name }, 'speakerName'],
        [
          moderator,
          { type: 'floor.add', delegationId: 'morocco', speakerName: name },
          'speakerName',
        ],
        [
          chair,
          { type: 'agenda.edit', change: { target: 'item', itemId: 'panel', title: name } },
          'change.title',
        ],
        [chair, { type: 'session.suspend', note: name }, 'note'],
      ] as const) {
        const ack = await client.send(command);
        expect(ack.ok, `${what} in ${field}`).toBe(false);
        if (!ack.ok) {
          expect(ack.error.code).toBe('invalid');
          expect(ack.error.message, what).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
        }
      }
    }
    expect(live.server.app.rostrum.registry.get(live.room.meetingId)?.version).toBe(floor);
  });

  it('are stored and shown in NFC, however they were typed', async () => {
    const { chair, mexico, display } = live.room;
    const version = await ok(mexico, {
      type: 'floor.request',
      speakerName: ' Jose\u0301 Pe\u0301rez ',
    });
    const view = await stateAt(display, version);
    expect(view.floor.queue.find((r) => r.delegationId === 'mexico')?.speakerName).toBe(
      'José Pérez',
    );
    await ok(chair, { type: 'floor.remove', requestId: view.floor.queue[0]?.id ?? '' });
  });
});

describe('names in agenda and roster files, over HTTP', () => {
  const live = withRoom('block');

  it('are refused with 400 invalid, naming the field', async () => {
    const refused = async (body: unknown, field: string) => {
      const answer = await http(live.server.url, '/api/meetings', { body, token: ADMIN_TOKEN });
      expect(answer.status).toBe(400);
      const { error } = HttpErrorResponse.parse(answer.body);
      expect(error.code).toBe('invalid');
      expect(error.message).toContain(field);
    };
    for (const name of Object.values(ATTACKS)) {
      await refused(
        { agenda: TEST_AGENDA_INPUT, roster: [{ id: 'x', name, category: 'observer' }] },
        'roster.0.name: ',
      );
      await refused(
        { agenda: { ...TEST_AGENDA_INPUT, title: name }, roster: TEST_ROSTER },
        'agenda.title: ',
      );
    }
    const speakers = structuredClone(TEST_AGENDA_INPUT);
    const step = speakers.items[0]?.steps[0];
    if (step?.kind !== 'speakers') throw new Error('the test agenda changed');
    step.speakers = [{ id: 'x', name: ATTACKS['a bidirectional override'], role: 'Expert' }];
    await refused(
      { agenda: speakers, roster: TEST_ROSTER },
      'agenda.items.0.steps.0.speakers.0.name: ',
    );
  });
});
