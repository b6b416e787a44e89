import { useEffect, useState } from 'react';
import { elapsedAt } from '../../shared/clock/turnClock';
import { HTTP_ROUTES } from '../../shared/protocol/contract';
import type { MeetingView, TurnView } from '../../shared/protocol/view';
import { call } from '../app/api';
import type { Session } from '../app/sessions';
import type { ServerClock } from '../live/serverClock';
import { type CountedTurn, countedFromRecord, countedFromView } from './speakingTime';

/** A failed read of the record is tried again after this long (the room network may blink). */
const RETRY_MS = 3_000;

/** The turns on the floor, in the item they are held in. */
interface OnFloor {
  turn: TurnView;
  itemId: string;
}

/**
 * What the console saw on the floor, and the turns that left it since: each keeps the time it
 * had when it left, until a record read after that comes back with it.
 */
interface Seen {
  /** The turn ids on the floor, as a key: a change means a turn ended or began. */
  key: string;
  /** Counts the changes of `key`: a record read at generation G has every turn ended by then. */
  generation: number;
  onFloor: OnFloor[];
  ended: (CountedTurn & { generation: number })[];
}

const onFloorOf = (view: MeetingView): OnFloor[] => {
  const itemId = view.current?.itemId;
  if (itemId === undefined) return [];
  return [view.turn, view.interrupted].flatMap((turn) => (turn ? [{ turn, itemId }] : []));
};

/** Whether the turns seen are the view's very objects (a new state brings new ones). */
const sameTurns = (onFloor: readonly OnFloor[], view: MeetingView): boolean => {
  const now = onFloorOf(view);
  return now.length === onFloor.length && now.every((f, i) => f.turn === onFloor[i]?.turn);
};

const keyOf = (view: MeetingView) => `${view.turn?.id ?? '-'} ${view.interrupted?.id ?? '-'}`;

/**
 * The turns that have ended, for the moderator's speaking times: the record, read over HTTP
 * (`GET /api/meetings/:id/record`, an officer's token) when the console opens and again each
 * time a turn leaves the floor (the turn ids of the view change), never on a timer. A turn is
 * stored before the state that ends it is sent, so a read begun after that state has it; until
 * that read comes back, the turn counts with the time it had when it left the floor, so that no
 * tally drops for the moment of the read.
 *
 * Null until the first read answers.
 */
export const useSpokenTurns = (
  session: Session,
  view: MeetingView,
  clock: ServerClock,
): CountedTurn[] | null => {
  const key = keyOf(view);
  const [seen, setSeen] = useState<Seen>(() => ({
    key,
    generation: 0,
    onFloor: onFloorOf(view),
    ended: [],
  }));
  const [read, setRead] = useState<{ turns: CountedTurn[]; generation: number } | null>(null);

  let current = seen;
  if (seen.key !== key) {
    // A turn left the floor or another came: the ones gone keep their time until the record has
    // them. Done in this very render, as `useTimedValue` does, so no render shows them uncounted.
    const stillOn = new Set(onFloorOf(view).map((f) => f.turn.id));
    const now = clock.now();
    const generation = seen.generation + 1;
    const gone = seen.onFloor
      .filter((f) => !stillOn.has(f.turn.id))
      .map((f) => ({
        ...countedFromView(f.turn, f.itemId, elapsedAt(f.turn, now)),
        generation,
      }));
    current = { key, generation, onFloor: onFloorOf(view), ended: [...seen.ended, ...gone] };
    setSeen(current);
  } else if (!sameTurns(seen.onFloor, view)) {
    // The same turns, paused or resumed or given more time: what they would keep if they left.
    current = { ...seen, onFloor: onFloorOf(view) };
    setSeen(current);
  }

  const { generation } = current;
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      call(HTTP_ROUTES.record, { params: { id: session.meetingId }, token: session.token }).then(
        (answer) => {
          if (!live) return;
          setRead({ turns: answer.turns.map(countedFromRecord), generation });
          setSeen((s) => ({ ...s, ended: s.ended.filter((e) => e.generation > generation) }));
        },
        () => {
          if (live) timer = setTimeout(load, RETRY_MS);
        },
      );
    };
    load();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [session.meetingId, session.token, generation]);

  if (read === null) return null;
  return [...read.turns, ...current.ended.filter((e) => e.generation > read.generation)];
};
