import { describe, expect, it } from 'vitest';
import { BROADCAST_WAIT_MS } from '../../server/meetings/runtime';
import type { CommandAck } from '../../shared/protocol/errors';
import type { MeetingView } from '../../shared/protocol/view';
import { sqliteIn, usePerTest } from '../support/perTest';
import { ok, stateAt } from '../support/server';
import { SlowStore } from '../support/slowStore';

/**
 * Issue 16: a store that answers each commit in a turn of the event loop of its own (PostgreSQL)
 * would otherwise send every socket one state per command. A stored change's state waits for the
 * commands still in the meeting's queue behind it, within BROADCAST_WAIT_MS, so one state carries
 * several; the acks do not wait. Here the store is SQLite behind a delay (SlowStore).
 */

/** A cue the store refuses to keep. */
const REFUSED = '(refused by the store)';

/** What a burst of cues from the chair did: the acks, and the display's states after `ready`. */
interface Burst {
  ready: number;
  acks: CommandAck[];
  states: MeetingView[];
  /** The versions the store had stored when each state reached the display. */
  storedWhenSeen: boolean[];
}

describe('one state for several commands behind a store that answers late', () => {
  const perTest = usePerTest();

  /** A room on a store whose commits take `commitMs`; `texts` sent by the chair all at once. */
  const burst = async (commitMs: number, texts: string[]): Promise<Burst> => {
    const dataDir = await perTest.dataDir('rostrum-broadcast-wait-');
    const store = new SlowStore(sqliteIn(dataDir), {
      commitMs,
      refuses: (_, entry) => entry.command.type === 'cue.send' && entry.command.text === REFUSED,
    });
    const server = await perTest.server({ dataDir, store, createDefaultMeeting: false });
    const room = await perTest.room(server);
    const { meetingId, chair, display } = room;
    await ok(chair, { type: 'agenda.start' });
    const ready = await ok(chair, { type: 'turn.start', speaker: { name: 'A speaker' } });
    await stateAt(display, ready);

    const states: MeetingView[] = [];
    const storedWhenSeen: boolean[] = [];
    display.onState((view) => {
      if (view.version <= ready) return;
      states.push(view);
      storedWhenSeen.push(store.hasStored(meetingId, view.version));
    });
    const acks = await Promise.all(texts.map((text) => chair.send({ type: 'cue.send', text })));
    const last = ready + acks.filter((a) => a.ok).length;
    // A state always goes out at the end: the last stored version reaches the display.
    await stateAt(display, last);
    return { ready, acks, states, storedWhenSeen };
  };

  it('a burst behind quick commits reaches a watching socket in fewer states than commands, the last one carrying the last version', async () => {
    const count = 40;
    const { ready, acks, states, storedWhenSeen } = await burst(
      2,
      Array.from({ length: count }, (_, i) => `Cue ${i}`),
    );
    // Every cue stored and acknowledged, each at its own version, in the order sent.
    expect(acks).toEqual(
      Array.from({ length: count }, (_, i) => ({ ok: true, version: ready + 1 + i })),
    );
    const versions = states.map((s) => s.version);
    // Each commit answers in a turn of its own: without the wait the display would get 40 states.
    expect(states.length).toBeLessThan(count);
    expect(versions.at(-1)).toBe(ready + count);
    expect(states.at(-1)?.cue?.text).toBe(`Cue ${count - 1}`);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    // No state shows a version before its commit.
    expect(storedWhenSeen.every(Boolean)).toBe(true);
  });

  it('waits no longer than its bound: behind commits slower than the bound, every command has a state of its own', async () => {
    // Each commit takes four times the bound: a state that waited for the queue to empty would
    // carry them all; bounded, each goes out before the next command is stored.
    const count = 6;
    const { ready, acks, states } = await burst(
      4 * BROADCAST_WAIT_MS,
      Array.from({ length: count }, (_, i) => `Cue ${i}`),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(states.map((s) => s.version)).toEqual(
      Array.from({ length: count }, (_, i) => ready + 1 + i),
    );
  });

  it('sends the state when the commands behind end without a change: refused by the store, the last kept cue shows', async () => {
    const texts = ['Cue 0', 'Cue 1', REFUSED, REFUSED, REFUSED];
    const { ready, acks, states, storedWhenSeen } = await burst(3, texts);
    expect(acks.filter((a) => a.ok)).toEqual([
      { ok: true, version: ready + 1 },
      { ok: true, version: ready + 2 },
    ]);
    expect(acks.filter((a) => !a.ok)).toHaveLength(3);
    expect(states.at(-1)).toMatchObject({ version: ready + 2, cue: { text: 'Cue 1' } });
    expect(states.every((s) => s.cue?.text !== REFUSED)).toBe(true);
    expect(storedWhenSeen.every(Boolean)).toBe(true);
  });
});
