import type {
  AuditResponse,
  DevicesResponse,
  RotateCodeResponse,
  SignOutResponse,
} from '../../../shared/protocol/access';
import type { Role } from '../../../shared/protocol/common';
import type { HooksResponse } from '../../../shared/protocol/hooks';
import { meetingPath, request, withToken } from '../../app/api';

/** The chair's endpoints for devices and codes (docs/protocol.md, "Devices and codes"). */

export const fetchDevices = (meetingId: string, token: string): Promise<DevicesResponse> =>
  request(`${meetingPath(meetingId)}/devices`, withToken(token));

export const fetchAudit = (meetingId: string, token: string): Promise<AuditResponse> =>
  request(`${meetingPath(meetingId)}/audit`, withToken(token));

/** The meeting's webhooks and their last deliveries (docs/integrations.md). */
export const fetchHooks = (meetingId: string, token: string): Promise<HooksResponse> =>
  request(`${meetingPath(meetingId)}/hooks`, withToken(token));

const posting = (token: string, body: object): RequestInit => ({
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Revokes every token of one delegation and closes its sockets; its code still joins. */
export const signOutDelegation = (
  meetingId: string,
  token: string,
  delegationId: string,
): Promise<SignOutResponse> =>
  request(
    `${meetingPath(meetingId)}/delegations/${encodeURIComponent(delegationId)}/sign-out`,
    posting(token, {}),
  );

/** Whose code changes: a role's, or one delegation's. */
export type CodeHolder =
  | { role: Exclude<Role, 'delegate'> }
  | { role: 'delegate'; delegationId: string };

/** A new code for the holder: the old one stops joining, and its devices are signed out. */
export const rotateCode = (
  meetingId: string,
  token: string,
  holder: CodeHolder,
): Promise<RotateCodeResponse> =>
  request(`${meetingPath(meetingId)}/codes/rotate`, posting(token, holder));
