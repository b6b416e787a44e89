import { Trans } from '@lingui/react';
import { type FormEvent, useId, useState } from 'react';
import type { Command } from '../../shared/protocol/commands';
import { dirOf } from '../../shared/protocol/langs';
import type { Cue } from '../../shared/protocol/view';
import { clockTimeOf } from '../../shared/schedule/zonedTime';
import { BusyButton } from '../components/BusyButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { localeOf } from '../i18n/i18n';
import { useLang } from '../i18n/languages';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import type { ShownRefusal } from '../live/refusalWords';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { CLEAR_CUE, CUE_MAX_CHARS, CUE_PRESETS, cueText, cueTextProblem } from './cues';
import { useWordsIn } from './roomWords';
import { usePermissions } from './usePermissions';

/** Where the focus goes when "Clear the cue" goes away with the cue it cleared. */
const AFTER_CLEAR = 'cue-first-preset';

/**
 * The cue as the speaker sees it on the podium: its words large, light on dark, flashing when
 * it was sent so (and saying so in words: the flashing alone tells nothing to a screen reader,
 * and stops where the device asks for less motion).
 */
const CueShown = ({ cue }: { cue: Cue }) => {
  const t = useT();
  const { view } = useLiveView();
  return (
    <div className={cue.flash ? 'cue-shown is-flashing' : 'cue-shown'}>
      {/* Its words as sent, in whatever language and direction they were written. */}
      <p className="cue-shown-text" dir="auto">
        {cue.text}
      </p>
      <p className="cue-shown-facts">
        <span>
          <Trans
            id="consoles.cue-sent-at"
            values={{
              time: (
                <span className="digits" dir="ltr">
                  {clockTimeOf(cue.sentAt, view.agenda.timeZone)}
                </span>
              ),
            }}
          />
        </span>
        {cue.flash && <span className="tag cue-flash-tag">{t('consoles.cue-flashing')}</span>}
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
  const t = useT();
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
            <p className="visually-hidden">{t('consoles.cue-on-the-podium')}</p>
            <CueShown cue={cue} />
          </>
        ) : (
          <p className="quiet">{t('consoles.no-cue')}</p>
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
          {t('consoles.cue-clear')}
        </BusyButton>
      )}
    </div>
  );
};

/** A cue in the console's own words, up to 80 characters, checked as the engine checks it. */
const TypedCue = ({ flash }: { flash: boolean }) => {
  const t = useT();
  const [send, pending] = useCommand();
  const mayPress = useMayPress();
  const [typed, setTyped] = useState('');
  const fieldId = useId();
  const countId = useId();
  const problemId = useId();
  const text = cueText(typed);
  const problem = cueTextProblem(typed);
  const problemWords = problem && t(problem);
  const command: Command = { type: 'cue.send', text, ...(flash && { flash: true }) };
  // The words are the form's to judge (the schema's rules, in the console's words); the moment,
  // the chart's.
  const refusal: ShownRefusal | null =
    text === ''
      ? null
      : problemWords
        ? { code: 'invalid', message: problemWords }
        : mayPress(command);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text === '' || refusal || pending) return;
    const ack = await send(command);
    if (ack.ok) setTyped('');
  };
  return (
    <form className="inline-form cue-typed" onSubmit={submit}>
      <label htmlFor={fieldId}>{t('consoles.cue-own-words')}</label>
      <div className="field-row">
        <input
          id={fieldId}
          value={typed}
          maxLength={CUE_MAX_CHARS}
          autoComplete="off"
          dir="auto"
          aria-describedby={`${countId} ${problemId}`}
          aria-invalid={problem !== null || undefined}
          onChange={(e) => setTyped(e.target.value)}
        />
        <BusyButton type="submit" busy={pending} refusal={refusal} disabled={text === ''}>
          {t('consoles.cue-send')}
        </BusyButton>
      </div>
      <p className="cue-count quiet" id={countId}>
        <Trans
          id="consoles.cue-count"
          values={{ count: <span className="digits">{text.length}</span>, max: CUE_MAX_CHARS }}
        />
      </p>
      <div id={problemId} aria-live="polite">
        {problemWords && <p className="field-problem">{problemWords}</p>}
      </div>
    </form>
  );
};

/**
 * Cues to the speaker while they have the floor (contract version 2): the current one as the
 * podium shows it and its "Clear", the room's usual cues in one press each, and a cue typed by
 * hand. A cue goes with its turn: the engine clears it when the turn ends or another starts.
 *
 * A preset is sent in the room display's language (`display.lang`), not the console's: the
 * speaker reads it on the podium, which speaks the room's language. Each preset's button says it
 * in the console's language and, when the room's differs, shows beneath what the podium will
 * show; until that language's words have arrived the presets wait (a frame or two).
 */
export const CueControls = () => {
  const t = useT();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const mayPress = useMayPress();
  const can = usePermissions();
  const [flash, setFlash] = useState(false);
  const headingId = useId();
  const flashId = useId();
  const firstPreset = useTakesFocus<HTMLButtonElement>(AFTER_CLEAR);
  const pageLang = useLang();
  const roomLang = view.display.lang;
  const inRoom = useWordsIn(roomLang);
  if (!can('cue.send')) return null;
  const elsewhere = roomLang !== pageLang;
  return (
    <section className="cues" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('consoles.cue-heading')}</h3>
      <CurrentCue />
      <div className="cue-flash">
        <input
          id={flashId}
          type="checkbox"
          checked={flash}
          onChange={(e) => setFlash(e.target.checked)}
        />
        <label htmlFor={flashId}>{t('consoles.cue-flash')}</label>
      </div>
      {elsewhere && (
        <p className="quiet">
          {t('consoles.cue-room-language', {
            language: new Intl.DisplayNames([localeOf(pageLang)], { type: 'language' }).of(
              roomLang,
            ),
          })}
        </p>
      )}
      <div className="button-row cue-presets">
        {CUE_PRESETS.map((preset, i) => {
          const text = inRoom ? inRoom(preset.id) : null;
          const command: Command | null =
            text === null
              ? null
              : {
                  type: 'cue.send',
                  text,
                  ...((flash || preset.alwaysFlashes) && { flash: true }),
                };
          return (
            <BusyButton
              key={preset.id}
              ref={i === 0 ? firstPreset : undefined}
              busy={pending || command === null}
              refusal={command && mayPress(command)}
              onClick={() => {
                if (command) void send(command);
              }}
            >
              {t(preset.id)}
              {elsewhere && text !== null && (
                <span className="cue-preset-sent" lang={roomLang} dir={dirOf(roomLang)}>
                  {text}
                </span>
              )}
            </BusyButton>
          );
        })}
      </div>
      {CUE_PRESETS.filter((p) => p.alwaysFlashes).map((p) => (
        <p className="quiet" key={p.id}>
          {t('consoles.cue-always-flashes', { cue: t(p.id) })}
        </p>
      ))}
      <TypedCue flash={flash} />
    </section>
  );
};
