import type { DeviceCount, DevicesResponse } from '../../shared/protocol/access';
import type { Role } from '../../shared/protocol/common';
import type { MeetingRuntime } from './runtime';

/** Whose a socket or a token is: a role, and a delegation for a delegate's. */
interface Holder {
  role: Role;
  delegationId?: string | undefined;
}

const ROLES: readonly Role[] = ['chair', 'moderator', 'display', 'delegate'];

/**
 * How many devices each role and delegation of the meeting has connected now, and the tokens
 * issued and revoked (docs/protocol.md, "Devices and codes": "Devices now"). Every delegation of
 * the roster is listed, in roster order, those with nothing too.
 */
export const countDevices = (
  runtime: MeetingRuntime,
  connected: readonly Holder[],
  tokens: readonly (Holder & { active: number; revoked: number })[],
  now = runtime.clock.now(),
): DevicesResponse => {
  const zero = (): DeviceCount => ({ connected: 0, tokens: 0, revoked: 0 });
  const roles = Object.fromEntries(ROLES.map((role) => [role, zero()])) as Record<
    Role,
    DeviceCount
  >;
  const byDelegation = new Map(runtime.roster.map((d) => [d.id, zero()]));
  for (const device of connected) {
    roles[device.role].connected++;
    const delegation = device.delegationId && byDelegation.get(device.delegationId);
    if (delegation) delegation.connected++;
  }
  for (const count of tokens) {
    roles[count.role].tokens += count.active;
    roles[count.role].revoked += count.revoked;
    const delegation = count.delegationId && byDelegation.get(count.delegationId);
    if (delegation) {
      delegation.tokens += count.active;
      delegation.revoked += count.revoked;
    }
  }
  return {
    meetingId: runtime.meetingId,
    at: now,
    roles,
    delegations: runtime.roster.map((d) => ({
      delegationId: d.id,
      name: d.name,
      ...(byDelegation.get(d.id) ?? zero()),
    })),
  };
};
