import { homePath, navigate } from './router';
import { forgetSession } from './sessions';

let flash: string | null = null;

/** A message for the join screen to show once, such as why the person was sent back to it. */
export const takeFlash = (): string | null => {
  const message = flash;
  flash = null;
  return message;
};

/** Forgets this device's token for the meeting and goes back to joining. */
export const leaveMeeting = (meetingId: string, message?: string): void => {
  forgetSession(meetingId);
  flash = message ?? null;
  navigate(homePath(meetingId));
};
