import { describe, expect, it } from 'vitest';
import { MeetingEngine } from '../../../server/engine/engine';
import { DEFAULT_ROSTER } from '../../../shared/defaults/roster';
import { CHAIR, delegate, EngineHarness, MODERATOR, snapshotOf } from '../../support/engine';

/** Expert 1 of panel 1 presenting, in the default meeting. */
const presenting = () => {
  const h = EngineHarness.at('panel-1', 'presentations');
  h.ok({ type: 'turn.start', speakerId: 'expert-1' }, MODERATOR);
  return h;
};

describe('a cue to the speaker (contract version 2)', () => {
  it('is shown until cleared, with its instant and whether it flashes', () => {
    const h = presenting();
    h.ok({ type: 'cue.send', text: 'Please conclude', flash: true }, MODERATOR);
    expect(h.view().cue).toEqual({ text: 'Please conclude', flash: true, sentAt: h.now });
    h.ok({ type: 'cue.send', text: 'Please slow down for the interpreters' }, CHAIR);
    expect(h.view().cue).toMatchObject({
      text: 'Please slow down for the interpreters',
      flash: false,
    });
    h.ok({ type: 'cue.clear' }, MODERATOR);
    expect(h.view().cue).toBeNull();
    expect(h.refused({ type: 'cue.clear' }, MODERATOR)).toMatchObject({
      code: 'not_now',
      message: 'There is no cue to clear.',
    });
  });

  it('stays through a pause and an adjustment, and goes when the turn ends', () => {
    const h = presenting();
    h.ok({ type: 'cue.send', text: '30 seconds left' }, MODERATOR);
    h.ok({ type: 'turn.pause' }, MODERATOR);
    h.ok({ type: 'turn.adjust', deltaMs: 30_000 }, MODERATOR);
    h.ok({ type: 'turn.resume' }, MODERATOR);
    expect(h.view().cue?.text).toBe('30 seconds left');
    h.ok({ type: 'turn.end' }, MODERATOR);
    expect(h.view().cue).toBeNull();
  });

  it('goes when another turn starts: the next speaker, or a point of order interrupting', () => {
    const h = presenting();
    h.ok({ type: 'cue.send', text: 'Time is up' }, MODERATOR);
    h.ok({ type: 'turn.start', speakerId: 'expert-2' }, MODERATOR);
    expect(h.view().cue).toBeNull();

    h.ok({ type: 'cue.send', text: 'Please conclude' }, MODERATOR);
    h.ok({ type: 'floor.request', kind: 'point-of-order' }, delegate('kenya'));
    expect(h.view().cue?.text).toBe('Please conclude');
    h.ok({ type: 'floor.next' }, MODERATOR);
    expect(h.view().turn?.speaker.kind).toBe('point-of-order');
    expect(h.view().cue).toBeNull();
  });

  it('goes with the step: leaving it ends the turn', () => {
    const h = presenting();
    h.ok({ type: 'cue.send', text: 'Please conclude' }, MODERATOR);
    h.ok({ type: 'agenda.next' }, MODERATOR);
    expect(h.view().cue).toBeNull();
  });

  it('is refused with nobody on the floor, before the session and to a delegate', () => {
    const h = EngineHarness.at('panel-1', 'presentations');
    expect(h.refused({ type: 'cue.send', text: 'Please conclude' }, MODERATOR)).toMatchObject({
      code: 'not_now',
      message: 'Nobody has the floor: a cue goes to the speaker.',
    });
    expect(new EngineHarness().refused({ type: 'cue.send', text: 'Hello' }).code).toBe('not_now');
    const speaking = presenting();
    expect(
      speaking.refused({ type: 'cue.send', text: 'Please conclude' }, delegate('kenya')).code,
    ).toBe('forbidden');
  });

  it('survives a snapshot and restore', () => {
    const h = presenting();
    h.ok({ type: 'cue.send', text: 'Please conclude', flash: true }, MODERATOR);
    const restored = MeetingEngine.restore(snapshotOf(h.engine), DEFAULT_ROSTER);
    expect(restored.view(h.now).cue).toEqual(h.view().cue);
  });
});

describe('display.configure: blackout and language (contract version 2)', () => {
  it('sets only the fields given, and says when nothing would change', () => {
    const h = EngineHarness.at('welcome');
    expect(h.view().display).toEqual({ showDelay: false, blackout: false, lang: 'en' });
    h.ok({ type: 'display.configure', blackout: true });
    expect(h.view().display).toEqual({ showDelay: false, blackout: true, lang: 'en' });
    h.ok({ type: 'display.configure', lang: 'fr', showDelay: true });
    expect(h.view().display).toEqual({ showDelay: true, blackout: true, lang: 'fr' });
    expect(h.refused({ type: 'display.configure', blackout: true })).toMatchObject({
      code: 'not_now',
      message: 'The display is already black.',
    });
    expect(h.refused({ type: 'display.configure', lang: 'fr' }).message).toBe(
      'The display already speaks that language.',
    );
    h.ok({ type: 'display.configure', blackout: false });
    expect(h.view().display.blackout).toBe(false);
  });

  it('is the chair’s alone', () => {
    const h = EngineHarness.at('welcome');
    expect(h.refused({ type: 'display.configure', blackout: true }, MODERATOR).code).toBe(
      'forbidden',
    );
  });
});
