import { describe, expect, it } from 'vitest';
import { RequestRecord, StepRecord, TurnRecord } from '../../../shared/protocol/view';
import { delegate, EngineHarness, MINUTE, MODERATOR, SECOND } from '../../support/engine';

describe('the record of a turn', () => {
  it('holds every field the contract names, with pauses left out of the time spoken', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok(
      { type: 'floor.request', speakerName: 'H.E. Ms. Ana Pérez', sex: 'female' },
      delegate('mexico'),
    );
    const requestId = h.requestOf('mexico');
    const startedAt = h.wait(SECOND).now;
    const turnVersion = h.ok({ type: 'floor.next' }, MODERATOR);
    h.wait(MINUTE).ok({ type: 'turn.pause' });
    h.wait(5 * MINUTE).ok({ type: 'turn.resume' });
    h.wait(2 * MINUTE + 20 * SECOND).ok({ type: 'turn.end' });
    const [turn] = h.record.turns;
    expect(turn).toEqual({
      id: `T${turnVersion}`,
      itemId: 'panel-1',
      stepId: 'discussion',
      itemTitle: 'Expert panel 1',
      stepTitle: 'Interactive discussion',
      segment: 'floor',
      speakerName: 'H.E. Ms. Ana Pérez',
      delegationId: 'mexico',
      delegationName: 'Mexico',
      category: 'member-state',
      sex: 'female',
      kind: 'statement',
      requestId,
      limitMs: 3 * MINUTE,
      warnAtMs: 150 * SECOND,
      startedAt,
      endedAt: h.now,
      spokenMs: 3 * MINUTE + 20 * SECOND,
      overtimeMs: 20 * SECOND,
    });
    expect(TurnRecord.parse(turn)).toEqual(turn);
  });

  it('has no delegation, category or sex for a scheduled speaker, and no overtime within time', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' });
    h.wait(6 * MINUTE).ok({ type: 'turn.end' });
    const [turn] = h.record.turns;
    expect(turn).toMatchObject({ speakerName: 'Expert 1 of panel 1', speakerId: 'expert-1' });
    expect(turn).not.toHaveProperty('delegationId');
    expect(turn).not.toHaveProperty('category');
    expect(turn).not.toHaveProperty('sex');
    expect(turn).not.toHaveProperty('segment');
    expect(turn).toMatchObject({ spokenMs: 6 * MINUTE, overtimeMs: 0 });
  });

  it('records the allowance as adjusted', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    h.ok({ type: 'turn.adjust', deltaMs: 2 * MINUTE });
    h.wait(8 * MINUTE).ok({ type: 'turn.end' });
    expect(h.record.turns[0]).toMatchObject({
      limitMs: 9 * MINUTE,
      warnAtMs: 7 * MINUTE,
      overtimeMs: 0,
    });
  });

  it('records a turn ended while paused with the time spoken before the pause', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    h.wait(8 * MINUTE).ok({ type: 'turn.pause' });
    h.wait(20 * MINUTE).ok({ type: 'agenda.next' });
    expect(h.record.turns[0]).toMatchObject({ spokenMs: 8 * MINUTE, overtimeMs: MINUTE });
  });
});

describe('the record of a request', () => {
  it('says how each request left the queue', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const mexico = h.request('mexico');
    const kenya = h.request('kenya');
    h.ok({ type: 'floor.add', delegationId: 'japan', speakerName: 'Mr. Sato', sex: 'male' });
    const japan = h.requestOf('japan');
    const norway = h.request('norway');
    const requestedAt = h.now;
    h.wait(MINUTE).ok({ type: 'floor.grant', requestId: mexico });
    h.wait(MINUTE).ok({ type: 'floor.withdraw' }, delegate('kenya'));
    h.wait(MINUTE).ok({ type: 'floor.remove', requestId: japan });
    h.wait(MINUTE).ok({ type: 'agenda.next' });
    const outcomes = h.record.requests.map((r) => [r.id, r.outcome, r.endedAt - requestedAt]);
    expect(outcomes).toEqual([
      [mexico, 'granted', MINUTE],
      [kenya, 'withdrawn', 2 * MINUTE],
      [japan, 'removed', 3 * MINUTE],
      [norway, 'unheard', 4 * MINUTE],
    ]);
    expect(h.record.requests.find((r) => r.id === japan)).toEqual({
      id: japan,
      itemId: 'panel-1',
      stepId: 'discussion',
      delegationId: 'japan',
      delegationName: 'Japan',
      category: 'member-state',
      speakerName: 'Mr. Sato',
      sex: 'male',
      kind: 'statement',
      madeBy: 'officer',
      requestedAt,
      outcome: 'removed',
      endedAt: requestedAt + 3 * MINUTE,
      waitingAtClose: false,
    });
    for (const record of h.record.requests) expect(RequestRecord.parse(record)).toEqual(record);
    expect(h.record.requests.find((r) => r.id === kenya)?.madeBy).toBe('delegate');
  });

  it('marks the requests still waiting when the list was closed', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.request('kenya');
    h.ok({ type: 'floor.close' });
    h.ok({ type: 'floor.add', delegationId: 'japan' });
    h.ok({ type: 'floor.next' });
    h.ok({ type: 'agenda.next' });
    expect(h.record.requests.map((r) => [r.delegationId, r.outcome, r.waitingAtClose])).toEqual([
      ['mexico', 'granted', true],
      ['kenya', 'unheard', true],
      ['japan', 'unheard', false],
    ]);
  });

  it('does not mark requests made after the list was reopened', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.close' });
    h.ok({ type: 'floor.open' });
    h.request('kenya');
    h.ok({ type: 'session.close' });
    expect(h.record.requests.map((r) => [r.delegationId, r.waitingAtClose])).toEqual([
      ['mexico', true],
      ['kenya', false],
    ]);
  });
});

describe('the record of the steps', () => {
  it('holds one entry per step held, from its start to its end', () => {
    const h = new EngineHarness();
    const t0 = h.now;
    h.ok({ type: 'agenda.start' });
    h.wait(11 * MINUTE).ok({ type: 'agenda.next' });
    h.wait(9 * MINUTE).ok({ type: 'agenda.next' });
    h.wait(MINUTE).ok({ type: 'agenda.goto', itemId: 'summary', stepId: 'reactions' });
    h.wait(30 * MINUTE).ok({ type: 'session.close' });
    expect(h.record.steps).toEqual([
      { itemId: 'welcome', stepId: 'remarks', startedAt: t0, endedAt: t0 + 11 * MINUTE },
      {
        itemId: 'issue-brief',
        stepId: 'presentation',
        startedAt: t0 + 11 * MINUTE,
        endedAt: t0 + 20 * MINUTE,
      },
      {
        itemId: 'panel-1',
        stepId: 'opening',
        startedAt: t0 + 20 * MINUTE,
        endedAt: t0 + 21 * MINUTE,
      },
      {
        itemId: 'summary',
        stepId: 'reactions',
        startedAt: t0 + 21 * MINUTE,
        endedAt: t0 + 51 * MINUTE,
      },
    ]);
    for (const record of h.record.steps) expect(StepRecord.parse(record)).toEqual(record);
  });

  it('makes each record once, with the command that made it', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.next' });
    const result = h.wait(MINUTE).send({ type: 'agenda.next' });
    if (!result.ok) throw new Error('agenda.next refused');
    expect(result.records.turns).toHaveLength(1);
    expect(result.records.steps).toHaveLength(1);
    const quiet = h.send({ type: 'turn.start' });
    if (!quiet.ok) throw new Error('turn.start refused');
    expect(quiet.records).toEqual({ turns: [], requests: [], steps: [] });
  });
});
