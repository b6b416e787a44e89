import type { MessageDescriptor } from '@lingui/core';
import type { Role } from '../../shared/protocol/common';
import { homePath, navigate } from './router';
import { forgetSession } from './sessions';

let flash: MessageDescriptor | null = null;

/** A message for the join screen to show once, such as why the person was sent back to it. */
export const takeFlash = (): MessageDescriptor | null => {
  const message = flash;
  flash = null;
  return message;
};

/** Sends this tab to the join screen with a message to show there. */
export const backToJoining = (meetingId: string, message?: MessageDescriptor): void => {
  flash = message ?? null;
  navigate(homePath(meetingId), { replace: true });
};

/**
 * Forgets this device's token for one role in the meeting and goes back to joining. The
 * device's other roles (a moderator's console in another tab) stay joined.
 */
export const leaveMeeting = (meetingId: string, role: Role, message?: MessageDescriptor): void => {
  forgetSession(meetingId, role);
  flash = message ?? null;
  navigate(homePath(meetingId));
};
