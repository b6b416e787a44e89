import type { RecordedRequest, WaitingRequest } from '../../shared/protocol/record';
import type { TurnRecord } from '../../shared/protocol/view';
import { type CsvColumn, csvTable, isoOf } from './csv';

/** The columns of the record's CSV: every field of a turn, and its instants as UTC dates too. */
const TURN_COLUMNS: CsvColumn<TurnRecord>[] = [
  ['id', (t) => t.id],
  ['itemId', (t) => t.itemId],
  ['itemTitle', (t) => t.itemTitle],
  ['stepId', (t) => t.stepId],
  ['stepTitle', (t) => t.stepTitle],
  ['segment', (t) => t.segment],
  ['speakerName', (t) => t.speakerName],
  ['speakerId', (t) => t.speakerId],
  ['delegationId', (t) => t.delegationId],
  ['delegationName', (t) => t.delegationName],
  ['category', (t) => t.category],
  ['sex', (t) => t.sex],
  ['requestId', (t) => t.requestId],
  ['limitMs', (t) => t.limitMs],
  ['warnAtMs', (t) => t.warnAtMs],
  ['startedAt', (t) => t.startedAt],
  ['endedAt', (t) => t.endedAt],
  ['spokenMs', (t) => t.spokenMs],
  ['overtimeMs', (t) => t.overtimeMs],
  ['startedAtUtc', (t) => isoOf(t.startedAt)],
  ['endedAtUtc', (t) => isoOf(t.endedAt)],
];

export const turnsCsv = (turns: readonly TurnRecord[]): string => csvTable(TURN_COLUMNS, turns);

/** A request of requests.csv: one that left its queue, or one waiting now. */
export type RequestRow =
  | { kind: 'recorded'; request: RecordedRequest }
  | { kind: 'waiting'; request: WaitingRequest };

/** What became of a request; `waiting` for one still in the queue. */
const outcomeOf = (row: RequestRow): string =>
  row.kind === 'waiting' ? 'waiting' : row.request.outcome;

const endedAt = (row: RequestRow): number | undefined =>
  row.kind === 'recorded' ? row.request.endedAt : undefined;

/**
 * One row per request: who asked, in which item and step, when it was made and when it left the
 * queue (granted, withdrawn, removed, or unheard when its step ended), whether it was waiting
 * when its list closed; the requests waiting now come last, with their place in the queue.
 */
const REQUEST_COLUMNS: CsvColumn<RequestRow>[] = [
  ['id', (r) => r.request.id],
  ['itemId', (r) => r.request.itemId],
  ['itemTitle', (r) => r.request.itemTitle],
  ['stepId', (r) => r.request.stepId],
  ['stepTitle', (r) => r.request.stepTitle],
  ['delegationId', (r) => r.request.delegationId],
  ['delegationName', (r) => r.request.delegationName],
  ['category', (r) => r.request.category],
  ['speakerName', (r) => r.request.speakerName],
  ['sex', (r) => r.request.sex],
  ['madeBy', (r) => r.request.madeBy],
  ['outcome', outcomeOf],
  ['waitingAtClose', (r) => r.request.waitingAtClose],
  ['position', (r) => (r.kind === 'waiting' ? r.request.position : undefined)],
  ['turnId', (r) => (r.kind === 'recorded' ? r.request.turnId : undefined)],
  ['requestedAt', (r) => r.request.requestedAt],
  ['endedAt', endedAt],
  ['requestedAtUtc', (r) => isoOf(r.request.requestedAt)],
  ['endedAtUtc', (r) => isoOf(endedAt(r))],
];

export const requestsCsv = (
  requests: readonly RecordedRequest[],
  waiting: readonly WaitingRequest[],
): string =>
  csvTable(REQUEST_COLUMNS, [
    ...requests.map((request): RequestRow => ({ kind: 'recorded', request })),
    ...waiting.map((request): RequestRow => ({ kind: 'waiting', request })),
  ]);
