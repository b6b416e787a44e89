import { useId } from 'react';
import { useLang } from '../i18n/languages';
import { useT } from '../i18n/useT';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The numbers written beside the bar, such as "4 · 12:30". */
  text: string;
}

const ROW = 26;
const LINE = 15;
const LABEL = 210;
const BARS = 300;
const NUMBERS = 130;
const WIDTH = LABEL + BARS + NUMBERS;
/** The room a label's lines have, left of the bars. */
const LABEL_WIDTH = LABEL - 12;
const FONT_PX = 13;

let measureContext: CanvasRenderingContext2D | null | undefined;

/** The width of a line of label text, as the page's font draws it (estimated without a canvas). */
const widthOf = (text: string): number => {
  if (measureContext === undefined) {
    measureContext = document.createElement('canvas').getContext('2d');
    if (measureContext) {
      const family = getComputedStyle(document.documentElement).getPropertyValue('--font');
      measureContext.font = `${FONT_PX}px ${family || 'sans-serif'}`;
    }
  }
  return measureContext ? measureContext.measureText(text).width : text.length * FONT_PX * 0.6;
};

/**
 * A label in as many lines as it needs, broken between words only: a delegation's name is never
 * cut short.
 */
const linesOf = (label: string): string[] => {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && widthOf(`${last} ${word}`) <= LABEL_WIDTH) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines.length > 0 ? lines : [''];
};

/**
 * A horizontal bar chart drawn as SVG: a label, a bar in proportion to the largest, and the
 * numbers beside it. Screen readers get the title and every figure in words. Right to left in
 * Arabic, as the page reads: the labels on the right, the bars growing leftwards. The SVG text
 * inherits the page's direction, which turns what `text-anchor` means: each text says its own.
 */
export const BarChart = ({ title, bars }: { title: string; bars: readonly Bar[] }) => {
  const t = useT();
  const rtl = useLang() === 'ar';
  const direction = rtl ? 'rtl' : 'ltr';
  /** A point across the chart, counted from the side the page starts on. */
  const across = (x: number) => (rtl ? WIDTH - x : x);
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  let top = 0;
  const rows = bars.map((bar) => {
    const lines = linesOf(bar.label);
    const height = Math.max(ROW, lines.length * LINE + ROW - LINE);
    const row = { bar, lines, top, height };
    top += height;
    return row;
  });
  const height = top;
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
        <desc id={`${id}desc`}>
          {bars
            .map((b) => t('report.chart-figure', { label: b.label, figures: b.text }))
            .join(t('report.list-separator'))}
        </desc>
        {rows.map(({ bar, lines, top, height }) => {
          const length = bar.value > 0 ? Math.max(1, (bar.value / max) * BARS) : 0;
          const middle = top + height / 2;
          const firstLine = middle - ((lines.length - 1) * LINE) / 2;
          return (
            <g key={bar.key}>
              {/* The label ends next to the bar (on its left in Arabic). */}
              <text
                className="chart-label"
                textAnchor="end"
                direction={direction}
                dominantBaseline="central"
              >
                {lines.map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a label's lines are fixed by its text
                  <tspan key={i} x={across(LABEL - 8)} y={firstLine + i * LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
              <rect
                className="chart-track"
                x={rtl ? WIDTH - LABEL - BARS : LABEL}
                y={middle - ROW / 2 + 5}
                width={BARS}
                height={ROW - 10}
              />
              <rect
                className="chart-bar"
                x={rtl ? WIDTH - LABEL - length : LABEL}
                y={middle - ROW / 2 + 5}
                width={length}
                height={ROW - 10}
              />
              {/* The figures start after the bar (on its left in Arabic). */}
              <text
                className="chart-number"
                x={across(LABEL + BARS + 8)}
                y={middle}
                direction={direction}
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
