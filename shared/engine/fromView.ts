import type { MeetingView } from '../protocol/view';
import type { MeetingContext, Session } from './context';
import { lastStep } from './places';

/**
 * The engine's context as a screen can know it, from the view every client gets: enough for the
 * chart to answer "may I press this?" with the rules the server applies (docs/architecture.md,
 * "One source for may I press this"). What the view leaves out (a speaker's sex, who entered a
 * request) decides nothing.
 */
export const contextFromView = (view: MeetingView): MeetingContext => {
  const cached = fromView.get(view);
  if (cached) return cached;
  const current = view.current;
  const context: MeetingContext = {
    meetingId: view.meetingId,
    version: view.version,
    agenda: view.agenda,
    agendaVersion: view.agendaVersion,
    session: sessionOf(view),
    current,
    turn:
      view.turn && current
        ? { ...view.turn, itemId: current.itemId, stepId: current.stepId }
        : null,
    interrupted:
      view.interrupted && current
        ? { ...view.interrupted, itemId: current.itemId, stepId: current.stepId }
        : null,
    floor: {
      open: view.floor.open,
      segment: view.floor.segment,
      sincePanel: view.floor.sincePanel,
      statesSinceOther: view.floor.statesSinceOther,
      questions: view.floor.questions,
      queue: view.floor.queue.map((r) => ({ ...r, madeBy: 'delegate', waitingAtClose: false })),
    },
    display: view.display,
    cue: view.cue,
  };
  fromView.set(view, context);
  return context;
};

const fromView = new WeakMap<MeetingView, MeetingContext>();

const sessionOf = (view: MeetingView): Session => {
  switch (view.status) {
    case 'pending':
    case 'running':
      return { status: view.status };
    case 'suspended':
      return {
        status: 'suspended',
        since: view.suspension?.since ?? view.serverTime,
        ...(view.suspension?.note !== undefined && { note: view.suspension.note }),
      };
    case 'closed':
      // The view does not say where a closed meeting stood; the chart asks only whether it stood
      // anywhere. A meeting closed before it began is refused by the server when reopened.
      return { status: 'closed', from: lastStep(view.agenda) };
    default:
      return view.status satisfies never;
  }
};
