import { Trans } from '@lingui/react';
import { formatRemaining } from '../../shared/clock/turnClock';
import type { TurnView } from '../../shared/protocol/view';
import { Clock } from '../components/Clock';
import { LiveRegion, useAnnouncer } from '../components/LiveAnnouncer';
import { PhaseWatch } from '../components/PhaseWatch';
import { useT } from '../i18n/useT';
import { useLiveView } from '../live/LiveContext';
import { CueControls } from './CueControls';
import { KindTag } from './KindTag';
import { addresseeNames } from './queueWords';
import { useSharedWords } from './sharedWords';
import { TurnControls } from './TurnControls';

/**
 * Who speaks, and for whom: "Egypt, on behalf of the African Group", the kind of turn when it is
 * not a statement, and the panelists its questions address.
 */
export const SpeakerLine = ({ turn }: { turn: TurnView }) => {
  const t = useT();
  const words = useSharedWords();
  const { view } = useLiveView();
  const { speaker } = turn;
  const forDelegation =
    speaker.delegationName !== undefined && speaker.delegationName === speaker.name;
  const delegation =
    speaker.delegationName !== undefined
      ? { id: speaker.delegationId ?? '', name: speaker.delegationName }
      : null;
  const details = [
    delegation && !forDelegation ? words.speakingFor(delegation, speaker.onBehalfOf) : null,
    speaker.category ? words.category(speaker.category) : null,
    turn.segment === 'panel' ? t('consoles.panel-responds') : null,
  ].filter((d): d is string => d !== null);
  const addressed = speaker.addressedTo ?? [];
  return (
    <div className="speaker-line">
      <KindTag kind={speaker.kind} />
      <p>
        <strong className="speaker-name">
          {delegation && forDelegation
            ? words.speakingFor(delegation, speaker.onBehalfOf)
            : speaker.name}
        </strong>
        {details.length > 0 && <span className="speaker-details"> {details.join(' · ')}</span>}
      </p>
      {addressed.length > 0 && (
        <p className="addressed">
          {t('consoles.questions-to', {
            names: words.list(addresseeNames(view, addressed)),
          })}
        </p>
      )}
    </div>
  );
};

/**
 * The turn a point of order interrupted: who, and the time left on their paused clock, and what
 * ending the point of order does. Its clock stands still, so it is drawn once.
 */
const InterruptedTurn = ({ turn }: { turn: TurnView }) => {
  const t = useT();
  const name = useSharedWords().speaker(turn.speaker);
  return (
    <div className="interrupted">
      <p>
        <Trans
          id="consoles.interrupted-paused-at"
          values={{
            name,
            time: (
              <span className="digits" dir="ltr">
                {formatRemaining(turn.limitMs - turn.elapsedMs)}
              </span>
            ),
          }}
          components={{ 0: <strong /> }}
        />
      </p>
      <p className="quiet">
        {t('consoles.interrupted-gets-back', {
          name,
          resume: t('consoles.resume'),
        })}
      </p>
    </div>
  );
};

/**
 * Tells screen readers, once, that the clock has entered warning or run over; the clock itself
 * stays silent (its seconds would drown everything else).
 */
const ClockNews = ({ turn }: { turn: TurnView | null }) => {
  const t = useT();
  const words = useSharedWords();
  const [announcement, announce] = useAnnouncer();
  return (
    <>
      {turn && (
        <PhaseWatch
          key={turn.id}
          turn={turn}
          onEnter={(phase, remainingMs) =>
            announce(
              phase === 'warning'
                ? t('consoles.news-warning', {
                    time: words.timeInWords(remainingMs),
                    name: words.speaker(turn.speaker),
                  })
                : t('consoles.news-time-is-up', { name: words.speaker(turn.speaker) }),
            )
          }
        />
      )}
      <LiveRegion announcement={announcement} />
    </>
  );
};

/**
 * Who has the floor, their clock and its buttons, and the cue to them: the same on the chair and
 * moderator consoles.
 */
export const CurrentTurn = ({ turn }: { turn: TurnView | null }) => {
  const t = useT();
  const { view } = useLiveView();
  return (
    <section className="panel current-turn" aria-labelledby="current-turn-heading">
      <h2 id="current-turn-heading">{t('consoles.has-the-floor')}</h2>
      <ClockNews turn={turn} />
      {turn ? (
        <>
          <SpeakerLine turn={turn} />
          <Clock turn={turn} size="console" />
          {view.interrupted && <InterruptedTurn turn={view.interrupted} />}
          <TurnControls turn={turn} interrupted={view.interrupted} />
          <CueControls />
        </>
      ) : (
        <p className="quiet">{t('consoles.nobody-has-the-floor')}</p>
      )}
    </section>
  );
};
