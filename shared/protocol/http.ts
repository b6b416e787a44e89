import { z } from 'zod';
import { Agenda, Delegation, Group, Groups, Roster } from './agenda';
import { Id, Role, ServerId } from './common';
import { ErrorBody } from './errors';

/** The body of every HTTP error (PROTOCOL.md, "HTTP"). */
export const HttpErrorResponse = z.object({ error: ErrorBody });
export type HttpErrorResponse = z.infer<typeof HttpErrorResponse>;

export const HealthResponse = z.object({ ok: z.literal(true) });
export type HealthResponse = z.infer<typeof HealthResponse>;

/**
 * `POST /api/meetings`: the defaults stand in for what is absent. `groups` (contract version 2):
 * without it, the default roster's groups when the roster is the default, else none. Members
 * must be delegations of the roster (the server checks it against the roster it will use).
 */
export const CreateMeetingBody = z
  .object({
    agenda: Agenda.optional(),
    roster: Roster.optional(),
    groups: Groups.optional(),
  })
  .strict();
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

/** A meeting's access codes: one per role, one per delegation. */
export const MeetingCodes = z.object({
  chair: z.string(),
  moderator: z.string(),
  display: z.string(),
  delegations: z.record(Id, z.string()),
});
export type MeetingCodes = z.infer<typeof MeetingCodes>;

export const CreateMeetingResponse = z.object({
  meetingId: ServerId,
  codes: MeetingCodes,
});
export type CreateMeetingResponse = z.infer<typeof CreateMeetingResponse>;

/** `GET /api/meetings/:id/codes` (added to the contract): the operator reprints join cards. */
export const MeetingCodesResponse = CreateMeetingResponse;
export type MeetingCodesResponse = CreateMeetingResponse;

export const MeetingSummary = z.object({ meetingId: ServerId, title: z.string() });
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const MeetingList = z.array(MeetingSummary);

export const RosterResponse = z.array(Delegation);
export type RosterResponse = z.infer<typeof RosterResponse>;

export const GroupsResponse = z.array(Group);
export type GroupsResponse = z.infer<typeof GroupsResponse>;

/** An access code as people type it: case, spaces and hyphens do not matter. */
export const JoinBody = z
  .object({
    code: z.string().max(64, 'an access code is at most 64 characters'),
  })
  .strict();
export type JoinBody = z.infer<typeof JoinBody>;

export const JoinResponse = z.object({
  token: z.string(),
  role: Role,
  delegationId: Id.optional(),
});
export type JoinResponse = z.infer<typeof JoinResponse>;

/**
 * `POST /api/join` (contract version 2): a code alone joins, since codes are unique across the
 * meetings of a server; the answer names the meeting it opened.
 */
export const JoinByCodeResponse = JoinResponse.extend({ meetingId: ServerId });
export type JoinByCodeResponse = z.infer<typeof JoinByCodeResponse>;

/** `GET /api/meetings/:id/record` and the other answers of the record: see ./record.ts. */
export { RecordResponse } from './record';
