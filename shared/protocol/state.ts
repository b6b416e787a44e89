import type { Agenda } from './agenda';
import type { MeetingState, MeetingView } from './view';

/**
 * The lean state (contract version 2) on both sides, without zod: every screen follows the
 * meeting with `StateFollower`. What the `state` event carries is `MeetingState`, whose schema
 * is beside `MeetingView`'s (./view.ts).
 */
export type { MeetingState };

/** The state to send to devices that already have the agenda of this `agendaVersion`. */
export const withoutAgenda = (view: MeetingView): MeetingState => {
  const { agenda: _, ...lean } = view;
  return lean;
};

/**
 * A client's side of the lean state: each `state` received, completed with the last agenda
 * received, into the whole `MeetingView` the screens read (so `view.agenda` is always there).
 * A state older than one already shown (a lower `version`) is never shown; the same version
 * again (a reconnection) is, for its newer `serverTime`.
 */
export class StateFollower {
  private shown: MeetingView | null = null;
  private agenda: { version: number; agenda: Agenda } | null = null;

  /** The view to show for `state`, or null if it must not be shown. */
  receive(state: MeetingState): MeetingView | null {
    if (this.shown && state.version < this.shown.version) return null;
    if (state.agenda !== undefined) {
      this.agenda = { version: state.agendaVersion, agenda: state.agenda };
    }
    // Without the agenda it belongs to, the state cannot be drawn (a server bug: it sends the
    // agenda on connect and with every change of agendaVersion); wait for the next one.
    if (this.agenda?.version !== state.agendaVersion) return null;
    this.shown = { ...state, agenda: this.agenda.agenda };
    return this.shown;
  }

  /** The view last shown, if any. */
  get latest(): MeetingView | null {
    return this.shown;
  }
}
