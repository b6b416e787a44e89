import { z } from 'zod';
import type { Report } from '../report/report';
import type { Sitting } from './agenda';
import { Category, Id, Instant, Name, RequestKind, ServerId, Sex } from './common';
import type { MeetingStatus } from './view';
import { AddressedTo, OnBehalfOf, RequestRecord, StepRecord, TurnRecord } from './view';

/**
 * The record as the chair reads it (`GET /api/meetings/:id/record` and its CSV files): what the
 * store keeps, with the titles of the agenda items and steps beside their ids, and the requests
 * still waiting now.
 */

const Titles = { itemTitle: Name, stepTitle: Name };

/** A request that left its queue, with the titles of its item and step as they stand now. */
export const RecordedRequest = RequestRecord.extend({
  ...Titles,
  /** The turn it was granted, when it was. */
  turnId: ServerId.optional(),
});
export type RecordedRequest = z.infer<typeof RecordedRequest>;

/** A request in the queue now: nothing has become of it yet. */
export const WaitingRequest = z.object({
  id: ServerId,
  itemId: Id,
  stepId: Id,
  ...Titles,
  delegationId: Id,
  delegationName: Name,
  category: Category,
  speakerName: Name.optional(),
  sex: Sex.optional(),
  /** Contract version 2: what it asks for, for whom, and the panelists it addresses. */
  kind: RequestKind,
  onBehalfOf: OnBehalfOf.optional(),
  addressedTo: AddressedTo.optional(),
  madeBy: z.enum(['delegate', 'officer']),
  requestedAt: Instant,
  /** Its place in the queue, from 1. */
  position: z.number().int().positive(),
  /** The list of speakers was closed while it waited. */
  waitingAtClose: z.boolean(),
});
export type WaitingRequest = z.infer<typeof WaitingRequest>;

/** A step as held, with its titles. */
export const HeldStep = StepRecord.extend(Titles);
export type HeldStep = z.infer<typeof HeldStep>;

/**
 * `GET /api/meetings/:id/record`: the contract's `turns`, and (added) the requests that left a
 * queue, the steps as held, and the requests waiting now.
 */
export const RecordResponse = z.object({
  turns: z.array(TurnRecord),
  requests: z.array(RecordedRequest),
  steps: z.array(HeldStep),
  waiting: z.array(WaitingRequest),
});
export type RecordResponse = z.infer<typeof RecordResponse>;

/** `GET /api/meetings/:id/steps`: the steps held so far, for the chair's live schedule. */
export const HeldStepsResponse = z.object({ steps: z.array(HeldStep) });
export type HeldStepsResponse = z.infer<typeof HeldStepsResponse>;

/**
 * `GET /api/meetings/:id/report`: the report of shared/report/report.ts, built from the stored
 * record and the meeting as it stands at `generatedAt`, with what a printed page needs to say
 * when and where it was made.
 */
export interface ReportResponse extends Report {
  meetingId: string;
  status: MeetingStatus;
  generatedAt: number;
  /** The agenda's time zone: every time of day on the report is read in it. */
  timeZone: string;
  sittings: Sitting[];
  /** The requests waiting now, in the current step (they are in no item's figures yet). */
  waitingNow: { itemId: string; stepId: string; count: number } | null;
}
