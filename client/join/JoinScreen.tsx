import { type FormEvent, useEffect, useId, useState } from 'react';
import { joinMeeting, joinProblem, listMeetings, type MeetingSummary } from '../app/api';
import { takeFlash } from '../app/leave';
import { navigate, screenPath } from '../app/router';
import { type Session, saveSession, storedSessions } from '../app/sessions';

const SCREEN_NAME: Record<Session['role'], string> = {
  chair: 'chair console',
  moderator: 'moderator console',
  display: 'room display',
  delegate: 'delegation tablet',
};

/** Joins with a code and opens the screen of the code's role. */
export const joinWithCode = async (meetingId: string, code: string): Promise<void> => {
  const answer = await joinMeeting(meetingId, code);
  saveSession({
    meetingId,
    token: answer.token,
    role: answer.role,
    ...(answer.delegationId !== undefined && { delegationId: answer.delegationId }),
  });
  navigate(screenPath(meetingId, answer.role), { replace: true });
};

const Rejoin = ({ meetings }: { meetings: MeetingSummary[] }) => {
  const sessions = storedSessions();
  if (sessions.length === 0) return null;
  const titleOf = (id: string) => meetings.find((m) => m.meetingId === id)?.title ?? id;
  return (
    <section className="join-card" aria-labelledby="rejoin-heading">
      <h2 id="rejoin-heading">Joined on this device</h2>
      <ul className="rows">
        {sessions.map((s) => (
          <li className="row" key={s.meetingId}>
            <a
              href={screenPath(s.meetingId, s.role)}
              onClick={(event) => {
                event.preventDefault();
                navigate(screenPath(s.meetingId, s.role));
              }}
            >
              Open the {SCREEN_NAME[s.role]} of {titleOf(s.meetingId)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
};

/** `/`: the meetings on this server and a field for the access code. */
export const JoinScreen = ({
  meetingId,
  problem,
}: {
  meetingId: string | null;
  problem?: string;
}) => {
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(meetingId);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(() => problem ?? takeFlash());
  const [busy, setBusy] = useState(false);
  const codeId = useId();

  useEffect(() => {
    listMeetings().then(
      (list) => {
        setMeetings(list);
        setChosen((was) =>
          was && list.some((m) => m.meetingId === was) ? was : (list[0]?.meetingId ?? null),
        );
      },
      (error: unknown) => {
        setMeetings([]);
        setMessage(joinProblem(error));
      },
    );
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || code.trim() === '') return;
    setBusy(true);
    setMessage(null);
    try {
      await joinWithCode(chosen, code.trim());
    } catch (error) {
      setMessage(joinProblem(error));
      setBusy(false);
    }
  };

  return (
    <main className="join">
      <h1>Rostrum</h1>
      <p className="join-lead">Join a meeting with the access code on your card.</p>
      <form className="join-card" onSubmit={submit}>
        {meetings === null && <p>Looking for meetings…</p>}
        {meetings?.length === 0 && <p>There is no meeting on this server yet.</p>}
        {meetings && meetings.length > 0 && (
          <fieldset className="choices">
            <legend>Meeting</legend>
            {meetings.map((m) => (
              <label key={m.meetingId} className="choice">
                <input
                  type="radio"
                  name="meeting"
                  value={m.meetingId}
                  checked={chosen === m.meetingId}
                  onChange={() => setChosen(m.meetingId)}
                />
                {m.title}
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor={codeId}>Access code</label>
        <input
          id={codeId}
          className="code-input"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={64}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="button-primary button-wide" disabled={busy || !chosen}>
          Join
        </button>
        <div role="alert" className="join-problem">
          {message && <p>{message}</p>}
        </div>
      </form>
      <Rejoin meetings={meetings ?? []} />
    </main>
  );
};
