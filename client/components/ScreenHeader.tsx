import type { ReactNode } from 'react';
import { leaveMeeting } from '../app/leave';
import { useLive } from '../live/LiveContext';
import { ConfirmButton } from './ConfirmButton';
import { ConnectionNotice } from './Notices';

/**
 * The meeting's title, which screen this is, and "Leave", which forgets this device's token.
 * `children` is what the screen keeps in view at all times (the chair's schedule). Below it, the
 * notice that the server was lost, on every console and tablet.
 */
export const ScreenHeader = ({
  screen,
  status,
  children,
}: {
  screen: string;
  status?: string;
  children?: ReactNode;
}) => {
  const { view, session } = useLive();
  return (
    <>
      <header className="screen-header">
        <div className="screen-title">
          {/* The role, as a badge: a laptop may show the chair's console in one tab and the
              moderator's in another. */}
          <p className={`screen-name role-badge role-${session.role}`}>{screen}</p>
          <h1>{view?.title ?? 'Rostrum'}</h1>
        </div>
        {children}
        {status && <p className="screen-status">{status}</p>}
        <ConfirmButton
          className="button-quiet"
          question="Leave this meeting on this device?"
          confirmLabel="Leave"
          onConfirm={() => leaveMeeting(session.meetingId, session.role)}
        >
          Leave
        </ConfirmButton>
      </header>
      <ConnectionNotice />
    </>
  );
};
