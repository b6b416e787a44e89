import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Agenda } from '../../shared/protocol/agenda';
import { ServerId } from '../../shared/protocol/common';
import type {
  HeldStep,
  HeldStepsResponse,
  RecordedRequest,
  RecordResponse,
  ReportResponse,
  WaitingRequest,
} from '../../shared/protocol/record';
import type { StepRecord } from '../../shared/protocol/view';
import { buildReport, type WaitingNow } from '../../shared/report/report';
import type { MeetingRuntime } from '../meetings/runtime';
import type { ApiAccess } from './api';
import { HttpError } from './errors';
import { requestsCsv, turnsCsv } from './recordCsv';

/**
 * The record and what is made of it, for chairs and moderators: the record as JSON and CSV, the
 * steps held (the live schedule), and the report.
 */

const MeetingPath = z.object({ id: ServerId });

/** Titles of an agenda item and step as they stand now; the ids when they are gone. */
const titlesIn = (agenda: Agenda) => {
  const items = new Map(agenda.items.map((i) => [i.id, i]));
  return (itemId: string, stepId: string): { itemTitle: string; stepTitle: string } => {
    const item = items.get(itemId);
    return {
      itemTitle: item?.title ?? itemId,
      stepTitle: item?.steps.find((s) => s.id === stepId)?.title ?? stepId,
    };
  };
};

const heldSteps = (agenda: Agenda, steps: readonly StepRecord[]): HeldStep[] => {
  const titles = titlesIn(agenda);
  return steps.map((s) => ({ ...s, ...titles(s.itemId, s.stepId) }));
};

/** The record with the titles beside the ids, and the requests waiting now. */
export const recordOf = (runtime: MeetingRuntime, now = runtime.clock.now()): RecordResponse => {
  const view = runtime.view(now);
  const stored = runtime.record();
  const titles = titlesIn(view.agenda);
  const turnOfRequest = new Map(
    stored.turns.flatMap((t) => (t.requestId === undefined ? [] : [[t.requestId, t.id] as const])),
  );
  const requests: RecordedRequest[] = stored.requests.map((r) => {
    const turnId = r.outcome === 'granted' ? turnOfRequest.get(r.id) : undefined;
    return { ...r, ...titles(r.itemId, r.stepId), ...(turnId !== undefined && { turnId }) };
  });
  const current = view.current;
  const waiting: WaitingRequest[] = current
    ? runtime.queue().map((q, i) => ({
        id: q.id,
        itemId: current.itemId,
        stepId: current.stepId,
        ...titles(current.itemId, current.stepId),
        delegationId: q.delegationId,
        delegationName: q.name,
        category: q.category,
        ...(q.speakerName !== undefined && { speakerName: q.speakerName }),
        ...(q.sex !== undefined && { sex: q.sex }),
        madeBy: q.madeBy,
        requestedAt: q.requestedAt,
        position: i + 1,
        waitingAtClose: q.waitingAtClose,
      }))
    : [];
  return {
    turns: stored.turns,
    requests,
    steps: heldSteps(view.agenda, stored.steps),
    waiting,
  };
};

export const reportOf = (runtime: MeetingRuntime, now = runtime.clock.now()): ReportResponse => {
  const view = runtime.view(now);
  const { turns, requests, steps } = runtime.record();
  const current = view.current;
  const waiting: WaitingNow[] = current
    ? runtime.queue().map((q) => ({
        id: q.id,
        itemId: current.itemId,
        stepId: current.stepId,
        delegationId: q.delegationId,
        delegationName: q.name,
        ...(q.speakerName !== undefined && { speakerName: q.speakerName }),
        requestedAt: q.requestedAt,
        waitingAtClose: q.waitingAtClose,
      }))
    : [];
  const report = buildReport({
    agenda: view.agenda,
    turns,
    requests,
    waiting,
    steps,
    // With itemStartedAt: the schedule knows when the current item began.
    current: view.current,
    now,
  });
  return {
    ...report,
    meetingId: runtime.meetingId,
    status: view.status,
    generatedAt: now,
    timeZone: view.agenda.timeZone,
    sittings: view.agenda.sittings,
    waitingNow: view.current
      ? {
          itemId: view.current.itemId,
          stepId: view.current.stepId,
          count: view.floor.queue.length,
        }
      : null,
  };
};

/** The file name of an export: the meeting's id and what it holds. */
const attachment = (meetingId: string, what: string) =>
  `attachment; filename="${meetingId}-${what}.csv"`;

export const registerRecordRoutes = (app: FastifyInstance, access: ApiAccess): void => {
  /** The meeting named in the path, once a chair's or moderator's token for it is shown. */
  const officerMeeting = (request: FastifyRequest): MeetingRuntime => {
    const path = MeetingPath.safeParse(request.params);
    if (!path.success) throw new HttpError('not_found', 'There is no such meeting.');
    const runtime = access.meeting(path.data.id);
    access.requireOfficer(request, runtime.meetingId);
    return runtime;
  };

  app.get(
    '/api/meetings/:id/record',
    async (request): Promise<RecordResponse> => recordOf(officerMeeting(request)),
  );

  app.get('/api/meetings/:id/record.csv', async (request, reply) => {
    const runtime = officerMeeting(request);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachment(runtime.meetingId, 'record'))
      .send(turnsCsv(runtime.record().turns));
  });

  app.get('/api/meetings/:id/requests.csv', async (request, reply) => {
    const runtime = officerMeeting(request);
    const { requests, waiting } = recordOf(runtime);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachment(runtime.meetingId, 'requests'))
      .send(requestsCsv(requests, waiting));
  });

  app.get('/api/meetings/:id/steps', async (request): Promise<HeldStepsResponse> => {
    const runtime = officerMeeting(request);
    return { steps: heldSteps(runtime.view().agenda, runtime.record().steps) };
  });

  app.get(
    '/api/meetings/:id/report',
    async (request): Promise<ReportResponse> => reportOf(officerMeeting(request)),
  );
};
