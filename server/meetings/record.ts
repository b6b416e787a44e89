import type { Agenda } from '../../shared/protocol/agenda';
import type {
  HeldStep,
  RecordedRequest,
  RecordResponse,
  ReportResponse,
  WaitingRequest,
} from '../../shared/protocol/record';
import type { StepRecord } from '../../shared/protocol/view';
import { buildReport, type WaitingNow } from '../../shared/report/report';
import type { MeetingRuntime, RecordedMeeting } from './runtime';

/**
 * The record as the chair reads it, and what is made of it (docs/protocol.md, "HTTP": the record,
 * its CSV exports, the steps held, the report): what the store keeps, with the titles of the
 * agenda as it stands now beside the ids, and the requests waiting now. The HTTP routes only
 * answer with these.
 */

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

/**
 * The names of the panelists a question addressed, as the agenda has them now: their ids are
 * speaker ids of the item's programme (an id the agenda no longer has stays as it is).
 */
export const addresseeNames = (runtime: MeetingRuntime) => {
  const items = new Map(
    runtime.agenda.items.map((item) => [
      item.id,
      new Map(
        item.steps.flatMap((s) =>
          s.kind === 'speakers' ? s.speakers.map((p) => [p.id, p.name] as const) : [],
        ),
      ),
    ]),
  );
  return (itemId: string, speakerIds: readonly string[]): string[] =>
    speakerIds.map((id) => items.get(itemId)?.get(id) ?? id);
};

const heldStepsIn = (agenda: Agenda, steps: readonly StepRecord[]): HeldStep[] => {
  const titles = titlesIn(agenda);
  return steps.map((s) => ({ ...s, ...titles(s.itemId, s.stepId) }));
};

/** The steps held so far, with their titles: the chair's live schedule. */
export const heldSteps = async (runtime: MeetingRuntime): Promise<HeldStep[]> => {
  const { view, record } = await runtime.recorded();
  return heldStepsIn(view.agenda, record.steps);
};

/** The record with the titles beside the ids, and the requests waiting now. */
export const recordOf = async (
  runtime: MeetingRuntime,
  now = runtime.clock.now(),
): Promise<RecordResponse> => recordIn(await runtime.recorded(now));

/** The record of one version of the meeting (`MeetingRuntime.recorded`), as the chair reads it. */
const recordIn = ({ view, record: stored, waiting: queue }: RecordedMeeting): RecordResponse => {
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
    ? queue.map((q, i) => ({
        id: q.id,
        itemId: current.itemId,
        stepId: current.stepId,
        ...titles(current.itemId, current.stepId),
        delegationId: q.delegationId,
        delegationName: q.name,
        category: q.category,
        ...(q.speakerName !== undefined && { speakerName: q.speakerName }),
        ...(q.sex !== undefined && { sex: q.sex }),
        kind: q.kind,
        ...(q.onBehalfOf !== undefined && { onBehalfOf: q.onBehalfOf }),
        ...(q.addressedTo !== undefined && { addressedTo: q.addressedTo }),
        madeBy: q.madeBy,
        requestedAt: q.requestedAt,
        position: i + 1,
        waitingAtClose: q.waitingAtClose,
      }))
    : [];
  return {
    turns: stored.turns,
    requests,
    steps: heldStepsIn(view.agenda, stored.steps),
    waiting,
  };
};

/** The co-chairs' report as of `now` (`shared/report/report.ts`), with what a printed page says. */
export const reportOf = async (
  runtime: MeetingRuntime,
  now = runtime.clock.now(),
): Promise<ReportResponse> => {
  const { view, record, waiting: queue } = await runtime.recorded(now);
  const { turns, requests, steps } = record;
  const current = view.current;
  const waiting: WaitingNow[] = current
    ? queue.map((q) => ({
        id: q.id,
        itemId: current.itemId,
        stepId: current.stepId,
        delegationId: q.delegationId,
        delegationName: q.name,
        ...(q.speakerName !== undefined && { speakerName: q.speakerName }),
        kind: q.kind,
        ...(q.onBehalfOf !== undefined && { onBehalfOf: q.onBehalfOf }),
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
