import { type FormEvent, useId, useState } from 'react';
import type { Sex } from '../../shared/protocol/common';
import { LIMITS } from '../../shared/protocol/limits';
import { BusyButton } from '../components/BusyButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { useCommand } from '../live/useCommand';

type SexChoice = Sex | 'none';

const SEX_CHOICES: { value: SexChoice; label: string }[] = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'none', label: 'Prefer not to say' },
];

/** Asks for the floor, with a speaker's name and sex only if the delegation chooses to give them. */
export const RequestForm = () => {
  const [send, pending] = useCommand();
  const [speakerName, setSpeakerName] = useState('');
  const [sex, setSex] = useState<SexChoice>('none');
  const nameId = useId();
  // Back here after withdrawing, the focus is on "Request the floor" again.
  const takesFocus = useTakesFocus<HTMLButtonElement>('request-floor');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The form gives way to the place in line, whose button is "Withdraw request".
    passFocusTo('withdraw-request');
    const name = speakerName.trim();
    void send({
      type: 'floor.request',
      ...(name !== '' && { speakerName: name }),
      ...(sex !== 'none' && { sex }),
    });
  };
  return (
    <form className="request-form" onSubmit={submit}>
      <BusyButton
        ref={takesFocus}
        type="submit"
        className="button-primary button-huge"
        busy={pending}
      >
        Request the floor
      </BusyButton>
      <details className="request-details">
        <summary>Name the speaker (optional)</summary>
        <label htmlFor={nameId}>Speaker's name</label>
        <input
          id={nameId}
          value={speakerName}
          maxLength={LIMITS.nameChars}
          autoComplete="off"
          onChange={(e) => setSpeakerName(e.target.value)}
        />
        <fieldset className="choices">
          <legend>Speaker's sex (voluntary, for statistics only)</legend>
          {SEX_CHOICES.map((choice) => (
            <label key={choice.value} className="choice">
              <input
                type="radio"
                name="sex"
                value={choice.value}
                checked={sex === choice.value}
                onChange={() => setSex(choice.value)}
              />
              {choice.label}
            </label>
          ))}
        </fieldset>
      </details>
    </form>
  );
};
