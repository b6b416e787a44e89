import { useEffect, useId, useMemo, useState } from 'react';
import { dirOf, isLang, LANGS, type Lang, NATIVE_NAME } from '../../shared/protocol/langs';
import { BusyButton } from '../components/BusyButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
import { localeOf } from '../i18n/i18n';
import { useLang } from '../i18n/languages';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { BLACK_OUT_DISPLAY, BLACKOUT_TOGGLE, SHOW_DISPLAY } from '../officers/BlackoutBanner';
import { usePermissions } from '../officers/usePermissions';

/**
 * Shows or hides "Running 12 min late" on the room display. The box shows what the chair asked
 * for until the room's state says it (or the server refuses): a controlled box that waited for
 * the round trip would spring back under the pointer, then forward again.
 */
const DelayOnDisplay = () => {
  const t = useT();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const [wanted, setWanted] = useState<boolean | null>(null);
  const shown = view.display.showDelay;
  useEffect(() => {
    if (wanted === shown) setWanted(null);
  }, [wanted, shown]);
  const id = useId();
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        checked={wanted ?? shown}
        disabled={pending}
        onChange={(e) => {
          const showDelay = e.target.checked;
          setWanted(showDelay);
          void send({ type: 'display.configure', showDelay }).then(
            (ack) => ack.ok || setWanted(null),
            () => setWanted(null),
          );
        }}
      />
      <label htmlFor={id}>{t('chair.show-delay')}</label>
    </div>
  );
};

/**
 * Blacks out the room display (and the podium, which follows it), or brings it back: one press
 * each, no question asked, since one press undoes it. "Black out" and "Show again" share a place:
 * the one the chart lets act is shown, and the state is said in words beside it (the banner at
 * the top of the console says it too, as long as the room sees nothing).
 */
const Blackout = () => {
  const t = useT();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const mayPress = useMayPress();
  const takesFocus = useTakesFocus<HTMLButtonElement>(BLACKOUT_TOGGLE);
  const { blackout } = view.display;
  const press = blackout ? SHOW_DISPLAY : BLACK_OUT_DISPLAY;
  return (
    <div className="blackout">
      <p className="blackout-state">
        {blackout ? (
          <>
            <span className="tag tag-black">{t('chair.display-black')}</span>{' '}
            {t('chair.room-sees-nothing')}
          </>
        ) : (
          <>
            <span className="tag tag-open">{t('chair.display-showing')}</span>{' '}
            {t('chair.room-sees-meeting')}
          </>
        )}
      </p>
      <BusyButton
        ref={takesFocus}
        className={blackout ? 'button-primary' : undefined}
        busy={pending}
        refusal={mayPress(press)}
        onClick={() => {
          passFocusTo(BLACKOUT_TOGGLE);
          void send(press);
        }}
      >
        {t(blackout ? 'chair.show-display-again' : 'chair.black-out-display')}
      </BusyButton>
    </div>
  );
};

/** A language's name in the page's language ("espagnol" on a console in French), by Intl. */
const useLanguageName = (): ((lang: Lang) => string) => {
  const page = useLang();
  return useMemo(() => {
    const names = new Intl.DisplayNames([localeOf(page)], { type: 'language' });
    return (lang: Lang) => names.of(lang) ?? NATIVE_NAME[lang];
  }, [page]);
};

/**
 * The language of the room: what the room display, the podium and the overlay show
 * (`display.lang`), each language named in itself. It is the room's, not this console's: the
 * console keeps its own language (the menu in its header). As with the delay, the select shows
 * what the chair chose until the room's state says it, or the server refuses.
 */
const RoomLanguage = () => {
  const t = useT();
  const { view } = useLiveView();
  const languageName = useLanguageName();
  // Never disabled while a choice travels: Chromium would drop the focus of a select a keyboard
  // is moving through (each step of the arrows is a choice, each sent; the last one wins).
  const [send] = useCommand();
  const [wanted, setWanted] = useState<Lang | null>(null);
  const shown = view.display.lang;
  useEffect(() => {
    if (wanted === shown) setWanted(null);
  }, [wanted, shown]);
  const id = useId();
  const saysId = useId();
  const chosen = wanted ?? shown;
  return (
    <div className="room-language">
      <label htmlFor={id}>{t('chair.room-language')}</label>
      <select
        id={id}
        value={chosen}
        aria-describedby={saysId}
        onChange={(e) => {
          const lang = e.target.value;
          if (!isLang(lang)) return;
          setWanted(lang);
          void send({ type: 'display.configure', lang }).then(
            (ack) => ack.ok || setWanted(null),
            () => setWanted(null),
          );
        }}
      >
        {LANGS.map((lang) => (
          <option key={lang} value={lang} lang={lang} dir={dirOf(lang)}>
            {NATIVE_NAME[lang]}
          </option>
        ))}
      </select>
      <p id={saysId} className="room-language-says">
        {t('chair.room-language-shown', { language: languageName(shown) })}
      </p>
    </div>
  );
};

/**
 * What the room display shows besides the floor: everything or nothing, the delay, and the
 * language of the room.
 */
export const RoomDisplayPanel = () => {
  const t = useT();
  const can = usePermissions();
  if (!can('display.configure')) return null;
  return (
    <section className="panel room-display" aria-labelledby="room-display-heading">
      <h2 id="room-display-heading">{t('chair.room-display')}</h2>
      <Blackout />
      <DelayOnDisplay />
      <RoomLanguage />
    </section>
  );
};
