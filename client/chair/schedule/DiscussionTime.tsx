import { useT } from '../../i18n/useT';
import { useLiveView } from '../../live/LiveContext';
import { discussionWords, isAnotherDay } from '../../meeting/schedule';
import { useSchedule } from './ScheduleContext';

/** In a discussion: the time left for it, and how many more interventions fit. */
export const DiscussionTime = () => {
  const t = useT();
  const { view } = useLiveView();
  const { schedule } = useSchedule();
  const discussion = schedule.discussion;
  if (!discussion || schedule.current?.sittingId === null) return null;
  if (isAnotherDay(discussion.timeLeftMs)) return null;
  const words = discussionWords(t, discussion, view.agenda.timeZone);
  return (
    <div className="discussion-time">
      <p>{words.timeLeft}</p>
      <p>
        <strong>{words.fit}</strong>
      </p>
    </div>
  );
};
