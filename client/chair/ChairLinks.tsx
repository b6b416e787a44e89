import { pagePath, sectionPath } from '../app/router';
import { AppLink } from '../components/AppLink';
import { useLive } from '../live/LiveContext';

/**
 * The chair's other pages: the agenda editor, the report, the delegations' join cards, the
 * devices and codes.
 */
export const ChairLinks = () => {
  const { session } = useLive();
  const id = session.meetingId;
  return (
    <nav className="panel chair-links" aria-labelledby="chair-links-heading">
      <h2 id="chair-links-heading">Agenda and record</h2>
      <ul className="link-list">
        <li>
          <AppLink to={sectionPath(id, 'chair', 'agenda')}>Edit agenda</AppLink>
          <span className="quiet"> titles, speakers, allowances, sittings</span>
        </li>
        <li>
          <AppLink to={pagePath(id, 'report')}>Report</AppLink>
          <span className="quiet"> printable, with the record as CSV</span>
        </li>
        <li>
          <AppLink to={pagePath(id, 'cards')}>Join cards</AppLink>
          <span className="quiet"> one per delegation, with a QR code</span>
        </li>
        <li>
          <AppLink to={pagePath(id, 'devices')}>Devices and codes</AppLink>
          <span className="quiet"> who is connected, sign out, new codes</span>
        </li>
      </ul>
    </nav>
  );
};
