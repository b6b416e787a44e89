import type { MessageDescriptor } from '@lingui/core';
import type { Allowance, RequestsFrom, Step } from '../../../shared/protocol/agenda';
import type { AgendaChange } from '../../../shared/protocol/commands';
import type { QueuePolicy } from '../../../shared/protocol/common';
import {
  GROUP_ALLOWANCE,
  INTERLEAVE_EVERY,
  POINT_OF_ORDER_ALLOWANCE,
  REPLY_ALLOWANCES,
} from '../../../shared/protocol/stepDefaults';
import { minutesSeconds, parseMinutesSeconds } from '../../meeting/duration';

/**
 * What the step form holds while the chair types, and the one `agenda.edit` it makes of it. Pure,
 * so that the rules (the defaults shown when a step sets none, what is sent and what is not) are
 * tested without a browser. The defaults are the contract's (shared/protocol/stepDefaults.ts),
 * which the engine applies on every screen, without zod.
 */

/** A step's fields as typed: every allowance in minutes and seconds, numbers as text. */
export interface StepDraft {
  title: string;
  limit: string;
  warning: string;
  pointOfOrderLimit: string;
  pointOfOrderWarning: string;
  /** The rest is a discussion's only; a speakers step keeps the defaults and never sends them. */
  queuePolicy: QueuePolicy;
  interleaveEvery: string;
  requestsFrom: RequestsFrom;
  groupLimit: string;
  groupWarning: string;
  firstReplyLimit: string;
  firstReplyWarning: string;
  secondReplyLimit: string;
  secondReplyWarning: string;
}

/** The fields typed as text (the others are chosen from a list). */
export type StepTextField = Exclude<keyof StepDraft, 'queuePolicy' | 'requestsFrom'>;

/** The saved step's rules, each as the step sets it or, where it sets none, the default. */
const rulesOf = (step: Step) => {
  const floor = step.kind === 'floor' ? step : null;
  return {
    pointOfOrder: step.pointOfOrderAllowance ?? POINT_OF_ORDER_ALLOWANCE,
    queuePolicy: floor?.queuePolicy ?? 'states-first',
    interleaveEvery: floor?.interleaveEvery ?? INTERLEAVE_EVERY,
    requestsFrom: floor?.requestsFrom ?? 'step',
    group: floor?.groupAllowance ?? GROUP_ALLOWANCE,
    replies: floor?.replyAllowances ?? REPLY_ALLOWANCES,
  };
};

/** The form as the saved step fills it: what it sets, and the defaults where it sets none. */
export const draftOfStep = (step: Step): StepDraft => {
  const rules = rulesOf(step);
  const [first, second] = rules.replies;
  return {
    title: step.title,
    limit: minutesSeconds(step.allowance.limitMs),
    warning: minutesSeconds(step.allowance.warnAtMs),
    pointOfOrderLimit: minutesSeconds(rules.pointOfOrder.limitMs),
    pointOfOrderWarning: minutesSeconds(rules.pointOfOrder.warnAtMs),
    queuePolicy: rules.queuePolicy,
    interleaveEvery: String(rules.interleaveEvery),
    requestsFrom: rules.requestsFrom,
    groupLimit: minutesSeconds(rules.group.limitMs),
    groupWarning: minutesSeconds(rules.group.warnAtMs),
    firstReplyLimit: minutesSeconds(first.limitMs),
    firstReplyWarning: minutesSeconds(first.warnAtMs),
    secondReplyLimit: minutesSeconds(second.limitMs),
    secondReplyWarning: minutesSeconds(second.warnAtMs),
  };
};

/** Why a draft cannot be sent: a message of the `chair` catalogue, which the form shows. */
class Problem {
  constructor(readonly message: MessageDescriptor) {}
}

/**
 * The messages that say a clock is written wrong, one per field and each a whole sentence
 * ("Group statement warning: write minutes:seconds, such as 2:30."), so that each language words
 * the field's name and the advice together.
 */
type ClockProblems = { limit: string; warning: string };
const STEP_CLOCK: ClockProblems = {
  limit: 'chair.problem-limit',
  warning: 'chair.problem-warning',
};
const POINT_OF_ORDER_CLOCK: ClockProblems = {
  limit: 'chair.problem-point-of-order-limit',
  warning: 'chair.problem-point-of-order-warning',
};
const GROUP_CLOCK: ClockProblems = {
  limit: 'chair.problem-group-limit',
  warning: 'chair.problem-group-warning',
};
const FIRST_REPLY_CLOCK: ClockProblems = {
  limit: 'chair.problem-first-reply-limit',
  warning: 'chair.problem-first-reply-warning',
};
const SECOND_REPLY_CLOCK: ClockProblems = {
  limit: 'chair.problem-second-reply-limit',
  warning: 'chair.problem-second-reply-warning',
};

/** An allowance typed as limit and warning, on the saved one (so `endAtLimit` is kept). */
const allowanceOf = (
  problems: ClockProblems,
  limit: string,
  warning: string,
  base: Allowance,
): Allowance => {
  const limitMs = parseMinutesSeconds(limit);
  const warnAtMs = parseMinutesSeconds(warning);
  if (limitMs === null) throw new Problem({ id: problems.limit });
  if (warnAtMs === null) throw new Problem({ id: problems.warning });
  return { ...base, limitMs, warnAtMs };
};

const sameClock = (a: Allowance, b: Allowance) =>
  a.limitMs === b.limitMs && a.warnAtMs === b.warnAtMs;

/** Under `interleave`: how many States before one of the others, as the schema allows (1-20). */
const interleaveEveryOf = (text: string): number => {
  const n = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(n >= 1 && n <= 20)) {
    throw new Problem({ id: 'chair.problem-interleave-every' });
  }
  return n;
};

type StepChange = Extract<AgendaChange, { target: 'step' }>;

/**
 * The one `agenda.edit` step change the form makes: the title and the allowance, as before, and
 * each rule the chair changed. A rule left as shown is not sent, so a step that sets none keeps
 * following the default rather than a copy of it written into the agenda.
 */
export const stepChangeOf = (
  itemId: string,
  step: Step,
  draft: StepDraft,
): { change: StepChange } | { problem: MessageDescriptor } => {
  try {
    const rules = rulesOf(step);
    const change: StepChange = {
      target: 'step',
      itemId,
      stepId: step.id,
      title: draft.title,
      allowance: allowanceOf(STEP_CLOCK, draft.limit, draft.warning, step.allowance),
    };
    const pointOfOrder = allowanceOf(
      POINT_OF_ORDER_CLOCK,
      draft.pointOfOrderLimit,
      draft.pointOfOrderWarning,
      rules.pointOfOrder,
    );
    if (!sameClock(pointOfOrder, rules.pointOfOrder)) change.pointOfOrderAllowance = pointOfOrder;
    if (step.kind === 'speakers') return { change };

    if (draft.queuePolicy !== rules.queuePolicy) change.queuePolicy = draft.queuePolicy;
    // The number is read only under interleave: under another policy it is hidden and unused.
    if (draft.queuePolicy === 'interleave') {
      const every = interleaveEveryOf(draft.interleaveEvery);
      if (every !== rules.interleaveEvery) change.interleaveEvery = every;
    }
    if (draft.requestsFrom !== rules.requestsFrom) change.requestsFrom = draft.requestsFrom;
    const group = allowanceOf(GROUP_CLOCK, draft.groupLimit, draft.groupWarning, rules.group);
    if (!sameClock(group, rules.group)) change.groupAllowance = group;
    const replies: [Allowance, Allowance] = [
      allowanceOf(
        FIRST_REPLY_CLOCK,
        draft.firstReplyLimit,
        draft.firstReplyWarning,
        rules.replies[0],
      ),
      allowanceOf(
        SECOND_REPLY_CLOCK,
        draft.secondReplyLimit,
        draft.secondReplyWarning,
        rules.replies[1],
      ),
    ];
    // The two replies travel together: the agenda keeps them as one pair.
    if (!replies.every((r, i) => sameClock(r, rules.replies[i] ?? r))) {
      change.replyAllowances = replies;
    }
    return { change };
  } catch (error) {
    if (error instanceof Problem) return { problem: error.message };
    throw error;
  }
};
