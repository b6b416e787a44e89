import type { MessageDescriptor } from '@lingui/core';
import { useEffect, useState } from 'react';
import type { Role } from '../../shared/protocol/common';
import type { JoinResponse, MeetingSummary } from '../../shared/protocol/http';
import { joinByCode, joinMeeting, joinProblem, listMeetings } from '../app/api';
import { takeFlash } from '../app/leave';
import { homePath, navigate, screenPath } from '../app/router';
import { saveSession, storedSessions } from '../app/sessions';
import { LanguageMenu } from '../i18n/LanguageMenu';
import { useT } from '../i18n/useT';
import { CodeForm } from './CodeForm';

/** "Open the chair console of <meeting>", one message a role: each language words it whole. */
const OPEN_SCREEN: Record<Role, string> = {
  chair: 'join.open-chair',
  moderator: 'join.open-moderator',
  display: 'join.open-display',
  delegate: 'join.open-delegate',
};

/** Keeps the token of a join and opens the screen of its role, as a new entry of the history. */
const open = (meetingId: string, answer: JoinResponse): void => {
  saveSession({
    meetingId,
    token: answer.token,
    role: answer.role,
    ...(answer.delegationId !== undefined && { delegationId: answer.delegationId }),
  });
  navigate(screenPath(meetingId, answer.role));
};

/**
 * Joins a meeting named in a link (`/m/<id>/join?code=...`). The link's own entry in the history
 * becomes the join page, so Back from the screen returns there instead of joining again.
 */
export const joinByLink = async (meetingId: string, code: string): Promise<void> => {
  const answer = await joinMeeting(meetingId, code);
  navigate(homePath(), { replace: true });
  open(meetingId, answer);
};

const Rejoin = ({ meetings }: { meetings: MeetingSummary[] }) => {
  const t = useT();
  const sessions = storedSessions();
  if (sessions.length === 0) return null;
  const titleOf = (id: string) => meetings.find((m) => m.meetingId === id)?.title ?? id;
  return (
    <section className="join-card" aria-labelledby="rejoin-heading">
      <h2 id="rejoin-heading">{t('join.joined-here')}</h2>
      <ul className="rows">
        {sessions.map((s) => (
          <li className="row" key={`${s.meetingId}.${s.role}`}>
            <a
              href={screenPath(s.meetingId, s.role)}
              onClick={(event) => {
                event.preventDefault();
                navigate(screenPath(s.meetingId, s.role));
              }}
            >
              {t(OPEN_SCREEN[s.role], { meeting: titleOf(s.meetingId) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
};

/**
 * `/`: a field for the access code, and nothing else to choose: codes are unique across the
 * server's meetings, so the code alone says which meeting, and which screen, it opens.
 */
export const JoinScreen = ({ problem }: { problem?: MessageDescriptor }) => {
  const t = useT();
  const [meetings, setMeetings] = useState<MeetingSummary[]>([]);
  // Taken once: the flash is said on the first page after a leave, not on every render.
  const [opening] = useState<MessageDescriptor | null>(() => problem ?? takeFlash());

  // Only to name the meetings this device has joined; joining needs no list.
  useEffect(() => {
    listMeetings().then(setMeetings, () => setMeetings([]));
  }, []);

  return (
    <main className="join">
      <LanguageMenu className="join-language" />
      <h1>Rostrum</h1>
      <p className="join-lead">{t('join.lead')}</p>
      <CodeForm
        fieldName="join.access-code"
        emptyProblem="join.type-the-code"
        problem={opening}
        join={async (code) => {
          const answer = await joinByCode(code);
          open(answer.meetingId, answer);
        }}
        problemOf={joinProblem}
      />
      <Rejoin meetings={meetings} />
    </main>
  );
};
