import { elapsedAt } from '../../shared/clock/turnClock';
import type { HookPayload, StepData } from '../../shared/protocol/hooks';
import type { MeetingView, TurnView } from '../../shared/protocol/view';

/**
 * The events of one accepted command, read from the meeting as it was just before and just
 * after it (docs/integrations.md, "Events"). Pure: the same two views give the same events, in
 * the same order:
 *
 * 1. turns that left the floor: `turn.ended` (the current one first, then a kept one);
 * 2. turns that stayed: `turn.paused` when their clock stopped, `turn.resumed` when it started
 *    again, and `turn.paused` for a kept turn that is current again (the end of a point of
 *    order: it is back on the floor, its clock stopped);
 * 3. a turn new to the floor: `turn.started`;
 * 4. `queue.changed`, `step.changed`, `status.changed`.
 *
 * So a point of order that interrupts a running turn is `turn.paused` (the kept turn) then
 * `turn.started` (the point of order); its end is `turn.ended` (the point of order) then
 * `turn.paused` (the kept turn, current again, waiting for the chair to resume it).
 */
export const eventsBetween = (
  before: MeetingView,
  after: MeetingView,
  at: number,
): HookPayload[] => {
  const envelope = { meetingId: after.meetingId, version: after.version, at };
  const events: HookPayload[] = [];
  const turn =
    (event: 'turn.started' | 'turn.paused' | 'turn.resumed' | 'turn.ended') => (data: TurnView) =>
      events.push({ event, ...envelope, data });

  const was = [before.turn, before.interrupted].filter((t): t is TurnView => t !== null);
  const now = new Map(
    [after.turn, after.interrupted].filter((t): t is TurnView => t !== null).map((t) => [t.id, t]),
  );
  for (const gone of was.filter((t) => !now.has(t.id))) turn('turn.ended')(stoppedAt(gone, at));
  for (const old of was) {
    const same = now.get(old.id);
    if (!same) continue;
    if (old.status === 'running' && same.status === 'paused') turn('turn.paused')(same);
    else if (old.status === 'paused' && same.status === 'running') turn('turn.resumed')(same);
    else if (old.id === before.interrupted?.id && same.id === after.turn?.id) {
      turn('turn.paused')(same);
    }
  }
  if (after.turn && !was.some((t) => t.id === after.turn?.id)) turn('turn.started')(after.turn);

  if (queueChanged(before, after)) {
    events.push({
      event: 'queue.changed',
      ...envelope,
      data: { open: after.floor.open, queue: after.floor.queue },
    });
  }
  if (
    before.current?.itemId !== after.current?.itemId ||
    before.current?.stepId !== after.current?.stepId
  ) {
    events.push({ event: 'step.changed', ...envelope, data: stepOf(after) });
  }
  if (before.status !== after.status) {
    events.push({
      event: 'status.changed',
      ...envelope,
      data: { status: after.status, previous: before.status },
    });
  }
  return events;
};

/**
 * A turn as it stood when it ended: its clock stopped at that instant, so `elapsedMs` is the
 * time spoken (pauses excluded), which the record keeps too.
 */
const stoppedAt = (turn: TurnView, at: number): TurnView => ({
  ...turn,
  status: 'paused',
  startedAt: null,
  elapsedMs: elapsedAt(turn, at),
});

/** The list of speakers as a room sees it: who waits, in which order, and whether it is open. */
const queueChanged = (before: MeetingView, after: MeetingView): boolean => {
  if (before.floor.open !== after.floor.open) return true;
  const a = before.floor.queue;
  const b = after.floor.queue;
  if (a.length !== b.length) return true;
  return a.some((entry, i) => JSON.stringify(entry) !== JSON.stringify(b[i]));
};

/** The step the meeting is at, with the titles of the agenda as it stands. */
export const stepOf = (view: MeetingView): StepData => {
  const current = view.current;
  if (!current) return null;
  const item = view.agenda.items.find((i) => i.id === current.itemId);
  const step = item?.steps.find((s) => s.id === current.stepId);
  return {
    itemId: current.itemId,
    stepId: current.stepId,
    itemTitle: item?.title ?? current.itemId,
    stepTitle: step?.title ?? current.stepId,
    startedAt: current.startedAt,
  };
};
