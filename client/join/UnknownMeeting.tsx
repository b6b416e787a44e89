import { AppLink } from '../components/AppLink';

/** A link to a meeting this server does not hold: said plainly, with the way to the join page. */
export const UnknownMeeting = ({ meetingId }: { meetingId: string }) => (
  <main className="join">
    <h1>No such meeting</h1>
    <p role="alert">
      There is no meeting “{meetingId.slice(0, 64)}” on this server. The link may be out of date, or
      meant for another server.
    </p>
    <p>
      <AppLink to="/">Join with an access code</AppLink>
    </p>
  </main>
);
