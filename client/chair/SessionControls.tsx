import { type FormEvent, useId, useState } from 'react';
import { LIMITS } from '../../shared/protocol/limits';
import { BusyButton } from '../components/BusyButton';
import { ConfirmButton } from '../components/ConfirmButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { usePermissions } from '../officers/usePermissions';
import { useMeetingTimes } from './useMeetingTimes';

/**
 * Suspends the sitting with a note for the room, or resumes it. Each of the session's buttons is
 * shown where the chart lets it act (`useMayPress`) and the chair's role may send it.
 */
const Suspension = () => {
  const t = useT();
  const { view } = useLiveView();
  const times = useMeetingTimes(view.agenda.timeZone);
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
    const since = times.time(view.suspension.since);
    return (
      <div className="suspension">
        <p>
          <strong>{t('chair.suspended-since', { time: since })}</strong>{' '}
          {view.suspension.note && (
            <span>{t('chair.suspension-note-shown', { note: view.suspension.note })}</span>
          )}
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
            {t('chair.resume-session')}
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
      <label htmlFor={noteId}>{t('chair.suspension-note')}</label>
      <div className="field-row">
        <input
          id={noteId}
          value={note}
          maxLength={LIMITS.noteChars}
          autoComplete="off"
          dir="auto"
          placeholder={view.agenda.breakNote ?? t('chair.suspension-note-example')}
          onChange={(e) => setNote(e.target.value)}
        />
        <BusyButton ref={takesFocus} type="submit" busy={pending}>
          {t('chair.suspend')}
        </BusyButton>
      </div>
    </form>
  );
};

/** Start, suspend, resume, close and reopen: the sitting as a whole. */
export const SessionControls = () => {
  const t = useT();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
  const acts = (type: 'agenda.start' | 'session.reopen' | 'session.close') =>
    can(type) && mayPress({ type }) === null;
  return (
    <section className="panel session" aria-labelledby="session-heading">
      <h2 id="session-heading">{t('chair.session')}</h2>
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
          {t('chair.start-session')}
        </button>
      )}
      {view.status === 'closed' && <p>{t('chair.meeting-closed')}</p>}
      {acts('session.reopen') && (
        <ConfirmButton
          className="button-primary"
          disabled={pending}
          question={t('chair.reopen-question')}
          confirmLabel={t('chair.reopen-confirm')}
          onConfirm={() => void send({ type: 'session.reopen' })}
        >
          {t('chair.reopen')}
        </ConfirmButton>
      )}
      <Suspension />
      {acts('session.close') && (
        <ConfirmButton
          className="button-quiet"
          disabled={pending}
          question={t('chair.close-question')}
          confirmLabel={t('chair.close-confirm')}
          onConfirm={() => void send({ type: 'session.close' })}
        >
          {t('chair.close-session')}
        </ConfirmButton>
      )}
    </section>
  );
};
