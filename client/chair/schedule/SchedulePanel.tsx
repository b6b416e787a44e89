import type { Agenda } from '../../../shared/protocol/agenda';
import type { ItemSchedule, ScheduleNow } from '../../../shared/schedule/schedule';
import { clockTimeOf } from '../../../shared/schedule/zonedTime';
import { useT } from '../../i18n/useT';
import { useLiveView } from '../../live/LiveContext';
import { dateOf, driftShort, endDriftOf, spanWords } from '../../meeting/schedule';
import { useSchedule } from './ScheduleContext';

/** "Day 1, 2017-07-24" before the first item of each day, when the sittings span several days. */
const dayLabels = (agenda: Agenda, items: ItemSchedule[]): Map<string, string> => {
  const days = [
    ...new Set(items.flatMap((i) => (i.start === null ? [] : [dateOf(i.start, agenda.timeZone)]))),
  ];
  const labels = new Map<string, string>();
  if (days.length < 2) return labels;
  const seen = new Set<string>();
  for (const item of items) {
    if (item.start === null) continue;
    const day = dateOf(item.start, agenda.timeZone);
    if (!seen.has(day)) labels.set(item.itemId, `Day ${days.indexOf(day) + 1}, ${day}`);
    seen.add(day);
  }
  return labels;
};

const HeldCell = ({
  item,
  schedule,
  zone,
}: {
  item: ItemSchedule;
  schedule: ScheduleNow;
  zone: string;
}) => {
  if (item.actualStart === null) return <td className="quiet">not yet</td>;
  if (schedule.current?.itemId === item.itemId) {
    return (
      <td>
        {clockTimeOf(item.actualStart, zone)}–<span className="quiet">about </span>
        {clockTimeOf(schedule.current.projectedItemEnd, zone)}
      </td>
    );
  }
  return <td>{spanWords(item.actualStart, item.actualEnd, zone)}</td>;
};

/** Each item as planned and as held, and how late it ended or will end. */
export const SchedulePanel = () => {
  const t = useT();
  const { view } = useLiveView();
  const { schedule } = useSchedule();
  const zone = view.agenda.timeZone;
  const days = dayLabels(view.agenda, schedule.items);
  return (
    <section className="panel schedule" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Schedule</h2>
      <table className="schedule-table digits">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Planned</th>
            <th scope="col">Held</th>
            <th scope="col">Drift</th>
          </tr>
        </thead>
        <tbody>
          {schedule.items.map((item) => {
            const drift = endDriftOf(item, schedule);
            const day = days.get(item.itemId);
            const current = schedule.current?.itemId === item.itemId;
            return [
              day && (
                <tr key={`${item.itemId}-day`} className="schedule-day">
                  <th scope="rowgroup" colSpan={4}>
                    {day}
                  </th>
                </tr>
              ),
              <tr key={item.itemId} className={current ? 'is-current' : undefined}>
                <th scope="row">{item.title}</th>
                <td>{spanWords(item.start, item.end, zone)}</td>
                <HeldCell item={item} schedule={schedule} zone={zone} />
                <td>{drift === null ? '' : driftShort(t, drift)}</td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
      <p className="quiet">
        Times in {zone}. Drift: how late each item ended, or for the current one, will end.
      </p>
    </section>
  );
};
