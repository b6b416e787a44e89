import { useEffect, useId, useRef } from 'react';
import type { Command } from '../../shared/protocol/commands';
import { BusyButton } from '../components/BusyButton';
import { passFocusTo } from '../components/focusHandoff';
import { type Announcement, useAnnouncer } from '../components/LiveAnnouncer';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { usePermissions } from './usePermissions';

/** What brings the room display back, from the banner or the chair's "Room display" panel. */
export const SHOW_DISPLAY: Command = { type: 'display.configure', blackout: false };
export const BLACK_OUT_DISPLAY: Command = { type: 'display.configure', blackout: true };

/** The chair's blackout button in the "Room display" panel, which takes the focus after it. */
export const BLACKOUT_TOGGLE = 'blackout-toggle';

/**
 * The polite region that says the blackout began or ended: on the page from the start (a region
 * added with its text is not heard), out of sight (the banner shows it), and apart from the
 * console's own announcer, which says the clock's news.
 */
const BlackoutNews = ({ announcement }: { announcement: Announcement | null }) => (
  <div className="visually-hidden" role="status" aria-live="polite" data-blackout-announcer="">
    {announcement && (
      <p key={announcement.id} lang={announcement.lang}>
        {announcement.text}
      </p>
    )}
  </div>
);

/**
 * While the room display is black, a banner at the top of both consoles that stays in view as
 * they scroll: a black band with the words in white, so that nobody at a console takes the
 * room's silence for the display's. On the chair's console it has the one press that brings the
 * display back; the moderator's says who can. Screen readers hear the change either way.
 */
export const BlackoutBanner = () => {
  const t = useT();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
  const headingId = useId();
  const [announcement, announce] = useAnnouncer();
  const { blackout } = view.display;
  const before = useRef(blackout);
  useEffect(() => {
    if (before.current === blackout) return;
    before.current = blackout;
    announce(t(blackout ? 'consoles.blackout-news-on' : 'consoles.blackout-news-off'));
  }, [blackout, announce, t]);
  return (
    <>
      <BlackoutNews announcement={announcement} />
      {blackout && (
        <section className="blackout-banner" aria-labelledby={headingId}>
          <p className="blackout-mark" aria-hidden="true" />
          <div className="blackout-text">
            <h2 id={headingId}>{t('consoles.blackout-heading')}</h2>
            <p>
              {t(
                can('display.configure')
                  ? 'consoles.blackout-text'
                  : 'consoles.blackout-text-chair-can-show',
              )}
            </p>
          </div>
          {can('display.configure') && (
            <BusyButton
              className="button-show-display"
              busy={pending}
              refusal={mayPress(SHOW_DISPLAY)}
              onClick={() => {
                passFocusTo(BLACKOUT_TOGGLE);
                void send(SHOW_DISPLAY);
              }}
            >
              {t('consoles.blackout-show')}
            </BusyButton>
          )}
        </section>
      )}
    </>
  );
};
