import { formatDuration } from '../../shared/clock/turnClock';
import { currentStep } from '../../shared/engine/places';
import type { Command } from '../../shared/protocol/commands';
import type { QueueEntry } from '../../shared/protocol/view';
import { BusyButton } from '../components/BusyButton';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { useServerNow } from '../live/useServerNow';
import type { RequestWords } from '../meeting/requestWords';
import { turnSeen } from '../meeting/seen';
import { useRequestWords } from '../meeting/useRequestWords';
import { KindTag } from './KindTag';
import { addresseeNames, policyWords, sinceOtherWords } from './queueWords';
import { usePermissions } from './usePermissions';

/**
 * How a button names a request: the delegation, and the kind when it is not a statement (a
 * delegation may wait with a statement and a point of order at once: two rows, two names).
 */
export const requestNamed = (
  words: RequestWords,
  entry: Pick<QueueEntry, 'name' | 'kind'>,
): string => {
  const note = words.kindNote(entry.kind);
  return note ? `${entry.name} (${note.toLowerCase()})` : entry.name;
};

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
  const words = useRequestWords();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
  const waited = formatDuration(Math.max(0, now - entry.requestedAt));
  const named = requestNamed(words, entry);
  // Granting names the turn seen: two officers granting at once give the floor once.
  const grant: Command = { type: 'floor.grant', requestId: entry.id, ...turnSeen(view) };
  const remove: Command = { type: 'floor.remove', requestId: entry.id };
  const grantRefused = mayPress(grant);
  /** "Up" and "Down": the first cannot go up, nor the last down (no such place in the queue). */
  const move = (direction: 'up' | 'down') => {
    const possible = direction === 'up' ? index > 0 : !last;
    const command: Command = {
      type: 'floor.move',
      requestId: entry.id,
      position: direction === 'up' ? index - 1 : index + 1,
    };
    return (
      <BusyButton
        busy={pending}
        refusal={possible ? mayPress(command) : null}
        disabled={!possible}
        aria-label={`Move ${named} ${direction}`}
        onClick={() => void send(command)}
      >
        <span className={`arrow-${direction}`}>{direction === 'up' ? 'Up' : 'Down'}</span>
      </BusyButton>
    );
  };
  const addressed = entry.addressedTo ?? [];
  return (
    <li className={`row queue-row kind-${entry.kind}`}>
      <span className="row-number" aria-hidden="true">
        {index + 1}
      </span>
      <div className="row-main">
        <KindTag kind={entry.kind} />
        <strong className="queue-name">{words.speakingFor(entry.name, entry.onBehalfOf)}</strong>
        <span className="quiet"> {words.category(entry.category)}</span>
        {entry.speakerName && <div className="speaker-named">Speaker: {entry.speakerName}</div>}
        {addressed.length > 0 && (
          <div className="addressed">Questions to {addresseeNames(view, addressed).join(', ')}</div>
        )}
      </div>
      <span className="waited" title="Time waited">
        waited <span className="digits">{waited}</span>
      </span>
      <div className="button-row row-buttons">
        {can('floor.grant') && (
          <BusyButton
            busy={pending}
            refusal={grantRefused}
            aria-label={`Give the floor to ${named}`}
            onClick={() => void send(grant)}
          >
            Give the floor
          </BusyButton>
        )}
        {can('floor.move') && (
          <>
            {move('up')}
            {move('down')}
          </>
        )}
        {can('floor.remove') && (
          <BusyButton
            className="button-quiet"
            busy={pending}
            refusal={mayPress(remove)}
            aria-label={`Remove the request of ${named}`}
            onClick={() => void send(remove)}
          >
            Remove
          </BusyButton>
        )}
      </div>
    </li>
  );
};

/**
 * What the moderator weighs before giving the floor: the list's order and, in a discussion, how
 * long the others (organizations, stakeholders) have gone unheard.
 */
export const QueueFacts = () => {
  const { view } = useLiveView();
  const { floor } = view;
  const discussion = currentStep(view)?.step.kind === 'floor';
  return (
    <p className="queue-facts">
      <span>{policyWords(floor)}</span>
      {discussion && <span className="since-other">{sinceOtherWords(floor.statesSinceOther)}</span>}
    </p>
  );
};

/**
 * The floor queue, in the server's order, with how long each request has waited (redrawn on each
 * whole second of the server's time by one timer, `useServerNow`: no frame loop).
 */
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
