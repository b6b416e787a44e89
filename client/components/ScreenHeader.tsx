import type { ReactNode } from 'react';
import { leaveMeeting } from '../app/leave';
import { LanguageMenu } from '../i18n/LanguageMenu';
import { useT } from '../i18n/useT';
import { useLive } from '../live/LiveContext';
import { ConfirmButton } from './ConfirmButton';
import { ConnectionNotice } from './Notices';

/**
 * The meeting's title, which screen this is, the device's language menu, and "Leave", which
 * forgets this device's token. `children` is what the screen keeps in view at all times (the
 * chair's schedule). Below it, the notice that the server was lost, on every console and tablet.
 * The language menu is in the header, away from the screen's own buttons: on a tablet it is
 * never where "Request the floor" is pressed.
 */
export const ScreenHeader = ({
  screen,
  status,
  children,
}: {
  screen: string;
  status?: string;
  children?: ReactNode;
}) => {
  const t = useT();
  const { view, session } = useLive();
  return (
    <>
      <header className="screen-header">
        <div className="screen-title">
          {/* The role, as a badge: a laptop may show the chair's console in one tab and the
              moderator's in another. */}
          <p className={`screen-name role-badge role-${session.role}`}>{screen}</p>
          {/* i18n-ignore: the product's name, the same in every language */}
          <h1>{view?.title ?? 'Rostrum'}</h1>
        </div>
        {children}
        {status && <p className="screen-status">{status}</p>}
        <LanguageMenu className="screen-language" />
        <ConfirmButton
          className="button-quiet"
          question={t('components.leave-question')}
          confirmLabel={t('components.leave')}
          onConfirm={() => leaveMeeting(session.meetingId, session.role)}
        >
          {t('components.leave')}
        </ConfirmButton>
      </header>
      <ConnectionNotice />
    </>
  );
};
