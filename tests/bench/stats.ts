/** Order statistics for the benchmark: medians and percentiles (nearest rank), no interpolation. */

export interface Summary {
  count: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))] as number;
};

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export const summarize = (values: readonly number[]): Summary => {
  if (values.length === 0) {
    const nan = Number.NaN;
    return { count: 0, min: nan, p50: nan, p95: nan, p99: nan, max: nan, mean: nan };
  }
  const s = sorted(values);
  const at = (p: number): number =>
    s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
  return {
    count: s.length,
    min: s[0] as number,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: s[s.length - 1] as number,
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
};

/** Rounds for the table and the JSON: figures below 10 keep two decimals, then one, then none. */
export const round = (value: number): number => {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const digits = abs < 10 ? 2 : abs < 100 ? 1 : 0;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
