import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { RefusalLog, SUMMARY_EVERY_MS } from '../../../server/meetings/refusalLog';
import { LIMITS } from '../../../shared/protocol/limits';
import { ManualClock } from '../../support/clock';

const capture = () => {
  const lines: { msg: string; suppressed?: number; byCode?: Record<string, number> }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
};

describe("a meeting's refusal log", () => {
  it('writes its burst, then its rate, and sums up the rest in one line a second later', () => {
    const { log, lines } = capture();
    const clock = new ManualClock({ start: 0 });
    const refusals = new RefusalLog(log, clock, LIMITS.refusalLogLines);
    const refusal = { type: 'floor.request', role: 'delegate', source: 'socket' } as const;
    const { burst, perSecond } = LIMITS.refusalLogLines;
    const summaries = () => lines.filter((l) => l.suppressed !== undefined);
    for (let i = 0; i < 1000; i++) refusals.refused({ ...refusal, refused: 'not_now' });
    clock.advance(SUMMARY_EVERY_MS - 1);
    expect(summaries()).toEqual([]);
    // A second after the first refusal left out, by the server's clock: the summary.
    clock.advance(1);
    expect(summaries()).toEqual([
      expect.objectContaining({ suppressed: 1000 - burst, byCode: { not_now: 1000 - burst } }),
    ]);
    // The budget has refilled by a second's rate; the rest waits for the next summary.
    for (let i = 0; i < 500; i++) refusals.refused({ ...refusal, refused: 'already_queued' });
    expect(clock.pending).toBe(1);
    refusals.flush();
    expect(clock.pending).toBe(0);
    expect(lines.filter((l) => l.msg === 'command refused')).toHaveLength(burst + perSecond);
    expect(summaries()).toHaveLength(2);
    expect(summaries()[1]).toMatchObject({
      suppressed: 500 - perSecond,
      byCode: { already_queued: 500 - perSecond },
    });
  });

  it('writes no summary when nothing was left out', () => {
    const { log, lines } = capture();
    const refusals = new RefusalLog(log);
    refusals.refused({ type: 'turn.end', role: 'chair', source: 'socket', refused: 'not_now' });
    refusals.flush();
    expect(lines.map((l) => l.msg)).toEqual(['command refused']);
  });
});
