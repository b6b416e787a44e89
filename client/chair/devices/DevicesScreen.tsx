import type { MessageDescriptor } from '@lingui/core';
import { useEffect, useRef, useState } from 'react';
import { ApiError, httpProblem } from '../../app/api';
import { leaveMeeting } from '../../app/leave';
import { screenPath } from '../../app/router';
import type { Session } from '../../app/sessions';
import { AppLink } from '../../components/AppLink';
import { LanguageMenu } from '../../i18n/LanguageMenu';
import { useNames } from '../../i18n/names';
import { useT } from '../../i18n/useT';
import { useMeetingTimes } from '../useMeetingTimes';
import { AuditSection } from './AuditSection';
import { DelegationsSection } from './DelegationsSection';
import { HooksSection } from './HooksSection';
import { RolesSection } from './RolesSection';
import { useAccessActions } from './useAccessActions';
import { useCodes, useCounts, useDelegationNames, useMeetingFacts } from './useDevicesData';
import { failedAction, timeOfDay } from './words';
import '../../styles/print.css';
import '../../styles/devices.css';

interface Problem {
  id: string;
  /** What failed, in the page's words. */
  what: MessageDescriptor;
  /** Why, by the server's error code (the refusals area); none when it did not answer. */
  why: MessageDescriptor | null;
  /** This device's token no longer opens the meeting: it must join again. */
  signedOut: boolean;
  dismiss?: () => void;
}

const problemOf = (
  id: string,
  error: unknown,
  what: MessageDescriptor,
  dismiss?: () => void,
): Problem => ({
  id,
  what,
  why: error instanceof ApiError ? httpProblem(error) : null,
  signedOut: error instanceof ApiError && error.code === 'unauthorized',
  ...(dismiss && { dismiss }),
});

/** What the server refused or could not do, and why; the region is always there. */
const Problems = ({ problems, meetingId }: { problems: Problem[]; meetingId: string }) => {
  const t = useT();
  return (
    <div className="alerts" role="alert">
      {problems.map((p) => (
        <div className="alert" key={p.id}>
          <p>
            {t(p.what)} {t(p.why ?? { id: 'chair.try-again' })}
          </p>
          {p.signedOut && (
            <button type="button" onClick={() => leaveMeeting(meetingId, 'chair')}>
              {t('chair.join-again')}
            </button>
          )}
          {p.dismiss && (
            <button type="button" className="button-quiet" onClick={p.dismiss}>
              {t('chair.dismiss')}
            </button>
          )}
        </div>
      ))}
    </div>
  );
};

/**
 * The chair's devices and codes (`/m/<id>/devices`): who is connected for each role and
 * delegation, signing a delegation's devices out, new codes, the codes themselves on demand,
 * the audit of all that, and the webhooks' deliveries. Read over HTTP with this device's chair
 * token.
 */
export const DevicesScreen = ({ session }: { session: Session }) => {
  const t = useT();
  const { meetingId } = session;
  // Every request reads the token here: a new chair code brings a new one mid-page.
  const token = useRef(session.token);
  useEffect(() => {
    token.current = session.token;
  }, [session.token]);

  const facts = useMeetingFacts(meetingId, token);
  const english = useDelegationNames(meetingId);
  const names = useNames();
  const times = useMeetingTimes(facts.timeZone);
  const counts = useCounts(meetingId, token);
  const [showCodes, setShowCodes] = useState(false);
  const [codesProblem, setCodesProblem] = useState<unknown>(null);
  const codes = useCodes(meetingId, token, showCodes, setCodesProblem);
  const actions = useAccessActions(session, token, () => {
    counts.readAgain();
    if (showCodes) codes.reload();
  });

  /** A delegation's name in the page's language; the roster's English, or the counts', else. */
  const nameOf = (delegationId: string, fallback = delegationId) =>
    names.delegation(delegationId, english.get(delegationId) ?? fallback);

  const problems: Problem[] = [];
  if (counts.problem) {
    problems.push(problemOf('counts', counts.problem, { id: 'chair.counts-failed' }));
  }
  if (codesProblem) {
    problems.push(
      problemOf('codes', codesProblem, { id: 'chair.codes-failed' }, () => setCodesProblem(null)),
    );
  }
  if (actions.problem) {
    const { action, error } = actions.problem;
    problems.push(problemOf('action', error, failedAction(action), actions.dismissProblem));
  }

  const { devices } = counts;
  const now = devices?.at ?? Date.now();
  return (
    <div className="devices-page">
      <header className="print-tools devices-tools">
        <div className="devices-title">
          <h1>{t('chair.devices-and-codes')}</h1>
          {facts.title && <p className="quiet">{facts.title}</p>}
        </div>
        <p className="quiet digits">
          {devices
            ? t('chair.counted-at', { time: timeOfDay(devices.at, times, now) })
            : t('chair.counting')}
        </p>
        <button type="button" disabled={counts.refreshing} onClick={counts.refresh}>
          {t('chair.refresh')}
        </button>
        <a href="#audit">{t('chair.audit')}</a>
        <a href="#hooks">{t('chair.webhooks')}</a>
        <AppLink to={screenPath(meetingId, 'chair')}>{t('chair.back-to-console')}</AppLink>
        <LanguageMenu className="devices-language no-print" />
      </header>
      <main className="devices">
        <RolesSection
          devices={devices}
          codes={codes.codes}
          showCodes={showCodes}
          setShowCodes={(shown) => {
            setCodesProblem(null);
            setShowCodes(shown);
          }}
          actions={actions}
          meetingId={meetingId}
        />
        <DelegationsSection
          devices={devices}
          order={counts.order}
          nameOf={nameOf}
          actions={actions}
          meetingId={meetingId}
        />
        <AuditSection
          entries={counts.audit}
          timeZone={facts.timeZone}
          times={times}
          now={now}
          nameOf={nameOf}
        />
        <HooksSection hooks={counts.hooks} times={times} now={now} />
      </main>
      <Problems problems={problems} meetingId={meetingId} />
    </div>
  );
};
