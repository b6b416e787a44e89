import { useT } from '../../i18n/useT';
import { useLiveView } from '../../live/LiveContext';
import { useMeetingTimes } from '../useMeetingTimes';
import { useSchedule } from './ScheduleContext';
import { scheduleSummary } from './scheduleWords';

/** Always in the chair's header: how far ahead or behind the room is, and when the sitting ends. */
export const ScheduleStatus = () => {
  const t = useT();
  const { view } = useLiveView();
  const { schedule, now } = useSchedule();
  const times = useMeetingTimes(view.agenda.timeZone);
  const summary = scheduleSummary(view, schedule, now, times);
  if (!summary) return null;
  return (
    <p className="schedule-status" data-testid="schedule-status">
      <span className={summary.late ? 'schedule-delay is-late' : 'schedule-delay'}>
        {t(summary.delay)}
      </span>
      {summary.sittingEnd && <span className="schedule-end">{t(summary.sittingEnd)}</span>}
    </p>
  );
};
