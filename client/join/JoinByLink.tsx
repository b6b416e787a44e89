import { useEffect, useRef, useState } from 'react';
import { joinProblem } from '../app/api';
import { JoinScreen, joinWithCode } from './JoinScreen';

/** `/m/<id>/join?code=...`: kiosk displays and QR join cards join without typing. */
export const JoinByLink = ({ meetingId, code }: { meetingId: string; code: string }) => {
  const [problem, setProblem] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (code.trim() === '') {
      setProblem('This link carries no access code. Type the code below.');
      return;
    }
    joinWithCode(meetingId, code.trim()).catch((error: unknown) => setProblem(joinProblem(error)));
  }, [meetingId, code]);
  if (problem) return <JoinScreen meetingId={meetingId} problem={problem} />;
  return (
    <main className="join">
      <p role="status">Joining the meeting…</p>
    </main>
  );
};
