import { useEffect, useRef } from 'react';
import { pagePath } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { Question } from './Question';
import type { AccessActions } from './useAccessActions';
import { type AccessAnswer, actionKey, groupedCode, rejoinWords, revokedWords } from './words';

/** A new code, big, in groups of five: read out across a room, typed on a tablet. */
export const BigCode = ({ code }: { code: string }) => (
  <p className="devices-new-code">
    <span className="code-text">{groupedCode(code)}</span>
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
  const here = useRef<HTMLDivElement>(null);
  // The confirm button that was pressed is gone: the answer takes the focus.
  useEffect(() => here.current?.focus(), []);
  const counted = revokedWords(answer.revokedTokens, answer.disconnected);
  return (
    <div className="devices-answer" role="status" tabIndex={-1} ref={here}>
      {answer.kind === 'sign-out' ? (
        <p>
          <strong>The devices of {answer.name} are signed out.</strong> {counted} Its code still
          joins: make a new code to stop its card too.
        </p>
      ) : (
        <>
          <p>
            <strong>New code for {answer.name}</strong>
          </p>
          <BigCode code={answer.code} />
          <p>
            The old code no longer joins. {counted}
            {answer.keptSignedIn && ' This device stays signed in with a new chair token.'}
          </p>
          {answer.holder.role === 'delegate' ? (
            <p>
              <AppLink to={pagePath(meetingId, 'cards')}>Print join card</AppLink>
              <span className="quiet"> with the new code, for {answer.name}</span>
            </p>
          ) : (
            <p className="quiet">{rejoinWords(answer)}</p>
          )}
        </>
      )}
      <button type="button" className="button-quiet" onClick={onDone}>
        Done
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
          <p className="devices-pending">Asking the server…</p>
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
