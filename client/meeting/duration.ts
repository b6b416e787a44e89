/** Allowances as people type them: minutes and seconds, `3:00`, or whole minutes, `3`. */

const MINUTES_SECONDS = /^(\d{1,3})(?::([0-5]\d))?$/;

/** Milliseconds of `M:SS` (or `M`); null when it is not written so. */
export const parseMinutesSeconds = (text: string): number | null => {
  const match = MINUTES_SECONDS.exec(text.trim());
  if (!match) return null;
  return (Number(match[1]) * 60 + Number(match[2] ?? 0)) * 1000;
};

/** `M:SS` of a duration, minutes beyond 59 included (`75:00`), as the inputs show it. */
export const minutesSeconds = (ms: number): string => {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};
