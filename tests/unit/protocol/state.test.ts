import { describe, expect, it } from 'vitest';
import { StateFollower, withoutAgenda } from '../../../shared/protocol/state';
import type { MeetingView } from '../../../shared/protocol/view';
import { EngineHarness, MODERATOR } from '../../support/engine';

describe("a client's lean state", () => {
  const views = (): MeetingView[] => {
    const h = EngineHarness.at('panel-1', 'discussion');
    const out = [h.view()];
    h.request('mexico');
    out.push(h.view());
    h.ok({ type: 'agenda.edit', change: { target: 'item', itemId: 'panel-1', title: 'Renamed' } });
    out.push(h.view());
    h.ok({ type: 'floor.next' }, MODERATOR);
    out.push(h.view());
    return out;
  };

  it('completes states without the agenda with the last one received', () => {
    const [connect, queued, edited, granted] = views();
    if (!connect || !queued || !edited || !granted) throw new Error('four views');
    const follower = new StateFollower();
    expect(follower.receive(connect)).toEqual(connect);
    expect(follower.receive(withoutAgenda(queued))).toEqual(queued);
    expect(follower.receive(edited)).toEqual(edited);
    expect(follower.receive(withoutAgenda(granted))).toEqual(granted);
    expect(follower.latest?.agenda.items[2]?.title).toBe('Renamed');
  });

  it('never shows a state older than one it has shown, but shows the same one again', () => {
    const [connect, queued] = views();
    if (!connect || !queued) throw new Error('views');
    const follower = new StateFollower();
    follower.receive(queued);
    expect(follower.receive(connect)).toBeNull();
    expect(follower.latest).toEqual(queued);
    const again = { ...queued, serverTime: queued.serverTime + 5000 };
    expect(follower.receive(again)).toEqual(again);
  });

  it('does not show a lean state whose agenda it never got', () => {
    const [connect, queued, edited, granted] = views();
    if (!connect || !queued || !edited || !granted) throw new Error('views');
    const follower = new StateFollower();
    expect(follower.receive(withoutAgenda(queued))).toBeNull();
    follower.receive(connect);
    // The edit's state (with the new agenda) was missed: the next lean one cannot be drawn.
    expect(follower.receive(withoutAgenda(granted))).toBeNull();
    expect(follower.latest).toEqual(connect);
  });
});
