import { useId } from 'react';
import type { ItemSchedule } from '../../shared/schedule/schedule';
import { clockTimeOf } from '../../shared/schedule/zonedTime';
import { useLang } from '../i18n/languages';
import { dateOf, isAnotherDay } from '../meeting/schedule';
import { useReportWords } from './words';

const LABEL = 190;
const PLOT = 420;
const WIDTH = LABEL + PLOT + 20;
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

/**
 * One day as a timeline: each item's planned time (outlined) over the time it was held (solid).
 * Right to left in Arabic: the titles on the right, the time running from right to left, as the
 * page reads; the times of day themselves read left to right.
 */
const DayChart = ({ day, rows, zone }: { day: string; rows: Row[]; zone: string }) => {
  const { t, longDay } = useReportWords();
  const rtl = useLang() === 'ar';
  const id = useId();
  const instants = rows.flatMap((r) => [...r.planned, ...(r.held ?? [])]);
  const from = Math.floor(Math.min(...instants) / HOUR) * HOUR;
  const to = Math.max(from + HOUR, Math.ceil(Math.max(...instants) / HOUR) * HOUR);
  /** A point across the chart, counted from the side the page starts on. */
  const across = (x: number) => (rtl ? WIDTH - x : x);
  const x = (instant: number) => across(LABEL + ((instant - from) / (to - from)) * PLOT);
  /** A bar from one instant to another, whichever way time runs. */
  const bar = ([a, b]: [number, number]) => ({
    x: Math.min(x(a), x(b)),
    width: Math.max(1, Math.abs(x(b) - x(a))),
  });
  const hours: number[] = [];
  for (let h = from; h <= to; h += HOUR) hours.push(h);
  const height = AXIS + rows.length * ROW;
  const span = ([a, b]: [number, number]) => `${clockTimeOf(a, zone)}–${clockTimeOf(b, zone)}`;
  const dayWords = longDay(day);
  return (
    <figure className="chart">
      <figcaption id={`${id}title`}>{t('report.day-chart-caption', { day: dayWords })}</figcaption>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-labelledby={`${id}title ${id}desc`}
      >
        <title>{t('report.day-chart-title', { day: dayWords })}</title>
        <desc id={`${id}desc`}>
          {rows
            .map((r) =>
              r.held
                ? t('report.day-chart-held', {
                    item: r.item.title,
                    planned: span(r.planned),
                    held: span(r.held),
                  })
                : t('report.day-chart-not-held', { item: r.item.title, planned: span(r.planned) }),
            )
            .join(t('report.list-separator'))}
        </desc>
        {hours.map((h) => (
          <g key={h}>
            <line className="chart-grid" x1={x(h)} x2={x(h)} y1={AXIS - 4} y2={height} />
            <text className="chart-axis" x={x(h)} y={AXIS - 8} textAnchor="middle" direction="ltr">
              {clockTimeOf(h, zone)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const top = AXIS + i * ROW;
          const planned = bar(r.planned);
          const held = r.held && bar(r.held);
          return (
            <g key={r.item.itemId}>
              {/* The title ends next to the plot: its end is on the left in Arabic. */}
              <text
                className="chart-label"
                x={across(LABEL - 8)}
                y={top + ROW / 2}
                textAnchor="end"
                direction={rtl ? 'rtl' : 'ltr'}
                dominantBaseline="central"
              >
                {shorten(r.item.title)}
              </text>
              <rect className="chart-planned" y={top + 4} {...planned} height={12} />
              {held && <rect className="chart-bar" y={top + 18} {...held} height={12} />}
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
