import { type FormEvent, useId, useState } from 'react';
import { LIMITS } from '../../shared/protocol/limits';
import { clockTimeOf } from '../../shared/schedule/zonedTime';
import { BusyButton } from '../components/BusyButton';
import { ConfirmButton } from '../components/ConfirmButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { usePermissions } from '../officers/usePermissions';

/**
 * Suspends the sitting with a note for the room, or resumes it. Each of the session's buttons is
 * shown where the chart lets it act (`useMayPress`) and the chair's role may send it.
 */
const Suspension = () => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const [note, setNote] = useState('');
  const noteId = useId();
  const can = usePermissions();
  const mayPress = useMayPress();
  /** Shown at all: the role may send it, and it would act now. */
  const acts = (type: 'session.resume' | 'session.suspend') =>
    can(type) && mayPress({ type }) === null;
  // "Suspend" gives way to "Resume session" and back.
  const takesFocus = useTakesFocus<HTMLButtonElement>('suspension');
  if (view.status === 'suspended' && view.suspension) {
    const since = clockTimeOf(view.suspension.since, view.agenda.timeZone);
    return (
      <div className="suspension">
        <p>
          <strong>Suspended since {since}.</strong>{' '}
          {view.suspension.note && <span>The room display says: “{view.suspension.note}”</span>}
        </p>
        {acts('session.resume') && (
          <BusyButton
            ref={takesFocus}
            className="button-primary"
            busy={pending}
            onClick={() => {
              passFocusTo('suspension');
              void send({ type: 'session.resume' });
            }}
          >
            Resume session
          </BusyButton>
        )}
      </div>
    );
  }
  if (!acts('session.suspend')) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    passFocusTo('suspension');
    const trimmed = note.trim();
    void send({ type: 'session.suspend', ...(trimmed !== '' && { note: trimmed }) }).then((ack) => {
      if (ack.ok) setNote('');
    });
  };
  return (
    <form className="inline-form suspension" onSubmit={submit}>
      <label htmlFor={noteId}>Note for the room while suspended (optional)</label>
      <div className="field-row">
        <input
          id={noteId}
          value={note}
          maxLength={LIMITS.noteChars}
          autoComplete="off"
          placeholder={view.agenda.breakNote ?? 'Resumes at 15:00, side events in the break'}
          onChange={(e) => setNote(e.target.value)}
        />
        <BusyButton ref={takesFocus} type="submit" busy={pending}>
          Suspend
        </BusyButton>
      </div>
    </form>
  );
};

/** Start, suspend, resume, close and reopen: the sitting as a whole. */
export const SessionControls = () => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
  const acts = (type: 'agenda.start' | 'session.reopen' | 'session.close') =>
    can(type) && mayPress({ type }) === null;
  return (
    <section className="panel session" aria-labelledby="session-heading">
      <h2 id="session-heading">Session</h2>
      {acts('agenda.start') && (
        <button
          type="button"
          className="button-primary button-wide"
          disabled={pending}
          onClick={() => {
            // Started, the session's next move is the next step.
            passFocusTo('next-step');
            void send({ type: 'agenda.start' });
          }}
        >
          Start session
        </button>
      )}
      {view.status === 'closed' && <p>The meeting is closed.</p>}
      {acts('session.reopen') && (
        <ConfirmButton
          className="button-primary"
          disabled={pending}
          question="Reopen the meeting? It runs again at the step where it closed, with nobody on the floor."
          confirmLabel="Yes, reopen the meeting"
          onConfirm={() => void send({ type: 'session.reopen' })}
        >
          Reopen the meeting
        </ConfirmButton>
      )}
      <Suspension />
      {acts('session.close') && (
        <ConfirmButton
          className="button-quiet"
          disabled={pending}
          question="Close the session? The meeting ends; a chair can reopen it."
          confirmLabel="Yes, close the session"
          onConfirm={() => void send({ type: 'session.close' })}
        >
          Close session
        </ConfirmButton>
      )}
    </section>
  );
};
