import type { MessageDescriptor } from '@lingui/core';
import { type FormEvent, useId, useState } from 'react';
import { ProblemText } from '../app/ProblemText';
import { useT } from '../i18n/useT';

/**
 * A field for a code, its "Join" button, and what went wrong: the form of the join page and of the
 * podium's and the overlay's pages. The code is joined with as typed, spaces around it left out
 * (people paste codes with them); a second press waits for the first join's answer.
 */
export const CodeForm = ({
  fieldName,
  emptyProblem,
  problem,
  join,
  problemOf,
}: {
  /** What the field is called (a message id). */
  fieldName: string;
  /** What a press of "Join" with nothing typed says (a message id). */
  emptyProblem: string;
  /** What the form says as it opens: why the page asks for a code (again). */
  problem: MessageDescriptor | null;
  /** Joins with the code and opens what it opens; throws when the code is refused. */
  join: (code: string) => Promise<void>;
  /** What a refused join says, from what `join` threw. */
  problemOf: (error: unknown) => MessageDescriptor;
}) => {
  const t = useT();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState(problem);
  const [busy, setBusy] = useState(false);
  const codeId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() === '') {
      setMessage({ id: emptyProblem });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      // Joined: the page moves on to the screen, and the form stays busy until it goes.
      await join(code.trim());
    } catch (error) {
      setMessage(problemOf(error));
      setBusy(false);
    }
  };

  return (
    <form className="join-card" onSubmit={submit}>
      <label htmlFor={codeId}>{t(fieldName)}</label>
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
      <button type="submit" className="button-primary button-wide" disabled={busy}>
        {t('join.join')}
      </button>
      <div role="alert" className="join-problem">
        {message && (
          <p>
            <ProblemText message={message} />
          </p>
        )}
      </div>
    </form>
  );
};
