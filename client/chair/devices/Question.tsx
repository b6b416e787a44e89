import type { AccessAction } from './words';
import { questionOf } from './words';

/**
 * The question asked before a sign-out or a new code. It looks and behaves as the screens'
 * ConfirmQuestion (components/ConfirmButton.tsx) and uses its styles; it is not imported from
 * there because that module lives in the chunk every room screen loads, and sharing it with this
 * page would split it out into one more file for the displays and tablets to fetch.
 */
export const Question = ({
  action,
  onConfirm,
  onCancel,
}: {
  action: AccessAction;
  onConfirm: () => void;
  onCancel: () => void;
}) => {
  const { question, confirmLabel } = questionOf(action);
  return (
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
          // biome-ignore lint/a11y/noAutofocus: the chair just asked for this question; the answer is where the focus goes
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
};
