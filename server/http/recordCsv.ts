import type { RecordedRequest, WaitingRequest } from '../../shared/protocol/record';
import type { TurnRecord } from '../../shared/protocol/view';
import { type CsvColumn, csvTable, isoOf } from './csv';

/**
 * The names of the panelists a question addressed, by their ids in the item's programme (ids the
 * agenda no longer has stay as they are).
 */
export type AddresseeNames = (itemId: string, speakerIds: readonly string[]) => string[];

/** Several values in one cell: ids never hold `;`, and the cell is quoted (`server/http/csv.ts`). */
const list = (values: readonly string[] | undefined): string | undefined =>
  values === undefined || values.length === 0 ? undefined : values.join('; ');

/**
 * What a request asked for, for whom and of whom (contract version 2, "Kinds of request"): its
 * kind, the group it spoke for (id and name, as delegationId and delegationName), and the
 * panelists its questions addressed (ids, and their names as the agenda has them).
 */
const kindColumns = <T>(
  of: (row: T) => Pick<TurnRecord, 'kind' | 'onBehalfOf' | 'addressedTo' | 'itemId'>,
  names: AddresseeNames,
): CsvColumn<T>[] => [
  ['kind', (row) => of(row).kind],
  ['onBehalfOfId', (row) => of(row).onBehalfOf?.id],
  ['onBehalfOfName', (row) => of(row).onBehalfOf?.name],
  ['addressedTo', (row) => list(of(row).addressedTo)],
  [
    'addressedToNames',
    (row) => {
      const { itemId, addressedTo } = of(row);
      return list(addressedTo && names(itemId, addressedTo));
    },
  ],
];

/** The columns of the record's CSV: every field of a turn, and its instants as UTC dates too. */
const turnColumns = (names: AddresseeNames): CsvColumn<TurnRecord>[] => [
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
  ...kindColumns<TurnRecord>((t) => t, names),
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

export const turnsCsv = (turns: readonly TurnRecord[], names: AddresseeNames): string =>
  csvTable(turnColumns(names), turns);

/** A request of requests.csv: one that left its queue, or one waiting now. */
export type RequestRow =
  | { from: 'recorded'; request: RecordedRequest }
  | { from: 'waiting'; request: WaitingRequest };

/** What became of a request; `waiting` for one still in the queue. */
const outcomeOf = (row: RequestRow): string =>
  row.from === 'waiting' ? 'waiting' : row.request.outcome;

const endedAt = (row: RequestRow): number | undefined =>
  row.from === 'recorded' ? row.request.endedAt : undefined;

/**
 * One row per request: who asked, in which item and step, what for, when it was made and when
 * it left the queue (granted, withdrawn, removed, or unheard when its step ended), whether it was
 * waiting when its list closed; the requests waiting now come last, with their place in the queue.
 */
const requestColumns = (names: AddresseeNames): CsvColumn<RequestRow>[] => [
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
  ...kindColumns<RequestRow>((r) => r.request, names),
  ['madeBy', (r) => r.request.madeBy],
  ['outcome', outcomeOf],
  ['waitingAtClose', (r) => r.request.waitingAtClose],
  ['position', (r) => (r.from === 'waiting' ? r.request.position : undefined)],
  ['turnId', (r) => (r.from === 'recorded' ? r.request.turnId : undefined)],
  ['requestedAt', (r) => r.request.requestedAt],
  ['endedAt', endedAt],
  ['requestedAtUtc', (r) => isoOf(r.request.requestedAt)],
  ['endedAtUtc', (r) => isoOf(endedAt(r))],
];

export const requestsCsv = (
  requests: readonly RecordedRequest[],
  waiting: readonly WaitingRequest[],
  names: AddresseeNames,
): string =>
  csvTable(requestColumns(names), [
    ...requests.map((request): RequestRow => ({ from: 'recorded', request })),
    ...waiting.map((request): RequestRow => ({ from: 'waiting', request })),
  ]);
