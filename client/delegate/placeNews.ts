import type { MeetingView, QueueEntry } from '../../shared/protocol/view';
import { isStateCategory, placeInLine } from '../meeting/agenda';

/** What a tablet reads from two successive states of the meeting, for its delegation. */

const entryOf = (view: MeetingView, delegationId: string): QueueEntry | undefined =>
  view.floor.queue.find((r) => r.delegationId === delegationId);

const sameStep = (a: MeetingView, b: MeetingView): boolean =>
  a.current?.itemId === b.current?.itemId && a.current?.stepId === b.current?.stepId;

/**
 * Whether the delegation's place moved back because States speak first: under that policy only,
 * its place is now later than before, and a State that asked after it stands ahead of it now
 * (not a request the moderator moved, nor one that was there already).
 */
export const movedBackForStates = (
  before: MeetingView,
  after: MeetingView,
  delegationId: string,
): boolean => {
  if (after.floor.policy !== 'states-first' || !sameStep(before, after)) return false;
  const was = placeInLine(before, delegationId);
  const is = placeInLine(after, delegationId);
  const mine = entryOf(after, delegationId);
  if (was === null || is === null || is <= was || !mine || isStateCategory(mine.category)) {
    return false;
  }
  const aheadBefore = new Set(before.floor.queue.slice(0, was - 1).map((r) => r.id));
  return after.floor.queue
    .slice(0, is - 1)
    .some(
      (r) =>
        !aheadBefore.has(r.id) && isStateCategory(r.category) && r.requestedAt > mine.requestedAt,
    );
};

export const STATES_FIRST_WORDS = 'States speak first in this discussion.';

/**
 * What the tablet tells its screen reader after a change, in the order it happened: the floor
 * given to it, its place in line when it changes (and why, when States went ahead), the list of
 * speakers closing or opening again. Empty when nothing of its own changed.
 */
export const tabletNews = (
  before: MeetingView,
  after: MeetingView,
  delegationId: string,
): string[] => {
  const news: string[] = [];
  const hadFloor = before.turn?.speaker.delegationId === delegationId;
  const hasFloor = after.turn?.speaker.delegationId === delegationId;
  if (hasFloor && (!hadFloor || before.turn?.id !== after.turn?.id))
    news.push('You have the floor.');
  const was = sameStep(before, after) ? placeInLine(before, delegationId) : null;
  const is = placeInLine(after, delegationId);
  if (is !== null && is !== was) {
    news.push(
      movedBackForStates(before, after, delegationId)
        ? `You are now number ${is} in line: ${STATES_FIRST_WORDS}`
        : `You are number ${is} in line.`,
    );
  } else if (is === null && was !== null && !hasFloor) {
    news.push('You are no longer in line.');
  }
  if (sameStep(before, after) && before.floor.open !== after.floor.open) {
    news.push(
      after.floor.open ? 'The list of speakers is open again.' : 'The list of speakers is closed.',
    );
  }
  return news;
};
