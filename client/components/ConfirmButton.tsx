import { type ReactNode, useState } from 'react';

interface QuestionProps {
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The question asked on the page itself before an action that cannot be undone. */
export const ConfirmQuestion = ({ question, confirmLabel, onConfirm, onCancel }: QuestionProps) => (
  <fieldset
    className="confirm"
    onKeyDown={(event) => {
      if (event.key === 'Escape') onCancel();
    }}
  >
    <legend>{question}</legend>
    <div className="button-row">
      <button
        type="button"
        className="button-danger"
        // biome-ignore lint/a11y/noAutofocus: the person just asked for this question; the answer is where the focus goes
        autoFocus
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button-quiet" onClick={onCancel}>
        Cancel
      </button>
    </div>
  </fieldset>
);

interface Props {
  children: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
}

/** A button that asks once more before acting. */
export const ConfirmButton = ({ children, disabled, className, ...question }: Props) => {
  const [open, setOpen] = useState(false);
  if (open) {
    return (
      <ConfirmQuestion
        {...question}
        onConfirm={() => {
          setOpen(false);
          question.onConfirm();
        }}
        onCancel={() => setOpen(false)}
      />
    );
  }
  return (
    <button type="button" className={className} disabled={disabled} onClick={() => setOpen(true)}>
      {children}
    </button>
  );
};
