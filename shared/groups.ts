import type { Group } from './protocol/agenda';

/**
 * The groups a delegation belongs to, in the meeting's order of groups: what the tablet offers
 * under "on behalf of" and what the consoles show beside a name. Without zod (types only from
 * the protocol), so that the screens can use it without bringing the schemas into their bundles.
 */
export const groupsOf = (delegationId: string, groups: readonly Group[]): Group[] =>
  groups.filter((g) => g.members.includes(delegationId));
