import { useEffect, useRef } from 'react';
import { pagePath } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { useT } from '../../i18n/useT';
import { Question } from './Question';
import type { AccessActions } from './useAccessActions';
import {
  type AccessAnswer,
  actionKey,
  groupedCode,
  newCodeHeading,
  rejoinMessage,
  revokedMessage,
} from './words';

/** A new code, big, in groups of five: read out across a room, typed on a tablet. */
export const BigCode = ({ code }: { code: string }) => (
  <p className="devices-new-code">
    <span className="code-text" dir="ltr">
      {groupedCode(code)}
    </span>
  </p>
);

const Answer = ({
  answer,
  meetingId,
  onDone,
}: {
  answer: AccessAnswer;
  meetingId: string;
  onDone: () => void;
}) => {
  const t = useT();
  const here = useRef<HTMLDivElement>(null);
  // The confirm button that was pressed is gone: the answer takes the focus.
  useEffect(() => here.current?.focus(), []);
  const counted = t(revokedMessage(answer.revokedTokens, answer.disconnected));
  return (
    <div className="devices-answer" role="status" tabIndex={-1} ref={here}>
      {answer.kind === 'sign-out' ? (
        <p>
          <strong>{t('chair.signed-out', { name: answer.name })}</strong> {counted}{' '}
          {t('chair.signed-out-code-still-joins')}
        </p>
      ) : (
        <>
          <p>
            <strong>{t(newCodeHeading(answer))}</strong>
          </p>
          <BigCode code={answer.code} />
          <p>
            {t('chair.old-code-no-longer-joins')} {counted}
            {answer.keptSignedIn && ` ${t('chair.kept-signed-in')}`}
          </p>
          {answer.holder.role === 'delegate' ? (
            <p>
              <AppLink to={pagePath(meetingId, 'cards')}>{t('chair.print-join-card')}</AppLink>
              <span className="quiet">
                {' '}
                {t('chair.print-join-card-for', { name: answer.name ?? '' })}
              </span>
            </p>
          ) : (
            <p className="quiet">{t(rejoinMessage(answer))}</p>
          )}
        </>
      )}
      <button type="button" className="button-quiet" onClick={onDone}>
        {t('chair.done')}
      </button>
    </div>
  );
};

/**
 * Under a row of a table: the question before its action, what is being done, or the answer.
 */
export const RowNote = ({
  rowKey,
  columns,
  actions,
  meetingId,
}: {
  rowKey: string;
  columns: number;
  actions: AccessActions;
  meetingId: string;
}) => {
  const t = useT();
  const { asking, pending, answer } = actions;
  const askingHere = asking !== null && actionKey(asking) === rowKey;
  const pendingHere = pending !== null && actionKey(pending) === rowKey;
  const answerHere = answer !== null && answer.key === rowKey;
  if (!askingHere && !pendingHere && !answerHere) return null;
  return (
    <tr className="devices-note">
      <td colSpan={columns}>
        {askingHere ? (
          <Question action={asking} onConfirm={actions.confirm} onCancel={actions.cancel} />
        ) : pendingHere ? (
          <p className="devices-pending">{t('chair.asking-server')}</p>
        ) : (
          answer && (
            <Answer
              key={answer.id}
              answer={answer}
              meetingId={meetingId}
              onDone={actions.dismissAnswer}
            />
          )
        )}
      </td>
    </tr>
  );
};
