import { useEffect, useId, useState } from 'react';
import { BusyButton } from '../components/BusyButton';
import { passFocusTo, useTakesFocus } from '../components/focusHandoff';
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
      <label htmlFor={id}>Show the delay on the room display (when a minute or more late)</label>
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
            <span className="tag tag-black">Black</span> The room sees nothing.
          </>
        ) : (
          <>
            <span className="tag tag-open">Showing</span> The room sees the meeting.
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
        {blackout ? 'Show the room display again' : 'Black out the room display'}
      </BusyButton>
    </div>
  );
};

/** What the room display shows besides the floor: everything or nothing, and the delay. */
export const RoomDisplayPanel = () => {
  const can = usePermissions();
  if (!can('display.configure')) return null;
  return (
    <section className="panel room-display" aria-labelledby="room-display-heading">
      <h2 id="room-display-heading">Room display</h2>
      <Blackout />
      <DelayOnDisplay />
    </section>
  );
};
