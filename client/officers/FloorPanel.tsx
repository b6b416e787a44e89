import { useLiveView } from '../live/LiveContext';
import { AddRequest } from './AddRequest';
import { AdHocSpeaker } from './AdHocSpeaker';
import { ListControls, SegmentControls } from './FloorControls';
import { NextSpeakerButton } from './NextSpeakerButton';
import { QueueFacts, QueueList } from './QueueList';
import { earlyDiscussionTitle } from './queueWords';
import type { NextSpeaker } from './useNextSpeaker';
import { usePermissions } from './usePermissions';

/** A floor step: the queue, the list, the segments, and requests added for delegations. */
export const FloorPanel = ({ next }: { next: NextSpeaker | null }) => {
  const { view } = useLiveView();
  const can = usePermissions();
  return (
    <>
      <section className="panel" aria-labelledby="queue-heading">
        <h2 id="queue-heading">Requests for the floor ({view.floor.queue.length})</h2>
        {next && <NextSpeakerButton next={next} />}
        <ListControls />
        <QueueFacts />
        <QueueList />
        {can('floor.add') && <AddRequest />}
      </section>
      <section className="panel" aria-labelledby="segment-heading">
        <h2 id="segment-heading">Segments</h2>
        <SegmentControls />
        {can('turn.start') && <AdHocSpeaker />}
      </section>
    </>
  );
};

/**
 * The queue in a speakers step: points of order, heard at once, and the early requests building
 * for the item's discussion, heard there (the chart refuses to give them the floor now, and the
 * buttons say so). Shown whenever there is something to show or to add.
 */
export const StepRequestsPanel = () => {
  const { view } = useLiveView();
  const can = usePermissions();
  const { queue } = view.floor;
  const discussion = earlyDiscussionTitle(view);
  if (queue.length === 0 && !discussion && !can('floor.add')) return null;
  const early = queue.filter((r) => r.kind !== 'point-of-order').length;
  return (
    <section className="panel" aria-labelledby="step-requests-heading">
      <h2 id="step-requests-heading">Requests for the floor ({queue.length})</h2>
      {discussion ? (
        <div className="early-requests">
          <p className="early-count">
            Requests for the {discussion}: <span className="digits">{early}</span>
          </p>
          <p className="quiet">
            They are heard when it opens. Until then only a point of order is given the floor.
          </p>
        </div>
      ) : (
        <p className="quiet">Only a point of order may be raised in this step.</p>
      )}
      {queue.length > 0 && <QueueFacts />}
      <QueueList />
      {can('floor.add') && <AddRequest />}
    </section>
  );
};
