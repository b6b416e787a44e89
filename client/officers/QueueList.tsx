import { formatDuration } from '../../shared/clock/turnClock';
import type { QueueEntry } from '../../shared/protocol/view';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useServerNow } from '../live/useServerNow';
import { CATEGORY_LABEL } from '../meeting/agenda';
import { usePermissions } from './usePermissions';

const QueueRow = ({
  entry,
  index,
  last,
  now,
}: {
  entry: QueueEntry;
  index: number;
  last: boolean;
  now: number;
}) => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const waited = formatDuration(Math.max(0, now - entry.requestedAt));
  const running = view.status === 'running';
  return (
    <li className="row queue-row">
      <span className="row-number" aria-hidden="true">
        {index + 1}
      </span>
      <div className="row-main">
        <strong>{entry.name}</strong>
        <span className="quiet"> {CATEGORY_LABEL[entry.category]}</span>
        {entry.speakerName && <div className="speaker-named">Speaker: {entry.speakerName}</div>}
      </div>
      <span className="waited" title="Time waited">
        waited <span className="digits">{waited}</span>
      </span>
      <div className="button-row row-buttons">
        {can('floor.grant') && (
          <button
            type="button"
            disabled={pending || !running}
            aria-label={`Give the floor to ${entry.name}`}
            onClick={() => void send({ type: 'floor.grant', requestId: entry.id })}
          >
            Give the floor
          </button>
        )}
        {can('floor.move') && (
          <>
            <button
              type="button"
              disabled={pending || index === 0}
              aria-label={`Move ${entry.name} up`}
              onClick={() =>
                void send({ type: 'floor.move', requestId: entry.id, position: index - 1 })
              }
            >
              <span className="arrow-up">Up</span>
            </button>
            <button
              type="button"
              disabled={pending || last}
              aria-label={`Move ${entry.name} down`}
              onClick={() =>
                void send({ type: 'floor.move', requestId: entry.id, position: index + 1 })
              }
            >
              <span className="arrow-down">Down</span>
            </button>
          </>
        )}
        {can('floor.remove') && (
          <button
            type="button"
            className="button-quiet"
            disabled={pending}
            aria-label={`Remove the request of ${entry.name}`}
            onClick={() => void send({ type: 'floor.remove', requestId: entry.id })}
          >
            Remove
          </button>
        )}
      </div>
    </li>
  );
};

/** The floor queue, in the server's order, with how long each request has waited. */
export const QueueList = () => {
  const { view, clock } = useLiveView();
  const now = useServerNow(clock);
  const { queue } = view.floor;
  if (queue.length === 0) return <p className="quiet">Nobody is waiting for the floor.</p>;
  return (
    <ol className="rows queue" aria-label="Requests for the floor">
      {queue.map((entry, index) => (
        <QueueRow
          key={entry.id}
          entry={entry}
          index={index}
          last={index === queue.length - 1}
          now={now}
        />
      ))}
    </ol>
  );
};
