import { useEffect, useRef, useState } from 'react';
import { ApiError, httpProblem } from '../../app/api';
import { leaveMeeting } from '../../app/leave';
import { screenPath } from '../../app/router';
import type { Session } from '../../app/sessions';
import { AppLink } from '../../components/AppLink';
import { i18n } from '../../i18n/i18n';
import { AuditSection } from './AuditSection';
import { DelegationsSection } from './DelegationsSection';
import { HooksSection } from './HooksSection';
import { RolesSection } from './RolesSection';
import { useAccessActions } from './useAccessActions';
import { useCodes, useCounts, useDelegationNames, useMeetingFacts } from './useDevicesData';
import { type AccessAction, timeOfDay } from './words';
import '../../styles/print.css';
import '../../styles/devices.css';

interface Problem {
  id: string;
  text: string;
  /** This device's token no longer opens the meeting: it must join again. */
  signedOut: boolean;
  dismiss?: () => void;
}

const problemOf = (id: string, error: unknown, what: string, dismiss?: () => void): Problem => ({
  id,
  text: `${what}. ${error instanceof ApiError ? i18n._(httpProblem(error)) : 'Try again.'}`,
  signedOut: error instanceof ApiError && error.code === 'unauthorized',
  ...(dismiss && { dismiss }),
});

const failedAction = (action: AccessAction): string =>
  action.kind === 'sign-out'
    ? `The devices of ${action.name} were not signed out`
    : `No new code was made for ${action.name}`;

/** What the server refused or could not do, in its words; the region is always there. */
const Problems = ({ problems, meetingId }: { problems: Problem[]; meetingId: string }) => (
  <div className="alerts" role="alert">
    {problems.map((p) => (
      <div className="alert" key={p.id}>
        <p>{p.text}</p>
        {p.signedOut && (
          <button type="button" onClick={() => leaveMeeting(meetingId, 'chair')}>
            Join again
          </button>
        )}
        {p.dismiss && (
          <button type="button" className="button-quiet" onClick={p.dismiss}>
            Dismiss
          </button>
        )}
      </div>
    ))}
  </div>
);

/**
 * The chair's devices and codes (`/m/<id>/devices`): who is connected for each role and
 * delegation, signing a delegation's devices out, new codes, the codes themselves on demand,
 * the audit of all that, and the webhooks' deliveries. Read over HTTP with this device's chair
 * token.
 */
export const DevicesScreen = ({ session }: { session: Session }) => {
  const { meetingId } = session;
  // Every request reads the token here: a new chair code brings a new one mid-page.
  const token = useRef(session.token);
  useEffect(() => {
    token.current = session.token;
  }, [session.token]);

  const facts = useMeetingFacts(meetingId, token);
  const names = useDelegationNames(meetingId);
  const counts = useCounts(meetingId, token);
  const [showCodes, setShowCodes] = useState(false);
  const [codesProblem, setCodesProblem] = useState<unknown>(null);
  const codes = useCodes(meetingId, token, showCodes, setCodesProblem);
  const actions = useAccessActions(session, token, () => {
    counts.readAgain();
    if (showCodes) codes.reload();
  });

  const nameOf = (delegationId: string, fallback = delegationId) =>
    names.get(delegationId) ?? fallback;

  const problems: Problem[] = [];
  if (counts.problem) {
    problems.push(problemOf('counts', counts.problem, 'The devices could not be counted'));
  }
  if (codesProblem) {
    problems.push(
      problemOf('codes', codesProblem, 'The codes could not be read', () => setCodesProblem(null)),
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
          <h1>Devices and codes</h1>
          {facts.title && <p className="quiet">{facts.title}</p>}
        </div>
        <p className="quiet digits">
          {devices
            ? `Counted at ${timeOfDay(devices.at, facts.timeZone, now)} (every 5 s)`
            : 'Counting…'}
        </p>
        <button type="button" disabled={counts.refreshing} onClick={counts.refresh}>
          Refresh
        </button>
        <a href="#audit">Audit</a>
        <a href="#hooks">Webhooks</a>
        <AppLink to={screenPath(meetingId, 'chair')}>Back to the console</AppLink>
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
        <AuditSection entries={counts.audit} timeZone={facts.timeZone} now={now} nameOf={nameOf} />
        <HooksSection hooks={counts.hooks} timeZone={facts.timeZone} now={now} />
      </main>
      <Problems problems={problems} meetingId={meetingId} />
    </div>
  );
};
