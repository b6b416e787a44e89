import '../styles/blackout.css';

/**
 * The chair's blackout (`display.blackout`): the room display, and the podium with it, show
 * nothing but black, not even a cursor, until it is lifted. The words are for a screen reader
 * only: nothing is drawn.
 */
export const Blackout = () => (
  <div className="blackout">
    <p className="visually-hidden">The chair has blacked out the room display.</p>
  </div>
);
