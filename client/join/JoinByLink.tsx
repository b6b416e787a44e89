import type { MessageDescriptor } from '@lingui/core';
import { useEffect, useRef, useState } from 'react';
import { ApiError, joinProblem } from '../app/api';
import { useT } from '../i18n/useT';
import { JoinScreen, joinByLink } from './JoinScreen';
import { UnknownMeeting } from './UnknownMeeting';

/** `/m/<id>/join?code=...`: kiosk displays and QR join cards join without typing. */
export const JoinByLink = ({ meetingId, code }: { meetingId: string; code: string }) => {
  const t = useT();
  const [problem, setProblem] = useState<MessageDescriptor | null>(null);
  const [unknown, setUnknown] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (code.trim() === '') {
      setProblem({ id: 'join.link-without-code' });
      return;
    }
    joinByLink(meetingId, code.trim()).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'not_found') setUnknown(true);
      else if (error instanceof ApiError && error.code === 'unauthorized') {
        setProblem({ id: 'join.link-code-refused' });
      } else setProblem(joinProblem(error));
    });
  }, [meetingId, code]);
  if (unknown) return <UnknownMeeting meetingId={meetingId} />;
  if (problem) return <JoinScreen problem={problem} />;
  return (
    <main className="join">
      <p role="status">{t('join.joining')}</p>
    </main>
  );
};
