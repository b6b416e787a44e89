import type { ItemSchedule } from '../../shared/schedule/schedule';
import { clockTimeOf } from '../../shared/schedule/zonedTime';
import { useT } from '../i18n/useT';
import { dateOf, driftShort } from '../meeting/schedule';

/** A time of day, with its date when it is not the day the item was planned for. */
const timeWords = (instant: number | null, plannedDay: string | null, zone: string): string => {
  if (instant === null) return '–';
  const day = dateOf(instant, zone);
  const time = clockTimeOf(instant, zone);
  return plannedDay !== null && day !== plannedDay ? `${day} ${time}` : time;
};

const Row = ({ item, zone }: { item: ItemSchedule; zone: string }) => {
  const t = useT();
  const plannedDay = item.start === null ? null : dateOf(item.start, zone);
  const endDrift = item.actualEnd !== null && item.end !== null ? item.actualEnd - item.end : null;
  const drift = (ms: number | null) => (ms === null ? '' : driftShort(t, ms));
  return (
    <tr>
      <th scope="row">{item.title}</th>
      <td>{plannedDay ?? ''}</td>
      <td>
        {timeWords(item.start, null, zone)}–{timeWords(item.end, null, zone)}
      </td>
      <td>
        {item.actualStart === null
          ? 'not held'
          : `${timeWords(item.actualStart, plannedDay, zone)}–${
              item.actualEnd === null ? 'under way' : timeWords(item.actualEnd, plannedDay, zone)
            }`}
      </td>
      <td>{drift(item.startDriftMs)}</td>
      <td>{drift(endDrift)}</td>
    </tr>
  );
};

/** Each agenda item as planned against as held, and how far its start and end drifted. */
export const ScheduleFigures = ({ items, zone }: { items: ItemSchedule[]; zone: string }) => (
  <table className="report-table digits">
    <caption>The schedule as planned and as held (times in {zone}; drift: + late, − early)</caption>
    <thead>
      <tr>
        <th scope="col">Agenda item</th>
        <th scope="col">Day</th>
        <th scope="col">Planned</th>
        <th scope="col">Held</th>
        <th scope="col">Start drift</th>
        <th scope="col">End drift</th>
      </tr>
    </thead>
    <tbody>
      {items.map((item) => (
        <Row key={item.itemId} item={item} zone={zone} />
      ))}
    </tbody>
  </table>
);
