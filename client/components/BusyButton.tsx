import type { ButtonHTMLAttributes, Ref } from 'react';
import type { ShownRefusal } from '../live/refusalWords';
import { useRefusalWords } from '../live/useRefusalWords';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** Its command waits for the server's answer: a press now does nothing. */
  busy: boolean;
  /**
   * Why its command would be refused now (`useMayPress`), or null when it would act. A refused
   * button is `disabled`, and says why to a pointer (tooltip) and a screen reader (description).
   */
  refusal?: ShownRefusal | null;
  type?: 'button' | 'submit';
  ref?: Ref<HTMLButtonElement>;
}

/**
 * A button whose command may be waiting for its answer. It is not `disabled` meanwhile: Chromium
 * drops the focus of a disabled button to the page's top, so a keyboard user would lose their
 * place at every press. It says it is busy (`aria-disabled`) and ignores presses instead; a
 * button that cannot act at all (the chart refuses its command: nobody to give the floor to) is
 * `disabled`.
 */
export const BusyButton = ({
  busy,
  refusal = null,
  type = 'button',
  onClick,
  ref,
  disabled,
  title,
  ...button
}: Props) => {
  const words = useRefusalWords();
  return (
    <button
      {...button}
      ref={ref}
      type={type === 'submit' ? 'submit' : 'button'}
      disabled={refusal !== null || disabled}
      title={refusal ? words(refusal) : title}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    />
  );
};
