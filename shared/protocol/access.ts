import { z } from 'zod';
import { Id, Instant, Name, Role, ServerId } from './common';

/**
 * Added to the contract: what the chair does about devices and codes (docs/protocol.md, "Devices
 * and codes"). Every endpoint here takes `Authorization: Bearer <chair token of this meeting>`
 * (or the operator's token).
 */

/** `POST /api/meetings/:id/delegations/:delegationId/sign-out`: every device of one delegation. */
export const SignOutResponse = z.object({
  meetingId: ServerId,
  delegationId: Id,
  /** Tokens of that delegation revoked now (they fail the next handshake with `unauthorized`). */
  revokedTokens: z.number().int().nonnegative(),
  /** Sockets of that delegation closed now. */
  disconnected: z.number().int().nonnegative(),
});
export type SignOutResponse = z.infer<typeof SignOutResponse>;

/** `POST /api/meetings/:id/codes/rotate`: a new code for a role, or for one delegation. */
export const RotateCodeBody = z
  .object({
    role: Role,
    /** Required with `role: "delegate"`, refused with any other role. */
    delegationId: Id.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.role === 'delegate' && body.delegationId === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'name the delegation whose code changes',
        path: ['delegationId'],
      });
    }
    if (body.role !== 'delegate' && body.delegationId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `a ${body.role} code belongs to no delegation`,
        path: ['delegationId'],
      });
    }
  });
export type RotateCodeBody = z.infer<typeof RotateCodeBody>;

export const RotateCodeResponse = z.object({
  meetingId: ServerId,
  role: Role,
  delegationId: Id.optional(),
  /** The new code, canonical (10 symbols of Crockford's base32). The old one no longer joins. */
  code: z.string().length(10),
  revokedTokens: z.number().int().nonnegative(),
  disconnected: z.number().int().nonnegative(),
  /**
   * Only when a chair rotated the chair code: a new chair token for the caller, whose own token
   * was revoked with the others. Connect with it again.
   */
  token: z.string().max(256).optional(),
});
export type RotateCodeResponse = z.infer<typeof RotateCodeResponse>;

/** Devices of one role or delegation: sockets connected now, and tokens issued. */
export const DeviceCount = z.object({
  /** Sockets connected at this moment. */
  connected: z.number().int().nonnegative(),
  /** Tokens issued and not revoked (a device keeps its token while it is away). */
  tokens: z.number().int().nonnegative(),
  /** Tokens revoked by a sign-out or a code rotation. */
  revoked: z.number().int().nonnegative(),
});
export type DeviceCount = z.infer<typeof DeviceCount>;

/** `GET /api/meetings/:id/devices`. */
export const DevicesResponse = z.object({
  meetingId: ServerId,
  /** The server's clock when counted. */
  at: Instant,
  roles: z.object({
    chair: DeviceCount,
    moderator: DeviceCount,
    display: DeviceCount,
    /** Every delegation together. */
    delegate: DeviceCount,
  }),
  /** One entry per delegation of the roster, in roster order. */
  delegations: z.array(DeviceCount.extend({ delegationId: Id, name: Name })),
});
export type DevicesResponse = z.infer<typeof DevicesResponse>;

export const AuditAction = z.enum(['delegation.sign-out', 'code.rotate']);
export type AuditAction = z.infer<typeof AuditAction>;

/** One line of the audit trail. Never a code or a token. */
export const AuditEntry = z.object({
  at: Instant,
  /** Who did it: a chair (by token) or the operator. */
  actor: z.enum(['chair', 'operator']),
  action: AuditAction,
  /** The role whose code changed or whose devices were signed out. */
  role: Role,
  delegationId: Id.optional(),
  revokedTokens: z.number().int().nonnegative(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `GET /api/meetings/:id/audit`: the chair's and operator's actions on access, oldest first. */
export const AuditResponse = z.object({ meetingId: ServerId, entries: z.array(AuditEntry) });
export type AuditResponse = z.infer<typeof AuditResponse>;

/**
 * Socket.io, server to client (added): `signed_out`, sent just before the server closes a
 * socket whose token was revoked. The device must join again with a (new) code.
 */
export const SignedOut = z.object({
  reason: z.enum(['delegation-signed-out', 'code-rotated']),
  message: z.string().max(200),
});
export type SignedOut = z.infer<typeof SignedOut>;
