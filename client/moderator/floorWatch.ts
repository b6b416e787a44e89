import { elapsedAt } from '../../shared/clock/turnClock';
import type { MeetingView, TurnView } from '../../shared/protocol/view';
import { type CountedTurn, countedFromView } from './speakingTime';

/**
 * What a console saw on the floor, so that a turn that leaves it is still counted until the
 * record has it (pure: the moderator's `useSpokenTurns` keeps one of these).
 */

/** A turn on the floor, in the item it is held in. */
export interface OnFloor {
  turn: TurnView;
  itemId: string;
}

/** A turn that left the floor, with the time it had then, and when the console saw it go. */
export type EndedTurn = CountedTurn & { generation: number };

export interface FloorWatch {
  /** The turn ids on the floor, as a key: a change means a turn ended or began. */
  key: string;
  /**
   * Counts the times a turn left the floor. A turn is stored before the state that ends it is
   * sent, so a record read begun at generation G has every turn that left the floor by then.
   */
  generation: number;
  onFloor: OnFloor[];
  ended: EndedTurn[];
}

const onFloorOf = (view: MeetingView): OnFloor[] => {
  const itemId = view.current?.itemId;
  if (itemId === undefined) return [];
  return [view.turn, view.interrupted].flatMap((turn) => (turn ? [{ turn, itemId }] : []));
};

const keyOf = (view: MeetingView) => `${view.turn?.id ?? '-'} ${view.interrupted?.id ?? '-'}`;

export const watchFloor = (view: MeetingView): FloorWatch => ({
  key: keyOf(view),
  generation: 0,
  onFloor: onFloorOf(view),
  ended: [],
});

/**
 * The watch after a new view, at the server instant `now`; the very same object when nothing on
 * the floor changed. A turn gone from the floor is kept with its time at `now` (the state that
 * ended it has just arrived); the turn a point of order interrupts has not gone. The turns still
 * on the floor are kept as the view has them now (paused, resumed, given more time), so that one
 * that leaves later keeps the time it truly had.
 */
export const watchAfter = (watch: FloorWatch, view: MeetingView, now: number): FloorWatch => {
  const onFloor = onFloorOf(view);
  const key = keyOf(view);
  if (key === watch.key) {
    const same =
      onFloor.length === watch.onFloor.length &&
      onFloor.every((f, i) => f.turn === watch.onFloor[i]?.turn);
    return same ? watch : { ...watch, onFloor };
  }
  const stillOn = new Set(onFloor.map((f) => f.turn.id));
  const left = watch.onFloor.filter((f) => !stillOn.has(f.turn.id));
  // A turn only coming to the floor leaves the record as it was: nothing to read again.
  if (left.length === 0) return { ...watch, key, onFloor };
  const generation = watch.generation + 1;
  const gone = left.map((f) => ({
    ...countedFromView(f.turn, f.itemId, elapsedAt(f.turn, now)),
    generation,
  }));
  return { key, generation, onFloor, ended: [...watch.ended, ...gone] };
};

/** The turns that left the floor after the record read at `generation` was begun. */
export const endedSince = (watch: FloorWatch, generation: number): EndedTurn[] =>
  watch.ended.filter((e) => e.generation > generation);
