import { useId } from 'react';
import { setShortcutsOn, useShortcutsOn } from './shortcutSetting';

/**
 * The shortcuts, shown on the console so that nobody has to remember them, with the switch that
 * turns them off on this device.
 */
export const ShortcutLegend = ({ nextStep }: { nextStep: boolean }) => {
  const on = useShortcutsOn();
  const switchId = useId();
  return (
    <section className="panel shortcuts" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard</h2>
      <div className="shortcut-switch">
        <input
          id={switchId}
          type="checkbox"
          checked={on}
          onChange={(event) => setShortcutsOn(event.target.checked)}
        />
        <label htmlFor={switchId}>Single-key shortcuts on this device</label>
      </div>
      <p className="quiet">
        {on
          ? 'They act when no button or field has the focus: Escape leaves a button. Space and Enter press the focused button.'
          : 'Off: keys act only on the focused button or field.'}
      </p>
      {on && (
        <dl>
          <dt>
            <kbd>Space</kbd>
          </dt>
          <dd>pause or resume the clock</dd>
          <dt>
            <kbd>N</kbd>
          </dt>
          <dd>next speaker</dd>
          {nextStep && (
            <>
              <dt>
                <kbd>Shift</kbd>+<kbd>N</kbd>
              </dt>
              <dd>next step (asks first; Enter confirms)</dd>
            </>
          )}
          <dt>
            <kbd>C</kbd>
          </dt>
          <dd>clear the cue to the speaker</dd>
        </dl>
      )}
    </section>
  );
};
