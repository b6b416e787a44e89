import type { MessageDescriptor } from '@lingui/core';
import { Trans } from '@lingui/react';
import type { ItemSchedule, ScheduleNow } from '../../../shared/schedule/schedule';
import { TableBox } from '../../components/TableBox';
import { useT } from '../../i18n/useT';
import { useLiveView } from '../../live/LiveContext';
import { endDriftOf } from '../../meeting/schedule';
import type { MeetingTimes } from '../meetingTimes';
import { useMeetingTimes } from '../useMeetingTimes';
import { useSchedule } from './ScheduleContext';
import { driftMessage } from './scheduleWords';

/** "Day 1, 2017-07-24" before the first item of each day, when the sittings span several days. */
const dayLabels = (items: ItemSchedule[], times: MeetingTimes): Map<string, MessageDescriptor> => {
  const days = [...new Set(items.flatMap((i) => (i.start === null ? [] : [times.date(i.start)])))];
  const labels = new Map<string, MessageDescriptor>();
  if (days.length < 2) return labels;
  const seen = new Set<string>();
  for (const item of items) {
    if (item.start === null) continue;
    const date = times.date(item.start);
    if (!seen.has(date)) {
      labels.set(item.itemId, {
        id: 'chair.schedule-day',
        values: { day: days.indexOf(date) + 1, date },
      });
    }
    seen.add(date);
  }
  return labels;
};

/** `10:00–10:10`, either end a dash when unknown: a figure that reads left to right everywhere. */
const Span = ({
  start,
  end,
  times,
}: {
  start: number | null;
  end: number | null;
  times: MeetingTimes;
}) => {
  const at = (instant: number | null) => (instant === null ? '–' : times.time(instant));
  return <bdi dir="ltr">{`${at(start)}–${at(end)}`}</bdi>;
};

const HeldCell = ({
  item,
  schedule,
  times,
}: {
  item: ItemSchedule;
  schedule: ScheduleNow;
  times: MeetingTimes;
}) => {
  const t = useT();
  if (item.actualStart === null) return <td className="quiet">{t('chair.held-not-yet')}</td>;
  if (schedule.current?.itemId === item.itemId) {
    return (
      <td>
        <Trans
          id="chair.held-until-about"
          values={{
            start: <bdi dir="ltr">{times.time(item.actualStart)}</bdi>,
            end: <bdi dir="ltr">{times.time(schedule.current.projectedItemEnd)}</bdi>,
          }}
          components={{ 0: <span className="quiet" /> }}
        />
      </td>
    );
  }
  return (
    <td>
      <Span start={item.actualStart} end={item.actualEnd} times={times} />
    </td>
  );
};

/** Each item as planned and as held, and how late it ended or will end. */
export const SchedulePanel = () => {
  const t = useT();
  const { view } = useLiveView();
  const { schedule } = useSchedule();
  const zone = view.agenda.timeZone;
  const times = useMeetingTimes(zone);
  const days = dayLabels(schedule.items, times);
  return (
    <section className="panel schedule" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{t('chair.schedule')}</h2>
      {/* On a phone, a table wider than the window (a language's longer words) scrolls in its box. */}
      <TableBox labelledBy="schedule-heading">
        <table className="schedule-table digits">
          <thead>
            <tr>
              <th scope="col">{t('chair.schedule-item')}</th>
              <th scope="col">{t('chair.schedule-planned')}</th>
              <th scope="col">{t('chair.schedule-held')}</th>
              <th scope="col">{t('chair.schedule-drift')}</th>
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
                      {t(day)}
                    </th>
                  </tr>
                ),
                <tr key={item.itemId} className={current ? 'is-current' : undefined}>
                  <th scope="row">{item.title}</th>
                  <td>
                    <Span start={item.start} end={item.end} times={times} />
                  </td>
                  <HeldCell item={item} schedule={schedule} times={times} />
                  <td className="schedule-drift">{drift === null ? '' : t(driftMessage(drift))}</td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </TableBox>
      <p className="quiet">{t('chair.schedule-note', { zone })}</p>
    </section>
  );
};
