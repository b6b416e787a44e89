import { useT } from '../i18n/useT';
import '../styles/blackout.css';

/**
 * The chair's blackout (`display.blackout`): the room display, and the podium with it, show
 * nothing but black, not even a cursor, until it is lifted. The words are for a screen reader
 * only: nothing is drawn.
 */
export const Blackout = () => {
  const t = useT();
  return (
    <div className="blackout">
      <p className="visually-hidden">{t('room.blacked-out')}</p>
    </div>
  );
};
