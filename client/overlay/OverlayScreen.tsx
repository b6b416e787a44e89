import { type CSSProperties, useEffect, useState } from 'react';
import { scheduledSpeaker } from '../../shared/engine/places';
import type { MeetingView, TurnView } from '../../shared/protocol/view';
import { Clock } from '../components/Clock';
import { useLive } from '../live/LiveContext';
import { useRequestWords } from '../meeting/useRequestWords';
import { MAX_DURATION_MS, overlayOptions } from './overlayOptions';
import '../styles/overlay.css';

/**
 * The third line under a name: the delegation a person speaks for, or a scheduled speaker's role
 * in the programme ("Expert"); none for a delegation speaking in its own name.
 */
const detailOf = (view: MeetingView, turn: TurnView): string | null => {
  const { speaker } = turn;
  if (speaker.delegationName) {
    return speaker.delegationName !== speaker.name ? speaker.delegationName : null;
  }
  if (speaker.speakerId === undefined) return null;
  return scheduledSpeaker(view, speaker.speakerId)?.speaker.role ?? null;
};

const LowerThird = ({
  view,
  turn,
  clock,
}: {
  view: MeetingView;
  turn: TurnView;
  clock: boolean;
}) => {
  const { speaker } = turn;
  const kind = useRequestWords().kindNote(speaker.kind);
  const detail = detailOf(view, turn);
  return (
    <section className="overlay-third" aria-label="Has the floor">
      <div className="overlay-words">
        {kind && <p className={`overlay-kind kind-${speaker.kind ?? 'statement'}`}>{kind}</p>}
        <p className="overlay-name">{speaker.name}</p>
        {detail && <p className="overlay-detail">{detail}</p>}
        {speaker.onBehalfOf && (
          <p className="overlay-behalf">on behalf of the {speaker.onBehalfOf.name}</p>
        )}
      </div>
      {clock && <Clock turn={turn} size="overlay" />}
    </section>
  );
};

/**
 * The overlay: a lower third for a webcast mixer's browser source (OBS, vMix), on a page that is
 * transparent everywhere else (client/styles/overlayPage.css). Who has the floor: the name, the
 * delegation or role, the group spoken for, the kind of turn; the clock with `?clock=1`. Nothing
 * at all while nobody has the floor or the meeting is not running; it appears and goes with a
 * short fade. Styled by CSS custom properties, from the address or the team's stylesheet
 * (client/overlay/overlayOptions.ts, docs/overlay.md). The room display's blackout is not the
 * webcast's: the overlay does not follow it.
 */
export const OverlayScreen = () => {
  const { view } = useLive();
  const [options] = useState(() =>
    overlayOptions(window.location.search, (property, value) => CSS.supports(property, value)),
  );
  useEffect(() => {
    if (options.refused.length > 0) {
      console.warn(`Overlay: left out ${options.refused.join(', ')} (see docs/overlay.md).`);
    }
  }, [options]);

  const turn = view?.status === 'running' ? view.turn : null;
  // The last turn shown stays, unseen, while the lower third fades out (and no longer after).
  const [kept, keep] = useState<TurnView | null>(turn);
  if (turn !== null && turn !== kept) keep(turn);
  useEffect(() => {
    if (turn !== null) return;
    const timer = setTimeout(() => keep(null), MAX_DURATION_MS);
    return () => clearTimeout(timer);
  }, [turn]);
  const shown = turn ?? kept;

  return (
    <div
      className={`overlay${turn ? ' is-on' : ''}`}
      // React sets custom properties through the CSSOM, one by one, as they were checked.
      style={options.style as CSSProperties}
      aria-hidden={turn ? undefined : true}
    >
      {view && shown && (
        // A new turn's lower third comes in anew; the one going keeps its clock to the end.
        <LowerThird key={shown.id} view={view} turn={shown} clock={options.clock} />
      )}
    </div>
  );
};
