import { useT } from '../../i18n/useT';
import { useLiveView } from '../../live/LiveContext';
import { isAnotherDay } from '../../meeting/schedule';
import { useMeetingTimes } from '../useMeetingTimes';
import { useSchedule } from './ScheduleContext';
import { discussionMessages } from './scheduleWords';

/** In a discussion: the time left for it, and how many more interventions fit. */
export const DiscussionTime = () => {
  const t = useT();
  const { view } = useLiveView();
  const { schedule } = useSchedule();
  const times = useMeetingTimes(view.agenda.timeZone);
  const discussion = schedule.discussion;
  if (!discussion || schedule.current?.sittingId === null) return null;
  if (isAnotherDay(discussion.timeLeftMs)) return null;
  const words = discussionMessages(discussion, times);
  return (
    <div className="discussion-time">
      <p>{t(words.timeLeft)}</p>
      <p>
        <strong>{t(words.fit)}</strong>
      </p>
    </div>
  );
};
