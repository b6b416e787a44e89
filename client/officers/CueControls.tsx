import { type FormEvent, useId, useState } from 'react';
import type { Command } from '../../shared/protocol/commands';
import type { Cue } from '../../shared/protocol/view';
import { clockTimeOf } from '../../shared/schedule/zonedTime';
import { BusyButton } from '../components/BusyButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { useLiveView } from '../live/LiveContext';
import type { ShownRefusal } from '../live/refusalWords';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { CLEAR_CUE, CUE_MAX_CHARS, CUE_PRESETS, cueText, cueTextProblem } from './cues';
import { usePermissions } from './usePermissions';

/** Where the focus goes when "Clear the cue" goes away with the cue it cleared. */
const AFTER_CLEAR = 'cue-first-preset';

/**
 * The cue as the speaker sees it on the podium: its words large, light on dark, flashing when
 * it was sent so (and saying so in words: the flashing alone tells nothing to a screen reader,
 * and stops where the device asks for less motion).
 */
const CueShown = ({ cue }: { cue: Cue }) => {
  const { view } = useLiveView();
  return (
    <div className={cue.flash ? 'cue-shown is-flashing' : 'cue-shown'}>
      <p className="cue-shown-text">{cue.text}</p>
      <p className="cue-shown-facts">
        <span>
          Sent at <span className="digits">{clockTimeOf(cue.sentAt, view.agenda.timeZone)}</span>
        </span>
        {cue.flash && <span className="tag cue-flash-tag">Flashing</span>}
      </p>
    </div>
  );
};

/**
 * The cue on the podium now, with its "Clear" (the C key does the same). The words are in a
 * polite live region that is always on the page, so that a cue another officer sends, or its
 * clearing, is heard at this console too.
 */
const CurrentCue = () => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const mayPress = useMayPress();
  const can = usePermissions();
  const { cue } = view;
  return (
    <div className="cue-current">
      <div aria-live="polite" aria-atomic="true">
        {cue ? (
          <>
            <p className="visually-hidden">Cue on the podium:</p>
            <CueShown cue={cue} />
          </>
        ) : (
          <p className="quiet">No cue: the podium shows the speaker and the clock.</p>
        )}
      </div>
      {cue && can('cue.clear') && (
        <BusyButton
          busy={pending}
          refusal={mayPress(CLEAR_CUE)}
          onClick={() => {
            passFocusTo(AFTER_CLEAR);
            void send(CLEAR_CUE);
          }}
        >
          Clear the cue
        </BusyButton>
      )}
    </div>
  );
};

/** A cue in the console's own words, up to 80 characters, checked as the engine checks it. */
const TypedCue = ({ flash }: { flash: boolean }) => {
  const [send, pending] = useCommand();
  const mayPress = useMayPress();
  const [typed, setTyped] = useState('');
  const fieldId = useId();
  const countId = useId();
  const problemId = useId();
  const text = cueText(typed);
  const problem = cueTextProblem(typed);
  const command: Command = { type: 'cue.send', text, ...(flash && { flash: true }) };
  // The words are the form's to judge (the schema's rules, in its words); the moment, the chart's.
  const refusal: ShownRefusal | null =
    text === '' ? null : problem ? { code: 'invalid', message: problem } : mayPress(command);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text === '' || refusal || pending) return;
    const ack = await send(command);
    if (ack.ok) setTyped('');
  };
  return (
    <form className="inline-form cue-typed" onSubmit={submit}>
      <label htmlFor={fieldId}>Your own words</label>
      <div className="field-row">
        <input
          id={fieldId}
          value={typed}
          maxLength={CUE_MAX_CHARS}
          autoComplete="off"
          aria-describedby={`${countId} ${problemId}`}
          aria-invalid={problem !== null || undefined}
          onChange={(e) => setTyped(e.target.value)}
        />
        <BusyButton type="submit" busy={pending} refusal={refusal} disabled={text === ''}>
          Send cue
        </BusyButton>
      </div>
      <p className="cue-count quiet" id={countId}>
        <span className="digits">{text.length}</span> of {CUE_MAX_CHARS} characters
      </p>
      <div id={problemId} aria-live="polite">
        {problem && <p className="field-problem">Not accepted: the cue {problem}.</p>}
      </div>
    </form>
  );
};

/**
 * Cues to the speaker while they have the floor (contract version 2): the current one as the
 * podium shows it and its "Clear", the room's usual cues in one press each, and a cue typed by
 * hand. A cue goes with its turn: the engine clears it when the turn ends or another starts.
 */
export const CueControls = () => {
  const [send, pending] = useCommand();
  const mayPress = useMayPress();
  const can = usePermissions();
  const [flash, setFlash] = useState(false);
  const headingId = useId();
  const flashId = useId();
  const firstPreset = useTakesFocus<HTMLButtonElement>(AFTER_CLEAR);
  if (!can('cue.send')) return null;
  return (
    <section className="cues" aria-labelledby={headingId}>
      <h3 id={headingId}>Cue to the speaker</h3>
      <CurrentCue />
      <div className="cue-flash">
        <input
          id={flashId}
          type="checkbox"
          checked={flash}
          onChange={(e) => setFlash(e.target.checked)}
        />
        <label htmlFor={flashId}>Flash it on the podium</label>
      </div>
      <div className="button-row cue-presets">
        {CUE_PRESETS.map((preset, i) => {
          const command: Command = {
            type: 'cue.send',
            text: preset.text,
            ...((flash || preset.alwaysFlashes) && { flash: true }),
          };
          return (
            <BusyButton
              key={preset.text}
              ref={i === 0 ? firstPreset : undefined}
              busy={pending}
              refusal={mayPress(command)}
              onClick={() => void send(command)}
            >
              {preset.text}
            </BusyButton>
          );
        })}
      </div>
      {CUE_PRESETS.filter((p) => p.alwaysFlashes).map((p) => (
        <p className="quiet" key={p.text}>
          “{p.text}” always flashes.
        </p>
      ))}
      <TypedCue flash={flash} />
    </section>
  );
};
