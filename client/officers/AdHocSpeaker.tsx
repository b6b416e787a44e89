import { type FormEvent, useId, useState } from 'react';
import type { Command } from '../../shared/protocol/commands';
import { LIMITS } from '../../shared/protocol/limits';
import { BusyButton } from '../components/BusyButton';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { giveFloor } from '../meeting/seen';

/** Gives the floor to someone the agenda does not name: a speaker by name. */
export const AdHocSpeaker = () => {
  const t = useT();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const mayPress = useMayPress();
  const [name, setName] = useState('');
  const id = useId();
  const trimmed = name.trim();
  const command: Command = giveFloor(view, { speaker: { name: trimmed } });
  // The name is the form's to ask for; whether the floor may be given now is the chart's.
  const refusal = mayPress(command);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (trimmed === '' || refusal || pending) return;
    const ack = await send(command);
    if (ack.ok) setName('');
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={id}>{t('consoles.ad-hoc-speaker')}</label>
      <div className="field-row">
        <input
          id={id}
          value={name}
          maxLength={LIMITS.nameChars}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
        />
        <BusyButton type="submit" busy={pending} refusal={refusal} disabled={trimmed === ''}>
          {t('consoles.give-floor')}
        </BusyButton>
      </div>
    </form>
  );
};
