import { useEffect, useId, useRef, useState } from 'react';
import { formatDuration } from '../../shared/clock/turnClock';
import type { Command } from '../../shared/protocol/commands';
import type { QueueEntry } from '../../shared/protocol/view';
import { BusyButton } from '../components/BusyButton';
import { type Announcement, useAnnouncer } from '../components/LiveAnnouncer';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { useServerNow } from '../live/useServerNow';
import { turnSeen } from '../meeting/seen';
import { useRequestWords } from '../meeting/useRequestWords';
import { requestNamed } from './QueueList';
import { usePermissions } from './usePermissions';

const isPointOfOrder = (r: QueueEntry) => r.kind === 'point-of-order';

/**
 * The point of order, said at once to a screen reader: an assertive region, on the page from the
 * start (a region added with its text is not heard), out of sight (the banner shows the same).
 */
const AssertiveRegion = ({ announcement }: { announcement: Announcement | null }) => (
  <div className="visually-hidden" aria-live="assertive" data-point-of-order-announcer="">
    {announcement && <p key={announcement.id}>{announcement.text}</p>}
  </div>
);

const Banner = ({
  entry,
  now,
  onDismiss,
}: {
  entry: QueueEntry;
  now: number;
  onDismiss: () => void;
}) => {
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
  const headingId = useId();
  const reasonId = useId();
  // As the queue's own button: the request and the turn seen, so two officers grant it once.
  const grant: Command = { type: 'floor.grant', requestId: entry.id, ...turnSeen(view) };
  const refusal = mayPress(grant);
  const speaking = view.turn;
  const named = requestNamed(useRequestWords(), entry);
  return (
    <section className="point-of-order-banner" aria-labelledby={headingId}>
      <p className="point-of-order-mark" aria-hidden="true">
        !
      </p>
      <div className="point-of-order-text">
        <h2 id={headingId}>Point of order</h2>
        <p className="point-of-order-who">
          {entry.name}
          {entry.speakerName && entry.speakerName !== entry.name && (
            <span className="point-of-order-speaker"> ({entry.speakerName})</span>
          )}
        </p>
        <p className="point-of-order-detail">
          Raised{' '}
          <span className="digits">{formatDuration(Math.max(0, now - entry.requestedAt))}</span>{' '}
          ago.{' '}
          {speaking
            ? `Giving the floor pauses ${speaking.speaker.name}, who gets it back when the point of order ends.`
            : 'Nobody has the floor now.'}
        </p>
        {refusal && (
          <p className="point-of-order-refusal" id={reasonId}>
            {refusal.message}
          </p>
        )}
      </div>
      <div className="point-of-order-buttons">
        {can('floor.grant') && (
          <BusyButton
            className="button-point-of-order"
            busy={pending}
            refusal={refusal}
            aria-describedby={refusal ? reasonId : undefined}
            aria-label={`Give the floor to ${named}`}
            onClick={() => void send(grant)}
          >
            Give the floor
          </BusyButton>
        )}
        <button
          type="button"
          className="button-dismiss"
          aria-label={`Dismiss the alert of ${named}: the request stays in the queue`}
          onClick={onDismiss}
        >
          Dismiss
        </button>
      </div>
    </section>
  );
};

/**
 * A point of order waiting, on both consoles, in any step: a banner at the top of the console
 * that stays in view as it scrolls, naming the delegation, with "Give the floor" and "Dismiss".
 * Dismissing hides the banner on this console only; the request stays in the queue, marked
 * "Point of order", until it is given the floor or removed. Screen readers hear each new one at
 * once (an assertive region), never the same one twice.
 */
export const PointOfOrderAlert = () => {
  const { view, clock } = useLiveView();
  const now = useServerNow(clock);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, announce] = useAnnouncer();
  const heard = useRef(new Set<string>());
  const waiting = view.floor.queue.filter(isPointOfOrder);
  const shown = waiting.filter((r) => !dismissed.has(r.id));
  const news = waiting.filter((r) => !heard.current.has(r.id));
  const newsKey = news.map((r) => r.id).join(' ');

  // biome-ignore lint/correctness/useExhaustiveDependencies: the new requests are what `newsKey` names
  useEffect(() => {
    if (news.length === 0) return;
    for (const r of news) heard.current.add(r.id);
    announce(
      news.length === 1 && news[0]
        ? `Point of order: ${news[0].name}.`
        : `Points of order: ${news.map((r) => r.name).join(', ')}.`,
    );
  }, [newsKey, announce]);

  return (
    <div className="point-of-order-alerts">
      <AssertiveRegion announcement={announcement} />
      {shown.map((entry) => (
        <Banner
          key={entry.id}
          entry={entry}
          now={now}
          onDismiss={() => setDismissed((d) => new Set(d).add(entry.id))}
        />
      ))}
    </div>
  );
};
