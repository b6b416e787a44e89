import { Trans } from '@lingui/react';
import { useId } from 'react';
import { useT } from '../i18n/useT';
import { setShortcutsOn, useShortcutsOn } from './shortcutSetting';
import { SHORTCUT_KEYS } from './useShortcuts';

/**
 * The shortcuts, shown on the console so that nobody has to remember them, with the switch that
 * turns them off on this device. A letter key is shown as its letter in every language; a key
 * with a name (Space, Shift, Enter) by the name its keyboards print in the page's language.
 * A combination reads left to right in every language, as keyboards print it.
 */
export const ShortcutLegend = ({ nextStep }: { nextStep: boolean }) => {
  const t = useT();
  const on = useShortcutsOn();
  const switchId = useId();
  return (
    <section className="panel shortcuts" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('consoles.keyboard')}</h2>
      <div className="shortcut-switch">
        <input
          id={switchId}
          type="checkbox"
          checked={on}
          onChange={(event) => setShortcutsOn(event.target.checked)}
        />
        <label htmlFor={switchId}>{t('consoles.shortcuts-switch')}</label>
      </div>
      <p className="quiet">
        {on ? (
          <Trans id="consoles.shortcuts-on" components={{ 0: <kbd />, 1: <kbd />, 2: <kbd /> }} />
        ) : (
          t('consoles.shortcuts-off')
        )}
      </p>
      {on && (
        <dl>
          <dt>
            <Trans id="consoles.key-space" components={{ 0: <kbd /> }} />
          </dt>
          <dd>{t('consoles.key-space-does')}</dd>
          <dt>
            <kbd>{SHORTCUT_KEYS.nextSpeaker}</kbd>
          </dt>
          <dd>{t('consoles.key-n-does')}</dd>
          {nextStep && (
            <>
              <dt>
                <bdi dir="ltr">
                  <Trans
                    id="consoles.key-shift-and"
                    values={{ key: SHORTCUT_KEYS.nextSpeaker }}
                    components={{ 0: <kbd />, 1: <kbd /> }}
                  />
                </bdi>
              </dt>
              <dd>{t('consoles.key-shift-n-does')}</dd>
            </>
          )}
          <dt>
            <kbd>{SHORTCUT_KEYS.clearCue}</kbd>
          </dt>
          <dd>{t('consoles.key-c-does')}</dd>
        </dl>
      )}
    </section>
  );
};
