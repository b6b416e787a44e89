import { currentStep, type Located } from '../../shared/engine/places';
import type { ScheduledSpeaker } from '../../shared/protocol/agenda';
import type { RequestKind } from '../../shared/protocol/common';
import type { MeetingView, QueueEntry } from '../../shared/protocol/view';

/**
 * Readings of a MeetingView that only the screens need. Where the meeting stands in its agenda
 * (`currentStep`, `stepAfter`, `scheduledSpeaker`, `speakersToCome`) is shared/engine/places.ts,
 * the engine's own reading, under the same names on both sides.
 */

/** Who may answer for the panel in a discussion: the item's scheduled speakers, once each. */
export const panelists = (view: MeetingView): ScheduledSpeaker[] => {
  const here = currentStep(view);
  if (!here) return [];
  const seen = new Map<string, ScheduledSpeaker>();
  for (const step of here.item.steps) {
    if (step.kind !== 'speakers') continue;
    for (const speaker of step.speakers) if (!seen.has(speaker.id)) seen.set(speaker.id, speaker);
  }
  return [...seen.values()];
};

/**
 * A delegation's place in the queue, from 1; null when it is not waiting. A delegation may wait
 * once with each kind of request (a statement, a right of reply, a point of order): with `kind`,
 * the place of that request; without it, of the first of its requests in the line.
 */
export const placeInLine = (
  view: MeetingView,
  delegationId: string,
  kind?: RequestKind,
): number | null => {
  const index = view.floor.queue.findIndex(
    (r) => r.delegationId === delegationId && (kind === undefined || r.kind === kind),
  );
  return index < 0 ? null : index + 1;
};

/** A request of the delegation, with its place in line from 1. */
export interface PlacedRequest {
  request: QueueEntry;
  place: number;
}

/** Every request the delegation has waiting, in the order of the line. */
export const requestsInLine = (view: MeetingView, delegationId: string): PlacedRequest[] =>
  view.floor.queue.flatMap((request, index) =>
    request.delegationId === delegationId ? [{ request, place: index + 1 }] : [],
  );

export { isStateCategory } from '../../shared/categories';

/** "Expert panel 1: Interactive discussion", or only the step when the item has one step. */
export const placeTitle = (place: Pick<Located, 'item' | 'step'>): string =>
  place.item.steps.length > 1 || place.item.title !== place.step.title
    ? `${place.item.title}: ${place.step.title}`
    : place.item.title;

/** Where the meeting stands: message ids ("Not started", "In session"...). */
export const STATUS_WORDS: Record<MeetingView['status'], string> = {
  pending: 'words.status-pending',
  running: 'words.status-running',
  suspended: 'words.status-suspended',
  closed: 'words.status-closed',
};
