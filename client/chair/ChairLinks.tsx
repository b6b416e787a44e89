import { pagePath, sectionPath } from '../app/router';
import { AppLink } from '../components/AppLink';
import { useT } from '../i18n/useT';
import { useLive } from '../live/LiveContext';

/**
 * The chair's other pages: the agenda editor, the report, the delegations' join cards, the
 * devices and codes.
 */
export const ChairLinks = () => {
  const t = useT();
  const { session } = useLive();
  const id = session.meetingId;
  return (
    <nav className="panel chair-links" aria-labelledby="chair-links-heading">
      <h2 id="chair-links-heading">{t('chair.links')}</h2>
      <ul className="link-list">
        <li>
          <AppLink to={sectionPath(id, 'chair', 'agenda')}>{t('chair.link-agenda')}</AppLink>
          <span className="quiet"> {t('chair.link-agenda-what')}</span>
        </li>
        <li>
          <AppLink to={pagePath(id, 'report')}>{t('chair.link-report')}</AppLink>
          <span className="quiet"> {t('chair.link-report-what')}</span>
        </li>
        <li>
          <AppLink to={pagePath(id, 'cards')}>{t('chair.link-cards')}</AppLink>
          <span className="quiet"> {t('chair.link-cards-what')}</span>
        </li>
        <li>
          <AppLink to={pagePath(id, 'devices')}>{t('chair.link-devices')}</AppLink>
          <span className="quiet"> {t('chair.link-devices-what')}</span>
        </li>
      </ul>
    </nav>
  );
};
