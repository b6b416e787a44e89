import type { MessageDescriptor } from '@lingui/core';
import type { AuditEntry, DeviceCount } from '../../../shared/protocol/access';
import type { Role } from '../../../shared/protocol/common';
import type { HookAttempt } from '../../../shared/protocol/hooks';
import type { MeetingTimes } from '../meetingTimes';
import type { CodeHolder } from './devicesApi';

/**
 * The page's readings of what the chair asked and what the server answered, as messages of the
 * `chair` catalogue (ids, and descriptors with their values): the components say them with `t`.
 */

export type OfficerRole = Exclude<Role, 'delegate'>;
export const OFFICER_ROLES: readonly OfficerRole[] = ['chair', 'moderator', 'display'];

/** A role's devices, as the room says them (message ids). */
export const ROLE_DEVICES: Record<Role, string> = {
  chair: 'chair.devices-chair',
  moderator: 'chair.devices-moderator',
  display: 'chair.devices-display',
  delegate: 'chair.devices-delegate',
};

/**
 * What the chair asks for: a delegation's devices out, or a new code. A delegation is named as the
 * page showed it when the chair asked; an officers' role needs no name (its messages say whose
 * code it is: "Give the moderators a new code?", each language its own way).
 */
export type AccessAction =
  | { kind: 'sign-out'; delegationId: string; name: string }
  | { kind: 'rotate'; holder: CodeHolder; name: string | null };

/** What the server answered, to show under the row it belongs to (`id`: one per answer). */
export type AccessAnswer =
  | {
      kind: 'sign-out';
      id: number;
      key: string;
      name: string;
      revokedTokens: number;
      disconnected: number;
    }
  | {
      kind: 'rotate';
      id: number;
      key: string;
      name: string | null;
      holder: CodeHolder;
      code: string;
      revokedTokens: number;
      disconnected: number;
      /** The chair code changed and this device was given a new chair token. */
      keptSignedIn: boolean;
    };

/** The row a question or an answer goes under. */
export const roleKey = (role: OfficerRole): string => `role:${role}`;
export const delegationKey = (delegationId: string): string => `delegation:${delegationId}`;

export const actionKey = (action: AccessAction): string => {
  if (action.kind === 'sign-out') return delegationKey(action.delegationId);
  return action.holder.role === 'delegate'
    ? delegationKey(action.holder.delegationId)
    : roleKey(action.holder.role);
};

export const roleHolder = (role: OfficerRole): AccessAction => ({
  kind: 'rotate',
  holder: { role },
  name: null,
});

/** Whose new code it is: a delegation's (named), or an officers' role's. */
const holderMessage = (
  holder: CodeHolder,
  name: string | null,
  ids: Record<Role, string>,
  values: Record<string, unknown> = {},
): MessageDescriptor => ({
  id: ids[holder.role],
  values: holder.role === 'delegate' ? { ...values, name: name ?? '' } : values,
});

/** The question asked before acting, and the words on the button that answers yes. */
export const questionOf = (
  action: AccessAction,
): { question: MessageDescriptor; confirmLabel: string } => {
  if (action.kind === 'sign-out') {
    return {
      question: { id: 'chair.sign-out-question', values: { name: action.name } },
      confirmLabel: 'chair.sign-out-confirm',
    };
  }
  return {
    question: holderMessage(action.holder, action.name, {
      chair: 'chair.new-code-question-chair',
      moderator: 'chair.new-code-question-moderator',
      display: 'chair.new-code-question-display',
      delegate: 'chair.new-code-question-delegate',
    }),
    confirmLabel: 'chair.new-code-confirm',
  };
};

/** "New code for Mexico", "New code for the moderators": the answer's heading. */
export const newCodeHeading = (answer: { holder: CodeHolder; name: string | null }) =>
  holderMessage(answer.holder, answer.name, {
    chair: 'chair.new-code-for-chair',
    moderator: 'chair.new-code-for-moderator',
    display: 'chair.new-code-for-display',
    delegate: 'chair.new-code-for-delegate',
  });

/** Who joins with an officers' role's new code now. */
export const rejoinMessage = (answer: {
  holder: CodeHolder;
  keptSignedIn: boolean;
}): MessageDescriptor => {
  if (answer.keptSignedIn) return { id: 'chair.rejoin-chairs' };
  return {
    id: answer.holder.role === 'display' ? 'chair.rejoin-displays' : 'chair.rejoin-moderators',
  };
};

/** "2 tokens revoked, 2 devices disconnected." */
export const revokedMessage = (revokedTokens: number, disconnected: number): MessageDescriptor => ({
  id: 'chair.revoked',
  values: { tokens: revokedTokens, devices: disconnected },
});

/** What went wrong with an action, before the server's reason. */
export const failedAction = (action: AccessAction): MessageDescriptor =>
  action.kind === 'sign-out'
    ? { id: 'chair.sign-out-failed', values: { name: action.name } }
    : holderMessage(action.holder, action.name, {
        chair: 'chair.new-code-failed-chair',
        moderator: 'chair.new-code-failed-moderator',
        display: 'chair.new-code-failed-display',
        delegate: 'chair.new-code-failed-delegate',
      });

/** `ABCDE-FGHJK`: a code in groups of five, easier to read out and type (hyphens are ignored). */
export const groupedCode = (code: string): string => code.match(/.{1,5}/g)?.join('-') ?? code;

/** `14:05:09` in the meeting's time zone, with the date when it is not the day of `today`. */
export const timeOfDay = (instant: number, times: MeetingTimes, today: number): string => {
  const time = times.timeWithSeconds(instant);
  const date = times.date(instant);
  return date === times.date(today) ? time : `${date} ${time}`;
};

/** One line of the audit: who did it, and what. */
export const auditMessages = (
  entry: AuditEntry,
  nameOf: (delegationId: string) => string,
): { who: MessageDescriptor; what: MessageDescriptor } => {
  const who = { id: entry.actor === 'chair' ? 'chair.audit-by-chair' : 'chair.audit-by-operator' };
  const name = entry.delegationId === undefined ? null : nameOf(entry.delegationId);
  if (entry.action === 'delegation.sign-out') {
    return {
      who,
      what: name
        ? { id: 'chair.audit-signed-out', values: { name } }
        : { id: 'chair.audit-signed-out-someone' },
    };
  }
  if (entry.role !== 'delegate') {
    return { who, what: { id: AUDIT_NEW_CODE[entry.role] } };
  }
  return {
    who,
    what: name
      ? { id: 'chair.audit-new-code-delegation', values: { name } }
      : { id: 'chair.audit-new-code-someone' },
  };
};

const AUDIT_NEW_CODE: Record<OfficerRole, string> = {
  chair: 'chair.audit-new-code-chair',
  moderator: 'chair.audit-new-code-moderator',
  display: 'chair.audit-new-code-display',
};

/** Compares names as people type them: no case, no accents ("cote" finds Côte d'Ivoire). */
export const foldName = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();

export const hasDevices = (count: DeviceCount): boolean => count.connected > 0 || count.tokens > 0;

/** Delegations with devices (connected, or holding a token) first; roster order otherwise. */
export const withDevicesFirst = <T extends DeviceCount>(rows: readonly T[]): T[] => [
  ...rows.filter(hasDevices),
  ...rows.filter((row) => !hasDevices(row)),
];

/**
 * How a hook's last delivery went: "Delivered (200)", "Failed, try 2: answered 500". The error is
 * the server's account of the failure, shown as it sent it.
 */
export const deliveryMessage = (last: HookAttempt | null): MessageDescriptor => {
  if (last === null) return { id: 'chair.hook-nothing-sent' };
  if (last.ok) {
    return last.status === null
      ? { id: 'chair.hook-delivered-no-status' }
      : { id: 'chair.hook-delivered', values: { status: String(last.status) } };
  }
  const first = last.attempt === 1;
  if (last.error === null) {
    return first
      ? { id: 'chair.hook-failed-first-no-answer' }
      : { id: 'chair.hook-failed-no-answer', values: { attempt: last.attempt } };
  }
  return first
    ? { id: 'chair.hook-failed-first', values: { error: last.error } }
    : { id: 'chair.hook-failed', values: { attempt: last.attempt, error: last.error } };
};
