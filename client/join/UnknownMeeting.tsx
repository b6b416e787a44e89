import { AppLink } from '../components/AppLink';
import { useT } from '../i18n/useT';

/** A link to a meeting this server does not hold: said plainly, with the way to the join page. */
export const UnknownMeeting = ({ meetingId }: { meetingId: string }) => {
  const t = useT();
  return (
    <main className="join">
      <h1>{t('join.no-such-meeting-title')}</h1>
      <p role="alert">{t('join.no-such-meeting-text', { meetingId: meetingId.slice(0, 64) })}</p>
      <p>
        <AppLink to="/">{t('join.with-a-code')}</AppLink>
      </p>
    </main>
  );
};
