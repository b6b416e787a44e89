import { type FormEvent, useId, useState } from 'react';
import { LIMITS } from '../../shared/protocol/limits';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { sameFloor } from '../meeting/preconditions';

/** Gives the floor to someone the agenda does not name: a speaker by name. */
export const AdHocSpeaker = () => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const [name, setName] = useState('');
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const ack = await send(
      { type: 'turn.start', speaker: { name: trimmed }, expectedVersion: view.version },
      sameFloor(view),
    );
    if (ack.ok) setName('');
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={id}>Another speaker, by name</label>
      <div className="field-row">
        <input
          id={id}
          value={name}
          maxLength={LIMITS.nameChars}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={pending || name.trim() === ''}>
          Give the floor
        </button>
      </div>
    </form>
  );
};
