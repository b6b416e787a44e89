import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { RefusalLog } from '../../../server/meetings/refusalLog';
import { LIMITS } from '../../../shared/protocol/limits';

const capture = () => {
  const lines: { msg: string; suppressed?: number; byCode?: Record<string, number> }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
};

describe("a meeting's refusal log", () => {
  it('writes its burst, then its rate, and sums up the rest in one line', () => {
    const { log, lines } = capture();
    let now = 0;
    const refusals = new RefusalLog(log, LIMITS.refusalLogLines, () => now);
    const refusal = { type: 'floor.request', role: 'delegate', source: 'socket' } as const;
    for (let i = 0; i < 1000; i++) refusals.refused({ ...refusal, refused: 'not_now' });
    now = 1000;
    for (let i = 0; i < 500; i++) refusals.refused({ ...refusal, refused: 'already_queued' });
    refusals.flush();
    const { burst, perSecond } = LIMITS.refusalLogLines;
    const written = lines.filter((l) => l.msg === 'command refused');
    expect(written).toHaveLength(burst + perSecond);
    const summaries = lines.filter((l) => l.suppressed !== undefined);
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.suppressed).toBe(1500 - burst - perSecond);
    expect(summaries[0]?.byCode).toEqual({
      not_now: 1000 - burst,
      already_queued: 500 - perSecond,
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
