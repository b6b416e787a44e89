import { describe, expect, it } from 'vitest';
import {
  CHAIR,
  delegate,
  EngineHarness,
  MODERATOR,
  SECOND,
  smallAgenda,
} from '../../support/engine';

describe('floor.request', () => {
  it('puts the delegation in line, with the name of its speaker when given', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const version = h.ok(
      { type: 'floor.request', speakerName: 'H.E. Ms. Ana Pérez', sex: 'female' },
      delegate('mexico'),
    );
    expect(h.view().floor.queue).toEqual([
      {
        id: `R${version}`,
        delegationId: 'mexico',
        name: 'Mexico',
        category: 'member-state',
        requestedAt: h.now,
        speakerName: 'H.E. Ms. Ana Pérez',
        kind: 'statement',
      },
    ]);
  });

  it("keeps the speaker's sex out of what the room sees", () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.request', sex: 'male' }, delegate('kenya'));
    expect(JSON.stringify(h.view())).not.toContain('male');
    expect(h.engine.context.floor.queue[0]).toMatchObject({ sex: 'male', madeBy: 'delegate' });
  });

  it('a delegation that already waits cannot ask twice', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    const refusal = h.refused({ type: 'floor.request' }, delegate('mexico'));
    expect(refusal.code).toBe('already_queued');
    expect(refusal.message).toContain('Mexico');
    expect(h.refused({ type: 'floor.add', delegationId: 'mexico' }, MODERATOR).code).toBe(
      'already_queued',
    );
    expect(h.queue()).toEqual(['mexico']);
  });

  it('a delegation may ask again once it has spoken', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.next' });
    h.request('mexico');
    expect(h.queue()).toEqual(['mexico']);
  });

  it('is refused when the list of speakers is closed', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.close' }, MODERATOR);
    expect(h.refused({ type: 'floor.request' }, delegate('mexico')).code).toBe('list_closed');
  });

  it('answers "already waiting" before "closed" to a delegation that waits on a closed list', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.close' });
    expect(h.refused({ type: 'floor.request' }, delegate('mexico')).code).toBe('already_queued');
  });

  it('is not possible outside a discussion, or before the session', () => {
    // The concluding remarks come after the panel's discussion: nothing to ask for early.
    expect(
      EngineHarness.at('panel-1', 'concluding').refused(
        { type: 'floor.request' },
        delegate('mexico'),
      ).code,
    ).toBe('not_now');
    expect(new EngineHarness().refused({ type: 'floor.request' }, delegate('mexico')).code).toBe(
      'not_now',
    );
  });

  it('waits in the queue while the panel answers', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.segment', segment: 'panel' });
    h.request('mexico');
    expect(h.queue()).toEqual(['mexico']);
  });

  it('needs a device bound to a delegation of this meeting', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(h.refused({ type: 'floor.request' }, delegate('atlantis')).code).toBe('not_found');
    expect(h.refused({ type: 'floor.request' }, { role: 'delegate' }).code).toBe('not_found');
  });

  it('is for delegates: officers enter requests with floor.add', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(h.refused({ type: 'floor.request' }, MODERATOR).code).toBe('forbidden');
    expect(h.refused({ type: 'floor.request' }, { role: 'display' }).code).toBe('forbidden');
  });
});

describe('floor.add', () => {
  it("enters a request on a delegation's behalf", () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.add', delegationId: 'iom', speakerName: 'Mr. A. Diallo' }, MODERATOR);
    expect(h.view().floor.queue).toEqual([
      expect.objectContaining({
        delegationId: 'iom',
        category: 'un-system',
        speakerName: 'Mr. A. Diallo',
      }),
    ]);
    expect(h.engine.context.floor.queue[0]?.madeBy).toBe('officer');
  });

  it('still works on a closed list (a nameplate raised before the list closed)', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.close' });
    h.ok({ type: 'floor.add', delegationId: 'mexico' }, MODERATOR);
    h.ok({ type: 'floor.add', delegationId: 'kenya' }, CHAIR);
    expect(h.queue()).toEqual(['mexico', 'kenya']);
  });

  it('refuses a delegation the meeting does not have', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(h.refused({ type: 'floor.add', delegationId: 'atlantis' }).code).toBe('not_found');
  });

  it('is not for delegates', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(h.refused({ type: 'floor.add', delegationId: 'kenya' }, delegate('mexico')).code).toBe(
      'forbidden',
    );
  });
});

describe('the order of the queue under the default policy, States first', () => {
  it('puts Member States and observer States before the UN system and stakeholders', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('iom');
    h.wait(SECOND).request('mexico');
    h.wait(SECOND).request('ituc');
    h.wait(SECOND).request('holy-see');
    h.wait(SECOND).request('unhcr');
    h.wait(SECOND).request('kenya');
    expect(h.queue()).toEqual(['mexico', 'holy-see', 'kenya', 'iom', 'ituc', 'unhcr']);
    expect(h.view().floor.policy).toBe('states-first');
  });

  it('places requests entered by an officer by the same rule', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.add', delegationId: 'ituc' });
    h.ok({ type: 'floor.add', delegationId: 'state-of-palestine' });
    h.request('iom');
    h.request('japan');
    expect(h.queue()).toEqual(['state-of-palestine', 'japan', 'ituc', 'iom']);
  });

  it('keeps a moved request where it was moved; newcomers are placed by the requests the policy placed', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.request('kenya');
    const iom = h.request('iom');
    h.ok({ type: 'floor.move', requestId: iom, position: 0 }, MODERATOR);
    expect(h.queue()).toEqual(['iom', 'mexico', 'kenya']);
    h.request('japan');
    h.request('ituc');
    expect(h.queue()).toEqual(['iom', 'mexico', 'kenya', 'japan', 'ituc']);
    // A State the moderator moved behind the others stays there, and newcomers do not follow
    // it: a State joins after the last State the policy placed, one of the others after the
    // last of the others.
    h.ok({ type: 'floor.move', requestId: h.requestOf('mexico'), position: 4 });
    expect(h.queue()).toEqual(['iom', 'kenya', 'japan', 'ituc', 'mexico']);
    h.request('norway');
    h.request('unhcr');
    expect(h.queue()).toEqual(['iom', 'kenya', 'japan', 'norway', 'ituc', 'unhcr', 'mexico']);
  });
});

describe('the order of the queue under the arrival policy', () => {
  it('is the order the server received the requests, whoever asks', () => {
    const h = EngineHarness.at('debate', 'floor', {
      agenda: smallAgenda({ queuePolicy: 'arrival' }),
    });
    expect(h.view().floor.policy).toBe('arrival');
    h.request('iom');
    h.request('mexico');
    h.ok({ type: 'floor.add', delegationId: 'ituc' });
    h.request('holy-see');
    expect(h.queue()).toEqual(['iom', 'mexico', 'ituc', 'holy-see']);
  });
});

describe('a floor open to some categories only (the summary panel)', () => {
  it('refuses stakeholders and the UN system, from a tablet or through an officer', () => {
    const h = EngineHarness.at('summary', 'reactions');
    const fromTablet = h.refused({ type: 'floor.request' }, delegate('ituc'));
    expect(fromTablet.code).toBe('forbidden');
    expect(fromTablet.message).toContain('States');
    expect(h.refused({ type: 'floor.add', delegationId: 'iom' }, MODERATOR).code).toBe('forbidden');
  });

  it('takes Member States and observer States', () => {
    const h = EngineHarness.at('summary', 'reactions');
    h.request('mexico');
    h.request('holy-see');
    expect(h.queue()).toEqual(['mexico', 'holy-see']);
  });

  it('is open to everyone in the panel discussions', () => {
    const h = EngineHarness.at('panel-3', 'discussion');
    h.request('ituc');
    expect(h.queue()).toEqual(['ituc']);
  });
});

describe('floor.withdraw', () => {
  it("takes the delegation's own request out of the queue", () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.request('kenya');
    h.wait(SECOND).ok({ type: 'floor.withdraw' }, delegate('mexico'));
    expect(h.queue()).toEqual(['kenya']);
    expect(h.record.requests).toEqual([
      expect.objectContaining({ delegationId: 'mexico', outcome: 'withdrawn', endedAt: h.now }),
    ]);
  });

  it('is refused to a delegation that is not waiting', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('kenya');
    expect(h.refused({ type: 'floor.withdraw' }, delegate('mexico')).code).toBe('not_found');
    expect(h.refused({ type: 'floor.withdraw' }, delegate('atlantis')).code).toBe('not_found');
  });

  it('is still possible on a closed list', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    h.ok({ type: 'floor.close' });
    h.ok({ type: 'floor.withdraw' }, delegate('mexico'));
    expect(h.queue()).toEqual([]);
  });

  it('is for delegates alone', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    expect(h.refused({ type: 'floor.withdraw' }, MODERATOR).code).toBe('forbidden');
  });
});

describe('floor.remove', () => {
  it('takes any request out of the queue', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    const kenya = h.request('kenya');
    h.ok({ type: 'floor.remove', requestId: kenya }, MODERATOR);
    expect(h.queue()).toEqual(['mexico']);
    expect(h.record.requests).toEqual([
      expect.objectContaining({ id: kenya, delegationId: 'kenya', outcome: 'removed' }),
    ]);
  });

  it('refuses a request that is no longer waiting, or never was', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const mexico = h.request('mexico');
    h.ok({ type: 'floor.remove', requestId: mexico });
    expect(h.refused({ type: 'floor.remove', requestId: mexico }).code).toBe('not_found');
    expect(h.refused({ type: 'floor.remove', requestId: 'R999' }).code).toBe('not_found');
  });
});

describe('floor.move', () => {
  it('puts a request at the position given, counted from 0', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    for (const id of ['mexico', 'kenya', 'japan', 'norway']) h.request(id);
    h.ok({ type: 'floor.move', requestId: h.requestOf('norway'), position: 1 }, MODERATOR);
    expect(h.queue()).toEqual(['mexico', 'norway', 'kenya', 'japan']);
    h.ok({ type: 'floor.move', requestId: h.requestOf('mexico'), position: 2 }, MODERATOR);
    expect(h.queue()).toEqual(['norway', 'kenya', 'mexico', 'japan']);
  });

  it('puts a request last when the position is past the end', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    for (const id of ['mexico', 'kenya', 'japan']) h.request(id);
    h.ok({ type: 'floor.move', requestId: h.requestOf('mexico'), position: 999 });
    expect(h.queue()).toEqual(['kenya', 'japan', 'mexico']);
  });

  it('refuses a request that is not waiting', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.request('mexico');
    expect(h.refused({ type: 'floor.move', requestId: 'R1', position: 0 }).code).toBe('not_found');
  });
});

describe('floor.close and floor.open', () => {
  it('closes the list and reopens it, as the room sees', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.close' }, MODERATOR);
    expect(h.view().floor.open).toBe(false);
    h.ok({ type: 'floor.open' }, MODERATOR);
    expect(h.view().floor.open).toBe(true);
    h.request('mexico');
  });

  it('refuses to close a closed list or open an open one', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    expect(h.refused({ type: 'floor.open' }).code).toBe('not_now');
    h.ok({ type: 'floor.close' });
    expect(h.refused({ type: 'floor.close' }).code).toBe('not_now');
  });

  it('reopens the list at the next discussion', () => {
    const h = EngineHarness.at('panel-1', 'discussion');
    h.ok({ type: 'floor.close' });
    h.ok({ type: 'agenda.goto', itemId: 'panel-2', stepId: 'discussion' });
    expect(h.view().floor.open).toBe(true);
  });

  it('has no list outside a discussion', () => {
    const h = EngineHarness.at('panel-1', 'concluding');
    expect(h.refused({ type: 'floor.close' }).code).toBe('not_now');
    expect(h.refused({ type: 'floor.open' }).code).toBe('not_now');
  });
});
