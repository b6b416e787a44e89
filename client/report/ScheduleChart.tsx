import { useId } from 'react';
import type { ItemSchedule } from '../../shared/schedule/schedule';
import { clockTimeOf } from '../../shared/schedule/zonedTime';
import { dateOf, isAnotherDay } from '../meeting/schedule';

const LABEL = 190;
const PLOT = 420;
const ROW = 34;
const AXIS = 22;
const HOUR = 3_600_000;

interface Row {
  item: ItemSchedule;
  planned: [number, number];
  /** When it was held, if it was and on the day planned. */
  held: [number, number] | null;
}

/** The items planned for one day, with the times they were held that day. */
const rowsOf = (items: ItemSchedule[], now: number): Row[] =>
  items.flatMap((item) => {
    if (item.start === null || item.end === null) return [];
    const heldEnd = item.actualEnd ?? now;
    const held: [number, number] | null =
      item.actualStart !== null && !isAnotherDay(item.actualStart - item.start)
        ? [item.actualStart, Math.max(item.actualStart, heldEnd)]
        : null;
    return [{ item, planned: [item.start, item.end], held }];
  });

const shorten = (label: string) => (label.length > 28 ? `${label.slice(0, 27)}…` : label);

/** One day as a timeline: each item's planned time (outlined) over the time it was held (solid). */
const DayChart = ({ day, rows, zone }: { day: string; rows: Row[]; zone: string }) => {
  const id = useId();
  const instants = rows.flatMap((r) => [...r.planned, ...(r.held ?? [])]);
  const from = Math.floor(Math.min(...instants) / HOUR) * HOUR;
  const to = Math.max(from + HOUR, Math.ceil(Math.max(...instants) / HOUR) * HOUR);
  const x = (t: number) => LABEL + ((t - from) / (to - from)) * PLOT;
  const hours: number[] = [];
  for (let t = from; t <= to; t += HOUR) hours.push(t);
  const height = AXIS + rows.length * ROW;
  const span = ([a, b]: [number, number]) => `${clockTimeOf(a, zone)}–${clockTimeOf(b, zone)}`;
  return (
    <figure className="chart">
      <figcaption id={`${id}title`}>{day}: planned (outlined) and held (solid)</figcaption>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${LABEL + PLOT + 20} ${height}`}
        width={LABEL + PLOT + 20}
        height={height}
        role="img"
        aria-labelledby={`${id}title ${id}desc`}
      >
        <title>{`${day}: planned and held`}</title>
        <desc id={`${id}desc`}>
          {rows
            .map(
              (r) =>
                `${r.item.title}: planned ${span(r.planned)}, ${r.held ? `held ${span(r.held)}` : 'not held that day'}`,
            )
            .join('; ')}
        </desc>
        {hours.map((t) => (
          <g key={t}>
            <line className="chart-grid" x1={x(t)} x2={x(t)} y1={AXIS - 4} y2={height} />
            <text className="chart-axis" x={x(t)} y={AXIS - 8} textAnchor="middle">
              {clockTimeOf(t, zone)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const top = AXIS + i * ROW;
          return (
            <g key={r.item.itemId}>
              <text
                className="chart-label"
                x={LABEL - 8}
                y={top + ROW / 2}
                textAnchor="end"
                dominantBaseline="central"
              >
                {shorten(r.item.title)}
              </text>
              <rect
                className="chart-planned"
                x={x(r.planned[0])}
                y={top + 4}
                width={Math.max(1, x(r.planned[1]) - x(r.planned[0]))}
                height={12}
              />
              {r.held && (
                <rect
                  className="chart-bar"
                  x={x(r.held[0])}
                  y={top + 18}
                  width={Math.max(1, x(r.held[1]) - x(r.held[0]))}
                  height={12}
                />
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
};

/** The schedule as timelines, one per day of the agenda. */
export const ScheduleChart = ({
  items,
  zone,
  now,
}: {
  items: ItemSchedule[];
  zone: string;
  now: number;
}) => {
  const rows = rowsOf(items, now);
  const days = [...new Set(rows.map((r) => dateOf(r.planned[0], zone)))];
  return (
    <>
      {days.map((day) => (
        <DayChart
          key={day}
          day={day}
          zone={zone}
          rows={rows.filter((r) => dateOf(r.planned[0], zone) === day)}
        />
      ))}
    </>
  );
};
