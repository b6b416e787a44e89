import { useId } from 'react';
import type { LeftWaiting as Entry, Report } from '../../shared/report/report';
import { TableBox } from '../components/TableBox';
import { ItemAndStep } from './ItemAndStep';
import { REQUEST_KIND_WORDS, useReportWords, dayAndTime as when } from './words';

const Requests = ({
  caption,
  entries,
  zone,
  ended,
}: {
  caption: string;
  entries: Entry[];
  zone: string;
  /** Whether the step has ended: its end is shown. */
  ended: boolean;
}) => {
  const { t, names } = useReportWords();
  const captionId = useId();
  const delegationOf = (e: Entry) => {
    const delegation = names.delegation(e.delegationId, e.delegationName);
    return e.onBehalfOf
      ? t('report.speaking-for', {
          delegation,
          group: names.group(e.onBehalfOf.id, e.onBehalfOf.name),
        })
      : delegation;
  };
  return (
    <TableBox labelledBy={captionId}>
      <table className="report-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.column-delegation')}</th>
            <th scope="col">{t('report.column-speaker')}</th>
            <th scope="col">{t('report.column-request')}</th>
            <th scope="col">{t('report.column-asked')}</th>
            <th scope="col">{t('report.column-step')}</th>
            {ended && <th scope="col">{t('report.column-step-ended')}</th>}
            <th scope="col">{t('report.column-list-closed')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <th scope="row">{delegationOf(e)}</th>
              <td>{e.speakerName ?? '–'}</td>
              <td>{t(REQUEST_KIND_WORDS[e.kind])}</td>
              <td className="digits">
                <bdi dir="ltr">{when(e.requestedAt, zone)}</bdi>
              </td>
              <td>
                <ItemAndStep item={e.itemTitle} step={e.stepTitle} />
              </td>
              {ended && (
                <td className="digits">
                  {e.endedAt === undefined ? '–' : <bdi dir="ltr">{when(e.endedAt, zone)}</bdi>}
                </td>
              )}
              <td>{t(e.waitingAtClose ? 'report.yes' : 'report.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
};

/**
 * Who asked for the floor and was not heard, by name: those still waiting now, and those left in
 * the queue when their step ended. The counts say how many; the chair needs to know who.
 */
export const LeftWaiting = ({ left, zone }: { left: Report['leftWaiting']; zone: string }) => {
  const { t } = useReportWords();
  return (
    <>
      {left.now.length > 0 ? (
        <Requests
          caption={t('report.still-waiting-now')}
          entries={left.now}
          zone={zone}
          ended={false}
        />
      ) : (
        <p>{t('report.nobody-waiting-now')}</p>
      )}
      {left.unheard.length > 0 ? (
        <Requests caption={t('report.left-unheard')} entries={left.unheard} zone={zone} ended />
      ) : (
        <p>{t('report.none-left-unheard')}</p>
      )}
    </>
  );
};
