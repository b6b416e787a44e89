import type { AuditEntry, DeviceCount } from '../../../shared/protocol/access';
import type { Role } from '../../../shared/protocol/common';
import type { HookAttempt, HookEvent } from '../../../shared/protocol/hooks';
import { localParts } from '../../../shared/schedule/zonedTime';
import type { CodeHolder } from './devicesApi';

/** The page's words and pure readings: what the chair asked, what the server answered. */

export type OfficerRole = Exclude<Role, 'delegate'>;
export const OFFICER_ROLES: readonly OfficerRole[] = ['chair', 'moderator', 'display'];

/** A role's devices, as the room says them. */
export const ROLE_DEVICES: Record<Role, string> = {
  chair: 'Chair consoles',
  moderator: 'Moderator consoles',
  display: 'Room displays',
  delegate: 'Delegation tablets, all together',
};

/** Who holds a role's code, for the questions ("Give the moderators a new code?"). */
const ROLE_HOLDERS: Record<OfficerRole, string> = {
  chair: 'the chairs',
  moderator: 'the moderators',
  display: 'the room displays',
};

/** What the chair asks for: every delegation's devices out, or a new code. */
export type AccessAction =
  | { kind: 'sign-out'; delegationId: string; name: string }
  | { kind: 'rotate'; holder: CodeHolder; name: string };

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
      name: string;
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
  name: ROLE_HOLDERS[role],
});

/** The question asked before acting, and the word on the button that answers yes. */
export const questionOf = (action: AccessAction): { question: string; confirmLabel: string } => {
  if (action.kind === 'sign-out') {
    return {
      question: `Sign out every device of ${action.name}? They will need the code to join again.`,
      confirmLabel: 'Sign out its devices',
    };
  }
  const { holder } = action;
  const question =
    holder.role === 'delegate'
      ? `Give ${action.name} a new code? The old code stops working and its devices are signed out; its join card must be printed again.`
      : holder.role === 'chair'
        ? 'Give the chairs a new code? The old chair code stops working and every chair console is signed out; this device stays signed in.'
        : `Give ${action.name} a new code? The old code stops working and ${action.name} are signed out until they join with the new one.`;
  return { question, confirmLabel: 'Make a new code' };
};

/** Who joins with a role's new code now. */
export const rejoinWords = (answer: { name: string; keptSignedIn: boolean }): string =>
  answer.keptSignedIn
    ? 'The other chairs join again with this code.'
    : `Tell ${answer.name}: they join again with this code.`;

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

/** "2 tokens revoked, 2 devices disconnected." */
export const revokedWords = (revokedTokens: number, disconnected: number): string =>
  `${plural(revokedTokens, 'token')} revoked, ${plural(disconnected, 'device')} disconnected.`;

/** `ABCDE-FGHJK`: a code in groups of five, easier to read out and type (hyphens are ignored). */
export const groupedCode = (code: string): string => code.match(/.{1,5}/g)?.join('-') ?? code;

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` and `HH:MM:SS` of an instant in a time zone. */
const wallClock = (instant: number, timeZone: string): { date: string; time: string } => {
  const p = localParts(instant, timeZone);
  return {
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`,
  };
};

/** `14:05:09` in the meeting's time zone, with the date when it is not the day of `today`. */
export const timeOfDay = (instant: number, timeZone: string, today: number): string => {
  const at = wallClock(instant, timeZone);
  return at.date === wallClock(today, timeZone).date ? at.time : `${at.date} ${at.time}`;
};

/** One line of the audit in words. */
export const auditWords = (
  entry: AuditEntry,
  nameOf: (delegationId: string) => string,
): { who: string; what: string } => {
  const who = entry.actor === 'chair' ? 'A chair' : 'The operator';
  const delegation = entry.delegationId === undefined ? '' : nameOf(entry.delegationId);
  if (entry.action === 'delegation.sign-out') {
    return { who, what: `Signed out the devices of ${delegation || 'a delegation'}` };
  }
  const what =
    entry.role === 'delegate'
      ? `New code for ${delegation || 'a delegation'}`
      : `New ${entry.role} code`;
  return { who, what };
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

/** The events a hook is sent, in a line: every one, or those it asked for. */
export const hookEventsWords = (events: readonly HookEvent[] | null): string =>
  events === null ? 'Every event' : events.join(', ');

/** How a hook's last delivery went: "Delivered (200)", "Failed, try 2: answered 500". */
export const deliveryWords = (last: HookAttempt | null): string => {
  if (last === null) return 'Nothing sent yet';
  if (last.ok) return `Delivered (${last.status ?? 'no status'})`;
  const attempt = last.attempt === 1 ? 'first try' : `try ${last.attempt}`;
  return `Failed, ${attempt}: ${last.error ?? 'no answer'}`;
};
