import { useId } from 'react';
import type { AuditEntry } from '../../../shared/protocol/access';
import { TableBox } from '../../components/TableBox';
import { useT } from '../../i18n/useT';
import type { MeetingTimes } from '../meetingTimes';
import { auditMessages, timeOfDay } from './words';

/** How many of the latest actions the page lists. */
const SHOWN = 30;

/** The latest sign-outs and new codes, newest first: who, what, when (read-only). */
export const AuditSection = ({
  entries,
  timeZone,
  times,
  now,
  nameOf,
}: {
  entries: AuditEntry[] | null;
  timeZone: string;
  times: MeetingTimes;
  now: number;
  nameOf: (delegationId: string) => string;
}) => {
  const t = useT();
  const headingId = useId();
  // Entries carry no id; the trail only grows at its end, so a position names one for good.
  const latest = (entries ?? [])
    .map((entry, position) => ({ entry, position }))
    .slice(-SHOWN)
    .reverse();
  const earlier = (entries?.length ?? 0) - latest.length;
  return (
    <section id="audit" className="devices-section devices-audit" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('chair.audit')}</h2>
      <p className="quiet">{t('chair.audit-lead', { zone: timeZone })}</p>
      {entries === null ? (
        <p className="quiet">{t('chair.audit-reading')}</p>
      ) : latest.length === 0 ? (
        <p>{t('chair.audit-none')}</p>
      ) : (
        <TableBox labelledBy={headingId}>
          <table className="devices-table">
            <thead>
              <tr>
                <th scope="col">{t('chair.audit-when')}</th>
                <th scope="col">{t('chair.audit-who')}</th>
                <th scope="col">{t('chair.audit-what')}</th>
                <th scope="col" className="revoked">
                  {t('chair.audit-revoked')}
                </th>
              </tr>
            </thead>
            <tbody>
              {latest.map(({ entry, position }) => {
                const { who, what } = auditMessages(entry, nameOf);
                return (
                  <tr key={position}>
                    <td className="digits">
                      <bdi dir="ltr">{timeOfDay(entry.at, times, now)}</bdi>
                    </td>
                    <td>{t(who)}</td>
                    <td>{t(what)}</td>
                    <td className="digits revoked">{entry.revokedTokens}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableBox>
      )}
      {earlier > 0 && <p className="quiet">{t('chair.audit-earlier', { count: earlier })}</p>}
    </section>
  );
};
