import type { AgendaItem, ScheduledSpeaker, Step } from '../../shared/protocol/agenda';
import type { MeetingView } from '../../shared/protocol/view';

/** Pure readings of a MeetingView that several screens need. */

export interface Place {
  item: AgendaItem;
  step: Step;
  itemIndex: number;
  stepIndex: number;
}

export const currentPlace = (view: MeetingView): Place | null => {
  if (!view.current) return null;
  const { itemId, stepId } = view.current;
  const itemIndex = view.agenda.items.findIndex((i) => i.id === itemId);
  const item = view.agenda.items[itemIndex];
  const stepIndex = item ? item.steps.findIndex((s) => s.id === stepId) : -1;
  const step = item?.steps[stepIndex];
  return item && step ? { item, step, itemIndex, stepIndex } : null;
};

/** The step `agenda.next` moves to: the next of this item, else the first of the next item. */
export const nextPlace = (view: MeetingView): Place | null => {
  const here = currentPlace(view);
  if (!here) return null;
  const inItem = here.item.steps[here.stepIndex + 1];
  if (inItem) return { ...here, step: inItem, stepIndex: here.stepIndex + 1 };
  const item = view.agenda.items[here.itemIndex + 1];
  const step = item?.steps[0];
  return item && step ? { item, step, itemIndex: here.itemIndex + 1, stepIndex: 0 } : null;
};

/** The current step's scheduled speakers, each marked heard or not. */
export const scheduledSpeakers = (
  view: MeetingView,
): { speaker: ScheduledSpeaker; heard: boolean }[] => {
  const here = currentPlace(view);
  if (here?.step.kind !== 'speakers') return [];
  const heard = new Set(view.current?.heard);
  return here.step.speakers.map((speaker) => ({ speaker, heard: heard.has(speaker.id) }));
};

/** Scheduled speakers of the current step not yet heard, the one speaking now left out. */
export const speakersToCome = (view: MeetingView): ScheduledSpeaker[] =>
  scheduledSpeakers(view)
    .filter(({ speaker, heard }) => !heard && speaker.id !== view.turn?.speaker.speakerId)
    .map(({ speaker }) => speaker);

/** Who may answer for the panel in a discussion: the item's scheduled speakers, once each. */
export const panelists = (view: MeetingView): ScheduledSpeaker[] => {
  const here = currentPlace(view);
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

export const isFloorStep = (view: MeetingView): boolean =>
  currentPlace(view)?.step.kind === 'floor';

export { CATEGORY_LABEL, isStateCategory } from '../../shared/categories';

/** "Expert panel 1: Interactive discussion", or only the step when the item has one step. */
export const placeTitle = (place: Pick<Place, 'item' | 'step'>): string =>
  place.item.steps.length > 1 || place.item.title !== place.step.title
    ? `${place.item.title}: ${place.step.title}`
    : place.item.title;

export const STATUS_LABEL: Record<MeetingView['status'], string> = {
  pending: 'Not started',
  running: 'In session',
  suspended: 'Suspended',
  closed: 'Closed',
};
