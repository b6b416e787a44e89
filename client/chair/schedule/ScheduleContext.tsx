import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { remainingAt } from '../../../shared/clock/turnClock';
import { type ScheduleNow, scheduleAt } from '../../../shared/schedule/schedule';
import { useLiveView } from '../../live/LiveContext';
import { useServerNow } from '../../live/useServerNow';
import { useHeldSteps } from './useHeldSteps';

export interface LiveSchedule {
  schedule: ScheduleNow;
  /** The server's time when it was computed (once a second). */
  now: number;
}

const ScheduleContext = createContext<LiveSchedule | null>(null);

/**
 * The schedule as planned against as held, computed once a second for the whole console: only
 * the parts that show it render again, not the console.
 */
export const ScheduleProvider = ({ children }: { children: ReactNode }) => {
  const { view, clock, session } = useLiveView();
  const held = useHeldSteps(session, view);
  const now = useServerNow(clock);
  const value = useMemo(
    (): LiveSchedule => ({
      now,
      schedule: scheduleAt({
        agenda: view.agenda,
        held,
        current: view.current,
        turnRemainingMs: view.turn ? remainingAt(view.turn, now) : null,
        now,
      }),
    }),
    [view, held, now],
  );
  return <ScheduleContext.Provider value={value}>{children}</ScheduleContext.Provider>;
};

export const useSchedule = (): LiveSchedule => {
  const schedule = useContext(ScheduleContext);
  if (!schedule) throw new Error('useSchedule needs a ScheduleProvider above it');
  return schedule;
};
