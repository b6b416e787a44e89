import { currentStep, type Located } from '../../shared/engine/places';
import type { ScheduledSpeaker } from '../../shared/protocol/agenda';
import type { MeetingView } from '../../shared/protocol/view';

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

/** A delegation's place in the queue, from 1; null when it is not waiting. */
export const placeInLine = (view: MeetingView, delegationId: string): number | null => {
  const index = view.floor.queue.findIndex((r) => r.delegationId === delegationId);
  return index < 0 ? null : index + 1;
};

export { CATEGORY_LABEL, isStateCategory } from '../../shared/categories';

/** "Expert panel 1: Interactive discussion", or only the step when the item has one step. */
export const placeTitle = (place: Pick<Located, 'item' | 'step'>): string =>
  place.item.steps.length > 1 || place.item.title !== place.step.title
    ? `${place.item.title}: ${place.step.title}`
    : place.item.title;

export const STATUS_LABEL: Record<MeetingView['status'], string> = {
  pending: 'Not started',
  running: 'In session',
  suspended: 'Suspended',
  closed: 'Closed',
};
