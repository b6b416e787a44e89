import { leaveMeeting } from '../app/leave';
import { useLive } from '../live/LiveContext';
import { ConfirmButton } from './ConfirmButton';

/** The meeting's title, which screen this is, and "Leave", which forgets this device's token. */
export const ScreenHeader = ({ screen, status }: { screen: string; status?: string }) => {
  const { view, session } = useLive();
  return (
    <header className="screen-header">
      <div className="screen-title">
        <p className="screen-name">{screen}</p>
        <h1>{view?.title ?? 'Rostrum'}</h1>
      </div>
      {status && <p className="screen-status">{status}</p>}
      <ConfirmButton
        className="button-quiet"
        question="Leave this meeting on this device?"
        confirmLabel="Leave"
        onConfirm={() => leaveMeeting(session.meetingId)}
      >
        Leave
      </ConfirmButton>
    </header>
  );
};
