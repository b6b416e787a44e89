import type { Delegation } from '../../shared/protocol/agenda';
import type { MeetingView } from '../../shared/protocol/view';
import { Clock } from '../components/Clock';
import { ConfirmButton } from '../components/ConfirmButton';
import { LiveRegion } from '../components/LiveAnnouncer';
import { PhaseWatch, timeInWords } from '../components/PhaseWatch';
import { ScreenHeader } from '../components/ScreenHeader';
import { useLiveView } from '../live/LiveContext';
import { useCommand } from '../live/useCommand';
import { useRoster } from '../live/useRoster';
import {
  CATEGORY_LABEL,
  currentPlace,
  isStateCategory,
  placeInLine,
  placeTitle,
} from '../meeting/agenda';
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
}

const Waiting = ({ view, place, speakerName, movedBack }: WaitingProps) => {
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
        disabled={pending}
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

/** Whether this delegation may ask for the floor in this step, and if not, why, in words. */
const whyNot = (view: MeetingView, delegation: Delegation | undefined): string | null => {
  switch (view.status) {
    case 'pending':
      return 'The meeting has not started yet.';
    case 'closed':
      return 'The meeting is closed.';
    case 'suspended':
      return `The meeting is suspended.${view.suspension?.note ? ` ${view.suspension.note}` : ''}`;
    case 'running':
      break;
  }
  const here = currentPlace(view);
  if (here?.step.kind !== 'floor') return 'The floor is not open for requests now.';
  if (delegation && here.step.openTo && !here.step.openTo.includes(delegation.category)) {
    const who = here.step.openTo.every(isStateCategory)
      ? 'States'
      : here.step.openTo.map((c) => CATEGORY_LABEL[c]).join(', ');
    return `In this step the floor is open to ${who} only.`;
  }
  if (!view.floor.open) return 'The list of speakers is closed. No new requests are taken.';
  return null;
};

interface BodyProps {
  view: MeetingView;
  delegationId: string;
  delegation: Delegation | undefined;
  movedBackTo: number | null;
}

const DelegateBody = ({ view, delegationId, delegation, movedBackTo }: BodyProps) => {
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
      />
    );
  }
  const reason = whyNot(view, delegation);
  if (reason) {
    return (
      <div className="delegate-state">
        <p className="delegate-reason">{reason}</p>
      </div>
    );
  }
  return <RequestForm />;
};

/** A delegation's tablet: ask for the floor, see the place in line, see one's own clock. */
export const DelegateScreen = () => {
  const { view, session } = useLiveView();
  const roster = useRoster(session.meetingId);
  const delegationId = session.delegationId ?? '';
  const delegation = roster?.find((d) => d.id === delegationId);
  const here = currentPlace(view);
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
        <DelegateBody
          view={view}
          delegationId={delegationId}
          delegation={delegation}
          movedBackTo={news.movedBackTo}
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
