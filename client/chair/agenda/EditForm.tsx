import type { MessageDescriptor } from '@lingui/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { AgendaChange } from '../../../shared/protocol/commands';
import { useT } from '../../i18n/useT';
import type { ShownRefusal } from '../../live/refusalWords';
import { useCommand } from '../../live/useCommand';
import { useRefusalWords } from '../../live/useRefusalWords';

/** What a form asks to send: one change of the agenda, or why it cannot be sent as typed. */
export type Draft = { change: AgendaChange } | { problem: MessageDescriptor };

/** The answer next to the button: saved, the form's own problem, or the server's refusal. */
type Answer =
  | { kind: 'saved' }
  | { kind: 'problem'; problem: MessageDescriptor }
  | { kind: 'refused'; refusal: ShownRefusal };

interface Props {
  legend: ReactNode;
  /** The button's words; what it saves is said to screen readers too, as every form has one. */
  submitLabel: string;
  /** What the form is about, for screen readers: "Save step" among many says which. */
  about?: string;
  /** The change the form's fields make, read when it is submitted. */
  draft: () => Draft;
  children: ReactNode;
  className?: string;
}

/**
 * One form of the agenda editor: its fields, a button that sends one `agenda.edit`, and the
 * answer next to it (the server's refusal names the field at fault).
 */
export const EditForm = ({ legend, submitLabel, about, draft, children, className }: Props) => {
  const t = useT();
  const [send, pending] = useCommand();
  const words = useRefusalWords();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const made = draft();
    if ('problem' in made) {
      setAnswer({ kind: 'problem', problem: made.problem });
      return;
    }
    setAnswer(null);
    void send({ type: 'agenda.edit', change: made.change }).then((ack) =>
      setAnswer(ack.ok ? { kind: 'saved' } : { kind: 'refused', refusal: ack.error }),
    );
  };
  return (
    <form className={`edit-form ${className ?? ''}`} onSubmit={submit}>
      <fieldset>
        <legend>{legend}</legend>
        <div className="edit-fields">{children}</div>
        <div className="edit-actions">
          <button type="submit" disabled={pending}>
            {submitLabel}
            {about && <span className="visually-hidden"> {about}</span>}
          </button>
          {answer && (
            <p className={answer.kind === 'saved' ? 'edit-saved' : 'edit-problem'} role="status">
              {answer.kind === 'saved'
                ? t('chair.saved')
                : answer.kind === 'problem'
                  ? t(answer.problem)
                  : words(answer.refusal)}
            </p>
          )}
        </div>
      </fieldset>
    </form>
  );
};

/** A labelled text input of the editor. */
export const Field = ({
  label,
  value,
  onChange,
  maxLength,
  type = 'text',
  inputMode,
  placeholder,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  type?: 'text' | 'date' | 'time';
  /** `numeric` for a number typed as text: the phone's digits, and the form's own message. */
  inputMode?: 'numeric';
  placeholder?: string;
  className?: string;
}) => (
  <label className={`field ${className ?? ''}`}>
    <span className="field-label">{label}</span>
    <input
      type={type}
      value={value}
      maxLength={maxLength}
      inputMode={inputMode}
      placeholder={placeholder}
      autoComplete="off"
      // What the chair types runs in its own direction (an English title on a page in Arabic).
      dir={type === 'text' ? 'auto' : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  </label>
);

/** A labelled choice among a few, each with the words the room uses for it. */
export const SelectField = <T extends string>({
  label,
  value,
  options,
  onChange,
  className,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  className?: string;
}) => (
  <label className={`field ${className ?? ''}`}>
    <span className="field-label">{label}</span>
    <select
      value={value}
      onChange={(e) => {
        const chosen = options.find((o) => o.value === e.target.value);
        if (chosen) onChange(chosen.value);
      }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </label>
);
