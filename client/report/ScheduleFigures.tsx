import type { ItemSchedule } from '../../shared/schedule/schedule';
import { clockTimeOf } from '../../shared/schedule/zonedTime';
import { dateOf, isAnotherDay } from '../meeting/schedule';
import { type ReportWords, useReportWords } from './words';

const MINUTE = 60_000;

/** A time of day, with its date when it is not the day the item was planned for. */
const timeWords = (instant: number | null, plannedDay: string | null, zone: string): string => {
  if (instant === null) return '–';
  const day = dateOf(instant, zone);
  const time = clockTimeOf(instant, zone);
  return plannedDay !== null && day !== plannedDay ? `${day} ${time}` : time;
};

/** "+12 min", "−5 min", "on time": a drift in a table ("another day" when it is days). */
const driftWords = (ms: number | null, { t }: ReportWords): string => {
  if (ms === null) return '';
  if (isAnotherDay(ms)) return t('report.drift-another-day');
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes === 0) return t('report.drift-on-time');
  return t(ms > 0 ? 'report.drift-late' : 'report.drift-early', { minutes });
};

const Row = ({ item, zone }: { item: ItemSchedule; zone: string }) => {
  const words = useReportWords();
  const { t } = words;
  const plannedDay = item.start === null ? null : dateOf(item.start, zone);
  const endDrift = item.actualEnd !== null && item.end !== null ? item.actualEnd - item.end : null;
  return (
    <tr>
      <th scope="row">{item.title}</th>
      <td>
        <bdi dir="ltr">{plannedDay ?? ''}</bdi>
      </td>
      <td>
        <bdi dir="ltr">
          {timeWords(item.start, null, zone)}–{timeWords(item.end, null, zone)}
        </bdi>
      </td>
      <td>
        {item.actualStart === null ? (
          t('report.not-held')
        ) : item.actualEnd === null ? (
          t('report.held-under-way', {
            start: timeWords(item.actualStart, plannedDay, zone),
          })
        ) : (
          <bdi dir="ltr">
            {timeWords(item.actualStart, plannedDay, zone)}–
            {timeWords(item.actualEnd, plannedDay, zone)}
          </bdi>
        )}
      </td>
      <td>{driftWords(item.startDriftMs, words)}</td>
      <td>{driftWords(endDrift, words)}</td>
    </tr>
  );
};

/** Each agenda item as planned against as held, and how far its start and end drifted. */
export const ScheduleFigures = ({ items, zone }: { items: ItemSchedule[]; zone: string }) => {
  const { t } = useReportWords();
  return (
    <table className="report-table digits">
      <caption>{t('report.schedule-caption', { zone })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.column-agenda-item')}</th>
          <th scope="col">{t('report.column-day')}</th>
          <th scope="col">{t('report.column-planned')}</th>
          <th scope="col">{t('report.column-held')}</th>
          <th scope="col">{t('report.column-start-drift')}</th>
          <th scope="col">{t('report.column-end-drift')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <Row key={item.itemId} item={item} zone={zone} />
        ))}
      </tbody>
    </table>
  );
};
