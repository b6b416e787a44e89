import { z } from 'zod';
import { Id, Instant, ServerId } from './common';
import { MeetingStatus, QueueEntry, TurnView } from './view';

/**
 * Contract version 2, "Speaker cues and room outputs": the room's other systems (lighting, show
 * control, a microphone gateway, a webcast's graphics) follow the meeting through webhooks and
 * OSC (docs/integrations.md). What a hook is given, what the server POSTs to it, and what the
 * chair reads of its deliveries.
 */

/** Every event a hook may ask for, in the words of the contract. */
export const HOOK_EVENTS = [
  'turn.started',
  'turn.paused',
  'turn.resumed',
  'turn.ended',
  'turn.phase',
  'queue.changed',
  'step.changed',
  'status.changed',
] as const;
export const HookEvent = z.enum(HOOK_EVENTS);
export type HookEvent = z.infer<typeof HookEvent>;

/** How many hooks one meeting may have: each is a queue and a connection the server keeps. */
export const MAX_HOOKS_PER_MEETING = 10;

/** The address a hook is POSTed to: http or https only (no file:, no javascript:). */
export const HookUrl = z
  .url({ protocol: /^https?$/, error: 'give an http:// or https:// address' })
  .max(2048, 'at most 2,048 characters');

/** `POST /api/meetings/:id/hooks`. */
export const CreateHookBody = z
  .object({
    url: HookUrl,
    /** The key of the HMAC-SHA256 signature of every body (`X-Rostrum-Signature`). */
    secret: z
      .string()
      .min(16, 'at least 16 characters: the signature is only as strong as its secret')
      .max(256, 'at most 256 characters'),
    /** The events to send; all of them when absent. */
    events: z
      .array(HookEvent)
      .min(1, 'name at least one event, or leave events out for all of them')
      .refine((events) => new Set(events).size === events.length, 'names an event twice')
      .optional(),
  })
  .strict();
export type CreateHookBody = z.infer<typeof CreateHookBody>;

export const HookId = ServerId;

export const CreateHookResponse = z.object({ hookId: HookId });
export type CreateHookResponse = z.infer<typeof CreateHookResponse>;

/** `DELETE /api/meetings/:id/hooks/:hookId`: the hook is gone, and nothing more is sent to it. */
export const DeleteHookResponse = z.object({ hookId: HookId, removed: z.literal(true) });
export type DeleteHookResponse = z.infer<typeof DeleteHookResponse>;

/** The last try at delivering an event to a hook. */
export const HookAttempt = z.object({
  event: HookEvent,
  /** The server's clock when the try ended (answered, failed or timed out). */
  at: Instant,
  /** Which try at that event this was: 1 for the first. */
  attempt: z.number().int().positive(),
  /** The receiver's HTTP status, or null when none came (refused, timed out, unreachable). */
  status: z.number().int().min(100).max(599).nullable(),
  /** Why it failed, in words, when it did. */
  error: z.string().max(200).nullable(),
  ok: z.boolean(),
});
export type HookAttempt = z.infer<typeof HookAttempt>;

/** A hook as the chair sees it: never its secret. Counts are since the server started. */
export const HookSummary = z.object({
  hookId: HookId,
  /** The address, with any password in it masked. */
  url: z.string(),
  /** The events it is sent; null for all. */
  events: z.array(HookEvent).nullable(),
  createdAt: Instant,
  /** Events the receiver accepted (a 2xx answer). */
  delivered: z.number().int().nonnegative(),
  /** Events given up after every try failed. */
  failed: z.number().int().nonnegative(),
  /** Events dropped unsent because too many were waiting for this hook. */
  dropped: z.number().int().nonnegative(),
  /** Events waiting now, the one being tried included. */
  waiting: z.number().int().nonnegative(),
  last: HookAttempt.nullable(),
});
export type HookSummary = z.infer<typeof HookSummary>;

/** `GET /api/meetings/:id/hooks`: the meeting's hooks, oldest first. */
export const HooksResponse = z.object({ meetingId: ServerId, hooks: z.array(HookSummary) });
export type HooksResponse = z.infer<typeof HooksResponse>;

// ---------------------------------------------------------------------------------------------
// What the server POSTs: `{"event","meetingId","version","at","data"}`.

/** A turn's clock phase as a `turn.phase` announces it: only the two a room acts on. */
export const AnnouncedPhase = z.enum(['warning', 'overtime']);
export type AnnouncedPhase = z.infer<typeof AnnouncedPhase>;

/** `step.changed`: the step the meeting is at now, with its titles, or null before the first. */
export const StepData = z
  .object({
    itemId: Id,
    stepId: Id,
    itemTitle: z.string(),
    stepTitle: z.string(),
    startedAt: Instant,
  })
  .nullable();
export type StepData = z.infer<typeof StepData>;

const envelope = {
  meetingId: ServerId,
  /** The meeting's version when the event happened (a `turn.phase` changes no version). */
  version: z.number().int().nonnegative(),
  /** The server's instant of the event: a command's, or the instant a clock entered its phase. */
  at: Instant,
};

export const HookPayload = z.discriminatedUnion('event', [
  z.object({
    event: z.enum(['turn.started', 'turn.paused', 'turn.resumed', 'turn.ended']),
    ...envelope,
    data: TurnView,
  }),
  z.object({
    event: z.literal('turn.phase'),
    ...envelope,
    data: z.object({ turnId: ServerId, phase: AnnouncedPhase }),
  }),
  z.object({
    event: z.literal('queue.changed'),
    ...envelope,
    data: z.object({ open: z.boolean(), queue: z.array(QueueEntry) }),
  }),
  z.object({ event: z.literal('step.changed'), ...envelope, data: StepData }),
  z.object({
    event: z.literal('status.changed'),
    ...envelope,
    data: z.object({ status: MeetingStatus, previous: MeetingStatus }),
  }),
]);
export type HookPayload = z.infer<typeof HookPayload>;

/** The header that carries a body's signature: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const SIGNATURE_HEADER = 'x-rostrum-signature';
/** The header that names the event, so a receiver can route before it parses. */
export const EVENT_HEADER = 'x-rostrum-event';
