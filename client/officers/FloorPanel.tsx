import { useLiveView } from '../live/LiveContext';
import { AddRequest } from './AddRequest';
import { AdHocSpeaker } from './AdHocSpeaker';
import { ListControls, SegmentControls } from './FloorControls';
import { NextSpeakerButton } from './NextSpeakerButton';
import { QueueList } from './QueueList';
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
