import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/protocol/limits';
import {
  CHAIR,
  delegate,
  EngineHarness,
  MINUTE,
  MODERATOR,
  SECOND,
  smallAgenda,
} from '../../support/engine';

describe('turn.start in a speakers step', () => {
  it("gives the floor to the first scheduled speaker with the step's allowance, clock running", () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    const version = h.ok({ type: 'turn.start' }, MODERATOR);
    expect(h.turn()).toMatchObject({
      id: `T${version}`,
      speaker: { name: 'Expert 1 of panel 1', speakerId: 'expert-1' },
      limitMs: 7 * MINUTE,
      warnAtMs: 5 * MINUTE,
      status: 'running',
      startedAt: h.now,
      firstStartedAt: h.now,
      elapsedMs: 0,
      endAtLimit: false,
    });
    expect(h.turn().segment).toBeUndefined();
    expect(h.view().current?.heard).toEqual(['expert-1']);
  });

  it('moves on to the next speaker not yet heard, ending the turn before', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' });
    h.wait(6 * MINUTE).ok({ type: 'turn.start' });
    expect(h.turn().speaker.speakerId).toBe('expert-2');
    expect(h.record.turns.map((t) => [t.speakerId, t.spokenMs])).toEqual([
      ['expert-1', 6 * MINUTE],
    ]);
    h.wait(6 * MINUTE).ok({ type: 'turn.start' });
    expect(h.turn().speaker.speakerId).toBe('expert-3');
    expect(h.view().current?.heard).toEqual(['expert-1', 'expert-2', 'expert-3']);
  });

  it('skips a speaker who was already heard out of order', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start', speakerId: 'expert-2' });
    h.ok({ type: 'turn.start' });
    expect(h.turn().speaker.speakerId).toBe('expert-1');
    h.ok({ type: 'turn.start' });
    expect(h.turn().speaker.speakerId).toBe('expert-3');
  });

  it('asks for a name once every scheduled speaker has been heard', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    h.ok({ type: 'turn.end' });
    expect(h.refused({ type: 'turn.start' }).code).toBe('not_now');
    // Named again, a speaker may speak a second time.
    h.ok({ type: 'turn.start', speakerId: 'moderator' });
    expect(h.turn().speaker.speakerId).toBe('moderator');
    expect(h.view().current?.heard).toEqual(['moderator']);
  });

  it("uses a speaker's own allowance when the agenda gives one", () => {
    const h = EngineHarness.at('opening', 'remarks', { agenda: smallAgenda() });
    h.ok({ type: 'turn.start', speakerId: 'guest' });
    expect(h.turn()).toMatchObject({ limitMs: 2 * MINUTE, warnAtMs: 90 * SECOND });
  });

  it("gives a speaker named in this step this step's allowance, not that of an earlier step", () => {
    // The expert talks for 7 minutes, and wraps up in 2.
    const h = EngineHarness.at('debate', 'wrap-up', { agenda: smallAgenda() });
    h.ok({ type: 'turn.start', speakerId: 'expert' });
    expect(h.turn()).toMatchObject({ limitMs: 2 * MINUTE, warnAtMs: 90 * SECOND });
    expect(h.view().current?.heard).toEqual(['expert']);
  });

  it('refuses a speaker who is not on the programme of this item', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    expect(h.refused({ type: 'turn.start', speakerId: 'thematic-expert' }).code).toBe('not_found');
  });

  it('gives the floor to an ad hoc speaker with the step allowance', () => {
    const h = EngineHarness.at('welcome');
    h.ok({ type: 'turn.start', speaker: { name: 'The President of the General Assembly' } });
    expect(h.turn().speaker).toEqual({ name: 'The President of the General Assembly' });
    expect(h.turn()).toMatchObject({ limitMs: 10 * MINUTE, warnAtMs: 8 * MINUTE });
    expect(h.view().current?.heard).toEqual([]);
  });

  it('names the delegation of an ad hoc speaker who speaks for one', () => {
    const h = EngineHarness.at('welcome');
    h.ok({ type: 'turn.start', speaker: { name: 'H.E. Mr. Juan Gómez', delegationId: 'mexico' } });
    expect(h.turn().speaker).toEqual({
      name: 'H.E. Mr. Juan Gómez',
      delegationId: 'mexico',
      delegationName: 'Mexico',
      category: 'member-state',
    });
  });

  it('refuses an ad hoc speaker of a delegation the meeting does not have', () => {
    const h = EngineHarness.at('welcome');
    expect(
      h.refused({ type: 'turn.start', speaker: { name: 'Someone', delegationId: 'atlantis' } })
        .code,
    ).toBe('not_found');
  });

  it('cannot give the floor before the session opens', () => {
    expect(new EngineHarness().refused({ type: 'turn.start' }).code).toBe('not_now');
  });

  it('is not for delegates or displays', () => {
    const h = EngineHarness.at('welcome');
    expect(h.refused({ type: 'turn.start' }, delegate('mexico')).code).toBe('forbidden');
    expect(h.refused({ type: 'turn.start' }, { role: 'display' }).code).toBe('forbidden');
  });
});

describe('turn.start in a discussion', () => {
  it('needs a speaker: the floor goes to requests', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(h.refused({ type: 'turn.start' }, MODERATOR).code).toBe('not_now');
  });

  it('makes a panelist the panel responding: segment panel, cluster count reset', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.request('kenya');
    h.ok({ type: 'floor.next' }, MODERATOR);
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.view().floor.sincePanel).toBe(2);
    h.wait(2 * MINUTE).ok({ type: 'turn.start', speakerId: 'expert-2' }, MODERATOR);
    expect(h.turn()).toMatchObject({
      speaker: { name: 'Expert 2 of panel 1', speakerId: 'expert-2' },
      segment: 'panel',
      limitMs: 3 * MINUTE,
    });
    expect(h.view().floor).toMatchObject({ segment: 'panel', sincePanel: 0 });
    expect(h.record.turns.at(-1)).toMatchObject({ delegationId: 'kenya', segment: 'floor' });
    // A panelist is not marked as heard in the discussion: they may answer again.
    expect(h.view().current?.heard).toEqual([]);
  });

  it("gives the panel the step's response allowance when it has one", () => {
    const agenda = smallAgenda({
      responseAllowance: { limitMs: 4 * MINUTE, warnAtMs: 3 * MINUTE },
    });
    const h = EngineHarness.at('debate', 'floor', { agenda });
    h.ok({ type: 'turn.start', speakerId: 'expert' });
    expect(h.turn()).toMatchObject({ segment: 'panel', limitMs: 4 * MINUTE, warnAtMs: 3 * MINUTE });
    // An ad hoc speaker while the panel has the floor answers for the panel too.
    h.ok({ type: 'turn.start', speaker: { name: 'A second expert' } });
    expect(h.turn()).toMatchObject({ segment: 'panel', limitMs: 4 * MINUTE });
    h.ok({ type: 'floor.segment', segment: 'floor' });
    h.ok({ type: 'turn.start', speaker: { name: 'Ms. Ana Pérez', delegationId: 'mexico' } });
    expect(h.turn()).toMatchObject({ segment: 'floor', limitMs: 3 * MINUTE });
  });
});

describe('turn.pause and turn.resume', () => {
  it('stops the clock and starts it again, leaving the pause out', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    h.wait(MINUTE).ok({ type: 'turn.pause' }, MODERATOR);
    expect(h.turn()).toMatchObject({ status: 'paused', startedAt: null, elapsedMs: MINUTE });
    h.wait(10 * MINUTE).ok({ type: 'turn.resume' }, MODERATOR);
    expect(h.turn()).toMatchObject({ status: 'running', startedAt: h.now, elapsedMs: MINUTE });
    h.wait(MINUTE).ok({ type: 'turn.end' });
    expect(h.record.turns[0]).toMatchObject({ spokenMs: 2 * MINUTE });
  });

  it('refuses to pause a paused clock or resume a running one', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    expect(h.refused({ type: 'turn.resume' }).code).toBe('not_now');
    h.ok({ type: 'turn.pause' });
    expect(h.refused({ type: 'turn.pause' }).code).toBe('not_now');
  });

  it('refuses when nobody has the floor', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    for (const type of ['turn.pause', 'turn.resume', 'turn.end'] as const) {
      expect(h.refused({ type }).code).toBe('not_now');
    }
    expect(h.refused({ type: 'turn.adjust', deltaMs: MINUTE }).code).toBe('not_now');
  });
});

describe('the turn a clock button means (turnId)', () => {
  it('acts on the current turn when it names it', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' });
    const turnId = h.turn().id;
    h.ok({ type: 'turn.pause', turnId });
    h.ok({ type: 'turn.resume', turnId });
    h.ok({ type: 'turn.adjust', turnId, deltaMs: 30 * SECOND });
    h.ok({ type: 'turn.end', turnId });
    expect(h.view().turn).toBeNull();
  });

  it("is a conflict once another speaker has the floor: one press cannot end the next speaker's turn", () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' });
    const first = h.turn().id;
    h.ok({ type: 'turn.start' });
    for (const type of ['turn.pause', 'turn.end'] as const) {
      expect(h.refused({ type, turnId: first }).code).toBe('conflict');
    }
    expect(h.refused({ type: 'turn.adjust', turnId: first, deltaMs: MINUTE }).code).toBe(
      'conflict',
    );
    h.ok({ type: 'turn.pause' });
    expect(h.refused({ type: 'turn.resume', turnId: first }).code).toBe('conflict');
    expect(h.turn().speaker.speakerId).toBe('expert-2');
  });

  it('is a conflict when the turn it names has already ended (two co-chairs press "end")', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    h.ok({ type: 'turn.start' });
    const turnId = h.turn().id;
    h.ok({ type: 'turn.end', turnId }, CHAIR);
    expect(h.refused({ type: 'turn.end', turnId }, MODERATOR).code).toBe('conflict');
    expect(h.record.turns).toHaveLength(1);
  });
});

describe('turn.end', () => {
  it('ends the turn and records it', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    h.wait(7 * MINUTE + 20 * SECOND).ok({ type: 'turn.end' }, MODERATOR);
    expect(h.view().turn).toBeNull();
    expect(h.record.turns[0]).toMatchObject({
      speakerId: 'moderator',
      spokenMs: 7 * MINUTE + 20 * SECOND,
      overtimeMs: 20 * SECOND,
    });
  });

  it('may end a turn while the session is suspended', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    h.wait(MINUTE).ok({ type: 'session.suspend' });
    h.wait(MINUTE).ok({ type: 'turn.end' });
    expect(h.record.turns[0]).toMatchObject({ spokenMs: MINUTE });
  });
});

describe('turn.adjust', () => {
  it('moves the limit and the warning point by the same amount', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.next' });
    h.ok({ type: 'turn.adjust', deltaMs: MINUTE }, MODERATOR);
    expect(h.turn()).toMatchObject({ limitMs: 4 * MINUTE, warnAtMs: 210 * SECOND });
    h.ok({ type: 'turn.adjust', deltaMs: -90 * SECOND }, MODERATOR);
    expect(h.turn()).toMatchObject({ limitMs: 150 * SECOND, warnAtMs: 120 * SECOND });
    h.wait(160 * SECOND).ok({ type: 'turn.end' });
    expect(h.record.turns[0]).toMatchObject({
      limitMs: 150 * SECOND,
      warnAtMs: 120 * SECOND,
      overtimeMs: 10 * SECOND,
    });
  });

  it('keeps the clock where it is', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    h.wait(MINUTE).ok({ type: 'turn.adjust', deltaMs: 2 * MINUTE });
    expect(h.turn()).toMatchObject({ status: 'running', elapsedMs: 0, startedAt: h.now - MINUTE });
  });

  it('may take away the whole allowance but no more', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.next' });
    expect(h.refused({ type: 'turn.adjust', deltaMs: -3 * MINUTE - 1 }).code).toBe('invalid');
    h.ok({ type: 'turn.adjust', deltaMs: -3 * MINUTE });
    expect(h.turn()).toMatchObject({ limitMs: 0, warnAtMs: 0 });
  });

  it('cannot make a turn longer than the longest allowance a step may give', () => {
    const h = EngineHarness.at('welcome');
    h.ok({ type: 'turn.start' });
    const hour = LIMITS.maxAdjustMs;
    const room = LIMITS.maxAllowanceMs - 10 * MINUTE;
    for (let given = 0; given + hour <= room; given += hour) {
      h.ok({ type: 'turn.adjust', deltaMs: hour });
    }
    expect(h.refused({ type: 'turn.adjust', deltaMs: hour }).code).toBe('invalid');
    h.ok({ type: 'turn.adjust', deltaMs: LIMITS.maxAllowanceMs - h.turn().limitMs });
    expect(h.turn().limitMs).toBe(LIMITS.maxAllowanceMs);
    expect(h.refused({ type: 'turn.adjust', deltaMs: 1 }).code).toBe('invalid');
  });
});

describe('a step that ends turns at the limit', () => {
  it('gives the instant the running turn reaches its limit, and none while paused', () => {
    const agenda = smallAgenda({
      allowance: { limitMs: 3 * MINUTE, warnAtMs: 150 * SECOND, endAtLimit: true },
    });
    const h = EngineHarness.at('debate', 'floor', { agenda });
    expect(h.engine.deadline()).toBeNull();
    h.request('mexico');
    h.ok({ type: 'floor.next' });
    expect(h.turn().endAtLimit).toBe(true);
    expect(h.engine.deadline()).toBe(h.now + 3 * MINUTE);
    h.wait(MINUTE).ok({ type: 'turn.pause' });
    expect(h.engine.deadline()).toBeNull();
    h.wait(5 * MINUTE).ok({ type: 'turn.resume' });
    expect(h.engine.deadline()).toBe(h.now + 2 * MINUTE);
    h.ok({ type: 'turn.adjust', deltaMs: 30 * SECOND });
    expect(h.engine.deadline()).toBe(h.now + 150 * SECOND);
  });

  it('has no deadline in a step that does not ask for it', () => {
    const h = EngineHarness.at('panel-1', 'opening');
    h.ok({ type: 'turn.start' });
    expect(h.engine.deadline()).toBeNull();
  });
});

describe('turn.adjust with the limit its sender saw', () => {
  it('adds the time once when two co-chairs press "+30 s" at once', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.next' });
    const { id, limitMs } = h.turn();
    h.ok({ type: 'turn.adjust', turnId: id, fromLimitMs: limitMs, deltaMs: 30 * SECOND });
    const second = h.refused({
      type: 'turn.adjust',
      turnId: id,
      fromLimitMs: limitMs,
      deltaMs: 30 * SECOND,
    });
    expect(second.code).toBe('conflict');
    expect(h.turn().limitMs).toBe(limitMs + 30 * SECOND);
    // Without the limit it saw, an adjustment applies to whatever the limit is now.
    h.ok({ type: 'turn.adjust', turnId: id, deltaMs: 30 * SECOND });
    expect(h.turn().limitMs).toBe(limitMs + 60 * SECOND);
  });
});
