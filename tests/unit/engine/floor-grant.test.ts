import { describe, expect, it } from 'vitest';
import { EngineHarness, MINUTE, MODERATOR, SECOND } from '../../support/engine';

describe('floor.grant', () => {
  it('gives the floor to the request named, with the intervention clock running', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    const kenya = h.request('kenya', { speakerName: 'Ms. Wanjiru Kamau' });
    const version = h.wait(5 * SECOND).ok({ type: 'floor.grant', requestId: kenya }, MODERATOR);
    expect(h.turn()).toMatchObject({
      id: `T${version}`,
      speaker: {
        name: 'Ms. Wanjiru Kamau',
        delegationId: 'kenya',
        delegationName: 'Kenya',
        category: 'member-state',
      },
      limitMs: 3 * MINUTE,
      warnAtMs: 150 * SECOND,
      status: 'running',
      startedAt: h.now,
      elapsedMs: 0,
      segment: 'floor',
      requestId: kenya,
    });
    expect(h.queue()).toEqual(['mexico']);
    expect(h.view().floor.sincePanel).toBe(1);
    expect(h.record.requests).toEqual([
      expect.objectContaining({ id: kenya, outcome: 'granted', endedAt: h.now }),
    ]);
  });

  it("names the delegation when no speaker's name was given", () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.grant', requestId: h.request('holy-see') });
    expect(h.turn().speaker.name).toBe('Holy See');
  });

  it('ends the turn under way and records it', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    const kenya = h.request('kenya');
    h.ok({ type: 'floor.next' });
    h.wait(3 * MINUTE + 12 * SECOND).ok({ type: 'floor.grant', requestId: kenya });
    expect(h.record.turns).toEqual([
      expect.objectContaining({ delegationId: 'mexico', spokenMs: 192_000, overtimeMs: 12_000 }),
    ]);
    expect(h.turn().speaker.delegationId).toBe('kenya');
  });

  it('a second grant of the same request finds nothing', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const mexico = h.request('mexico');
    h.ok({ type: 'floor.grant', requestId: mexico }, MODERATOR);
    expect(h.refused({ type: 'floor.grant', requestId: mexico }, MODERATOR).code).toBe('not_found');
  });

  it('takes the floor back from the panel', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const mexico = h.request('mexico');
    h.ok({ type: 'turn.start', speakerId: 'expert-1' });
    expect(h.view().floor.segment).toBe('panel');
    h.wait(2 * MINUTE).ok({ type: 'floor.grant', requestId: mexico });
    expect(h.view().floor).toMatchObject({ segment: 'floor', sincePanel: 1 });
    expect(h.record.turns).toEqual([
      expect.objectContaining({ speakerId: 'expert-1', segment: 'panel' }),
    ]);
  });

  it('counts the interventions since the panel last answered, against the cluster size', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    for (const id of ['mexico', 'kenya', 'japan', 'norway', 'brazil', 'india']) h.request(id);
    for (let i = 1; i <= 5; i++) {
      h.wait(2 * MINUTE).ok({ type: 'floor.next' });
      expect(h.view().floor.sincePanel).toBe(i);
    }
    expect(h.view().floor.clusterSize).toBe(5);
    h.ok({ type: 'floor.segment', segment: 'panel' });
    expect(h.view().floor.sincePanel).toBe(0);
    h.ok({ type: 'floor.next' });
    expect(h.view().floor).toMatchObject({ segment: 'floor', sincePanel: 1 });
  });
});

describe('floor.next', () => {
  it('grants the first request in the queue', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('iom');
    h.request('mexico');
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.turn().speaker.delegationId).toBe('mexico');
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.turn().speaker.delegationId).toBe('iom');
  });

  it('finds nobody when the queue is empty', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(h.refused({ type: 'floor.next' }).code).toBe('not_found');
    h.request('mexico');
    h.ok({ type: 'floor.next' });
    expect(h.refused({ type: 'floor.next' }).code).toBe('not_found');
    expect(h.turn().speaker.delegationId).toBe('mexico');
  });

  it('has no queue outside a discussion', () => {
    expect(EngineHarness.at('panel-1', 'opening').refused({ type: 'floor.next' }).code).toBe(
      'not_now',
    );
  });
});

describe('floor.segment', () => {
  it('alternates between the floor and the panel, resetting the count when the panel answers', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.request('kenya');
    h.ok({ type: 'floor.next' });
    h.ok({ type: 'floor.next' });
    h.ok({ type: 'floor.segment', segment: 'panel' }, MODERATOR);
    expect(h.view().floor).toMatchObject({ segment: 'panel', sincePanel: 0 });
    h.ok({ type: 'floor.segment', segment: 'floor' }, MODERATOR);
    expect(h.view().floor).toMatchObject({ segment: 'floor', sincePanel: 0 });
  });

  it('leaves the turn under way alone', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.next' });
    h.ok({ type: 'floor.segment', segment: 'panel' });
    expect(h.turn()).toMatchObject({ status: 'running', segment: 'floor' });
  });

  it('refuses to switch to the segment already under way', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(h.refused({ type: 'floor.segment', segment: 'floor' }).code).toBe('not_now');
    h.ok({ type: 'floor.segment', segment: 'panel' });
    expect(h.refused({ type: 'floor.segment', segment: 'panel' }).code).toBe('not_now');
  });

  it('starts every discussion with the floor', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.segment', segment: 'panel' });
    h.ok({ type: 'agenda.goto', itemId: 'panel-2', stepId: 'discussion' });
    expect(h.view().floor).toMatchObject({ segment: 'floor', sincePanel: 0 });
  });

  it('has no segments outside a discussion', () => {
    expect(
      EngineHarness.at('panel-1', 'opening').refused({ type: 'floor.segment', segment: 'panel' })
        .code,
    ).toBe('not_now');
  });
});
