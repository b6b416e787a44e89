import { Trans } from '@lingui/react';
import { useLang } from '../i18n/languages';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { AddRequest } from './AddRequest';
import { AdHocSpeaker } from './AdHocSpeaker';
import { ListControls, SegmentControls } from './FloorControls';
import { NextSpeakerButton } from './NextSpeakerButton';
import { QueueFacts, QueueList } from './QueueList';
import { earlyDiscussionTitle, inSentence } from './queueWords';
import type { NextSpeaker } from './useNextSpeaker';
import { usePermissions } from './usePermissions';

/** A floor step: the queue, the list, the segments, and requests added for delegations. */
export const FloorPanel = ({ next }: { next: NextSpeaker | null }) => {
  const t = useT();
  const { view } = useLiveView();
  const can = usePermissions();
  return (
    <>
      <section className="panel" aria-labelledby="queue-heading">
        <h2 id="queue-heading">
          {t('consoles.requests-heading', { count: view.floor.queue.length })}
        </h2>
        {next && <NextSpeakerButton next={next} />}
        <ListControls />
        <QueueFacts />
        <QueueList />
        {can('floor.add') && <AddRequest />}
      </section>
      <section className="panel" aria-labelledby="segment-heading">
        <h2 id="segment-heading">{t('consoles.segments')}</h2>
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
  const t = useT();
  const lang = useLang();
  const { view } = useLiveView();
  const can = usePermissions();
  const { queue } = view.floor;
  const discussion = earlyDiscussionTitle(view);
  if (queue.length === 0 && !discussion && !can('floor.add')) return null;
  const early = queue.filter((r) => r.kind !== 'point-of-order').length;
  return (
    <section className="panel" aria-labelledby="step-requests-heading">
      <h2 id="step-requests-heading">{t('consoles.requests-heading', { count: queue.length })}</h2>
      {discussion ? (
        <div className="early-requests">
          <p className="early-count">
            <Trans
              id="consoles.early-requests"
              values={{
                // The title inside an English sentence ("Requests for the interactive
                // discussion"); the other languages quote it as the chair wrote it.
                discussion: lang === 'en' ? inSentence(discussion) : discussion,
                count: <span className="digits">{early}</span>,
              }}
            />
          </p>
          <p className="quiet">{t('consoles.early-requests-note')}</p>
        </div>
      ) : (
        <p className="quiet">{t('consoles.only-point-of-order')}</p>
      )}
      {queue.length > 0 && <QueueFacts />}
      <QueueList />
      {can('floor.add') && <AddRequest />}
    </section>
  );
};
