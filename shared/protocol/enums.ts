/**
 * The contract's closed lists of words, without zod: the screens read them (a menu of the six
 * languages, a label for each kind of request) without loading the schemas, and the schema
 * modules build their `z.enum` from these very lists (common.ts, agenda.ts), so each list is
 * written once. The categories of delegations are in ../categories.ts, for the same reason.
 */

/** The six languages of the United Nations (contract version 2, "Languages"). */
export const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * What a request asks for (contract version 2, "Kinds of request"): a statement; a right of
 * reply, heard behind every statement, at most two per delegation and item; or a point of order,
 * which goes ahead of everything and interrupts the turn being spoken.
 */
export const REQUEST_KINDS = ['statement', 'reply', 'point-of-order'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/**
 * The order of the queue's statements (contract version 2, "Queue order"): States first, arrival
 * order, or `interleave`: one of the others after every `interleaveEvery` States.
 */
export const QUEUE_POLICIES = ['states-first', 'arrival', 'interleave'] as const;
export type QueuePolicy = (typeof QUEUE_POLICIES)[number];

/**
 * When statements may be asked for in a floor step (contract version 2, "Early requests"): from
 * the step's start, or from the start of its item, during the panel's presentations.
 */
export const REQUESTS_FROM = ['step', 'item'] as const;
export type RequestsFrom = (typeof REQUESTS_FROM)[number];

export const ROLES = ['chair', 'moderator', 'display', 'delegate'] as const;
export type Role = (typeof ROLES)[number];

export const SEXES = ['female', 'male', 'other'] as const;
export type Sex = (typeof SEXES)[number];

export const SEGMENTS = ['floor', 'panel'] as const;
export type Segment = (typeof SEGMENTS)[number];
