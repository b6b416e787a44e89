import { useEffect, useRef, useState } from 'react';
import { ApiError, joinProblem } from '../app/api';
import { JoinScreen, joinByLink } from './JoinScreen';
import { UnknownMeeting } from './UnknownMeeting';

/** `/m/<id>/join?code=...`: kiosk displays and QR join cards join without typing. */
export const JoinByLink = ({ meetingId, code }: { meetingId: string; code: string }) => {
  const [problem, setProblem] = useState<string | null>(null);
  const [unknown, setUnknown] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (code.trim() === '') {
      setProblem('This link carries no access code. Type the code below.');
      return;
    }
    joinByLink(meetingId, code.trim()).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'not_found') setUnknown(true);
      else if (error instanceof ApiError && error.code === 'unauthorized') {
        setProblem('The code in this link does not open this meeting: check it and type it below.');
      } else setProblem(joinProblem(error));
    });
  }, [meetingId, code]);
  if (unknown) return <UnknownMeeting meetingId={meetingId} />;
  if (problem) return <JoinScreen problem={problem} />;
  return (
    <main className="join">
      <p role="status">Joining the meeting…</p>
    </main>
  );
};
