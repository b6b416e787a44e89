import type { MeetingStatus, MeetingView, TurnView } from '../../shared/protocol/view';
import { currentStep, type MeetingContext, type TurnState } from './context';

const turnView = (turn: TurnState): TurnView => ({
  id: turn.id,
  speaker: turn.speaker,
  limitMs: turn.limitMs,
  warnAtMs: turn.warnAtMs,
  status: turn.status,
  startedAt: turn.startedAt,
  elapsedMs: turn.elapsedMs,
  firstStartedAt: turn.firstStartedAt,
  endAtLimit: turn.endAtLimit,
  ...(turn.segment !== undefined && { segment: turn.segment }),
  ...(turn.requestId !== undefined && { requestId: turn.requestId }),
});

/**
 * What every client sees. One view for every role, so the server serialises it once per change:
 * it leaves out what only the record keeps (a speaker's sex, who entered a request).
 */
export const meetingView = (
  status: MeetingStatus,
  ctx: MeetingContext,
  serverTime: number,
): MeetingView => {
  const here = currentStep(ctx);
  const floorStep = here?.step.kind === 'floor' ? here.step : undefined;
  return {
    meetingId: ctx.meetingId,
    version: ctx.version,
    serverTime,
    title: ctx.agenda.title,
    status,
    agenda: ctx.agenda,
    agendaVersion: ctx.agendaVersion,
    current: ctx.current,
    turn: ctx.turn ? turnView(ctx.turn) : null,
    floor: {
      open: ctx.floor.open,
      segment: ctx.floor.segment,
      queue: ctx.floor.queue.map(
        ({ id, delegationId, name, category, requestedAt, speakerName }) => ({
          id,
          delegationId,
          name,
          category,
          requestedAt,
          ...(speakerName !== undefined && { speakerName }),
        }),
      ),
      policy: floorStep?.queuePolicy ?? 'states-first',
      ...(floorStep?.clusterSize !== undefined && { clusterSize: floorStep.clusterSize }),
      sincePanel: ctx.floor.sincePanel,
    },
    suspension: ctx.suspension,
    display: ctx.display,
  };
};
