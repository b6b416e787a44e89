import { Trans } from '@lingui/react';
import { formatDuration } from '../../shared/clock/turnClock';
import { currentStep } from '../../shared/engine/places';
import type { Command } from '../../shared/protocol/commands';
import type { QueueEntry } from '../../shared/protocol/view';
import { BusyButton } from '../components/BusyButton';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { useServerNow } from '../live/useServerNow';
import { turnSeen } from '../meeting/seen';
import { KindTag } from './KindTag';
import { addresseeNames, policyWords, sinceOtherWords } from './queueWords';
import { useRequestNames } from './requestNames';
import { useSharedWords } from './sharedWords';
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
  const t = useT();
  const words = useSharedWords();
  const { named: nameOf } = useRequestNames();
  const { view } = useLiveView();
  const [send, pending] = useCommand();
  const can = usePermissions();
  const mayPress = useMayPress();
  const waited = formatDuration(Math.max(0, now - entry.requestedAt));
  const named = nameOf(entry);
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
        aria-label={t(direction === 'up' ? 'consoles.move-up' : 'consoles.move-down', {
          name: named,
        })}
        onClick={() => void send(command)}
      >
        <span className={`arrow-${direction}`}>
          {t(direction === 'up' ? 'consoles.up' : 'consoles.down')}
        </span>
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
        <strong className="queue-name">
          {words.speakingFor({ id: entry.delegationId, name: entry.name }, entry.onBehalfOf)}
        </strong>
        <span className="quiet"> {words.category(entry.category)}</span>
        {entry.speakerName && (
          <div className="speaker-named">
            {t('consoles.speaker-named', { name: entry.speakerName })}
          </div>
        )}
        {addressed.length > 0 && (
          <div className="addressed">
            {t('consoles.questions-to', { names: words.list(addresseeNames(view, addressed)) })}
          </div>
        )}
      </div>
      <span className="waited" title={t('consoles.time-waited')}>
        <Trans
          id="consoles.waited"
          values={{
            time: (
              <span className="digits" dir="ltr">
                {waited}
              </span>
            ),
          }}
        />
      </span>
      <div className="button-row row-buttons">
        {can('floor.grant') && (
          <BusyButton
            busy={pending}
            refusal={grantRefused}
            aria-label={t('consoles.give-floor-to', { name: named })}
            onClick={() => void send(grant)}
          >
            {t('consoles.give-floor')}
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
            aria-label={t('consoles.remove-request-of', { name: named })}
            onClick={() => void send(remove)}
          >
            {t('consoles.remove')}
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
  const t = useT();
  const { view } = useLiveView();
  const { floor } = view;
  const discussion = currentStep(view)?.step.kind === 'floor';
  return (
    <p className="queue-facts">
      <span>{t(policyWords(floor))}</span>
      {discussion && (
        <span className="since-other">{t(sinceOtherWords(floor.statesSinceOther))}</span>
      )}
    </p>
  );
};

/**
 * The floor queue, in the server's order, with how long each request has waited (redrawn on each
 * whole second of the server's time by one timer, `useServerNow`: no frame loop).
 */
export const QueueList = () => {
  const t = useT();
  const { view, clock } = useLiveView();
  const now = useServerNow(clock);
  const { queue } = view.floor;
  if (queue.length === 0) return <p className="quiet">{t('consoles.queue-empty')}</p>;
  return (
    <ol className="rows queue" aria-label={t('consoles.requests-for-the-floor')}>
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
