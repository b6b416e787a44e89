import { useT } from '../../i18n/useT';
import { useLiveView } from '../../live/LiveContext';
import { scheduleSummary } from '../../meeting/schedule';
import { useSchedule } from './ScheduleContext';

/** Always in the chair's header: how far ahead or behind the room is, and when the sitting ends. */
export const ScheduleStatus = () => {
  const t = useT();
  const { view } = useLiveView();
  const { schedule, now } = useSchedule();
  const summary = scheduleSummary(t, view, schedule, now);
  if (!summary) return null;
  const { late } = summary;
  return (
    <p className="schedule-status" data-testid="schedule-status">
      <span className={late ? 'schedule-delay is-late' : 'schedule-delay'}>{summary.delay}</span>
      {summary.sittingEnd && <span className="schedule-end">{summary.sittingEnd}</span>}
    </p>
  );
};
