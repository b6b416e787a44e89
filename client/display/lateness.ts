import type { MeetingView } from '../../shared/protocol/view';
import { scheduleAt } from '../../shared/schedule/schedule';
import { isAnotherDay } from '../meeting/schedule';

const MINUTE = 60_000;

/**
 * How many whole minutes late the room is, for the display's "Running 12 min late", from the view
 * alone (the current item's start and the agenda): only when the chair shows it, the session is
 * under way, and the room is late by a minute or more (a drift of days means the sittings are
 * planned for another day, which says nothing of the room). Null otherwise. The words are the
 * display's own message, in its language.
 */
export const minutesLate = (view: MeetingView, now: number): number | null => {
  if (!view.display.showDelay) return null;
  if (view.status !== 'running' && view.status !== 'suspended') return null;
  const drift = scheduleAt({ agenda: view.agenda, held: [], current: view.current, now }).current
    ?.driftMs;
  if (drift === undefined || drift < MINUTE || isAnotherDay(drift)) return null;
  return Math.floor(drift / MINUTE);
};
