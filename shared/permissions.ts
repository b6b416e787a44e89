import type { CommandType } from './protocol/commands';
import type { Role } from './protocol/common';

/**
 * Which roles may send which command. The server enforces it; the screens read it to hide
 * controls; a test walks every cell. Displays send no commands.
 */
export const PERMISSIONS = {
  'agenda.start': ['chair'],
  'agenda.next': ['chair', 'moderator'],
  'agenda.goto': ['chair'],
  'session.suspend': ['chair'],
  'session.resume': ['chair'],
  'session.close': ['chair'],
  'session.reopen': ['chair'],
  'agenda.edit': ['chair'],
  'display.configure': ['chair'],
  'cue.send': ['chair', 'moderator'],
  'cue.clear': ['chair', 'moderator'],
  'turn.start': ['chair', 'moderator'],
  'turn.pause': ['chair', 'moderator'],
  'turn.resume': ['chair', 'moderator'],
  'turn.end': ['chair', 'moderator'],
  'turn.adjust': ['chair', 'moderator'],
  'floor.request': ['delegate'],
  'floor.withdraw': ['delegate'],
  'floor.add': ['chair', 'moderator'],
  'floor.remove': ['chair', 'moderator'],
  'floor.move': ['chair', 'moderator'],
  'floor.grant': ['chair', 'moderator'],
  'floor.next': ['chair', 'moderator'],
  'floor.close': ['chair', 'moderator'],
  'floor.open': ['chair', 'moderator'],
  'floor.segment': ['chair', 'moderator'],
} as const satisfies Record<CommandType, readonly Role[]>;

/**
 * Who may close the meeting (contract version 2): `session.close`, and the `agenda.next` that
 * leaves the last step, which a moderator may send at any other step. The consoles read it to
 * leave out the moderator's "Next step" at the end; the engine refuses it with `forbidden`.
 */
export const CLOSING_ROLES: readonly Role[] = PERMISSIONS['session.close'];

export const mayRoleClose = (role: Role): boolean => CLOSING_ROLES.includes(role);

export const mayRoleSend = (role: Role, type: CommandType): boolean =>
  (PERMISSIONS[type] as readonly Role[]).includes(role);

/**
 * Whether a role may send any command at all. A role that may not (the display) has its
 * commands answered `forbidden` before any other work: nothing is parsed, nothing logged.
 */
export const maySendCommands = (role: Role): boolean =>
  Object.values(PERMISSIONS).some((roles) => (roles as readonly Role[]).includes(role));
