import { currentStep } from '../../shared/engine/places';
import type { Refusal } from '../../shared/protocol/errors';
import type { MeetingView } from '../../shared/protocol/view';
import { Clock } from '../components/Clock';
import { ConfirmButton } from '../components/ConfirmButton';
import { LiveRegion } from '../components/LiveAnnouncer';
import { PhaseWatch, timeInWords } from '../components/PhaseWatch';
import { ScreenHeader } from '../components/ScreenHeader';
import { useLiveView } from '../live/LiveContext';
import type { MayPress } from '../live/mayPress';
import { useCommand } from '../live/useCommand';
import { useMayPress } from '../live/useMayPress';
import { useRoster } from '../live/useRoster';
import { placeInLine, placeTitle } from '../meeting/agenda';
import { STATES_FIRST_WORDS } from './placeNews';
import { RequestForm } from './RequestForm';
import { useTabletNews } from './useTabletNews';
import '../styles/delegate.css';

interface WaitingProps {
  view: MeetingView;
  place: number;
  /** The speaker's name this tablet sent with its request, if it named one. */
  speakerName: string | undefined;
  /** The place was last moved back because a State asked after this delegation. */
  movedBack: boolean;
  mayPress: MayPress;
}

const Waiting = ({ view, place, speakerName, movedBack, mayPress }: WaitingProps) => {
  const [send, pending] = useCommand();
  return (
    <div className="delegate-state">
      <p className="delegate-big">Number {place} in line</p>
      {movedBack && <p className="delegate-why">Your place moved back: {STATES_FIRST_WORDS}</p>}
      <p className="delegate-speaker">
        {speakerName ? (
          <>
            Speaker: <strong>{speakerName}</strong>
          </>
        ) : (
          'No speaker named.'
        )}
      </p>
      {view.floor.segment === 'panel' && (
        <p>The panel is responding now; your request waits in line.</p>
      )}
      {!view.floor.open && <p>The list of speakers is closed; your request still stands.</p>}
      <ConfirmButton
        className="button-wide"
        disabled={pending || mayPress({ type: 'floor.withdraw' }) !== null}
        question="Withdraw your request for the floor?"
        detail={`You are number ${place} in line. Asking again later puts you at the end of the line.`}
        confirmLabel="Yes, withdraw"
        focusName="withdraw-request"
        focusAfterConfirm="request-floor"
        onConfirm={() => void send({ type: 'floor.withdraw' })}
      >
        Withdraw request
      </ConfirmButton>
    </div>
  );
};

/**
 * Why this tablet offers no "Request the floor": the chart decides (`useMayPress`, the server's
 * own rules) and gives its reason; a meeting not under way is said as the room says it, and a
 * closed list says that a request cannot be made until it opens again.
 */
const reasonOf = (view: MeetingView, refusal: Refusal): string => {
  if (view.status === 'pending') return 'The meeting has not started yet.';
  if (view.status === 'closed') return 'The meeting is closed.';
  if (refusal.code === 'list_closed') return `${refusal.message} No new requests are taken.`;
  return refusal.message;
};

interface BodyProps {
  view: MeetingView;
  delegationId: string;
  movedBackTo: number | null;
  mayPress: MayPress;
}

const DelegateBody = ({ view, delegationId, movedBackTo, mayPress }: BodyProps) => {
  const turn = view.turn;
  if (turn?.speaker.delegationId === delegationId) {
    return (
      <div className="delegate-state delegate-has-floor">
        <p className="delegate-big">You have the floor</p>
        {turn.speaker.delegationName !== undefined &&
          turn.speaker.name !== turn.speaker.delegationName && (
            <p className="delegate-speaker">
              Speaker: <strong>{turn.speaker.name}</strong>
            </p>
          )}
        <Clock turn={turn} size="tablet" />
      </div>
    );
  }
  const place = placeInLine(view, delegationId);
  if (place !== null) {
    const request = view.floor.queue[place - 1];
    return (
      <Waiting
        view={view}
        place={place}
        speakerName={request?.speakerName}
        movedBack={movedBackTo === place}
        mayPress={mayPress}
      />
    );
  }
  const refusal = mayPress({ type: 'floor.request' });
  if (refusal) {
    return (
      <div className="delegate-state">
        <p className="delegate-reason">{reasonOf(view, refusal)}</p>
      </div>
    );
  }
  return <RequestForm />;
};

/** A delegation's tablet: ask for the floor, see the place in line, see one's own clock. */
export const DelegateScreen = () => {
  const { view, session } = useLiveView();
  const roster = useRoster(session.meetingId);
  const mayPress = useMayPress(roster);
  const delegationId = session.delegationId ?? '';
  const delegation = roster?.find((d) => d.id === delegationId);
  const here = currentStep(view);
  const own = view.turn?.speaker.delegationId === delegationId ? view.turn : null;
  const speaking = view.turn && !own ? view.turn : null;
  const news = useTabletNews(view, delegationId);
  return (
    <div className="delegate">
      <ScreenHeader screen="Delegation" />
      <main className="delegate-main">
        {own && (
          <PhaseWatch
            key={own.id}
            turn={own}
            onEnter={(phase, remainingMs) =>
              news.announce(
                phase === 'warning'
                  ? `Warning: ${timeInWords(remainingMs)} left.`
                  : 'Your time is up.',
              )
            }
          />
        )}
        <LiveRegion announcement={news.announcement} />
        <h2 className="delegate-name">{delegation?.name ?? '\u00a0'}</h2>
        {view.status === 'running' && here && <p className="delegate-place">{placeTitle(here)}</p>}
        {view.status === 'suspended' && (
          <p className="delegate-place">
            The meeting is suspended.{view.suspension?.note ? ` ${view.suspension.note}` : ''}
          </p>
        )}
        <DelegateBody
          view={view}
          delegationId={delegationId}
          movedBackTo={news.movedBackTo}
          mayPress={mayPress}
        />
        {speaking && view.status === 'running' && (
          <p className="delegate-speaking">
            Has the floor: <strong>{speaking.speaker.name}</strong>
            {speaking.speaker.delegationName &&
            speaking.speaker.delegationName !== speaking.speaker.name
              ? ` (${speaking.speaker.delegationName})`
              : ''}
          </p>
        )}
      </main>
    </div>
  );
};
