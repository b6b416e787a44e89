import type { MessageDescriptor } from '@lingui/core';
import { locate } from '../../shared/engine/places';
import type { FloorView, MeetingView } from '../../shared/protocol/view';
import { panelists } from '../meeting/agenda';

/**
 * The consoles' words for the queue around its requests (the requests' own words are
 * client/meeting/requestWords.ts): the order the list follows, where early requests will be
 * heard, whom a question addresses.
 */

/** The list's order, as the moderator reads it above the queue. */
export const policyWords = (
  floor: Pick<FloorView, 'policy' | 'interleaveEvery'>,
): MessageDescriptor => {
  switch (floor.policy) {
    case 'states-first':
      return { id: 'consoles.order-states-first' };
    case 'arrival':
      return { id: 'consoles.order-arrival' };
    case 'interleave':
      return { id: 'consoles.order-interleave', values: { count: floor.interleaveEvery ?? 3 } };
    default:
      return floor.policy satisfies never;
  }
};

/**
 * How long the others (organizations, the UN system, stakeholders) have gone unheard: the turns of
 * States since one of them last spoke in this discussion, for the moderator's fair access.
 */
export const sinceOtherWords = (statesSinceOther: number): MessageDescriptor => ({
  id: 'consoles.since-other',
  values: { count: statesSinceOther },
});

/**
 * A step's title inside an English sentence ("Requests for the interactive discussion"): its
 * first letter lower-cased unless the first word is an acronym or a name in capitals ("UN
 * system").
 */
export const inSentence = (title: string): string =>
  /^\p{Lu}\p{Ll}/u.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;

/**
 * The discussion early requests wait for, during the item's presentations: its title as the
 * chair wrote it, or null when the queue is the current step's own (or statements cannot be
 * asked for now).
 */
export const earlyDiscussionTitle = (view: MeetingView): string | null => {
  const forStep = view.floor.forStep;
  if (!forStep?.early || !view.current) return null;
  return locate(view.agenda, view.current.itemId, forStep.stepId)?.step.title ?? null;
};

/** The names of the panelists a question addresses, from the agenda (an id not found: as is). */
export const addresseeNames = (view: MeetingView, ids: readonly string[]): string[] => {
  const names = new Map(panelists(view).map((p) => [p.id, p.name]));
  return ids.map((id) => names.get(id) ?? id);
};
