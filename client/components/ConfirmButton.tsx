import { type ReactNode, useId, useState } from 'react';
import { useT } from '../i18n/useT';
import { passFocusTo, useTakesFocus } from './focusHandoff';

interface QuestionProps {
  question: string;
  /** What the answer will do, beyond the question: what ends, who is left unheard. */
  detail?: string | undefined;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The question asked on the page itself before an action that cannot be undone. */
export const ConfirmQuestion = ({
  question,
  detail,
  confirmLabel,
  onConfirm,
  onCancel,
}: QuestionProps) => {
  const t = useT();
  const detailId = useId();
  return (
    <fieldset
      className="confirm"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // The console's own Escape (letting go of a button) must not act as well.
        event.preventDefault();
        onCancel();
      }}
    >
      <legend>{question}</legend>
      {detail && (
        <p className="confirm-detail" id={detailId}>
          {detail}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button-danger"
          // biome-ignore lint/a11y/noAutofocus: the person just asked for this question; the answer is where the focus goes
          autoFocus
          aria-describedby={detail ? detailId : undefined}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('components.cancel')}
        </button>
      </div>
    </fieldset>
  );
};

interface Props {
  children: ReactNode;
  question: string;
  detail?: string | undefined;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
  /**
   * The control that takes the focus once the action is done, when the action makes this button
   * go away ("Withdraw request" gives way to "Request the floor"). Otherwise this button takes it
   * back, as it does after Cancel.
   */
  focusAfterConfirm?: string;
  /** This button's name for focus handoffs, so that another control can hand it the focus. */
  focusName?: string;
}

/** A button that asks once more before acting. */
export const ConfirmButton = ({
  children,
  disabled,
  className,
  focusAfterConfirm,
  focusName,
  ...question
}: Props) => {
  const [open, setOpen] = useState(false);
  const id = useId();
  const self = focusName ?? id;
  const takesFocus = useTakesFocus<HTMLButtonElement>(self);
  if (open) {
    return (
      <ConfirmQuestion
        {...question}
        onConfirm={() => {
          passFocusTo(focusAfterConfirm ?? self);
          setOpen(false);
          question.onConfirm();
        }}
        onCancel={() => {
          passFocusTo(self);
          setOpen(false);
        }}
      />
    );
  }
  return (
    <button
      ref={takesFocus}
      type="button"
      className={className}
      disabled={disabled}
      onClick={() => setOpen(true)}
    >
      {children}
    </button>
  );
};
