import { INTERLEAVE_EVERY } from '../protocol/stepDefaults';
import type { MeetingView, TurnView } from '../protocol/view';
import type { MeetingContext, TurnState } from './context';
import { queueStep } from './places';

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
export const meetingView = (ctx: MeetingContext, serverTime: number): MeetingView => {
  const { session } = ctx;
  // In a discussion its own list; before it, the list it takes early requests for.
  const listed = queueStep(ctx);
  const floorStep = listed?.step;
  return {
    meetingId: ctx.meetingId,
    version: ctx.version,
    serverTime,
    title: ctx.agenda.title,
    status: session.status,
    agenda: ctx.agenda,
    agendaVersion: ctx.agendaVersion,
    current: ctx.current,
    turn: ctx.turn ? turnView(ctx.turn) : null,
    interrupted: ctx.interrupted ? turnView(ctx.interrupted) : null,
    floor: {
      open: ctx.floor.open,
      segment: ctx.floor.segment,
      queue: ctx.floor.queue.map(
        ({ id, delegationId, name, category, requestedAt, speakerName, kind, ...more }) => ({
          id,
          delegationId,
          name,
          category,
          requestedAt,
          kind,
          ...(speakerName !== undefined && { speakerName }),
          ...(more.onBehalfOf !== undefined && { onBehalfOf: more.onBehalfOf }),
          ...(more.addressedTo !== undefined && { addressedTo: more.addressedTo }),
        }),
      ),
      policy: floorStep?.queuePolicy ?? 'states-first',
      ...(floorStep?.clusterSize !== undefined && { clusterSize: floorStep.clusterSize }),
      ...(floorStep?.queuePolicy === 'interleave' && {
        interleaveEvery: floorStep.interleaveEvery ?? INTERLEAVE_EVERY,
      }),
      sincePanel: ctx.floor.sincePanel,
      forStep: listed ? { stepId: listed.step.id, early: listed.early } : null,
      statesSinceOther: ctx.floor.statesSinceOther,
      questions: ctx.floor.questions,
    },
    suspension:
      session.status === 'suspended'
        ? { since: session.since, ...(session.note !== undefined && { note: session.note }) }
        : null,
    display: ctx.display,
    cue: ctx.cue,
  };
};
