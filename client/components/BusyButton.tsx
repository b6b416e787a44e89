import type { ButtonHTMLAttributes, Ref } from 'react';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** Its command waits for the server's answer: a press now does nothing. */
  busy: boolean;
  type?: 'button' | 'submit';
  ref?: Ref<HTMLButtonElement>;
}

/**
 * A button whose command may be waiting for its answer. It is not `disabled` meanwhile: Chromium
 * drops the focus of a disabled button to the page's top, so a keyboard user would lose their
 * place at every press. It says it is busy (`aria-disabled`) and ignores presses instead; a
 * button that cannot act at all (nobody to give the floor to) is still `disabled`.
 */
export const BusyButton = ({ busy, type = 'button', onClick, ref, ...button }: Props) => (
  <button
    {...button}
    ref={ref}
    type={type === 'submit' ? 'submit' : 'button'}
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
