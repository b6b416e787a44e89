import { Trans } from '@lingui/react';
import { useEffect, useId, useRef, useState } from 'react';
import { formatDuration } from '../../shared/clock/turnClock';
import type { Command } from '../../shared/protocol/commands';
import type { QueueEntry } from '../../shared/protocol/view';
import { BusyButton } from '../components/BusyButton';
import { type Announcement, useAnnouncer } from '../components/LiveAnnouncer';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { useRefusalWords } from '../live/useRefusalWords';
import { useServerNow } from '../live/useServerNow';
import { turnSeen } from '../meeting/seen';
import { useRequestNames } from './requestNames';
import { useSharedWords } from './sharedWords';
import { usePermissions } from './usePermissions';

const isPointOfOrder = (r: QueueEntry) => r.kind === 'point-of-order';

/**
 * The point of order, said at once to a screen reader: an assertive region, on the page from the
 * start (a region added with its text is not heard), out of sight (the banner shows the same).
 */
const AssertiveRegion = ({ announcement }: { announcement: Announcement | null }) => (
  <div className="visually-hidden" aria-live="assertive" data-point-of-order-announcer="">
    {announcement && (
      <p key={announcement.id} lang={announcement.lang}>
        {announcement.text}
      </p>
    )}
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
  const t = useT();
  const words = useSharedWords();
  const { named: nameOf } = useRequestNames();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
  const sayRefusal = useRefusalWords();
  const headingId = useId();
  const reasonId = useId();
  // As the queue's own button: the request and the turn seen, so two officers grant it once.
  const grant: Command = { type: 'floor.grant', requestId: entry.id, ...turnSeen(view) };
  const refusal = mayPress(grant);
  const speaking = view.turn;
  const named = nameOf(entry);
  const delegation = words.delegation(entry.delegationId, entry.name);
  return (
    <section className="point-of-order-banner" aria-labelledby={headingId}>
      <p className="point-of-order-mark" aria-hidden="true">
        !
      </p>
      <div className="point-of-order-text">
        <h2 id={headingId}>{words.kind('point-of-order')}</h2>
        <p className="point-of-order-who">
          {delegation}
          {entry.speakerName && entry.speakerName !== entry.name && (
            <span className="point-of-order-speaker"> ({entry.speakerName})</span>
          )}
        </p>
        <p className="point-of-order-detail">
          <Trans
            id="consoles.point-of-order-raised"
            values={{
              time: (
                <span className="digits" dir="ltr">
                  {formatDuration(Math.max(0, now - entry.requestedAt))}
                </span>
              ),
            }}
          />{' '}
          {speaking
            ? t('consoles.point-of-order-pauses', { name: words.speaker(speaking.speaker) })
            : t('consoles.nobody-has-the-floor-now')}
        </p>
        {refusal && (
          <p className="point-of-order-refusal" id={reasonId}>
            {sayRefusal(refusal)}
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
            aria-label={t('consoles.give-floor-to', { name: named })}
            onClick={() => void send(grant)}
          >
            {t('consoles.give-floor')}
          </BusyButton>
        )}
        <button
          type="button"
          className="button-dismiss"
          aria-label={t('consoles.dismiss-alert-of', { name: named })}
          onClick={onDismiss}
        >
          {t('consoles.dismiss')}
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
  const t = useT();
  const words = useSharedWords();
  const { view, clock } = useLiveView();
  const now = useServerNow(clock);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, announce] = useAnnouncer();
  const heard = useRef(new Set<string>());
  const waiting = view.floor.queue.filter(isPointOfOrder);
  const shown = waiting.filter((r) => !dismissed.has(r.id));
  const news = waiting.filter((r) => !heard.current.has(r.id));
  const newsKey = news.map((r) => r.id).join(' ');

  // biome-ignore lint/correctness/useExhaustiveDependencies: the new requests are what `newsKey` names (a new language is no news)
  useEffect(() => {
    if (news.length === 0) return;
    for (const r of news) heard.current.add(r.id);
    announce(
      t('consoles.news-point-of-order', {
        count: news.length,
        names: words.list(news.map((r) => words.delegation(r.delegationId, r.name))),
      }),
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
