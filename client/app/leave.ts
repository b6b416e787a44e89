import type { Role } from '../../shared/protocol/common';
import { homePath, navigate } from './router';
import { forgetSession } from './sessions';

let flash: string | null = null;

/** A message for the join screen to show once, such as why the person was sent back to it. */
export const takeFlash = (): string | null => {
  const message = flash;
  flash = null;
  return message;
};

/** Sends this tab to the join screen with a message to show there. */
export const backToJoining = (meetingId: string, message?: string): void => {
  flash = message ?? null;
  navigate(homePath(meetingId), { replace: true });
};

/**
 * Forgets this device's token for one role in the meeting and goes back to joining. The
 * device's other roles (a moderator's console in another tab) stay joined.
 */
export const leaveMeeting = (meetingId: string, role: Role, message?: string): void => {
  forgetSession(meetingId, role);
  flash = message ?? null;
  navigate(homePath(meetingId));
};
