import type { MessageDescriptor } from '@lingui/core';
import type { RequestKind } from '../../shared/protocol/common';
import type { MeetingView, QueueEntry, TurnView } from '../../shared/protocol/view';
import { isStateCategory, requestsInLine } from '../meeting/agenda';
import type { RequestWords } from '../meeting/requestWords';

/**
 * What a tablet reads from two successive states of the meeting, for its delegation. A
 * delegation may wait with several requests at once (a statement, a right of reply, a point of
 * order): each is followed by its id, which it keeps from the moment it is made until it is
 * heard, withdrawn or removed, also when an early statement is carried into its discussion.
 */

const sameStep = (a: MeetingView, b: MeetingView): boolean =>
  a.current?.itemId === b.current?.itemId && a.current?.stepId === b.current?.stepId;

const placeOf = (view: MeetingView, requestId: string): number | null => {
  const index = view.floor.queue.findIndex((r) => r.id === requestId);
  return index < 0 ? null : index + 1;
};

export const STATES_FIRST_WORDS: MessageDescriptor = { id: 'tablet.why-states-first' };

/** Why a request asked for later now stands ahead of the delegation's, in the room's words. */
const aheadBecause = (
  view: MeetingView,
  mine: QueueEntry,
  other: QueueEntry,
): MessageDescriptor | null => {
  if (other.kind === 'point-of-order' && mine.kind !== 'point-of-order') {
    return { id: 'tablet.why-point-of-order' };
  }
  if (mine.kind === 'reply' && other.kind === 'statement') {
    return { id: 'tablet.why-replies-after' };
  }
  if (mine.kind !== 'statement' || other.kind !== 'statement') return null;
  const { policy } = view.floor;
  if (policy === 'arrival') return null;
  if (other.onBehalfOf && !mine.onBehalfOf) return { id: 'tablet.why-groups-first' };
  if (mine.onBehalfOf || other.onBehalfOf) return null;
  const stateAhead = isStateCategory(other.category);
  if (policy === 'states-first') {
    return stateAhead && !isStateCategory(mine.category) ? STATES_FIRST_WORDS : null;
  }
  if (stateAhead === isStateCategory(mine.category)) return null;
  const every = view.floor.interleaveEvery;
  return every === undefined
    ? { id: 'tablet.why-interleave' }
    : { id: 'tablet.why-interleave-every', values: { count: every } };
};

/**
 * Why the request moved back, when it did by a rule of the room: it stands later than before, in
 * the same step, and a request made after it stands ahead of it now because that kind or that
 * delegation is heard first (a point of order, a group's statement, a State's under States
 * first, the turn of States or of the others under interleave). Null otherwise: a request the
 * moderator moved, one that was there already, or no move back at all.
 */
export const whyMovedBack = (
  before: MeetingView,
  after: MeetingView,
  requestId: string,
): MessageDescriptor | null => {
  if (!sameStep(before, after)) return null;
  const was = placeOf(before, requestId);
  const is = placeOf(after, requestId);
  const mine = after.floor.queue[(is ?? 0) - 1];
  if (was === null || is === null || is <= was || !mine) return null;
  const aheadBefore = new Set(before.floor.queue.slice(0, was - 1).map((r) => r.id));
  for (const other of after.floor.queue.slice(0, is - 1)) {
    // The delegation's own point of order going ahead of its statement needs no reason.
    if (aheadBefore.has(other.id) || other.requestedAt <= mine.requestedAt) continue;
    if (other.delegationId === mine.delegationId) continue;
    const why = aheadBecause(after, mine, other);
    if (why) return why;
  }
  return null;
};

/**
 * Who a sentence about a place speaks of, as its messages select it (`{subject, select, …}`):
 * "You are" for a delegation's only request, as in version 1; "Your right of reply is" where the
 * kind tells it apart from the others.
 */
const subjectOf = (kind: RequestKind, several: boolean): 'you' | RequestKind =>
  kind === 'statement' && !several ? 'you' : kind;

/** "You have the floor." with what the turn is, when it is not the delegation's own statement. */
export const floorWords = (words: RequestWords, turn: TurnView): string => {
  const { kind, onBehalfOf } = turn.speaker;
  const { t } = words;
  if (kind === 'reply') return t('tablet.news-floor-reply');
  if (kind === 'point-of-order') return t('tablet.news-floor-point-of-order');
  if (onBehalfOf) return t('tablet.news-floor-behalf', { group: words.group(onBehalfOf) });
  return t('tablet.news-floor');
};

export const INTERRUPTED_WORDS: MessageDescriptor = { id: 'tablet.news-interrupted' };
export const GIVEN_BACK_WORDS: MessageDescriptor = { id: 'tablet.news-given-back' };

/**
 * What the tablet tells its screen reader after a change, in the order it happened: the floor
 * given to it (and for what), its turn interrupted by a point of order and given back, the
 * place of each of its requests when it changes (and why, when another went ahead by a rule of
 * the room), a request no longer in line, the discussion beginning for a statement asked for
 * early, the list of speakers closing or opening again. Empty when nothing of its own changed.
 */
export const tabletNews = (
  words: RequestWords,
  before: MeetingView,
  after: MeetingView,
  delegationId: string,
): string[] => {
  const { t } = words;
  const news: string[] = [];
  const mineTurn = (turn: TurnView | null | undefined): turn is TurnView =>
    turn?.speaker.delegationId === delegationId;
  const hadFloor = mineTurn(before.turn);
  const givenBack =
    mineTurn(before.interrupted) && mineTurn(after.turn) && after.turn.id === before.interrupted.id;
  if (givenBack) news.push(t(GIVEN_BACK_WORDS));
  else if (mineTurn(after.turn) && (!hadFloor || before.turn?.id !== after.turn.id)) {
    news.push(floorWords(words, after.turn));
  }
  if (mineTurn(after.interrupted) && before.interrupted?.id !== after.interrupted.id) {
    news.push(t(INTERRUPTED_WORDS));
  }

  const now = requestsInLine(after, delegationId);
  const then = requestsInLine(before, delegationId);
  const several = now.length > 1;
  const begun =
    before.floor.forStep?.early === true &&
    after.floor.forStep?.early === false &&
    before.floor.forStep.stepId === after.floor.forStep.stepId;
  // A request that left the line: heard (the floor given for it), or withdrawn or removed. A
  // new step ends the step's requests; the screen says where the meeting is now.
  if (sameStep(before, after)) {
    const gone = then.filter(
      ({ request }) =>
        !now.some((n) => n.request.id === request.id) && after.turn?.requestId !== request.id,
    );
    for (const { request } of gone) {
      news.push(t('tablet.news-gone', { subject: subjectOf(request.kind, then.length > 1) }));
    }
  }
  for (const { request, place } of now) {
    const was = then.find((t) => t.request.id === request.id)?.place ?? null;
    const subject = subjectOf(request.kind, several);
    if (place !== was) {
      const why = whyMovedBack(before, after, request.id);
      news.push(
        why
          ? t('tablet.news-moved-back', { subject, place, why: t(why) })
          : t('tablet.news-place', { subject, place }),
      );
    } else if (begun && request.kind === 'statement') {
      news.push(t('tablet.news-begun', { subject, place }));
    }
  }
  if (sameStep(before, after) && before.floor.open !== after.floor.open) {
    news.push(t(after.floor.open ? 'tablet.news-list-open' : 'tablet.news-list-closed'));
  }
  return news;
};
