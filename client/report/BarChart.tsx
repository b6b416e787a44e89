import { useId } from 'react';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The numbers written beside the bar, such as "4 · 12:30". */
  text: string;
}

const ROW = 26;
const LABEL = 210;
const BARS = 300;
const NUMBERS = 130;
const WIDTH = LABEL + BARS + NUMBERS;
const LABEL_CHARS = 26;

const shorten = (label: string): string =>
  label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;

/**
 * A horizontal bar chart drawn as SVG: a label, a bar in proportion to the largest, and the
 * numbers beside it. Screen readers get the title and every figure in words.
 */
export const BarChart = ({ title, bars }: { title: string; bars: readonly Bar[] }) => {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW;
  return (
    <figure className="chart">
      <figcaption id={`${id}title`}>{title}</figcaption>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-labelledby={`${id}title ${id}desc`}
      >
        <title>{title}</title>
        <desc id={`${id}desc`}>{bars.map((b) => `${b.label}: ${b.text}`).join('; ')}</desc>
        {bars.map((bar, i) => {
          const length = bar.value > 0 ? Math.max(1, (bar.value / max) * BARS) : 0;
          const middle = i * ROW + ROW / 2;
          return (
            <g key={bar.key}>
              <text
                className="chart-label"
                x={LABEL - 8}
                y={middle}
                textAnchor="end"
                dominantBaseline="central"
              >
                {shorten(bar.label)}
                {bar.label.length > LABEL_CHARS && <title>{bar.label}</title>}
              </text>
              <rect
                className="chart-track"
                x={LABEL}
                y={i * ROW + 5}
                width={BARS}
                height={ROW - 10}
              />
              <rect
                className="chart-bar"
                x={LABEL}
                y={i * ROW + 5}
                width={length}
                height={ROW - 10}
              />
              <text
                className="chart-number"
                x={LABEL + BARS + 8}
                y={middle}
                dominantBaseline="central"
              >
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
};
