import { z } from 'zod';
import { CATEGORIES } from '../categories';
import { Category, Duration, displayName, Id, QueuePolicy } from './common';
import { REQUESTS_FROM } from './enums';
import { LIMITS } from './limits';

export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD');

const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as America/New_York');

/** A limit plus a warning point: "5-7 minutes" warns at 5:00 and stops at 7:00. */
export const Allowance = z
  .object({
    limitMs: Duration.min(1000).max(LIMITS.maxAllowanceMs),
    warnAtMs: Duration.max(LIMITS.maxAllowanceMs),
    /** Informal sessions do not cut microphones: off unless a step asks for it. */
    endAtLimit: z.boolean().optional(),
  })
  .strict()
  .refine((a) => a.warnAtMs <= a.limitMs, {
    message: 'warnAtMs must not be after limitMs',
    path: ['warnAtMs'],
  });
export type Allowance = z.infer<typeof Allowance>;

// What a step gets where it sets nothing: zod-free (./stepDefaults.ts), for the engine on every screen.
export {
  GROUP_ALLOWANCE,
  INTERLEAVE_EVERY,
  MAX_REPLIES_PER_ITEM,
  POINT_OF_ORDER_ALLOWANCE,
  REPLY_ALLOWANCES,
} from './stepDefaults';
/**
 * When statements may be asked for in a floor step (contract version 2, "Early requests"): from
 * the step's start, or from the start of its item, during the panel's presentations.
 */
export const RequestsFrom = z.enum(REQUESTS_FROM);
export type RequestsFrom = z.infer<typeof RequestsFrom>;

export const ScheduledSpeaker = z
  .object({
    id: Id,
    name: displayName(),
    /** What they are there as: "Moderator", "Expert", "Co-facilitator"... */
    role: displayName({ maxChars: LIMITS.titleChars }),
    delegationId: Id.optional(),
    /** Overrides the step's allowance for this speaker. */
    allowance: Allowance.optional(),
  })
  .strict();
export type ScheduledSpeaker = z.infer<typeof ScheduledSpeaker>;

export const SpeakersStep = z
  .object({
    id: Id,
    kind: z.literal('speakers'),
    title: displayName({ maxChars: LIMITS.titleChars }),
    speakers: z.array(ScheduledSpeaker).max(LIMITS.speakersPerStep),
    allowance: Allowance,
    /** A point of order's clock in this step (default: limit 2:00, warning at 1:30). */
    pointOfOrderAllowance: Allowance.optional(),
  })
  .strict();
export type SpeakersStep = z.infer<typeof SpeakersStep>;

export const FloorStep = z
  .object({
    id: Id,
    kind: z.literal('floor'),
    title: displayName({ maxChars: LIMITS.titleChars }),
    /** Each intervention from the floor. */
    allowance: Allowance,
    /** Each response of the panel, when it differs from the floor's allowance. */
    responseAllowance: Allowance.optional(),
    /** After this many interventions the console proposes the panel's turn. */
    clusterSize: z.number().int().min(1).max(100).optional(),
    queuePolicy: QueuePolicy.default('states-first'),
    /** Under `interleave`: how many States speak before one of the others (default 3). */
    interleaveEvery: z.number().int().min(1).max(20).optional(),
    /** Who may ask for the floor; absent means every category. */
    openTo: z.array(Category).min(1).max(CATEGORIES.length).optional(),
    /** A point of order's clock in this step (default: limit 2:00, warning at 1:30). */
    pointOfOrderAllowance: Allowance.optional(),
    /** A statement on behalf of a group (default: limit 5:00, warning at 4:00). */
    groupAllowance: Allowance.optional(),
    /** A delegation's first and second right of reply (default: 10:00/9:00, then 5:00/4:00). */
    replyAllowances: z.tuple([Allowance, Allowance]).optional(),
    /** `item`: statements may be asked for from the item's first step on (default `step`). */
    requestsFrom: RequestsFrom.optional(),
    /** How long the discussion is planned to last, for the schedule. */
    plannedMs: Duration.max(LIMITS.maxAllowanceMs * 4).optional(),
  })
  .strict();
export type FloorStep = z.infer<typeof FloorStep>;

export const Step = z.discriminatedUnion('kind', [SpeakersStep, FloorStep]);
export type Step = z.infer<typeof Step>;

export const Sitting = z
  .object({
    id: Id,
    title: displayName({ maxChars: LIMITS.titleChars }).optional(),
    date: CalendarDate,
    start: ClockTime,
    end: ClockTime,
  })
  .strict()
  .refine((s) => s.start < s.end, { message: 'end must be after start', path: ['end'] });
export type Sitting = z.infer<typeof Sitting>;

export const AgendaItem = z
  .object({
    id: Id,
    title: displayName({ maxChars: LIMITS.titleChars }),
    /** Free text: remarks, presentation, panel, summary, closing... */
    kind: displayName({ maxChars: 40 }),
    sittingId: Id.optional(),
    plannedStart: ClockTime.optional(),
    plannedEnd: ClockTime.optional(),
    steps: z.array(Step).min(1, 'an item needs at least one step').max(LIMITS.stepsPerItem),
  })
  .strict();
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Agenda = z
  .object({
    title: displayName({ maxChars: LIMITS.titleChars }),
    timeZone: TimeZone.default('UTC'),
    venue: displayName({ maxChars: LIMITS.titleChars }).optional(),
    sittings: z.array(Sitting).max(LIMITS.sittings).default([]),
    items: z.array(AgendaItem).min(1, 'an agenda needs at least one item').max(LIMITS.agendaItems),
    /** Shown on the room display during a suspension unless the chair gives another note. */
    breakNote: displayName({
      maxChars: LIMITS.noteChars,
      allowEmpty: true,
    }).optional(),
  })
  .strict()
  .superRefine((agenda, ctx) => {
    const sittingIds = new Set(agenda.sittings.map((s) => s.id));
    if (sittingIds.size !== agenda.sittings.length) {
      ctx.addIssue({ code: 'custom', message: 'sitting ids must be unique', path: ['sittings'] });
    }
    const itemIds = new Set<string>();
    agenda.items.forEach((item, i) => {
      if (itemIds.has(item.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate item id "${item.id}"`,
          path: ['items', i, 'id'],
        });
      }
      itemIds.add(item.id);
      if (item.sittingId !== undefined && !sittingIds.has(item.sittingId)) {
        ctx.addIssue({
          code: 'custom',
          message: `no sitting "${item.sittingId}"`,
          path: ['items', i, 'sittingId'],
        });
      }
      const stepIds = new Set<string>();
      item.steps.forEach((step, j) => {
        if (stepIds.has(step.id)) {
          ctx.addIssue({
            code: 'custom',
            message: `duplicate step id "${step.id}" in item "${item.id}"`,
            path: ['items', i, 'steps', j, 'id'],
          });
        }
        stepIds.add(step.id);
        if (step.kind === 'speakers') {
          const speakerIds = new Set<string>();
          step.speakers.forEach((speaker, k) => {
            if (speakerIds.has(speaker.id)) {
              ctx.addIssue({
                code: 'custom',
                message: `duplicate speaker id "${speaker.id}"`,
                path: ['items', i, 'steps', j, 'speakers', k, 'id'],
              });
            }
            speakerIds.add(speaker.id);
          });
        }
      });
    });
  });
export type Agenda = z.infer<typeof Agenda>;
/** What an agenda file may omit (defaults filled in by the schema). */
export type AgendaInput = z.input<typeof Agenda>;

/**
 * A name in the other five languages of the United Nations (contract version 2, "Languages"):
 * `name` is the English; screens show the one in their language when there is one.
 */
export const Names = z
  .object({
    ar: displayName().optional(),
    zh: displayName().optional(),
    fr: displayName().optional(),
    ru: displayName().optional(),
    es: displayName().optional(),
  })
  .strict();
export type Names = z.infer<typeof Names>;

export const Delegation = z
  .object({
    id: Id,
    name: displayName(),
    names: Names.optional(),
    category: Category,
  })
  .strict();
export type Delegation = z.infer<typeof Delegation>;

/**
 * A group of delegations that may speak as one (contract version 2): a regional group, a
 * negotiating group. Its members are delegation ids of the meeting's roster.
 */
export const Group = z
  .object({
    id: Id,
    name: displayName(),
    names: Names.optional(),
    members: z.array(Id).min(1, 'a group needs at least one member').max(LIMITS.rosterDelegations),
  })
  .strict();
export type Group = z.infer<typeof Group>;

export const Roster = z
  .array(Delegation)
  .min(1, 'a roster needs at least one delegation')
  .max(LIMITS.rosterDelegations)
  .superRefine((roster, ctx) => {
    const seen = new Set<string>();
    roster.forEach((d, i) => {
      if (seen.has(d.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate delegation id "${d.id}"`,
          path: [i, 'id'],
        });
      }
      seen.add(d.id);
    });
  });
export type Roster = z.infer<typeof Roster>;

/** A meeting's groups, each id once, each member once per group. */
export const Groups = z
  .array(Group)
  .max(LIMITS.groups)
  .superRefine((groups, ctx) => {
    const seen = new Set<string>();
    groups.forEach((g, i) => {
      if (seen.has(g.id)) {
        ctx.addIssue({ code: 'custom', message: `duplicate group id "${g.id}"`, path: [i, 'id'] });
      }
      seen.add(g.id);
      const members = new Set<string>();
      g.members.forEach((m, j) => {
        if (members.has(m)) {
          ctx.addIssue({
            code: 'custom',
            message: `"${m}" is twice a member of "${g.id}"`,
            path: [i, 'members', j],
          });
        }
        members.add(m);
      });
    });
  });
export type Groups = z.infer<typeof Groups>;

/**
 * Where a group names a delegation the roster does not have, with the path of the member at
 * fault (`groups.2.members.5: no delegation "atlantis" in the roster`); empty when all is well.
 */
export const groupsOutsideRoster = (
  groups: Groups,
  roster: Roster,
): { path: (string | number)[]; message: string }[] => {
  const ids = new Set(roster.map((d) => d.id));
  return groups.flatMap((g, i) =>
    g.members.flatMap((m, j) =>
      ids.has(m)
        ? []
        : [{ path: ['groups', i, 'members', j], message: `no delegation "${m}" in the roster` }],
    ),
  );
};
