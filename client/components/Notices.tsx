import { useT } from '../i18n/useT';
import { useLive } from '../live/LiveContext';
import { useRefusalWords } from '../live/useRefusalWords';

/**
 * Refusals, in the page's language (the server's words from a server without reasons). The
 * region is always there so that screen readers hear it.
 */
export const AlertRegion = () => {
  const t = useT();
  const { notices, dismiss } = useLive();
  const words = useRefusalWords();
  return (
    <div className="alerts" role="alert">
      {notices.map((n) => (
        <div className="alert" key={n.id}>
          <p>{words(n.refusal)}</p>
          <button type="button" className="button-quiet" onClick={() => dismiss(n.id)}>
            {t('components.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
};

/** Says plainly when the screen is not live; its clock keeps running meanwhile. */
export const ConnectionNotice = () => {
  const t = useT();
  const { connection } = useLive();
  return (
    <div className="connection" role="status">
      {connection === 'reconnecting' && (
        <p className="connection-notice">{t('components.reconnecting')}</p>
      )}
      {connection === 'connecting' && (
        <p className="connection-notice">{t('components.connecting')}</p>
      )}
    </div>
  );
};
